"""Articles as the archive holds them: the canonical text every offset refers to.

A seed is read as UTF-8 with any byte-order mark dropped, CRLF and CR turned into
LF and the text put in NFC, silently (the contract accepts all of these). The
result is the text every offset, highlight and export refers to.
"""
from __future__ import annotations

import re
import unicodedata

from ..core.positions import line_col, line_col_bytes

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


class SeedError(ValueError):
    """A seed that cannot be read as an article; ``line``/``col`` locate the fault."""

    def __init__(self, message: str, line: int = 1, col: int = 1) -> None:
        super().__init__(message)
        self.line, self.col = line, col


def canonical_text(raw: bytes) -> str:
    """Decode a seed's bytes into the canonical article text, or raise SeedError."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, col = line_col_bytes(raw, exc.start)
        raise SeedError("the article is not UTF-8 text; save it as UTF-8 (plain text)", line, col) from None
    bad = _CONTROL.search(text)
    if bad:
        line, col = line_col(text, bad.start())
        raise SeedError(f"the article contains the control character U+{ord(bad.group()):04X}, so it looks like a "
                        "binary file; save the article as plain UTF-8 text", line, col)
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        raise SeedError("the article is empty; put the article's text in the file")
    return text
