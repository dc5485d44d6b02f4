"""Line and column of an offset: how every message points into an article or a YAML file."""
from __future__ import annotations


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column (in code points) of ``offset`` in ``text``.

    Lines are split on LF only, as the canonical text uses LF line ends.
    ``offset == len(text)`` (end of text) is allowed.
    """
    if not 0 <= offset <= len(text):
        raise ValueError(f"offset {offset} outside text of length {len(text)}")
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


def line_col_bytes(raw: bytes, offset: int) -> tuple[int, int]:
    """:func:`line_col` for undecoded bytes (a file that is not UTF-8), counting bytes."""
    line = raw.count(b"\n", 0, offset) + 1
    col = offset - (raw.rfind(b"\n", 0, offset) + 1) + 1
    return line, col
