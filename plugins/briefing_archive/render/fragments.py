"""Keep generated HTML out of the Markdown engine: it is already HTML, and parsing it again is slow.

A generated page is front matter, Markdown headings (which the engine turns into the table
of contents) and blocks of raw HTML. :func:`split` swaps each HTML block for a short
marker; after the engine has rendered the page, :func:`fill` puts the HTML back. The
result is the same page, but Python-Markdown's HTML-block parser never walks the
thousands of tags of a large briefing. :func:`inline` gives the plain Markdown for
engines that do not make the second call.

A large archive's blocks are most of its pages (over a gigabyte at 10,000 briefings), and an engine
needs them one page at a time: :func:`pack` keeps a page's blocks compressed until :func:`unpack`.
"""
from __future__ import annotations

import re
import zlib

MARKER = "<!--bx:{}-->"
_MARKER_RE = re.compile(r"<!--bx:(\d+)-->")


def split(markdown: str) -> tuple[str, tuple[str, ...]]:
    """(Markdown with a marker per raw-HTML block, the blocks in order)."""
    head = ""
    if markdown.startswith("---\n"):
        end = markdown.index("\n---\n", 4) + 5
        while markdown.startswith("\n", end):
            end += 1
        head, markdown = markdown[:end], markdown[end:]
    blocks = markdown.split("\n\n")
    fragments: list[str] = []
    out = []
    for block in blocks:
        if block.startswith("<"):
            out.append(MARKER.format(len(fragments)))
            # As ASCII with character references: a str holding one non-ASCII character takes 2-4
            # bytes for every character, and a large archive holds hundreds of MB of these blocks.
            fragments.append(block if block.isascii() else block.encode("ascii", "xmlcharrefreplace").decode("ascii"))
        else:
            out.append(block)
    return head + "\n\n".join(out), tuple(fragments)


def fill(html: str, fragments: tuple[str, ...]) -> str:
    """Put the HTML blocks back where the engine left their markers."""
    if not fragments:
        return html
    return _MARKER_RE.sub(lambda m: fragments[int(m.group(1))], html)


def inline(markdown: str, fragments: tuple[str, ...]) -> str:
    """The plain Markdown page, HTML blocks in place (for engines without a post-render hook;
    non-ASCII characters of the blocks come back as character references, which HTML reads alike)."""
    return _MARKER_RE.sub(lambda m: fragments[int(m.group(1))], markdown)


def pack(fragments: tuple[str, ...]) -> bytes:
    """A page's blocks compressed (``b""`` when it has none): their lengths, a blank line, then the blocks."""
    if not fragments:
        return b""
    head = "\n".join(str(len(block)) for block in fragments)
    return zlib.compress(f"{head}\n\n{''.join(fragments)}".encode("ascii"), 1)


def unpack(packed: bytes) -> tuple[str, ...]:
    """The blocks :func:`pack` compressed, exactly."""
    if not packed:
        return ()
    text = zlib.decompress(packed).decode("ascii")
    head, _, body = text.partition("\n\n")
    blocks, at = [], 0
    for size in map(int, head.split("\n")):
        blocks.append(body[at:at + size])
        at += size
    return tuple(blocks)
