"""Characters that may stand nowhere in a YAML file, found where an editor shows them (contract v1.2, "Inputs").

YAML reads U+0085, U+2028 and U+2029 as line breaks; editors, grep and line-based diffs do not, so a key
after one in a comment is live while a reviewer sees a comment. They, and what is not text, are refused
anywhere in a file, each at its line and column counted with LF, CRLF and CR as line ends.
"""
from __future__ import annotations

from collections.abc import Iterator

from ..core.characters import HIDDEN_BREAKS, NOT_IN_YAML, describe


def unseen_characters(text: str) -> Iterator[tuple[int, int, str]]:
    """Line, column and character of each character of ``text`` that may stand nowhere in a YAML file.

    Lines are counted as an editor shows them (LF, CRLF and CR end a line), columns in code points;
    one pass over the text, however many there are.
    """
    line, line_start, last = 1, 0, 0
    for found in NOT_IN_YAML.finditer(text):
        at = found.start()
        # ``last`` and ``at`` are such characters, never CR or LF: no CRLF is split between two segments.
        segment = text[last:at]
        breaks = segment.count("\n") + segment.count("\r") - segment.count("\r\n")
        if breaks:
            line += breaks
            line_start = last + max(segment.rfind("\n"), segment.rfind("\r")) + 1
        last = at
        yield line, at - line_start + 1, found.group()


def editor_line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset`` in ``text``, with lines ended by LF, CRLF or CR (as an editor)."""
    before = text[:offset]
    line = before.count("\n") + before.count("\r") - before.count("\r\n") + 1
    return line, offset - (max(before.rfind("\n"), before.rfind("\r")) + 1) + 1


def unseen_message(char: str) -> str:
    if char in HIDDEN_BREAKS:
        return (f"the character {describe(char)} is a line break to YAML, but editors, grep and diffs show none "
                "here, so the file would not read as it looks; remove it (a double-quoted value that needs it "
                f"writes it as the escape \\u{ord(char):04X})")
    return (f"the character {describe(char)} is not text (a control character or a non-character) and may stand "
            "nowhere in a YAML file, comments included; remove it")
