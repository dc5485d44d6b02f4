"""Sentences of an article that attribute what they say to someone: what a briefing should annotate.

A sentence counts as attributed when it carries a reporting verb or phrase
("said", "according to", "reported", "stated", "claimed", "believed", ...) or a
quotation mark. Used by ``briefings new`` (a TODO claim per such sentence) and
``briefings coverage`` (which of them no claim covers yet).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .text import SENTENCE_END, blocks

CUES = re.compile(
    r"(?<![\w-])(?:said|says|say|according to|reported|reports|reportedly|stated|states|claimed|claims|claim|"
    r"told|writes|wrote|noted|notes|suggested|suggests|suggest|believed|believe|believes|thought|estimates|"
    r"citing|cited|allegedly|accused|announced|added|indicate|indicates|quoted)(?![\w-])"
    r"|[\"\u201c\u201d\u00ab\u00bb]",
    re.IGNORECASE)


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


def sentences(text: str) -> tuple[Sentence, ...]:
    """Every sentence of every paragraph (headings excluded), trimmed, with its offsets."""
    out = []
    for block in blocks(text):
        if block.kind != "p":
            continue
        start = block.start
        for m in SENTENCE_END.finditer(text, block.start, block.end):
            out.append(_trim(text, start, m.end()))
            start = m.end()
        if text[start:block.end].strip():
            out.append(_trim(text, start, block.end))
    return tuple(s for s in out if s.text)


def _trim(text: str, start: int, end: int) -> Sentence:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Sentence(start, end, text[start:end])


def attributed_sentences(text: str) -> tuple[Sentence, ...]:
    return tuple(s for s in sentences(text) if CUES.search(s.text))
