"""How briefings relate: each briefing's most related others.

A related briefing scores one point per shared entity (entities named in more than
COMMON_ENTITY briefings do not count) and two per relation between their claims (either
direction).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..core.model import Archive, Briefing


@dataclass(frozen=True)
class RelatedBriefing:
    """Another briefing related to one: what they share and how strongly (not a claim's relation,
    which is :class:`core.rule.Related`)."""

    briefing: Briefing
    shared_entities: tuple[str, ...]
    relations: int

    @property
    def score(self) -> int:
        return len(self.shared_entities) + 2 * self.relations


#: An entity named in more briefings than this says nothing about how two of them relate (like a
#: stop word), and counting its pairs would grow with the square of the archive.
COMMON_ENTITY = 50


def related_briefings(archive: Archive, limit: int = 10) -> dict[str, tuple[RelatedBriefing, ...]]:
    """The ``limit`` most related briefings of each, by an inverted index (never all pairs)."""
    entities = {b.id: {e for c in b.claims for e in c.entities} for b in archive.briefings}
    named_in: dict[str, list[str]] = {}
    for bid, names in entities.items():
        for e in names:
            named_in.setdefault(e, []).append(bid)
    relation_counts: Counter[tuple[str, str]] = Counter()
    for b in archive.briefings:
        for c in b.claims:
            for rel in c.relations:
                if rel.briefing != b.id:
                    relation_counts[_pair(b.id, rel.briefing)] += 1
    related_by: dict[str, Counter[str]] = {b.id: Counter() for b in archive.briefings}
    for (one, other), n in relation_counts.items():
        related_by[one][other] += 2 * n
        related_by[other][one] += 2 * n
    for bids in named_in.values():
        if 1 < len(bids) <= COMMON_ENTITY:
            for one in bids:
                counter = related_by[one]
                for other in bids:
                    if one != other:
                        counter[other] += 1
    by_id = {b.id: b for b in archive.briefings}
    out: dict[str, tuple[RelatedBriefing, ...]] = {}
    for b in archive.briefings:
        top = sorted(related_by[b.id].items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
        out[b.id] = tuple(RelatedBriefing(by_id[o], tuple(sorted(entities[b.id] & entities[o])),
                                  relation_counts[_pair(b.id, o)]) for o, _ in top)
    return out


def _pair(one: str, other: str) -> tuple[str, str]:
    """Two briefing ids in one order, so a relation counts for the pair whichever side it is on."""
    return (one, other) if one <= other else (other, one)
