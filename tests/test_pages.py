"""Golden tests of the renderer: a small archive in, the exact Markdown of every page out.

Regenerate after an intended change with ``UPDATE_GOLDEN=1 make test`` and review the diff. The golden files hold
each page with a line break put before every tag (:func:`one_element_per_line`), so a diff shows the element that
changed rather than one line of thousands of characters; the break is undone exactly (:func:`joined`), so the
comparison is still of the exact page.
"""
from __future__ import annotations

import html
import os
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing_archive.core.config import ArchiveConfig
from briefing_archive.load.archive import load_archive
from briefing_archive.render.fragments import inline, split
from briefing_archive.render.pages import render_pages

GOLDEN = Path(__file__).parent / "golden"
#: Where an element's tag (start, end, comment or declaration) begins.
TAG_START = re.compile(r"(?=<[A-Za-z/!])")
#: A line break :func:`one_element_per_line` put before a tag.
PUT_BREAK = re.compile(r"\n(?=<[A-Za-z/!])")


def one_element_per_line(text: str) -> str:
    """The page with a line break before each tag: what a golden file holds."""
    return TAG_START.sub("\n", text)


def joined(text: str) -> str:
    """The inverse of :func:`one_element_per_line`: the page as it was rendered, byte for byte."""
    return PUT_BREAK.sub("", text)


def rendered(archive, *, directory_urls: bool) -> dict[str, str]:
    loaded, problems = load_archive(ArchiveConfig.at(archive.root))
    assert loaded is not None, [p.format() for p in problems]
    return render_pages(loaded, directory_urls=directory_urls)


@pytest.mark.parametrize("directory_urls", [True, False], ids=["dir-urls", "file-urls"])
def test_pages_match_golden_files(archive, directory_urls) -> None:
    pages = rendered(archive, directory_urls=directory_urls)
    folder = GOLDEN / ("dir-urls" if directory_urls else "file-urls")
    if os.environ.get("UPDATE_GOLDEN"):
        for path, text in pages.items():
            (folder / path).parent.mkdir(parents=True, exist_ok=True)
            (folder / path).write_text(one_element_per_line(text), encoding="utf-8", newline="\n")
    expected = {p.relative_to(folder).as_posix(): p.read_text("utf-8") for p in folder.rglob("*.md")}
    assert sorted(pages) == sorted(expected)
    for path, text in pages.items():
        assert one_element_per_line(text) == expected[path], path   # a readable diff when it fails
        assert text == joined(expected[path]), path                  # and the exact page, byte for byte


@given(st.text(st.sampled_from("<>/!pa \n\t&;")) | st.text())
def test_the_golden_form_loses_nothing(text: str) -> None:
    """Two pages that differ have golden forms that differ: breaking lines before tags is undone exactly."""
    assert joined(one_element_per_line(text)) == text


def test_rendering_is_deterministic(archive) -> None:
    assert rendered(archive, directory_urls=True) == rendered(archive, directory_urls=True)


def test_titles_are_escaped_in_front_matter(archive) -> None:
    archive.write("briefings/sources/agency.yml", 'name: "<b>Agency</b> & \\"co\\""\nkind: news-outlet\n'
                  "reliability: B\nnote: n\n")
    page = rendered(archive, directory_urls=True)["sources/agency.md"]
    assert page.startswith('---\ntitle: "&lt;b&gt;Agency&lt;/b&gt; &amp; &quot;co&quot;"\n---\n')


def test_fragments_round_trip(archive) -> None:
    """Splitting HTML blocks out of a page and putting them back gives the page unchanged."""
    for path, markdown in rendered(archive, directory_urls=True).items():
        marked, fragments = split(markdown)
        # blocks come back with non-ASCII characters as character references: the same HTML
        assert html.unescape(inline(marked, fragments)) == html.unescape(markdown), path
        assert all(f.isascii() for f in fragments)
        assert "<p" not in marked
        assert "<div" not in marked
