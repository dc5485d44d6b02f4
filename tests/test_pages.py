"""Golden tests of the renderer: a small archive in, the exact Markdown of every page out.

Regenerate after an intended change with ``UPDATE_GOLDEN=1 make test`` and review the diff.
"""
from __future__ import annotations

import html
import os
from pathlib import Path

import pytest

from briefing_archive.core.config import ArchiveConfig
from briefing_archive.load.archive import load_archive
from briefing_archive.render.fragments import inline, split
from briefing_archive.render.pages import render_pages

GOLDEN = Path(__file__).parent / "golden"


def rendered(archive, directory_urls: bool) -> dict[str, str]:
    loaded, problems = load_archive(ArchiveConfig.at(archive.root))
    assert loaded is not None, [p.format() for p in problems]
    return render_pages(loaded, directory_urls)


@pytest.mark.parametrize("directory_urls", [True, False], ids=["dir-urls", "file-urls"])
def test_pages_match_golden_files(archive, directory_urls) -> None:
    pages = rendered(archive, directory_urls)
    folder = GOLDEN / ("dir-urls" if directory_urls else "file-urls")
    if os.environ.get("UPDATE_GOLDEN"):
        for path, text in pages.items():
            (folder / path).parent.mkdir(parents=True, exist_ok=True)
            (folder / path).write_text(text, encoding="utf-8")
    expected = {p.relative_to(folder).as_posix(): p.read_text("utf-8") for p in folder.rglob("*.md")}
    assert sorted(pages) == sorted(expected)
    for path, text in pages.items():
        assert text == expected[path], path


def test_rendering_is_deterministic(archive) -> None:
    assert rendered(archive, True) == rendered(archive, True)


def test_titles_are_escaped_in_front_matter(archive) -> None:
    archive.write("briefings/sources/agency.yml", 'name: "<b>Agency</b> & \\"co\\""\nkind: news-outlet\n'
                  "reliability: B\nnote: n\n")
    page = rendered(archive, True)["sources/agency.md"]
    assert page.startswith('---\ntitle: "&lt;b&gt;Agency&lt;/b&gt; &amp; &quot;co&quot;"\n---\n')


def test_fragments_round_trip(archive) -> None:
    """Splitting HTML blocks out of a page and putting them back gives the page unchanged."""
    for path, markdown in rendered(archive, True).items():
        marked, fragments = split(markdown)
        # blocks come back with non-ASCII characters as character references: the same HTML
        assert html.unescape(inline(marked, fragments)) == html.unescape(markdown), path
        assert all(f.isascii() for f in fragments)
        assert "<p" not in marked and "<div" not in marked
