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

#: Not text: C0 controls but tab and LF, DEL, C1 controls, surrogates, and the non-characters.
NOT_TEXT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
                      "\U0001fffe\U0001ffff\U0002fffe\U0002ffff\U0003fffe\U0003ffff\U0004fffe\U0004ffff"
                      "\U0005fffe\U0005ffff\U0006fffe\U0006ffff\U0007fffe\U0007ffff\U0008fffe\U0008ffff"
                      "\U0009fffe\U0009ffff\U000afffe\U000affff\U000bfffe\U000bffff\U000cfffe\U000cffff"
                      "\U000dfffe\U000dffff\U000efffe\U000effff\U000ffffe\U000fffff\U0010fffe\U0010ffff]")

#: The characters that set or override the direction of the text that follows them.
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
BIDI = re.compile(f"[{BIDI_CONTROLS}]")

_OPEN_EMBEDDING = "\u202a\u202b\u202d\u202e"   # LRE RLE LRO RLO, each closed by PDF
_OPEN_ISOLATE = "\u2066\u2067\u2068"           # LRI RLI FSI, each closed by PDI
_PDF, _PDI = "\u202c", "\u2069"


def describe(char: str) -> str:
    """``U+202E (RIGHT-TO-LEFT OVERRIDE)``: how a message names an invisible character."""
    name = unicodedata.name(char, "")
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
