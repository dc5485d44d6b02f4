"""Search finds every word and its snippets read as text: the separator that splits words at punctuation,
the plugin's default and warning, and the search index of real builds (Material's, and Pagefind's titles).
The browser side (typing a query in Chromium) is in test_browser.py."""
from __future__ import annotations

import html
import json
import logging
import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing_archive.core.search import MUST_SPLIT, SEPARATOR, WHOLE_INDEX_ADVICE_KB, attached, index_advice
from briefing_archive.mkdocs.pagefind import advise_on_whole_index

from conftest import REPO, copy_shipped

MATERIAL_DEFAULT = r"[\s\-]+"
#: The value Material's documentation suggests for code-heavy sites: it leaves quotes and dashes attached.
MATERIAL_SUGGESTED = r'[\s\-,:!=\[\]()"/]+|(?!\b)(?=[A-Z][a-z])|\.(?!\d)|&[lg]t;'


def words(text: str, separator: str = SEPARATOR) -> list[str]:
    return [w for w in re.split(separator, text) if w]


@pytest.mark.parametrize(("text", "expected"), [
    ("Kursk oblast (province), Russia", ["Kursk", "oblast", "province", "Russia"]),
    ("\u201calmost certainly\u201d", ["almost", "certainly"]),
    ("\u2018quoted\u2019 and \"straight\" and 'single'", ["quoted", "and", "straight", "and", "single"]),
    ("[bracketed] {braced} a/b a\\b", ["bracketed", "braced", "a", "b", "a", "b"]),
    ("front\u2014line front\u2013line front-line \u00abguillemets\u00bb \u201elow\u201c",
     ["front", "line", "front", "line", "front", "line", "guillemets", "low"]),
    ("about 4,000 troops, 3.5 km. End", ["about", "4,000", "troops", "3.5", "km", "End"]),
    ("Russia&#x27;s &amp; &lt;b&gt; Putin\u2019s", ["Russia", "s", "b", "Putin", "s"]),
])
def test_the_separator_splits_words_at_punctuation_and_keeps_numbers_whole(text, expected) -> None:
    assert words(text) == expected


def test_the_separator_reads_alike_in_javascript() -> None:
    """Material's highlighting splits the expression at `|` and the browser compiles it without the `u`
    flag: no `|` inside a class, no look-behind, nothing but BMP characters."""
    classes = re.findall(r"\[(?:\\.|[^\]\\])*\]", SEPARATOR)
    assert classes
    assert not any("|" in c for c in classes)
    assert "(?<" not in SEPARATOR
    assert all(ord(ch) < 0x10000 for ch in SEPARATOR)


def test_attached_names_the_punctuation_a_separator_leaves_on_words() -> None:
    assert attached(SEPARATOR) == ""
    assert attached(MATERIAL_DEFAULT) == MUST_SPLIT
    assert attached(MATERIAL_SUGGESTED) == "'\u201c\u201d\u2018\u2019\u2013\u2014"
    assert attached("(?<=unbalanced") == ""   # not an expression Python reads: not judged


def search_index(site: Path) -> dict:
    return json.loads((site / "search" / "search_index.json").read_text("utf-8"))


@pytest.mark.usefixtures("no_warnings")
def test_the_plugin_gives_search_its_separator_when_none_is_set(archive) -> None:
    assert "  - search\n" in archive.root.joinpath("mkdocs.yml").read_text()   # no separator set
    assert search_index(archive.build(strict=True))["config"]["separator"] == SEPARATOR


def test_the_shipped_site_uses_the_separator(shipped_site: Path) -> None:
    assert search_index(shipped_site)["config"]["separator"] == SEPARATOR


def test_a_separator_that_leaves_punctuation_on_words_is_reported(archive, caplog) -> None:
    text = archive.root.joinpath("mkdocs.yml").read_text()
    archive.write("mkdocs.yml", text.replace("  - search\n", f"  - search:\n      separator: '{MATERIAL_DEFAULT}'\n"))
    site = archive.build()
    assert search_index(site)["config"]["separator"] == MATERIAL_DEFAULT   # the author's choice stands
    said = [r.getMessage() for r in caplog.records if r.levelname == "WARNING" and "separator" in r.getMessage()]
    assert len(said) == 1
    assert "leaves ( ) [ ]" in said[0]
    assert "finds nothing" in said[0]
    assert SEPARATOR in said[0]


@pytest.mark.usefixtures("no_warnings")
def test_a_separator_that_splits_all_punctuation_is_kept_silently(archive) -> None:
    own = "[\\s\\-()\\[\\]\"'\u201c\u201d\u2018\u2019/\u2013\u2014.,]+"
    text = archive.root.joinpath("mkdocs.yml").read_text()
    quoted = own.replace("'", "''")   # YAML single quotes: backslashes as they are, a quote doubled
    archive.write("mkdocs.yml", text.replace("  - search\n", f"  - search:\n      separator: '{quoted}'\n"))
    assert search_index(archive.build(strict=True))["config"]["separator"] == own


class _Pairs(HTMLParser):
    """What the eye reads side by side in a page's tables and lists of facts: (left, right) text of each
    header or data cell and the next one in its row, and of each label and its value (and a value and the
    next label). Text in ``hidden`` elements is not seen, so it is left out."""

    def __init__(self) -> None:
        super().__init__()
        self.pairs: list[tuple[str, str]] = []
        self.row: list[str] = []   # the texts of the current row's cells, or of the current <dl>'s items
        self.cell: list[str] | None = None
        self.hidden = 0
        self.depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.hidden or "hidden" in dict(attrs):
            self.hidden += 1
        if tag in ("tr", "dl"):
            self.row = []
        elif tag in ("td", "th", "dt", "dd") and self.cell is None:
            self.cell, self.depth = [], 0
        elif self.cell is not None:
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if self.hidden:
            self.hidden -= 1
        if tag in ("td", "th", "dt", "dd") and self.cell is not None and self.depth == 0:
            text = " ".join("".join(self.cell).split())
            if self.row and self.row[-1] and text:
                self.pairs.append((self.row[-1], text))
            self.row.append(text)
            self.cell = None
        elif self.cell is not None and self.depth:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.cell is not None and not self.hidden:
            self.cell.append(data)


def test_no_label_runs_into_its_value_in_the_shipped_search_index(shipped_site: Path) -> None:
    """Wherever a page shows a label beside its value, or one table cell beside the next, the search index
    (made from the page's text without its layout) keeps them a word apart: never "Rests onthe article",
    "Kindplace" or "NameKindParty"."""
    texts: dict[str, list[str]] = {}   # page address -> the text of its entries in the index
    for d in search_index(shipped_site)["docs"]:
        text = html.unescape(re.sub(r"<[^>]+>", " ", d["title"] + " \u0000 " + d["text"]))
        texts.setdefault(d["location"].split("#")[0], []).append(text)
    found, checked = [], 0
    for page in shipped_site.rglob("*.html"):
        parser = _Pairs()
        parser.feed(page.read_text("utf-8"))
        address = page.relative_to(shipped_site).parent.as_posix() + "/"
        for left, right in parser.pairs:
            glued = left[-20:] + right[:20]
            # two words side by side (a pair as short as "D" and "2" would also match a badge "D2")
            if re.search(r"\w$", left) and re.match(r"\w", right) and len(glued) >= 6:
                checked += 1
                found += [(address, glued) for t in texts.get("" if address == "./" else address, []) if glued in t]
    assert checked > 100   # the facts of every claim, source and entity, and every index table
    assert found == [], found[:20]
    every = "\n".join(t for page in texts.values() for t in page)
    assert "Rests on: the article \u2190" in every
    assert "Kind: place" in every
    assert "Names: Russia" in every


def test_claim_notes_are_sections_of_the_index_with_the_whole_quote(shipped_site: Path) -> None:
    """A claim's result lands on the claim: its note heading (id `_note-<claim>`) is an entry of its own,
    titled with the quote, so the words of a claim find that entry and not only the article's text."""
    docs = {d["location"]: d for d in search_index(shipped_site)["docs"]}
    briefing = "briefings/north-korean-units-pulled-back-as-russian-gains-slow/"
    note = docs[f"{briefing}#_note-kursk-minor-advances-jan"]
    assert "In Russia\u2019s Kursk oblast (province), Russia made minor advances in January 2025" in note["title"]
    assert "province" in words(note["title"])                       # after "(": a word of its own
    troops = docs[f"{briefing}#_note-troops-sent-11000"]["title"]
    assert "\u201cPyongyang is believed" in troops
    assert "Pyongyang" in words(troops)


def test_the_shipped_mkdocs_yml_leaves_the_separator_to_the_plugin() -> None:
    """One value, written once (core/search.py): mkdocs.yml says so instead of repeating it."""
    text = (REPO / "mkdocs.yml").read_text("utf-8")
    assert "  - search\n" in text
    assert "separator" in text
    assert "core/search.py" in text


def test_blocks_search_skips_are_put_back_after_it_indexes_with_the_same_result(
        shipped_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A block whose first element carries data-search-exclude is filled in after Material's search has read
    the page (the plugin's on_page_context runs at 50 and -50): the index and every page must be byte for
    byte what filling every block first gives."""
    from briefing_archive.render import fragments

    assert any(fragments.search_skips(b) for b in ('<ul class="bx-claim-list" data-search-exclude>',))
    monkeypatch.setattr(fragments, "search_skips", lambda _block: False)   # every block before search reads
    every_first = copy_shipped(tmp_path / "shipped").build(strict=True)
    files = sorted(p.relative_to(every_first) for p in every_first.rglob("*") if p.is_file() and p.suffix != ".gz")
    assert files == sorted(p.relative_to(shipped_site) for p in shipped_site.rglob("*")
                           if p.is_file() and p.suffix != ".gz")
    assert [f for f in files if (every_first / f).read_bytes() != (shipped_site / f).read_bytes()] == []


@given(st.integers(0, 40 * 1024 * 1024), st.integers(1, 100_000))
def test_the_build_advises_pagefind_exactly_above_the_threshold(compressed, briefings) -> None:
    advice = index_advice(compressed, briefings)
    assert (advice is None) == (compressed <= WHOLE_INDEX_ADVICE_KB * 1024)
    if advice:
        assert "search: pagefind" in advice
        assert f"{briefings:,} briefings" in advice


def test_a_large_whole_index_is_measured_compressed_and_reported_once(tmp_path, caplog) -> None:
    """What a host sends counts (gzip), not the file's size: a large index that compresses well is not reported."""
    caplog.set_level(logging.INFO)
    index = tmp_path / "search_index.json"
    index.write_bytes(b'{"docs":[' + b'{"text":"aaaa"},' * 200_000 + b"{}]}")   # 3 MB, compresses to little
    advise_on_whole_index(index, 10)
    assert not [r for r in caplog.records if "search: pagefind" in r.getMessage()]
    index.write_bytes(os.urandom(WHOLE_INDEX_ADVICE_KB * 1024 + 4096).hex().encode())
    advise_on_whole_index(index, 10)
    assert len([r for r in caplog.records if "search: pagefind" in r.getMessage()]) == 1
    advise_on_whole_index(tmp_path / "missing.json", 10)   # no index: nothing said, nothing raised
