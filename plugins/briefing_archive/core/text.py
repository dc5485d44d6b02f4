"""An article's structure: its paragraphs and headings, and where its sentences end.

Every page, reading guide and attribution finder reads the canonical text
(see :mod:`briefing_archive.load.seeds`) through these, so they split it alike.
"""
from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

_STOPS = ".!?"
_CLOSERS = "\"'\u201d\u2019)]"
#: Where a sentence ends: . ! or ? (and any closing quote or bracket) before white space or the end.
SENTENCE_END = re.compile(rf"[{re.escape(_STOPS)}][{re.escape(_CLOSERS)}]*(?=\s|$)")
_CLOSER_RUN = re.compile(rf"[{re.escape(_CLOSERS)}]+")
_CLOSING = ("\"", "'", "\u201d", "\u2019", "\u00bb", "\u203a")
_NO_HEADING_END = (".", ",", ";", ":") + _CLOSING


@dataclass(frozen=True)
class Block:
    """One paragraph or section heading: its kind and its span in the canonical text."""

    kind: Literal["p", "h"]
    start: int
    end: int


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


class TextIndex:
    """Where an article's blocks start and its sentences end, so a claim's sentence is found by
    bisection instead of a scan of the article (or of a long paragraph) per claim.

    Built once per article (see :func:`text_index`). ``SENTENCE_END`` is matched once over the
    whole text; a match never holds white space and a block is bounded by white space, so the
    whole-text matches are exactly the ones a search bounded by a block finds, except a match cut
    off by the bound itself, which :meth:`sentence_start` recognises from the runs of closing marks.
    """

    __slots__ = ("_block_starts", "_run_ends", "_run_starts", "_stop_ends", "_stop_starts", "blocks", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.blocks = blocks(text)
        self._block_starts = array("q", (b.start for b in self.blocks))
        self._stop_starts, self._stop_ends = _spans(SENTENCE_END, text)
        self._run_starts, self._run_ends = _spans(_CLOSER_RUN, text)

    def block_at(self, pos: int) -> Block | None:
        """The block that holds offset ``pos``, if any."""
        k = bisect_right(self._block_starts, pos) - 1
        return self.blocks[k] if k >= 0 and pos < self.blocks[k].end else None

    def sentence_start(self, block: Block, pos: int) -> int:
        """The end of the last sentence end ``SENTENCE_END.finditer(text, block.start, pos)`` finds, or the
        block's start."""
        # A match cut off at ``pos``: a stop followed by nothing but closing marks up to ``pos``.
        k = bisect_right(self._run_starts, pos - 1) - 1
        marks = self._run_starts[k] if k >= 0 and self._run_ends[k] > pos - 1 else pos
        if block.start < marks <= pos and self.text[marks - 1] in _STOPS:
            return pos
        k = bisect_left(self._stop_ends, pos) - 1
        return self._stop_ends[k] if k >= 0 and self._stop_ends[k] > block.start else block.start

    def sentence_end(self, block: Block, pos: int) -> int | None:
        """The end of ``SENTENCE_END.search(text, pos, block.end)``, or None when it finds nothing."""
        k = bisect_left(self._stop_starts, pos)
        return self._stop_ends[k] if k < len(self._stop_starts) and self._stop_starts[k] < block.end else None


def _spans(pattern: re.Pattern[str], text: str) -> tuple[array[int], array[int]]:
    starts, ends = array("q"), array("q")
    for m in pattern.finditer(text):
        starts.append(m.start())
        ends.append(m.end())
    return starts, ends


@lru_cache(maxsize=8)
def text_index(text: str) -> TextIndex:
    """The article's index (cached: asked per claim)."""
    return TextIndex(text)
