"""``briefings coverage``: which attributed sentences of each article no claim (or warning) covers yet."""
from __future__ import annotations

from dataclasses import dataclass

from .attribution import Sentence, attributed_sentences
from .model import Archive, Briefing


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
        covered, uncovered = [], []
        for s in attributed_sentences(b.article.text):
            hit = any(x.span.start < s.end and x.span.end > s.start for x in (*b.claims, *b.warnings))
            (covered if hit else uncovered).append(s)
        out.append(Coverage(b, tuple(covered), tuple(uncovered)))
    return tuple(out)


def unused(archive: Archive) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(source ids, entity ids) that no claim uses (a briefing's publisher counts as used)."""
    used_sources = {s for b in archive.briefings for c in b.claims for link in c.chain for s in link}
    used_sources |= {b.publisher for b in archive.briefings if b.publisher}
    used_entities = {e for b in archive.briefings for c in b.claims for e in c.entities}
    return (tuple(s for s in archive.sources if s not in used_sources),
            tuple(e for e in archive.entities if e not in used_entities))
