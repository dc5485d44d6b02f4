"""Fuzzing with hypothesis: generated archives and text through the loader, anchoring and renderer.

Properties: no exception escapes other than the project's own error type; every problem names
a file and a line; the renderer's output is well-formed HTML with balanced tags.
"""
from __future__ import annotations

import json
import os
import shutil
from html.parser import HTMLParser
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing_archive.core.config import ArchiveConfig
from briefing_archive.load.archive import load_archive
from briefing_archive.load.yamlfile import load_yaml
from briefing_archive.render.pages import render_pages

from conftest import BRIEFING, ENTITIES, SEED, SOURCES

EXAMPLES = int(os.environ.get("HYPOTHESIS_EXAMPLES", "200"))  # about 10 s in all
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                          HealthCheck.too_slow])
VOID = {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "track", "wbr"}
KEYS = ["article", "title", "summary", "tags", "claims", "warnings", "publisher", "published", "id", "quote",
        "prefix", "suffix", "sources", "credibility", "note", "entities", "date", "relations", "figures", "x"]

text_st = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
scalar_st = st.one_of(text_st, st.integers(-10, 10), st.booleans(), st.none(), st.sampled_from(
    ["a.txt", "agency", "ministry", "region", "a-test#drones", "2025-02-30", "40 drones were shot down"]))
doc_st = st.recursive(scalar_st, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.sampled_from(KEYS), inner, max_size=5)), max_leaves=25)


def write_archive(root: Path, briefing: str | bytes, seed: str | bytes = SEED) -> None:
    if root.exists():
        shutil.rmtree(root)
    (root / "briefings" / "sources").mkdir(parents=True)
    (root / "briefings" / "entities").mkdir(parents=True)
    (root / "seeds").mkdir()
    (root / "seeds" / "a.txt").write_bytes(seed if isinstance(seed, bytes) else seed.encode("utf-8"))
    (root / "briefings" / "a-test.yml").write_bytes(briefing if isinstance(briefing, bytes) else briefing.encode())
    for sid, text in SOURCES.items():
        (root / "briefings" / "sources" / f"{sid}.yml").write_text(text)
    for eid, text in ENTITIES.items():
        (root / "briefings" / "entities" / f"{eid}.yml").write_text(text)


def check_problems(root: Path):
    archive, problems = load_archive(ArchiveConfig.at(root))
    for p in problems:
        assert p.path
        assert p.line >= 1
        assert p.col >= 1
        assert p.severity in ("error", "warning")
        assert (root / p.path).exists() or p.path.startswith("(")
        assert "; " in p.message
    return archive


class Balanced(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []

    def handle_starttag(self, tag, _attrs):
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        assert self.stack, f"unbalanced </{tag}>"
        assert self.stack.pop() == tag, f"unbalanced </{tag}>"


def assert_balanced(markdown: str) -> None:
    body = markdown.split("---\n", 2)[2] if markdown.startswith("---\n") else markdown
    html = "\n".join(line for line in body.splitlines() if not line.startswith("#"))  # Markdown headings
    parser = Balanced()
    parser.feed(html)
    parser.close()
    assert parser.stack == [], parser.stack


@FUZZ
@given(doc=st.dictionaries(st.sampled_from(KEYS), doc_st, max_size=8))
def test_random_yaml_structures(tmp_path, doc) -> None:
    write_archive(tmp_path / "a", yaml.safe_dump(doc, allow_unicode=True))
    check_problems(tmp_path / "a")


@FUZZ
@given(raw=st.binary(max_size=300) | text_st.map(lambda s: s.encode("utf-8")))
def test_random_bytes_as_yaml(raw) -> None:
    loaded, problems = load_yaml(raw, "f.yml", 1 << 20)
    assert loaded is not None or problems
    if loaded is not None and problems:   # bad values that parse: the file goes on, each bad value a fault
        assert len(loaded.faults) >= 1
    assert all(p.line >= 1 and p.col >= 1 for p in problems)


@FUZZ
@given(title=text_st, note=text_st, quote_words=st.integers(1, 6), seed_extra=text_st)
def test_random_text_renders_balanced_html(tmp_path, title, note, quote_words, seed_extra) -> None:
    seed = SEED + seed_extra.replace("\r", " ") + "\n"
    words = ["40", "drones", "were", "shot", "down", "over", "the"][:quote_words]
    briefing = (BRIEFING.replace("title: A test briefing", f"title: {json.dumps(title or 'x')}")
                .replace("note: Probably true; see [the ministry](../../sources/ministry/).", f"note: {json.dumps(note)}")
                .replace("quote: 40 drones were shot down", f"quote: {' '.join(words)}"))
    write_archive(tmp_path / "a", briefing, seed)
    archive = check_problems(tmp_path / "a")
    if archive is None:
        return
    for markdown in render_pages(archive).values():
        assert_balanced(markdown)


@FUZZ
@given(seed=st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=200),
       quote=text_st)
def test_random_articles_and_quotes(tmp_path, seed, quote) -> None:
    briefing = BRIEFING.replace("quote: 40 drones were shot down", f"quote: {json.dumps(quote)}")
    write_archive(tmp_path / "a", briefing, seed)
    check_problems(tmp_path / "a")
