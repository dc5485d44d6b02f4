"""Articles as the archive holds them: canonical text, paragraphs and headings.

A seed is read as UTF-8 with any byte-order mark dropped, CRLF and CR turned into
LF and the text put in NFC, silently (the contract accepts all of these). The
result is the text every offset, highlight and export refers to.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

#: Where a sentence ends: . ! or ? (and any closing quote or bracket) before white space or the end.
SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*(?=\s|$)")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_CLOSING = ("\"", "'", "\u201d", "\u2019", "\u00bb", "\u203a")
_NO_HEADING_END = (".", ",", ";", ":") + _CLOSING


class SeedError(ValueError):
    """A seed that cannot be read as an article; ``line``/``col`` locate the fault."""

    def __init__(self, message: str, line: int = 1, col: int = 1) -> None:
        super().__init__(message)
        self.line, self.col = line, col


@dataclass(frozen=True)
class Block:
    """One paragraph or section heading: its kind and its span in the canonical text."""

    kind: Literal["p", "h"]
    start: int
    end: int


def canonical_text(raw: bytes) -> str:
    """Decode a seed's bytes into the canonical article text, or raise SeedError."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise SeedError("the article is not UTF-8 text; save it as UTF-8 (plain text)", line, col) from None
    bad = _CONTROL.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        col = bad.start() - (text.rfind("\n", 0, bad.start()) + 1) + 1
        raise SeedError(f"the article contains the control character U+{ord(bad.group()):04X}, so it looks like a "
                        "binary file; save the article as plain UTF-8 text", line, col)
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        raise SeedError("the article is empty; put the article's text in the file")
    return text


@lru_cache(maxsize=8)
def blocks(text: str) -> tuple[Block, ...]:
    """Split an article into paragraphs and headings by the contract's rules (cached: asked per claim)."""
    lines: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = offset + (len(line) - len(line.lstrip()))
            lines.append((start, start + len(stripped)))
        offset += len(line) + 1
    out = []
    for i, (start, end) in enumerate(lines):
        body = text[start:end]
        following = lines[i + 1] if i + 1 < len(lines) else None
        heading = (
            following is not None
            and len(body.split()) <= 12
            and not body.endswith(_NO_HEADING_END)
            and (following[1] - following[0]) > (end - start)
        )
        out.append(Block("h" if heading else "p", start, end))
    return tuple(out)
