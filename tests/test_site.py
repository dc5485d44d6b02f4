"""The pipeline in one call: what is derived from the archive is derived once per build."""
from __future__ import annotations

import sys
from collections import Counter
from dataclasses import replace

import pytest

from briefing_archive.core.config import ArchiveConfig
from briefing_archive.core.urls import CLAIMS_DATA
from briefing_archive.derive import ledger, links, related
from briefing_archive.site import build_site


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


@pytest.mark.parametrize(("path", "old", "new", "shown"), [
    ("briefings/a-test.yml", "summary: A *small* briefing.", "summary: A *freshly edited* briefing.",
     {"briefings/index.md", "briefings/a-test.md"}),
    ("briefings/a-test.yml", "note: Probably true;", "note: Edited;", {"briefings/a-test.md"}),
    ("briefings/sources/agency.yml", "A wire service.", "An edited wire service.", {"sources/agency.md"}),
    ("briefings/a-test.yml", "credibility: 3", "credibility: 6", None),      # a grade
    ("briefings/a-test.yml", "tags: [test]", "tags: [other]", None),         # a tag
    ("briefings/sources/agency.yml", "reliability: B", "reliability: C", None),
])
def test_a_prose_edit_renders_only_the_pages_that_show_it(archive, path, old, new, shown) -> None:
    """Prose (a summary, a note) shows on its own page and in the briefings index (a summary's first line) alone;
    any other edit reaches further."""
    config = replace(ArchiveConfig.at(archive.root), reuse=True)
    first = build_site(config)
    text = (archive.root / path).read_text("utf-8")
    assert old in text
    archive.write(path, text.replace(old, new))
    again = build_site(config, previous=first)
    fresh = build_site(config)
    assert again.pages == fresh.pages
    assert again.fragments == fresh.fragments
    assert again.files == fresh.files
    changed = {p for p in first.pages if first.pages[p] is not again.pages.get(p)}
    if shown is not None:
        assert changed == shown
        assert again.files[CLAIMS_DATA] is first.files[CLAIMS_DATA]   # holds no prose
    else:
        own = "sources/agency.md" if "sources" in path else "briefings/a-test.md"
        assert changed - {own, "briefings/index.md"}


def test_a_one_off_build_keeps_nothing_for_a_next_one(archive) -> None:
    output = build_site(ArchiveConfig.at(archive.root))
    assert output.preview is None
