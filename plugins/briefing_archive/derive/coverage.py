"""``briefings coverage``: which attributed sentences of each article no claim (or warning) covers yet."""
from __future__ import annotations

from dataclasses import dataclass

from ..core.attribution import Sentence, attributed_sentences
from ..core.model import Archive, Briefing, Span


@dataclass(frozen=True)
class Coverage:
    briefing: Briefing
    covered: tuple[Sentence, ...]
    uncovered: tuple[Sentence, ...]

    @property
    def percent(self) -> float:
        total = len(self.covered) + len(self.uncovered)
        return 100.0 if total == 0 else 100.0 * len(self.covered) / total


def coverage(archive: Archive) -> tuple[Coverage, ...]:
    out = []
    for b in archive.briefings:
        covered: list[Sentence] = []
        uncovered: list[Sentence] = []
        sentences = attributed_sentences(b.article.text)
        hits = _lead_ins(b.article.text, sentences, _overlapped(sentences, list(b.spans)))
        for s, hit in zip(sentences, hits, strict=True):
            (covered if hit else uncovered).append(s)
        out.append(Coverage(b, tuple(covered), tuple(uncovered)))
    return tuple(out)


def _lead_ins(text: str, sentences: tuple[Sentence, ...], hits: list[bool]) -> list[bool]:
    """A sentence that only introduces a quotation ("the MoD stated:") is covered when the quotation
    that follows it is: its claim is the quotation's, and annotating the lead-in would say it twice."""
    out = list(hits)
    for i in range(len(sentences) - 2, -1, -1):
        s, after = sentences[i], sentences[i + 1]
        if s.text.rstrip().endswith(":") and out[i + 1] and not text[s.end:after.start].strip(" \t\n\u201c\""):
            out[i] = True
    return out


def _overlapped(sentences: tuple[Sentence, ...], spans: list[Span]) -> list[bool]:
    """For each sentence (in text order), whether some span overlaps it: one sweep, not sentences x spans.

    A span overlaps a sentence when it starts before the sentence ends and ends after it starts;
    so it is enough to know the furthest end among the spans that start before the sentence ends.
    """
    spans = sorted(spans, key=lambda x: x.start)
    hits, k, furthest = [], 0, -1
    for s in sentences:
        while k < len(spans) and spans[k].start < s.end:
            furthest = max(furthest, spans[k].end)
            k += 1
        hits.append(furthest > s.start)
    return hits


def unused(archive: Archive) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(source ids, entity ids) that no claim uses (a briefing's publisher counts as used)."""
    used_sources = {s for b in archive.briefings for c in b.claims for link in c.chain for s in link}
    used_sources |= {b.publisher for b in archive.briefings if b.publisher}
    used_entities = {e for b in archive.briefings for c in b.claims for e in c.entities}
    return (tuple(s for s in archive.sources if s not in used_sources),
            tuple(e for e in archive.entities if e not in used_entities))
