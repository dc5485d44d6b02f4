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
from collections.abc import Callable
from functools import lru_cache

import nh3
from markdown_it.token import Token

from ..core.characters import isolate_bidi
from ..core.ids import claim_key
from ..core.markdown import link_tokens, markdown_parser, may_refer, reference_of
from ..core.text import SENTENCE_END

#: The attribute that holds an element's tooltip (plain text). Never ``title``: the theme's tooltips
#: (Material's ``content.tooltips``) build theirs from a title as HTML, so author text in a title would
#: become markup; the archive's script (assets/briefings.js) builds its tooltips from this, as text.
TIP = "data-bx-tip"

_TAGS = {"p", "em", "strong", "a", "code", "pre", "ul", "ol", "li", "blockquote", "br", "hr"}
_ATTRIBUTES = {"a": {"href", TIP}}
_SCHEMES = {"http", "https", "mailto"}


#: Attributes that keep an element out of the search index, for Material's search and for Pagefind alike
#: (set on the element when it is written, never added to built pages by replacing text).
SEARCH_EXCLUDE = "data-search-exclude data-pagefind-ignore"


def _escape(text: str) -> str:
    return html.escape(isolate_bidi(text), quote=True).replace("\n", "&#10;")


_esc = lru_cache(maxsize=65536)(_escape)
#: Longer texts (quotes, tooltips) seldom repeat: cached, they would fill the cache with megabytes of one-offs.
CACHED_UP_TO = 200


def esc(text: object) -> str:
    """Escape plain text for HTML body and attribute values alike (names and titles repeat: cached).

    A line break becomes ``&#10;``, which HTML reads alike: generated HTML reaches a Markdown engine
    inside HTML blocks, which a blank line would end, so author text never writes a line break.
    """
    text = text if isinstance(text, str) else str(text)
    return _esc(text) if len(text) <= CACHED_UP_TO else _escape(text)


def tip(text: str) -> str:
    """The tooltip attribute of an element (with its leading space), the text escaped; none for no text."""
    return f' {TIP}="{esc(text)}"' if text else ""


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


#: Resolves a reference of a note (briefing id, claim id or None) to the link's href, the text it shows
#: when the author gave none, and its tooltip; None for a reference to nothing (the loader refuses those).
Resolve = Callable[[str, str | None], tuple[str, str, str] | None]


def render_markdown(text: str | None, resolve: Resolve | None = None) -> str:
    """Render a note or summary to sanitised HTML (empty string for no text).

    A reference (``[text](<briefing-id>#<claim-id>)``) becomes the link ``resolve`` gives; without
    ``resolve`` (exports, read away from the site's pages) it is left as its text, never a broken link.
    """
    if resolve is None or not text or not may_refer(text):
        return _render_plain(text)
    return _render(text, resolve)


@lru_cache(maxsize=4096)
def _render_plain(text: str | None) -> str:
    return _render(text, None)


def _render(text: str | None, resolve: Resolve | None) -> str:
    if not text or not text.strip():
        return ""
    text = isolate_bidi(text)
    if not _MARKDOWN_SYNTAX.search(text.strip()):
        return f"<p>{_escape_text(text.strip())}</p>"
    md = markdown_parser()
    tokens = md.parse(text)
    if may_refer(text):
        _resolve_references(tokens, resolve)
    for link in link_tokens(tokens):   # a link's title is a tooltip: the archive's, as text (see TIP)
        title = link.attrs.pop("title", None)
        if title:
            link.attrs[TIP] = str(title)
    html_out = md.renderer.render(tokens, md.options, {}).rstrip("\n")
    return one_line(nh3.clean(html_out, tags=_TAGS, attributes=_ATTRIBUTES, url_schemes=_SCHEMES,
                              link_rel="noopener noreferrer"))


def _resolve_references(tokens: list[Token], resolve: Resolve | None) -> None:
    """Turn each reference link into the link ``resolve`` gives (with its text if it has none), or
    into plain text. Links never nest, so a reference's ``link_close`` is the next one."""
    targets = {id(t): reference_of(str(t.attrs.get("href", ""))) for t in link_tokens(tokens)}
    for token in tokens:
        if not token.children or not any(targets.get(id(c)) for c in token.children):
            continue
        out: list[Token] = []
        start, label, keep = -1, "", True
        for child in token.children:
            ref = targets.get(id(child))
            if ref is not None:
                target = resolve(*ref) if resolve is not None else None
                keep = target is not None
                href, label, title = target or ("", claim_key(ref[0], ref[1]) if ref[1] else ref[0], "")
                if keep:
                    child.attrs = {"href": href, "title": str(child.attrs.get("title") or title)}
                    out.append(child)
                start = len(out)
                continue
            if child.type == "link_close" and start >= 0:
                if len(out) == start:   # the author gave no text: the target's own
                    out.append(Token("text", "", 0, content=isolate_bidi(label)))
                if keep:
                    out.append(child)
                start = -1
                continue
            out.append(child)
        token.children = out


def plain_text(text: str | None, limit: int | None = None, resolve: Resolve | None = None) -> str:
    """Markdown reduced to one line of plain text, for tooltips and titles (not escaped); cut by
    :func:`shorten` to at most ``limit`` characters and an ellipsis."""
    if not text:
        return ""
    stripped = nh3.clean(render_markdown(text, resolve), tags=set())
    flat = " ".join(html.unescape(stripped).split())
    return isolate_bidi(shorten(flat, limit) if limit else flat)


#: Words that end with a full stop without ending a sentence (initials such as U.S. are found apart).
_ABBREVIATIONS = frozenset({"mr", "mrs", "ms", "dr", "st", "no", "nos", "vs", "cf", "approx", "gen", "lt", "col",
                            "maj", "sgt", "capt", "cpt", "adm", "gov", "sen", "rep", "jan", "feb", "mar", "apr", "jun",
                            "jul", "aug", "sep", "sept", "oct", "nov", "dec", "e.g", "i.e", "etc", "al", "fig"})
_INITIALS = re.compile(r"(?:\w\.)+\w?")
_CUT_PUNCTUATION = " ,;:\u2013\u2014-([{\u201c\u2018\"'/"


def sentence_ends(flat: str) -> list[int]:
    """Offsets just after each sentence of a one-line text.

    A stop counts when a capital, a digit, a quote or a bracket follows it, and the word it ends is
    not an abbreviation or initials: a doubtful stop is not a sentence end, so a cut is never inside
    a sentence (it may only come one sentence early).
    """
    ends = []
    size = len(flat)
    for m in SENTENCE_END.finditer(flat):
        end = m.end()
        # Only the next character and the word before the stop are read, never a copy of the rest of the text:
        # the scan stays linear in the text's length however many sentences it has.
        following = end
        while following < size and flat[following].isspace():
            following += 1
        word = flat[flat.rfind(" ", 0, m.start() + 1) + 1:m.start() + 1]
        word = word.lstrip("\"'\u201c\u2018([").rstrip(".").lower()
        if following < size and (flat[following].islower() or not word or word in _ABBREVIATIONS
                                 or (flat[m.start()] == "." and _INITIALS.fullmatch(word))):
            continue
        ends.append(end)
    return ends


def shorten(flat: str, limit: int, *, sentences: bool = True) -> str:
    """``flat`` (one line of text) cut to at most ``limit`` characters and a final \u2026, never inside
    a word: at the end of its last whole sentence that fits, or, when even the first sentence is too long
    (or ``sentences`` is false), after its last whole word that fits. Text that fits is returned as is."""
    if len(flat) <= limit:
        return flat
    if sentences:
        fit = [k for k in sentence_ends(flat) if k < limit]
        if fit:
            return flat[:fit[-1]] + " \u2026"
    cut = flat.rfind(" ", 0, limit + 1)
    return (flat[:cut].rstrip(_CUT_PUNCTUATION) if cut > 0 else "") + "\u2026"


_CELL_END = re.compile(r"</(td|th)>(?!\s)")


def scroll_table(table_html: str) -> str:
    """Wrap a table the way Material wraps Markdown tables, so a wide one scrolls instead of the page.

    Each cell ends with a space: search indexes read a page's text without its layout, and cells side
    by side would run together ("KindplaceUkraine") in their words and their result snippets."""
    spaced = _CELL_END.sub(r"</\1> ", table_html)
    return f'<div class="md-typeset__scrollwrap"><div class="md-typeset__table">{spaced}</div></div>'
