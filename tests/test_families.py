"""Page families (``render/families/``) hold what the live preview keeps: each page's declared inputs.

On generated archives (and with pages split small, so that the ledger, the timeline and the compare view have pages
of their own), every kind of edit is made to a file; then

- for every family and page of both builds, equal declared inputs (and equal shared inputs) must mean an identical
  rendering: a renderer that reads something its family did not declare fails here;
- the preview's build (``build_site(previous=...)``) must give every page, snippet and file a fresh build gives.
"""
from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from briefing_archive.core import urls
from briefing_archive.core.config import ArchiveConfig
from briefing_archive.render.context import RenderContext
from briefing_archive.render.families import FAMILIES
from briefing_archive.render.families.reads import Reads
from briefing_archive.site import SiteOutput, build_site

from conftest import generated_archive

N = 14
B = "briefings/briefing-00010.yml"
EXTRA = "briefings/briefing-00050.yml"   # a briefing nothing relates to, which an edit adds or removes


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    return generated_archive(tmp_path_factory.mktemp("generated"), N)


def sub(path: str, pattern: str, new: str) -> Callable[[Path], None]:
    """An edit: the first match of ``pattern`` in the file replaced."""
    def edit(root: Path) -> None:
        file = root / path
        text, count = re.subn(pattern, new, file.read_text("utf-8"), count=1, flags=re.MULTILINE)
        assert count == 1, (path, pattern)
        file.write_text(text, encoding="utf-8")
    return edit


def add_extra(root: Path) -> None:
    (root / EXTRA).write_text((root / "briefings/briefing-00003.yml").read_text("utf-8")
                              .replace('title: "Synthetic briefing 3"', 'title: "An added briefing"'), "utf-8")


def remove_extra(root: Path) -> None:
    (root / EXTRA).unlink()


def nothing(_: Path) -> None:
    pass


#: (what, the archive before, the edit)
EDITS = [
    ("claim note", nothing, sub(B, r'^    note: "', '    note: "Edited. ')),
    ("claim note refers to a briefing", nothing, sub(B, r'^    note: "', '    note: "See [](briefing-00004). ')),
    ("claim background", nothing, sub(B, r"^    entities: (.*)$", r"    entities: \1\n    background: Known.")),
    ("claim quote", nothing, sub(B, r'^(    quote: "[^"]*) \w+"$', r'\1"')),
    ("claim grade", nothing, sub(B, r"credibility: 3$", "credibility: 5")),
    ("claim sources", nothing, sub(B, r"sources: \[(source-0(?!38)\d\d)\]", r"sources: [source-038, \1]")),
    ("claim relation", nothing, sub(B, r"(      - \w+: )briefing-\d+#moved-\d+$", r"\1briefing-00012#moved-3")),
    ("claim relation kind", nothing, sub(B, r"^      - echoes: ", "      - contradicts: ")),
    ("claim figure", nothing, sub(B, r"qualifier: exact$", "qualifier: about")),
    ("claim figure value", nothing, sub(B, r"^        value: \d+", "        value: 7")),
    ("claim date", nothing, sub(B, r"^    date: \d{4}", "    date: 2019")),
    ("claim entity", nothing, sub(B, r"entities: \[entity-\d+", "entities: [entity-001")),
    ("briefing title", nothing, sub(B, r'^title: ".*"$', 'title: "A retitled briefing"')),
    ("briefing summary", nothing, sub(B, r'^summary: "', 'summary: "Edited. ')),
    ("briefing tags", nothing, sub(B, r"^tags: \[.*\]$", "tags: [kursk, new-tag]")),
    ("briefing published", nothing, sub(B, r"^published: .*$", "published: 2020-01-01")),
    ("briefing publisher", nothing, sub(B, r"^publisher: null$", "publisher: source-039")),
    ("source name", nothing, sub("briefings/sources/source-003.yml", r'^name: ".*"$', 'name: "Renamed source"')),
    ("source grade", nothing, sub("briefings/sources/source-003.yml", r"^reliability: \w$", "reliability: F")),
    ("source note", nothing, sub("briefings/sources/source-003.yml", r'^note: "', 'note: "Edited. ')),
    ("source party", nothing, sub("briefings/sources/source-003.yml", r"^party: .*$", 'party: "Ruritania"')),
    ("entity name", nothing, sub("briefings/entities/entity-001.yml", r'^name: ".*"$', 'name: "Renamed place"')),
    ("entity note", nothing, sub("briefings/entities/entity-001.yml", r'^note: "', 'note: "Edited. ')),
    ("briefing added", nothing, add_extra),
    ("briefing removed", add_extra, remove_extra),
]
#: The default layout, and pages split small (a ledger page per metric, the timeline by month, compare parts).
SPLITS = [None, 5]


def builds(generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, setup: Callable[[Path], None],
           edit: Callable[[Path], None], split: int | None) -> tuple[ArchiveConfig, SiteOutput, SiteOutput]:
    """The archive built before the edit, and a fresh build after it (the archive is left edited)."""
    if split is not None:
        monkeypatch.setattr(urls, "PAGE_ROWS", split)
        monkeypatch.setattr("briefing_archive.render.timeline.PAGE_ROWS", split)   # (taken by name)
    root = tmp_path / "archive"
    shutil.copytree(generated, root)
    setup(root)
    config = replace(ArchiveConfig.at(root), reuse=True)
    first = build_site(config)
    edit(root)
    return config, first, build_site(config)


def declared(ctx: RenderContext) -> dict[str, tuple[object, object, Callable[[], str | bytes]]]:
    """Every family's every page: (its family's shared inputs, its inputs, how to render it)."""
    reads = Reads(ctx)
    found = {}
    for family in FAMILIES:
        shared = family.shared(reads)
        for path, key in family.pages(reads):
            found[path] = (shared, family.inputs(reads, key),
                           lambda family=family, key=key: family.render(reads, key))
    return found


@pytest.mark.parametrize("split", SPLITS, ids=["whole", "split"])
@pytest.mark.parametrize(("what", "setup", "edit"), EDITS, ids=[e[0] for e in EDITS])
def test_equal_declared_inputs_render_the_same(generated, tmp_path, monkeypatch, what, setup, edit, split) -> None:
    _, first, fresh = builds(generated, tmp_path, monkeypatch, setup, edit, split)
    assert first.preview is not None
    assert fresh.preview is not None
    before, after = declared(first.preview.context), declared(fresh.preview.context)
    same = [path for path in before.keys() & after.keys() if before[path][:2] == after[path][:2]]
    assert same, what   # (every edit here leaves some page as it was)
    undeclared = [path for path in same if before[path][2]() != after[path][2]()]
    assert undeclared == [], f"{what}: pages whose inputs are equal but which render differently"
    changed = [path for path in before.keys() & after.keys() if before[path][2]() != after[path][2]()]
    assert changed, what   # the edit shows somewhere


@pytest.mark.parametrize("split", SPLITS, ids=["whole", "split"])
@pytest.mark.parametrize(("what", "setup", "edit"), EDITS, ids=[e[0] for e in EDITS])
def test_the_preview_builds_what_a_fresh_build_does(generated, tmp_path, monkeypatch, what, setup, edit,
                                                    split) -> None:
    config, first, fresh = builds(generated, tmp_path, monkeypatch, setup, edit, split)
    again = build_site(config, previous=first)
    assert list(again.pages) == list(fresh.pages), what   # the same pages, in the same order
    assert [p for p in fresh.pages if again.pages[p] != fresh.pages[p] or again.fragments[p] != fresh.fragments[p]] == []
    assert again.files == fresh.files
    assert again.snippets == fresh.snippets
    assert again.preview is not None
    assert first.preview is not None
    kept = [p for p in again.pages if first.pages.get(p) is again.pages[p]]
    assert kept, what   # (no edit here reaches every page)
