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
#: The first line of a page `briefings generate` writes: its HTML blocks are whole, separated by blank lines
#: (an engine's extension may hand them to the output without parsing them; a comment to any other).
GENERATED = "<!-- briefings:generated -->"
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


def fill(html: str, fragments: tuple[str, ...], *, searchable: bool = False) -> str:
    """Put the HTML blocks back where the engine left their markers; with ``searchable``, only those a site
    search reads (not those that :func:`search_skips`: their markers stay, for a second call to fill)."""
    if not fragments:
        return html
    if searchable:
        return _MARKER_RE.sub(lambda m: m.group(0) if search_skips(block := fragments[int(m.group(1))]) else block,
                              html)
    return _MARKER_RE.sub(lambda m: fragments[int(m.group(1))], html)


#: A start tag, its attributes as the renderer writes them (values in double quotes, which it escapes inside).
_START_TAG = re.compile(r'<[a-zA-Z][\w-]*((?:\s+[\w:-]+(?:="[^"]*")?)*)\s*/?>')
_ATTRIBUTE_NAME = re.compile(r'\s+([\w:-]+)(?:="[^"]*")?')


def search_skips(block: str) -> bool:
    """Whether a search index skips the whole block: its first element carries ``data-search-exclude`` as an
    attribute (not as text inside another attribute's value, which an author may write)."""
    tag = _START_TAG.match(block)
    return tag is not None and "data-search-exclude" in _ATTRIBUTE_NAME.findall(tag.group(1))


def inline(markdown: str, fragments: tuple[str, ...]) -> str:
    """The plain Markdown page, HTML blocks in place (for engines without a post-render hook;
    non-ASCII characters of the blocks come back as character references, which HTML reads alike).

    Each block starts with a block-level tag, so Python-Markdown keeps it as raw HTML; but its
    preprocessors (fenced code, which Zensical always enables, snippets...) read every line before
    raw HTML is set aside, and a line of a block may begin with author text (a note's second line, a
    code block's content). So such a line starts with a character reference instead, and tabs are
    references too (Python-Markdown turns tabs into spaces): the same text to a browser, nothing a
    Markdown extension can take for its syntax."""
    return _MARKER_RE.sub(lambda m: inert(fragments[int(m.group(1))]), markdown)


def marked(markdown: str) -> str:
    """The page with :data:`GENERATED` as the first line of its body (after any front matter)."""
    head = ""
    if markdown.startswith("---\n"):
        end = markdown.index("\n---\n", 4) + 5
        head, markdown = markdown[:end], markdown[end:].lstrip("\n")
    return f"{head}{GENERATED}\n\n{markdown}"


#: Where character references are not read (raw text elements), left exactly as they are.
_RAW_TEXT = re.compile(r"<(script|style)\b.*?</\1\s*>", re.DOTALL | re.IGNORECASE)
#: A line of a block that begins with anything but a tag or a reference (author text), and tabs.
_AUTHOR_START = re.compile(r"(?m)(?<=\n)([ ]*)([^<&\s])|\t")


def _reference(m: re.Match[str]) -> str:
    return "&#9;" if m.group(0) == "\t" else f"{m.group(1)}&#{ord(m.group(2))};"


def inert(block: str) -> str:
    """The block with no line a Markdown preprocessor could read as its own (see :func:`inline`)."""
    if "\n" not in block and "\t" not in block:
        return block
    out, at = [], 0
    for raw in _RAW_TEXT.finditer(block):
        out += [_AUTHOR_START.sub(_reference, block[at:raw.start()]), raw.group(0)]
        at = raw.end()
    out.append(_AUTHOR_START.sub(_reference, block[at:]))
    return "".join(out)


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
