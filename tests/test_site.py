"""The pipeline in one call: what is derived from the archive is derived once per build."""
from __future__ import annotations

import sys
from collections import Counter
from dataclasses import replace

import pytest

from briefing_archive.core.config import ArchiveConfig
from briefing_archive.core.urls import CLAIMS_DATA
from briefing_archive.derive import ledger, links, related
from briefing_archive.site import ProseEdits, build_site, prose_edits


def test_links_ledger_and_related_are_derived_once_per_build(archive, monkeypatch: pytest.MonkeyPatch) -> None:
    """Pages and exports share one ledger (it was built twice: once for the pages, once for archive.json)."""
    calls: Counter[str] = Counter()
    for module, name in ((ledger, "build_ledger"), (links, "build_links"), (related, "related_briefings")):
        original = getattr(module, name)

        def counted(*args, _original=original, _name=name, **kwargs):
            calls[_name] += 1
            return _original(*args, **kwargs)

        # wherever the package looks the function up: its own module and every module that imported it
        for loaded in [m for n, m in sys.modules.items() if n.startswith("briefing_archive")]:
            if getattr(loaded, name, None) is original:
                monkeypatch.setattr(loaded, name, counted)
    output = build_site(ArchiveConfig.at(archive.root))
    assert calls == {"build_ledger": 1, "build_links": 1, "related_briefings": 1}
    assert b'"figures":[{"metric":"drones-downed"' in output.files["archive.json"]


def _reloaded(archive, path: str, old: str, new: str):
    text = (archive.root / path).read_text("utf-8")
    assert old in text
    archive.write(path, text.replace(old, new))
    return build_site(replace(ArchiveConfig.at(archive.root), reuse=True))


@pytest.mark.parametrize(("path", "old", "new", "prose"), [
    ("briefings/a-test.yml", "summary: A *small* briefing.", "summary: Edited.", ProseEdits(
        frozenset({"a-test"}), frozenset(), frozenset())),
    ("briefings/a-test.yml", "note: Probably true;", "note: Edited;", ProseEdits(
        frozenset({"a-test"}), frozenset(), frozenset())),
    ("briefings/sources/agency.yml", "A wire service.", "An edited wire service.", ProseEdits(
        frozenset(), frozenset({"agency"}), frozenset())),
    ("briefings/a-test.yml", "credibility: 3", "credibility: 6", None),      # a grade
    ("briefings/a-test.yml", "tags: [test]", "tags: [other]", None),         # a tag
    ("briefings/sources/agency.yml", "reliability: B", "reliability: C", None),
])
def test_prose_edits_tell_prose_from_everything_else(archive, path, old, new, prose) -> None:
    before = build_site(replace(ArchiveConfig.at(archive.root), reuse=True))
    after = _reloaded(archive, path, old, new)
    assert prose_edits(before.archive, after.archive) == prose
    assert prose_edits(after.archive, after.archive) == ProseEdits(frozenset(), frozenset(), frozenset())


def test_a_prose_edit_renders_only_the_pages_that_show_it(archive) -> None:
    config = replace(ArchiveConfig.at(archive.root), reuse=True)
    first = build_site(config)
    archive.write("briefings/a-test.yml", (archive.root / "briefings/a-test.yml").read_text("utf-8")
                  .replace("summary: A *small* briefing.", "summary: A *freshly edited* briefing."))
    again = build_site(config, previous=first)
    fresh = build_site(config)
    assert again.pages == fresh.pages
    assert again.fragments == fresh.fragments
    assert again.files == fresh.files
    changed = {p for p in first.pages if first.pages[p] is not again.pages[p]}
    assert changed == {"briefings/index.md", "briefings/a-test.md"}
    assert again.files[CLAIMS_DATA] is first.files[CLAIMS_DATA]   # holds no prose


def test_a_one_off_build_keeps_nothing_for_a_next_one(archive) -> None:
    output = build_site(ArchiveConfig.at(archive.root))
    assert output.parts == {}
    assert output.terms == {}
    assert output.context is None
