"""fragments: raw-HTML blocks swapped for markers before the Markdown engine and put back after it.
The same page must come out either way, for hand-made pages and for every page the shipped archive
generates (rendered with Python-Markdown and the extensions of the sites)."""
from __future__ import annotations

import markdown
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from mkdocs.utils.meta import get_data

from briefing_archive.core.config import ArchiveConfig
from briefing_archive.render import fragments
from briefing_archive.site import build_site

from conftest import SHIPPED

PAGE = """\
---
title: A page
search:
  exclude: true
---


# A heading

<div class="a">one</div>

Some *Markdown* text.

<table><tr><td>two</td></tr></table>

## Another heading {#_other}

<p>three</p>
"""


def test_split_swaps_each_html_block_for_a_numbered_marker() -> None:
    text, blocks = fragments.split(PAGE)
    assert blocks == ('<div class="a">one</div>', "<table><tr><td>two</td></tr></table>", "<p>three</p>\n")
    # front matter (with the blank lines after it) and Markdown blocks are kept as they are
    assert text == ("---\ntitle: A page\nsearch:\n  exclude: true\n---\n\n\n"
                    "# A heading\n\n<!--bx:0-->\n\nSome *Markdown* text.\n\n<!--bx:1-->\n\n"
                    "## Another heading {#_other}\n\n<!--bx:2-->")


def test_inline_gives_back_the_page() -> None:
    assert fragments.inline(*fragments.split(PAGE)) == PAGE


def test_a_page_without_front_matter_or_html() -> None:
    assert fragments.split("# Title\n\ntext\n") == ("# Title\n\ntext\n", ())
    assert fragments.split("<p>x</p>") == ("<!--bx:0-->", ("<p>x</p>",))


def test_non_ascii_html_becomes_character_references_and_markdown_keeps_it() -> None:
    text, blocks = fragments.split("# Київ \u2014 Kyiv\n\n<p title=\"\u201cq\u201d\">Київ \U0001F600</p>")
    assert text.startswith("# Київ \u2014 Kyiv\n\n")
    assert blocks == ('<p title="&#8220;q&#8221;">&#1050;&#1080;&#1111;&#1074; &#128512;</p>',)
    assert all(b.isascii() for b in blocks)


def test_fill_puts_blocks_back_literally() -> None:
    # Backslashes and group references in a block are text, not a replacement template.
    blocks = (r"<p>\1 \g<0> \\ $1</p>", "<p>b</p>")
    assert fragments.fill("<!--bx:1-->\n<!--bx:0-->", blocks) == "<p>b</p>\n" + blocks[0]


def test_fill_without_blocks_returns_the_html_as_it_is() -> None:
    html = "<p>a page with no generated HTML <!--bx:0--></p>"
    assert fragments.fill(html, ()) is html


def test_a_marker_out_of_range_is_an_error_not_a_silent_gap() -> None:
    with pytest.raises(IndexError):
        fragments.fill("<!--bx:2-->", ("<p>a</p>",))


_block = st.one_of(
    st.text(alphabet="ab *_#-\n\u00e9", min_size=1, max_size=20).filter(lambda s: not s.startswith("<")),
    st.text(alphabet="ab<>/=\" \n", min_size=1, max_size=20).map(lambda s: "<" + s),
)


@given(st.lists(_block, min_size=1, max_size=8))
def test_split_then_inline_is_the_identity_on_ascii_html(blocks) -> None:
    """Up to :func:`fragments.inert`: a line of an HTML block that starts with text starts with a reference."""
    page = "\n\n".join(blocks)
    assume(not page.startswith("---\n"))   # front matter: generated pages always close it
    text, found = fragments.split(page)
    assert fragments.inline(text, found) == "\n\n".join(
        fragments.inert(b) if b.startswith("<") else b for b in page.split("\n\n"))
    assert len(found) == sum(b.startswith("<") for b in page.split("\n\n"))


@given(st.lists(st.text(st.characters(max_codepoint=127)), max_size=8))
def test_pack_then_unpack_gives_back_the_blocks_exactly(blocks) -> None:
    """Blocks are ASCII (split makes them so) and may hold digits, blank lines and anything else."""
    packed = fragments.pack(tuple(blocks))
    assert fragments.unpack(packed) == tuple(blocks)
    assert fragments.pack(tuple(blocks)) == packed        # the same blocks, the same bytes (the preview's digest)
    assert (packed == b"") == (not blocks)


def _engine() -> markdown.Markdown:
    # The extensions the shipped mkdocs.yml and the test sites use for generated pages.
    return markdown.Markdown(extensions=["attr_list", "admonition", "toc"],
                             extension_configs={"toc": {"permalink": True}})


@pytest.fixture(scope="module")
def shipped_pages() -> dict[str, tuple[str, tuple[str, ...]]]:
    out = build_site(ArchiveConfig.at(SHIPPED))
    return {path: (page, fragments.unpack(out.fragments[path])) for path, page in out.pages.items()}


def test_markers_render_to_the_same_html_as_the_blocks_they_stand_for(shipped_pages) -> None:
    """The fast path (markers through the engine, then fill) and the plain page through the engine agree
    on every generated page of the shipped archive (up to the page's final line break)."""
    assert len(shipped_pages) > 40
    assert sum(len(blocks) for _, blocks in shipped_pages.values()) > 100
    for path, (page, blocks) in shipped_pages.items():
        body, _ = get_data(page)
        fast = fragments.fill(_engine().convert(body), blocks)
        plain, _ = get_data(fragments.inline(page, blocks))
        assert fast.rstrip("\n") == _engine().convert(plain).rstrip("\n"), path
        assert "<!--bx:" not in fast, path


def test_the_hand_made_page_renders_alike_both_ways() -> None:
    text, blocks = fragments.split(PAGE)
    fast = fragments.fill(_engine().convert(get_data(text)[0]), blocks)
    assert fast.rstrip("\n") == _engine().convert(get_data(PAGE)[0]).rstrip("\n")
    assert '<div class="a">one</div>' in fast
    assert '<h2 id="_other">' in fast


@pytest.mark.parametrize(("block", "skips"), [
    ('<ul class="bx-claim-list" data-search-exclude data-pagefind-ignore><li>x</li></ul>', True),
    ("<div data-search-exclude>", True),
    ("<p>text</p>", False),
    ('<div title="an author wrote data-search-exclude">x</div>', False),   # a value, not an attribute
    ('<section class="bx-claim-note"><p data-search-exclude>inner</p></section>', False),   # not its first element
    ("text <div data-search-exclude>", False),
])
def test_search_skips_a_block_whose_first_element_is_excluded(block, skips) -> None:
    assert fragments.search_skips(block) is skips


def test_fill_searchable_then_fill_gives_the_whole_page() -> None:
    blocks = ("<p>one</p>", '<ul data-search-exclude><li>two</li></ul>', "<p>three</p>")
    html = "<!--bx:0-->\n<!--bx:1-->\n<!--bx:2-->"
    first = fragments.fill(html, blocks, searchable=True)
    assert first == "<p>one</p>\n<!--bx:1-->\n<p>three</p>"
    assert fragments.fill(first, blocks) == fragments.fill(html, blocks)
