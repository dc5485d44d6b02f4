"""The Markdown dialect of notes and summaries: one parser configuration for loading and rendering.

The loader refuses a note the renderer could not render in full (:func:`nesting_problem`), so
both must see the same parser: CommonMark by markdown-it-py, linear in its input, with raw HTML
and images off and a nesting cap.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt


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


