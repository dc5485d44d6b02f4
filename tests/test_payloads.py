"""Hostile input through every field: nothing becomes live markup anywhere in the built site."""
from __future__ import annotations

import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar

import pytest

PAYLOAD = "<script>alert(1)</script><img src=x onerror=alert(2)>\"'><svg onload=alert(3)></script><!--"
MD_PAYLOAD = ("[a](javascript:alert(4)) [b](JaVaScRiPt:alert(5)) <javascript:alert(6)> [c][r] "
              "![d](x\" onerror=\"alert(7)) [e](data:text/html,<script>alert(8)</script>) "
              "<a href=\"javascript:alert(10)\">f</a> [g](jav&#x61;script:alert(11)) [](a-test) [](a-test#evil) "
              "[<img src=x onerror=alert(13)>](a-test#other \"\\\" onmouseover=alert(14) x=\\\"\")"
              "\n\n[r]: javascript:alert(9)")


def yq(text: str) -> str:
    """A YAML double-quoted scalar."""
    return json.dumps(text)


SEED = (f"Heading {PAYLOAD}\nThe agency said {PAYLOAD} happened and then much more text followed here.\n"
        f"{MD_PAYLOAD}\n# not a heading {PAYLOAD}\n")


class LiveMarkup(HTMLParser):
    """Collects anything in a page that could run: handlers, script URLs, unexpected scripts or images."""

    URL_ATTRS: ClassVar[set[str]] = {"href", "src", "action", "formaction", "xlink:href", "data", "srcdoc"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._script: dict | None = None

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            value = (value or "").strip().lower()
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=...>")
            if name in self.URL_ATTRS and value.startswith(("javascript:", "data:", "vbscript:")):
                self.found.append(f"<{tag} {name}={value[:30]}>")
        if tag in ("img", "iframe", "object", "embed"):
            self.found.append(f"<{tag}>")
        if tag == "script":
            self._script = dict(attrs)
            self._script["__text"] = ""

    def handle_data(self, data):
        if self._script is not None:
            self._script["__text"] += data

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            script, self._script = self._script, None
            if script.get("type") == "application/ld+json":
                json.loads(script["__text"])          # inert data, and it must still be data
                if "<" in script["__text"]:
                    self.found.append("'<' inside JSON-LD")
            elif script.get("src"):
                if "//" in script["src"]:
                    self.found.append(f"remote script {script['src']}")
            elif "alert(" in script["__text"]:
                self.found.append("inline script with the payload")


def live_markup(html: str) -> list[str]:
    parser = LiveMarkup()
    parser.feed(html)
    parser.close()
    return parser.found


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    return hostile_archive(tmp_path_factory.mktemp("hostile")).build(strict=True)


def hostile_archive(root: Path):
    """An archive with the payloads in every field (also built with Zensical, tests/test_zensical.py)."""
    from conftest import MKDOCS_YML, Archive

    a = Archive(root)
    a.write("mkdocs.yml", "site_url: https://example.test/\n" + MKDOCS_YML.replace(
        "  - briefings\n", "  - briefings:\n      lexicon: lexicon.yml\n"))
    a.write("docs/index.md", "# Home\n")
    a.write("lexicon.yml", f"name: {yq(PAYLOAD)}\nterms:\n  - label: {yq(PAYLOAD)}\n    range: {yq(PAYLOAD)}\n"
                           f"    forms: [happened]\nhedges:\n  meaning: {yq(PAYLOAD)}\n  forms: [said]\n")
    a.write("seeds/a.txt", SEED)
    a.write("briefings/a-test.yml", "\n".join([
        "article: a.txt",
        f"title: {yq(PAYLOAD)}",
        f"summary: {yq(PAYLOAD + ' ' + MD_PAYLOAD)}",
        "tags: [x]",
        "warnings:",
        f"  - quote: {yq('[a](javascript:alert(4))')}",
        f"    note: {yq(PAYLOAD + ' ' + MD_PAYLOAD)}",
        "claims:",
        "  - id: evil",
        f"    quote: {yq(PAYLOAD + ' happened')}",
        "    prefix: The agency said",
        "    sources: [agency, ministry]",
        "    credibility: 3",
        f"    note: {yq(PAYLOAD + ' ' + MD_PAYLOAD)}",
        "    entities: [region]",
        "    date: 2025-01",
        "    figures:",
        f"      - {{metric: m, value: 1, unit: {yq(PAYLOAD)}}}",
        "  - id: other",
        "    quote: much more text followed",
        "    sources: [ministry]",
        "    credibility: 3",
        "    relations: [{echoes: a-test#evil}]",
    ]) + "\n")
    a.write("briefings/sources/agency.yml", f"name: {yq(PAYLOAD)}\nkind: news-outlet\nreliability: B\n"
                                            f"party: {yq(PAYLOAD)}\nnote: {yq(MD_PAYLOAD)}\n"
                                            "url: 'https://example.test/\"><script>alert(12)</script>'\n")
    a.write("briefings/sources/ministry.yml", f"name: {yq('Ministry ' + PAYLOAD)}\nkind: government\n"
                                              "reliability: C\nnote: n\n")
    a.write("briefings/entities/region.yml", f"name: {yq(PAYLOAD)}\nkind: place\naliases: [{yq(PAYLOAD)}]\n"
                                             f"note: {yq(MD_PAYLOAD)}\n")
    return a


def test_no_payload_is_live_in_any_page(hostile_site: Path) -> None:
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) > 10
    found = {p.relative_to(hostile_site).as_posix(): live_markup(p.read_text("utf-8")) for p in pages}
    assert {k: v for k, v in found.items() if v} == {}


def test_payload_text_is_shown_as_text(hostile_site: Path) -> None:
    html = (hostile_site / "briefings" / "a-test" / "index.html").read_text("utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html          # in the article and the title
    assert "<title>&lt;script&gt;alert(1)&lt;/script&gt;" in html   # the tab title, escaped before the theme
    assert "# not a heading" in html
    note = html[html.index('id="_note-evil"'):]
    note = note[note.index("</h3>"):note.index('<dl class="bx-claim-facts">')]   # the note itself
    # raw HTML in a note is shown as the author wrote it, never silently removed
    assert "&lt;img src=x onerror=alert(2)&gt;" in note
    assert "&lt;/script&gt;" in note


def test_references_show_hostile_titles_and_quotes_as_text(hostile_site: Path) -> None:
    """A reference with no text of its own reads the target's title and quote: escaped like any text."""
    html = (hostile_site / "briefings" / "a-test" / "index.html").read_text("utf-8")
    note = html[html.index('id="_note-evil"'):]
    note = note[note.index("</h3>"):note.index('<dl class="bx-claim-facts">')]
    links = re.findall(r'<a href="#evil" data-bx-tip="([^"]*)"[^>]*>(.*?)</a>', note)
    assert links
    assert all("&lt;script&gt;alert(1)&lt;/script&gt;" in label for _, label in links)
    assert re.search(r'<a href="\.\./\.\./briefings/a-test/" data-bx-tip="Briefing: &lt;script&gt;alert\(1\)[^"]*"[^>]*>&lt;script&gt;', note), note
    assert "&lt;img src=x onerror=alert(13)&gt;</a>" in note      # the author's link text, as text
    assert live_markup(note) == []


def test_no_payload_is_live_in_the_search_index(hostile_site: Path) -> None:
    index = json.loads((hostile_site / "search" / "search_index.json").read_text("utf-8"))
    for doc in index["docs"]:
        # Material's search shows titles and text as HTML: they must be inert as HTML too.
        assert live_markup(doc["title"]) == [], doc["location"]
        assert live_markup(doc["text"]) == [], doc["location"]
        assert "<script" not in doc["title"] + doc["text"]


def test_no_payload_is_live_in_the_feed_and_data(hostile_site: Path) -> None:
    root = ET.fromstring((hostile_site / "feed.xml").read_bytes())
    for summary in root.iter("{http://www.w3.org/2005/Atom}summary"):
        assert live_markup(summary.text or "") == []
    for name in ("archive.json", "annotations.jsonld"):
        json.loads((hostile_site / name).read_text("utf-8"))   # data, not markup; must stay valid JSON


def test_unsafe_links_lose_their_target(hostile_site: Path) -> None:
    html = (hostile_site / "sources" / "agency" / "index.html").read_text("utf-8")
    assert "javascript:" not in html.lower().replace("javascript:alert(", "")  # only as escaped text


# -- the other classes of the red-team's findings (issue 11), each on a real build ------------------

@pytest.mark.usefixtures("no_warnings")
def test_ids_of_different_kinds_may_coincide(archive) -> None:
    """An outlet is often a source and an entity: each kind keeps its own page and references."""
    archive.write("briefings/sources/region.yml", "name: Region Radio\nkind: news-outlet\nreliability: C\nnote: n\n")
    archive.write("briefings/entities/agency.yml", "name: The Agency as an organisation\nkind: organisation\n")
    archive.write("briefings/region.yml", "article: a.txt\ntitle: The region briefing\nsummary: s\nclaims:\n"
                                          "  - id: again\n    quote: A line with\n    sources: [region]\n"
                                          "    credibility: 3\n    note: Held at 3, as one report.\n    entities: [agency]\n"
                                          "    relations: [{corroborates: a-test#drones}]\n")
    site = archive.build(strict=True)
    assert "The region briefing" in (site / "briefings" / "region" / "index.html").read_text()
    assert "Region Radio" in (site / "sources" / "region" / "index.html").read_text()
    assert "The Region" in (site / "entities" / "region" / "index.html").read_text()
    assert "The Agency as an organisation" in (site / "entities" / "agency" / "index.html").read_text()
    drones = (site / "briefings" / "a-test" / "index.html").read_text()
    assert 'href="../../briefings/region/#again"' in drones      # the relation seen from its target


def test_entity_names_never_link_inside_a_character_reference(archive) -> None:
    archive.write("briefings/entities/gt.yml", "name: gt\nkind: place\naliases: [amp, quot]\n")
    archive.write("briefings/a-test.yml", archive.root.joinpath("briefings/a-test.yml").read_text().replace(
        "note: Probably true;", 'note: "5 &gt; 4 & 3 < \\"gt\\" and amp;"\n    x-note: Probably true;').replace(
        "    x-note: Probably true; see [the ministry](../../sources/ministry/).\n", ""))
    html = (archive.build(strict=True) / "briefings" / "a-test" / "index.html").read_text()
    note = html[html.index('id="_note-drones"'):]
    note = note[:note.index("</section>")]
    assert "&amp;<a" not in note
    assert "&<a" not in note
    assert '5 &gt; 4 &amp; 3 &lt; &quot;' in note   # a Markdown entity reference reads as its character
    assert '<a class="bx-entity" href="../../entities/gt/">gt</a>' in note


def test_pagefind_markers_never_rewrite_article_text(archive) -> None:
    from test_pagefind import use_pagefind

    use_pagefind(archive)
    archive.write("seeds/a.txt", archive.root.joinpath("seeds/a.txt").read_text()
                  + "The agency wrote data-search-exclude and data-pagefind-body in its report.\n")
    html = (archive.build(strict=True) / "briefings" / "a-test" / "index.html").read_text()
    assert "The agency wrote data-search-exclude and data-pagefind-body in its report." in html
    assert html.count("data-pagefind-body") == 2    # the theme's article element, and the article text


def test_seed_links_are_percent_encoded(archive) -> None:
    name = "a #1?x=%20 & b.txt"
    archive.root.joinpath("seeds/a.txt").rename(archive.root / "seeds" / name)
    archive.write("briefings/a-test.yml", archive.root.joinpath("briefings/a-test.yml").read_text().replace(
        "article: a.txt", f"article: {json.dumps(name)}"))
    site = archive.build(strict=True)
    html = (site / "briefings" / "a-test" / "index.html").read_text()
    assert 'href="../../seeds/a%20%231%3Fx%3D%2520%20%26%20b.txt"' in html
    assert (site / "seeds" / name).is_file()
    data = json.loads((site / "annotations.jsonld").read_text())
    assert data["first"]["items"][0]["target"]["source"].endswith("seeds/a%20%231%3Fx%3D%2520%20%26%20b.txt")


def test_direction_controls_in_prose_stay_inside_it(archive) -> None:
    archive.write("briefings/a-test.yml", archive.root.joinpath("briefings/a-test.yml").read_text().replace(
        "note: Probably true;", 'note: "Drones \\u202e04 devomer"\n    x: Probably true;').replace(
        "    x: Probably true; see [the ministry](../../sources/ministry/).\n", ""))
    html = unescape((archive.build(strict=True) / "briefings" / "a-test" / "index.html").read_text())
    assert "Drones \u202e04 devomer\u202c</p>" in html            # closed before the note's paragraph ends
    tooltip = re.search(r'<mark class="bx-claim[^"]*" id="drones" data-bx-tip="([^"]*)"', html).group(1)
    assert tooltip.endswith("Drones \u202e04 devomer\u202c")     # and in the quote's tooltip


def test_links_inside_seeds_are_followed_but_not_out_of_it(archive) -> None:
    (archive.root / "seeds" / "b.txt").symlink_to("a.txt")
    archive.write("briefings/b-test.yml", "article: b.txt\ntitle: B\nsummary: s\nclaims:\n  - id: d\n"
                  "    quote: 40 drones were shot down\n    sources: [agency]\n    credibility: 3\n")
    site = archive.build(strict=True)
    assert (site / "seeds" / "b.txt").read_text() == (archive.root / "seeds" / "a.txt").read_text()


def test_new_refuses_an_id_with_a_line_break(archive) -> None:
    result = subprocess.run([str(Path(sys.executable).parent / "briefings"), "new", "seeds/a.txt", "--id", "evil\n",
                             "--root", str(archive.root)], capture_output=True, text=True, cwd=archive.root, check=False)
    assert result.returncode == 2
    assert "'evil\\n' is not a valid briefing id" in result.stderr
    assert sorted(p.name for p in (archive.root / "briefings").glob("*.yml")) == ["a-test.yml"]


def test_no_payload_is_live_in_the_history(tmp_path: Path) -> None:
    """Commit messages are author text too (issue 27): a re-grade and a correction committed with the payload as
    their message show it as text on every page (the claim's entry, the source's page, /changes/) and in the feed."""
    import shutil

    from test_githistory import repository

    from conftest import commit

    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    a = repository(hostile_archive(tmp_path / "hostile"))
    commit(a, PAYLOAD, "2025-01-01T10:00:00+00:00")
    ministry = (a.root / "briefings/sources/ministry.yml").read_text("utf-8")
    a.write("briefings/sources/ministry.yml", ministry.replace("reliability: C", "reliability: D"))
    claims = (a.root / "briefings/a-test.yml").read_text("utf-8")
    a.write("briefings/a-test.yml", claims.replace("much more text followed", "much more text"))
    commit(a, PAYLOAD, "2025-01-02T10:00:00+00:00")
    site = a.build(strict=True)
    found = {p.relative_to(site).as_posix(): live_markup(p.read_text("utf-8")) for p in sorted(site.rglob("*.html"))}
    assert {k: v for k, v in found.items() if v} == {}
    changes = (site / "changes" / "index.html").read_text("utf-8")
    assert changes.count("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;") >= 2
    feed = ET.fromstring((site / "feed.xml").read_bytes())
    assert PAYLOAD in [e.findtext("{http://www.w3.org/2005/Atom}summary") for e in
                       feed.findall("{http://www.w3.org/2005/Atom}entry")]
