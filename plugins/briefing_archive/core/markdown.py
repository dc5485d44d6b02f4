"""The Markdown dialect of notes and summaries: one parser configuration for loading and rendering.

The loader refuses a note the renderer could not render in full (:func:`nesting_problem`), so
both must see the same parser: CommonMark by markdown-it-py, linear in its input, with raw HTML
and images off and a nesting cap.

A note refers to another briefing, or to one of its claims, with a Markdown link whose target is
an id: ``[text](<briefing-id>#<claim-id>)``, ``[](<briefing-id>)``. Such a relative target means
nothing else on the site (pages live in folders, so a bare word next to one is a broken link), and
a link is never ordinary text; the loader checks every such id (:func:`references`), the renderer
makes it a link to the briefing or claim, with its title (and the claim's words) when the link
has no text.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from .ids import ID_PATTERN

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token


#: Block nesting the Markdown renderer allows (markdown-it's ``maxNesting``). A note that would reach
#: it is refused by :func:`nesting_problem` when the archive is loaded, since the renderer would
#: otherwise skip what lies deeper.
MAX_NESTING = 20


@lru_cache(maxsize=1)
def markdown_parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False, "maxNesting": MAX_NESTING}).disable("image")


_CONTAINER_LINE = re.compile(r"^[ \t]*(?:>|[-+*](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$))", re.MULTILINE)


def nesting_problem(text: str) -> str | None:
    """Why a Markdown text nests too deeply to render in full, or None.

    Lists and quotes inside each other are the only way to nest blocks, so text with no line that
    starts one is skipped without parsing (the common case).
    """
    if not _CONTAINER_LINE.search(text):
        return None
    deepest = max((t.level for t in markdown_parser().parse(text) if t.nesting == 1), default=0)
    if deepest < MAX_NESTING - 1:
        return None
    return (f"the Markdown nests lists or quotes inside each other too deeply (the limit is {MAX_NESTING} levels, "
            "and each list counts two); flatten it")


#: A link target that refers to a briefing (group 1) or to one of its claims (group 2).
REFERENCE = re.compile(rf"({ID_PATTERN})(?:#({ID_PATTERN}))?")


def reference_of(href: str) -> tuple[str, str | None] | None:
    """``(briefing id, claim id or None)`` when a link target is a reference, else None."""
    m = REFERENCE.fullmatch(href)
    return (m.group(1), m.group(2)) if m else None


#: What any link whose target might be an id starts with: ``](target`` or a definition ``]: target`` (white
#: space, ``<``, an entity or an escape may come first). Text without it needs no parse for references.
_MAY_REFER = re.compile(r"\](?:\(|:)\s*<?[a-z0-9&\\]")


def may_refer(text: str) -> bool:
    """False when ``text`` holds no link whose target could be an id, so it needs no parse for references."""
    return _MAY_REFER.search(text) is not None


def link_tokens(tokens: list[Token]) -> Iterator[Token]:
    """Every ``link_open`` token of a parsed text (links sit in the children of inline tokens)."""
    for token in tokens:
        for child in token.children or ():
            if child.type == "link_open":
                yield child


def references(text: str) -> list[tuple[str, str | None]]:
    """Every reference of a note or summary, in order (links in code spans are text, not links)."""
    if not may_refer(text):
        return []
    found = []
    for token in link_tokens(markdown_parser().parse(text)):
        ref = reference_of(str(token.attrs.get("href", "")))
        if ref is not None:
            found.append(ref)
    return found
