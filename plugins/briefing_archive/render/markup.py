"""Author text to safe HTML: escaping for plain text, sanitised Markdown for notes.

Article text, titles and names are plain text and are only ever escaped. Notes and
summaries are CommonMark (markdown-it-py, whose parser is linear in its input and caps
nesting, so no note can make a build slow or overflow the stack) with raw HTML and
images disabled (an author's ``<b>`` or ``![x](y)`` shows as text, never silently
vanishes), and the result is passed through nh3 (Ammonia), which keeps a small set of
tags and only http, https, mailto and in-site links. Every piece of author text keeps
its bidirectional controls to itself (:func:`characters.isolate_bidi`).
"""
from __future__ import annotations

import html
import re
from functools import lru_cache

import nh3

from ..core.characters import isolate_bidi
from ..core.markdown import markdown_parser

_TAGS = {"p", "em", "strong", "a", "code", "pre", "ul", "ol", "li", "blockquote", "br", "hr"}
_ATTRIBUTES = {"a": {"href", "title"}}
_SCHEMES = {"http", "https", "mailto"}


#: Attributes that keep an element out of the search index, for Material's search and for Pagefind alike
#: (set on the element when it is written, never added to built pages by replacing text).
SEARCH_EXCLUDE = "data-search-exclude data-pagefind-ignore"


@lru_cache(maxsize=65536)
def _esc(text: str) -> str:
    return html.escape(isolate_bidi(text), quote=True).replace("\n", "&#10;")


def esc(text: object) -> str:
    """Escape plain text for HTML body and attribute values alike (names and titles repeat: cached).

    A line break becomes ``&#10;``, which HTML reads alike: generated HTML reaches a Markdown engine
    inside HTML blocks, which a blank line would end, so author text never writes a line break.
    """
    return _esc(text if isinstance(text, str) else str(text))


def esc_article(text: str) -> str:
    """Escape a piece of article text: like :func:`esc`, but direction controls are left as the article
    has them (a legitimate embedding may cross a highlight). Each paragraph is its own element, which
    ends whatever the text opened, and the site's own marks inside it are isolated by the stylesheet."""
    return html.escape(text, quote=False).replace("\n", "&#10;")


def one_line(html_text: str) -> str:
    """HTML with its line breaks written ``&#10;`` (the same HTML: text, attribute values and ``pre``
    content read a reference as the character), so no Markdown engine can see a blank line in it."""
    return html_text.replace("\n", "&#10;")


# Text with none of these is a single plain paragraph in Markdown: no need to run the engine.
_MARKDOWN_SYNTAX = re.compile(r"[\\`*_\[\]<>&#|~!]|^\s*(?:[-+>=]|\d+[.)])|\n|https?://", re.MULTILINE)


def _escape_text(text: str) -> str:
    # Text escaped as nh3 writes it (& < >), so both paths of render_markdown give the same HTML.
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@lru_cache(maxsize=4096)
def render_markdown(text: str | None) -> str:
    """Render a note or summary to sanitised HTML (empty string for no text)."""
    if not text or not text.strip():
        return ""
    text = isolate_bidi(text)
    if not _MARKDOWN_SYNTAX.search(text.strip()):
        return f"<p>{_escape_text(text.strip())}</p>"
    html_out = markdown_parser().render(text).rstrip("\n")
    return one_line(nh3.clean(html_out, tags=_TAGS, attributes=_ATTRIBUTES, url_schemes=_SCHEMES,
                              link_rel="noopener noreferrer"))


def plain_text(text: str | None, limit: int | None = None) -> str:
    """Markdown reduced to one line of plain text, for tooltips and titles (not escaped)."""
    if not text:
        return ""
    stripped = nh3.clean(render_markdown(text), tags=set())
    flat = isolate_bidi(" ".join(html.unescape(stripped).split()))
    if limit and len(flat) > limit:
        flat = flat[: limit - 1].rstrip() + "\u2026"
    return flat


def scroll_table(table_html: str) -> str:
    """Wrap a table the way Material wraps Markdown tables, so a wide one scrolls instead of the page."""
    return f'<div class="md-typeset__scrollwrap"><div class="md-typeset__table">{table_html}</div></div>'
