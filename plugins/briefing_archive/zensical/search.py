"""Keep a generated page within what Zensical's search can index.

Zensical's search (0.0.x) refuses to build when the text of one section of a page (the text between two
headings) exceeds 32 KB: "Search field 'text' at 'briefings/' exceeds the search index limit". A large
archive has such sections: the list of every briefing, a tag or source page naming hundreds of them, a long
article. MkDocs' search takes them whole. So before Zensical builds, each over-long section of a generated
page has its largest HTML blocks marked ``data-search-exclude`` (which Zensical's search honours, as
Material's does) until its text fits: the page is the same, only search leaves that text out, and the build
says which sections it left out. Hand-written pages are left as they are.
"""
from __future__ import annotations

import re
from html import unescape

from ..render.fragments import GENERATED

#: The text Zensical's search takes from one section of a page, in bytes (its error message's "maximum"),
#: with room for what this estimate of the text misses.
LIMIT = 32768 - 1024
_HEADING = re.compile(r"<h[1-6][\s>]")
_TAG = re.compile(r"<[^>]*>")
_EXCLUDED = re.compile(r"<(\w+)\b[^>]*\sdata-search-exclude[\s>=]")
_FIRST_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9]*)\b")


def _text_bytes(html: str) -> int:
    return len(unescape(_TAG.sub("", html)).encode("utf-8"))


def _sections(blocks: list[str]) -> list[dict[int, int]]:
    """For each section of the page, the text bytes each block gives it (block index -> bytes)."""
    sections: list[dict[int, int]] = [{}]
    for i, block in enumerate(blocks):
        if block.startswith("#"):              # a Markdown heading starts a section
            sections.append({})
            continue
        if not block.startswith("<") or _EXCLUDED.match(block):
            continue
        parts = _HEADING.split(block)
        for n, part in enumerate(parts):
            if n:
                sections.append({})
            sections[-1][i] = sections[-1].get(i, 0) + _text_bytes(part)
    return sections


def fit_search(markdown: str, limit: int = LIMIT) -> tuple[str, int]:
    """The page with its over-long sections' largest blocks left out of search, and how many were."""
    head, marker, body = markdown.partition(GENERATED)
    if not marker:
        return markdown, 0
    blocks = body.split("\n\n")
    excluded: set[int] = set()
    for section in _sections(blocks):
        total = sum(section.values())
        for i, size in sorted(section.items(), key=lambda item: -item[1]):
            if total <= limit:
                break
            excluded.add(i)
            total -= size
    for i in excluded:
        blocks[i] = _FIRST_TAG.sub(lambda m: f"{m.group(0)} data-search-exclude", blocks[i], count=1)
    return head + marker + "\n\n".join(blocks), len(excluded)
