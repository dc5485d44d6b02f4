"""Which characters author text may hold, and how text that steers direction is kept in its place.

Two classes of character make text differ from what it shows:

* **Control characters** (C0 but tab and line feed, DEL, C1), **non-characters** (U+FFFE, U+FDD0...)
  and lone **surrogates** are not text at all: XML refuses them (the feed), HTML parsers rewrite
  them, and NUL ends strings in C code. They are refused wherever an author writes text.
* **Bidirectional controls** (U+202A-U+202E embeddings and overrides, U+2066-U+2069 isolates,
  U+200E/U+200F/U+061C marks) reorder the text around them: ``Drones \\u202e04 devomer`` shows as
  "Drones removed 40". They are refused in ids and one-line fields (names, titles, units), and
  allowed in prose (an Arabic or Hebrew quotation may need them), where :func:`isolate_bidi` closes
  every embedding the author opened, so it can never reach text the site writes after it.
"""
from __future__ import annotations

import re
import unicodedata

#: The non-characters: U+FDD0-U+FDEF and the last two code points of every plane.
_NON_CHARACTERS = "\ufdd0-\ufdef" + "".join(f"{chr(plane << 16 | 0xfffe)}{chr(plane << 16 | 0xffff)}"
                                           for plane in range(17))
#: Not text: C0 controls but tab and LF, DEL, C1 controls, surrogates, and the non-characters.
NOT_TEXT = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff{_NON_CHARACTERS}]")

#: Line breaks to YAML that editors, grep and line-based diffs do not show as line ends (contract v1.2).
HIDDEN_BREAKS = "\x85\u2028\u2029"
#: What may stand nowhere in a YAML file, comments included: what is not text (but CR, a line end an
#: editor shows) and the hidden line breaks, so that the file reads as a reviewer sees it.
NOT_IN_YAML = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff{_NON_CHARACTERS}]")

#: The characters that set or override the direction of the text that follows them.
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
BIDI = re.compile(f"[{BIDI_CONTROLS}]")

_OPEN_EMBEDDING = "\u202a\u202b\u202d\u202e"   # LRE RLE LRO RLO, each closed by PDF
_OPEN_ISOLATE = "\u2066\u2067\u2068"           # LRI RLI FSI, each closed by PDI
_PDF, _PDI = "\u202c", "\u2069"


_CONTROL_NAMES = {"\x85": "NEXT LINE"}   # the control character that is a line break to YAML has no name in unicodedata


def describe(char: str) -> str:
    """``U+202E (RIGHT-TO-LEFT OVERRIDE)``: how a message names an invisible character."""
    name = unicodedata.name(char, "") or _CONTROL_NAMES.get(char, "")
    return f"U+{ord(char):04X}" + (f" ({name})" if name else "")


def not_text(value: str) -> str | None:
    """The first character of ``value`` that is not text, or None."""
    found = NOT_TEXT.search(value)
    return found.group() if found else None


def isolate_bidi(text: str) -> str:
    """``text`` with every embedding, override or isolate it opens closed at its end.

    Unicode's bidirectional algorithm ignores a closing control with nothing open, so text the site
    writes after an author's text is never reordered by it, and the author's text itself shows as
    written. Text without bidirectional controls is returned unchanged (the common case, one scan).
    """
    if not BIDI.search(text):
        return text
    stack: list[str] = []
    for char in text:
        if char in _OPEN_EMBEDDING:
            stack.append(_PDF)
        elif char in _OPEN_ISOLATE:
            stack.append(_PDI)
        elif char == _PDF:
            # A PDF closes the innermost embedding, but never across an open isolate.
            if stack and stack[-1] == _PDF:
                stack.pop()
        elif char == _PDI:
            # A PDI closes the innermost isolate and every embedding opened inside it.
            if _PDI in stack:
                while stack.pop() != _PDI:
                    pass
        elif char in "\n\u2029":
            stack.clear()   # a paragraph separator ends every embedding and isolate
    return text + "".join(reversed(stack))
