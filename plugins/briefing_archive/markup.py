"""Author text to safe HTML: escaping for plain text, sanitised Markdown for notes.

Article text, titles and names are plain text and are only ever escaped. Notes and
summaries are Markdown with raw HTML disabled (an author's ``<b>`` shows as text,
never silently vanishes) and the result is passed through nh3 (Ammonia), which
keeps a small set of tags and only http, https, mailto and in-site links.
"""
from __future__ import annotations

import html
import re
from functools import lru_cache

import markdown
import nh3

_TAGS = {"p", "em", "strong", "a", "code", "pre", "ul", "ol", "li", "blockquote", "br", "hr"}
_ATTRIBUTES = {"a": {"href", "title"}}
_SCHEMES = {"http", "https", "mailto"}
_PLACEHOLDER = re.compile("\x02klzzwxh:\\d+\x03")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


@lru_cache(maxsize=65536)
def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def esc(text: object) -> str:
    """Escape plain text for HTML body and attribute values alike (names and titles repeat: cached)."""
    return _esc(text if isinstance(text, str) else str(text))


@lru_cache(maxsize=1)
def _markdown() -> markdown.Markdown:
    md = markdown.Markdown(extensions=["sane_lists"], output_format="html")
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    return md


# Text with none of these is a single plain paragraph in Markdown: no need to run the engine.
_MARKDOWN_SYNTAX = re.compile(r"[\\`*_\[\]<>&#|~!]|^\s*(?:[-+>]|\d+[.)])\s|\n\s*\n|^ {4}|https?://", re.M)


@lru_cache(maxsize=4096)
def render_markdown(text: str | None) -> str:
    """Render a note or summary to sanitised HTML (empty string for no text)."""
    if not text or not text.strip():
        return ""
    if not _MARKDOWN_SYNTAX.search(text):
        return f"<p>{html.escape(text.strip(), quote=False)}</p>"
    md = _markdown()
    md.reset()
    # Python-Markdown can leave its internal placeholders (control characters) inside attribute values
    # of malformed links; they are not text and would make the output invalid XML (the feed).
    html_out = _CONTROL.sub("", _PLACEHOLDER.sub("", md.convert(text)))
    return nh3.clean(html_out, tags=_TAGS, attributes=_ATTRIBUTES, url_schemes=_SCHEMES,
                     link_rel="noopener noreferrer")


def plain_text(text: str | None, limit: int | None = None) -> str:
    """Markdown reduced to one line of plain text, for tooltips and titles (not escaped)."""
    if not text:
        return ""
    stripped = nh3.clean(render_markdown(text), tags=set())
    flat = " ".join(html.unescape(stripped).split())
    if limit and len(flat) > limit:
        flat = flat[: limit - 1].rstrip() + "\u2026"
    return flat


def scroll_table(table_html: str) -> str:
    """Wrap a table the way Material wraps Markdown tables, so a wide one scrolls instead of the page."""
    return f'<div class="md-typeset__scrollwrap"><div class="md-typeset__table">{table_html}</div></div>'
