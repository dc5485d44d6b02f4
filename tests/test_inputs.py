"""The live preview keeps a page only when everything its family declares it reads is unchanged
(``render/families/``).

After each kind of edit to a synthetic archive (30 briefings related by claims and by shared entities), the
preview's next build (``build_site(previous=...)``) must give exactly what a fresh build gives, page for page,
while keeping the pages that nothing of the edit reaches.
"""
from __future__ import annotations

import re
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from briefing_archive.core import urls
from briefing_archive.core.config import ArchiveConfig
from briefing_archive.render.families import FAMILIES
from briefing_archive.render.families.reads import Reads
from briefing_archive.render.fragments import unpack
from briefing_archive.site import build_site

from conftest import generated_archive

N = 15
EDITED = "briefings/briefing-00010.yml"


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> Path:
    return generated_archive(tmp_path_factory.mktemp("synthetic"), N)


def _edit(root: Path, path: str, pattern: str, new: str) -> None:
    file = root / path
    text, count = re.subn(pattern, new, file.read_text("utf-8"), count=1, flags=re.MULTILINE)
    assert count == 1, (path, pattern)
    file.write_text(text, encoding="utf-8")


#: (what, file, pattern, replacement, every briefing page rendered again?)
EDITS = [
    ("title", EDITED, r'^title: ".*"$', 'title: "A retitled briefing"', False),
    ("grade", EDITED, r"credibility: 3$", "credibility: 6", False),
    ("quote", EDITED, r'^(    quote: "[^"]*) \w+"$', r'\1"', False),
    ("relation target", EDITED, r"(      - \w+: )briefing-\d+#moved-\d+$", r"\1briefing-00013#moved-3", False),
    ("a claim's entity", EDITED, r"entities: \[entity-\d+", "entities: [entity-001", False),
    ("a figure", EDITED, r"qualifier: exact$", "qualifier: about", False),
    ("a claim's date", EDITED, r"^    date: \d{4}", "    date: 2019", False),
    ("tags", EDITED, r"^tags: \[.*\]$", "tags: [kursk, new-tag]", False),
    ("published", EDITED, r"^published: .*$", "published: 2020-01-01", False),
    ("publisher", EDITED, r"^publisher: null$", "publisher: source-039", False),
    ("summary (prose)", EDITED, r'^summary: "', 'summary: "Edited. ', False),
    ("another briefing's title", "briefings/briefing-00004.yml", r'^title: ".*"$', 'title: "Four, retitled"', False),
    ("a source's grade", "briefings/sources/source-003.yml", r"^reliability: \w$", "reliability: F", True),
    ("an entity's name", "briefings/entities/entity-001.yml", r'^name: ".*"$', 'name: "Renamed place"', True),
]


@pytest.mark.parametrize(("what", "path", "pattern", "new", "all_again"), EDITS, ids=[e[0] for e in EDITS])
def test_the_next_build_equals_a_fresh_one(synthetic, tmp_path, what, path, pattern, new, all_again) -> None:
    root = tmp_path / "archive"
    shutil.copytree(synthetic, root)
    config = replace(ArchiveConfig.at(root), reuse=True)
    first = build_site(config)
    _edit(root, path, pattern, new)
    again = build_site(config, previous=first)
    fresh = build_site(config)
    assert list(again.pages) == list(fresh.pages)          # the same pages, in the same order
    differ = [p for p in fresh.pages if again.pages[p] != fresh.pages[p] or again.fragments[p] != fresh.fragments[p]]
    assert differ == []
    assert again.files == fresh.files
    assert again.snippets == fresh.snippets
    kept = {p for p in first.pages if p.startswith("briefings/briefing-") and again.pages[p] is first.pages[p]}
    if all_again:
        assert kept == set()
        assert again.reused == 0
    else:   # the edit reaches some briefing pages (the edited one at least), not all of them
        assert 0 < len(kept) < N - 1 and again.reused == len(kept) or what == "summary (prose)"
        assert "briefings/briefing-00010.md" not in kept or path != EDITED
        profiles = [p for p in first.pages if p.startswith(("sources/source-", "entities/entity-"))]
        assert 0 < sum(again.pages[p] is first.pages[p] for p in profiles) < len(profiles) or what == "summary (prose)"


def test_a_title_edit_renders_again_the_pages_that_show_the_title(synthetic, tmp_path) -> None:
    """Those that list the briefing as related, whose claims relate to its claims or whose notes refer to it."""
    root = tmp_path / "archive"
    shutil.copytree(synthetic, root)
    config = replace(ArchiveConfig.at(root), reuse=True)
    first = build_site(config)
    assert first.preview is not None
    ctx = first.preview.context
    edited = ctx.briefings_by_id["briefing-00010"]
    showing = {f"briefings/{b.id}.md" for b in ctx.archive.briefings
               if any(r.briefing.id == edited.id for r in ctx.related.get(b.id, ()))
               or any(ref.briefing.id == edited.id for c in b.claims
                      for _, ref in ctx.links.relations.get(f"{b.id}#{c.id}", ()))}
    showing |= {f"sources/{s}.md" for c in edited.claims for link in c.chain for s in link}
    showing |= {f"entities/{e}.md" for c in edited.claims for e in c.entities}
    _edit(root, EDITED, r'^title: ".*"$', 'title: "A retitled briefing"')
    again = build_site(config, previous=first)
    assert again.preview is not None
    profiles = ("briefings/briefing-", "sources/source-", "entities/entity-")
    rendered = {p for p in again.pages if p.startswith(profiles) and again.pages[p] is not first.pages[p]}
    assert rendered == showing | {"briefings/briefing-00010.md"}
    for path in rendered:   # each shows the new title (its own in its front matter; others' in links, tooltips)
        assert "A retitled briefing" in again.pages[path] + "".join(unpack(again.fragments[path])), path
    reads = Reads(again.preview.context)   # what was recorded is what the families declare, computed afresh
    assert {path: f.inputs(reads, key) for f in FAMILIES for path, key in f.pages(reads)} == again.preview.rendered.inputs


def _rows(output) -> int:
    assert output.preview is not None
    return sum(len(m.rows) for m in output.preview.context.ledger)


@pytest.mark.parametrize("what", ["ledger", "compare"])
def test_an_edit_that_moves_rows_to_other_pages_renders_every_page_that_links_them(
        synthetic, tmp_path, monkeypatch, what) -> None:
    """The ledger goes from one page to a page per metric past PAGE_ROWS figures, and the compare view's pairs
    move between its parts as their matched claims change: the links of pages the edit did not touch move too."""
    root = tmp_path / "archive"
    shutil.copytree(synthetic, root)
    config = replace(ArchiveConfig.at(root), reuse=True)
    if what == "ledger":   # one figure fewer: from a page per metric to a single page
        monkeypatch.setattr(urls, "PAGE_ROWS", _rows(build_site(config)) - 1)
        edit = (r"^    figures:\n      - metric: .*\n        value: .*\n        unit: .*\n        qualifier: .*\n", "")
    else:                  # small parts, and a relation that moves to another pair of briefings
        monkeypatch.setattr(urls, "PAGE_ROWS", 5)   # (a size at which a pair of unedited briefings moves)
        edit = (r"(      - \w+: )briefing-\d+#moved-\d+$", r"\1briefing-00001#moved-3")
    first = build_site(config)
    _edit(root, EDITED, *edit)
    again = build_site(config, previous=first)
    fresh = build_site(config)
    assert [p for p in fresh.pages if again.pages[p] != fresh.pages[p] or again.fragments[p] != fresh.fragments[p]] == []
    moved = [p for p in fresh.pages if p.startswith("briefings/briefing-") and fresh.fragments[p] != first.fragments[p]]
    assert len(moved) > 1
    if what == "compare":   # the parts whose pairs did not change are kept
        parts = [p for p in first.pages if p.startswith("compare/part-") and p in again.pages]
        assert 0 < sum(again.pages[p] is first.pages[p] for p in parts) < len(parts)


def test_a_page_whose_notes_refer_to_a_briefing_shows_its_new_title(synthetic, tmp_path) -> None:
    root = tmp_path / "archive"
    shutil.copytree(synthetic, root)
    config = replace(ArchiveConfig.at(root), reuse=True)
    _edit(root, "briefings/briefing-00003.yml", r'^    note: "', '    note: "See [](briefing-00012). ')
    _edit(root, "briefings/entities/entity-149.yml", r'^note: "', 'note: "See [](briefing-00012). ')
    _edit(root, "briefings/sources/source-039.yml", r'^note: "', 'note: "See [](briefing-00012). ')
    first = build_site(config)
    _edit(root, "briefings/briefing-00012.yml", r'^title: ".*"$', 'title: "Twelve, retitled"')
    again = build_site(config, previous=first)
    for path in ("briefings/briefing-00003.md", "entities/entity-149.md", "sources/source-039.md"):
        assert "Twelve, retitled" in "".join(unpack(again.fragments[path])), path
    fresh = build_site(config)
    assert again.fragments == fresh.fragments
    assert again.pages == fresh.pages


def test_a_chain_of_edits_prose_and_not_matches_fresh_builds(synthetic, tmp_path) -> None:
    """Each build starts from the last (prose edits keep the inputs of the pages they did not render)."""
    root = tmp_path / "archive"
    shutil.copytree(synthetic, root)
    config = replace(ArchiveConfig.at(root), reuse=True)
    last = build_site(config)
    for path, pattern, new in [
            (EDITED, r'^summary: "', 'summary: "Edited first. '),
            ("briefings/briefing-00004.yml", r'^title: ".*"$', 'title: "Four, retitled"'),
            ("briefings/sources/source-003.yml", r'^note: "', 'note: "A prose edit. '),
            (EDITED, r'^title: ".*"$', 'title: "Ten, retitled"'),
            ("briefings/entities/entity-001.yml", r'^note: "', 'note: "A prose edit. '),
            (EDITED, r"credibility: 3$", "credibility: 6"),
            ("briefings/briefing-00004.yml", r'^summary: "', 'summary: "Edited. '),
            ("briefings/briefing-00004.yml", r'^title: ".*"$', 'title: "Four, retitled again"')]:
        _edit(root, path, pattern, new)
        last = build_site(config, previous=last)
        fresh = build_site(config)
        assert [p for p in fresh.pages if last.pages[p] != fresh.pages[p] or last.fragments[p] != fresh.fragments[p]] == []
        assert last.files == fresh.files
