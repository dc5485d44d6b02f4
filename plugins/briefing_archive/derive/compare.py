"""Briefings side by side: for each pair of briefings whose claims relate, the matched claims.

This answers the reader's question "where do these two articles agree, and is that agreement
independent?" with plain data; the compare page words it. Each relation between claims of two
different briefings is one match, read from the claim of the pair's first briefing (first in the
archive's order), so a relation written on either side lands in the same pair, once. Relations
between claims of one briefing are not a comparison of two articles, and stay on the relations page.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..core.ids import claim_key
from ..core.model import Archive, Briefing
from ..core.relations import inverse, kind
from .links import ClaimRef, Links


@dataclass(frozen=True)
class Match:
    left: ClaimRef         # the claim of the pair's first briefing
    kind: str              # a name of core.relations.KINDS
    right: ClaimRef        # the claim of the pair's second briefing
    by_right: bool = False  # the relation is written on ``right`` (``right`` echoes ``left``)

    @property
    def label(self) -> str:
        """The relation as read from ``left`` to ``right``: "echoes", or "echoed by" when ``right`` wrote it."""
        return inverse(self.kind) if self.by_right else self.kind


@dataclass(frozen=True)
class Pair:
    first: Briefing
    second: Briefing
    matches: tuple[Match, ...]

    @property
    def key(self) -> tuple[str, str]:
        return self.first.id, self.second.id

    @property
    def anchor(self) -> str:
        """Id of the pair's section (ids are ``[a-z0-9-]``, so ``_`` cannot occur inside either)."""
        return f"_compare-{self.first.id}_{self.second.id}"


def compare_pairs(archive: Archive, links: Links) -> tuple[Pair, ...]:
    """Every pair of briefings with a relation between their claims, the pairs with the most matches
    first (then in the archive's order); in a pair, matches follow the first briefing's claims, then the
    second's. Linear in the claims and relations: no pair of briefings is looked at unless related."""
    position = {b.id: i for i, b in enumerate(archive.briefings)}
    claim_position = {claim_key(b.id, c.id): i for b in archive.briefings for i, c in enumerate(b.claims)}
    found: dict[tuple[str, str], list[tuple[int, int, Match]]] = {}
    written: set[tuple[str, ...]] = set()
    for b in archive.briefings:
        for c in b.claims:
            here = links.claims[claim_key(b.id, c.id)]
            for rel in c.relations:
                if rel.briefing == b.id:
                    continue
                other = links.claims[rel.target]
                if position[b.id] < position[rel.briefing]:
                    match = Match(here, rel.kind, other)
                else:
                    match = Match(other, rel.kind, here, by_right=True)
                left, right = match.left, match.right
                key = (left.briefing.id, right.briefing.id)
                # A symmetric relation written on both claims is one match; a directed one (updates) is two.
                seen = (*key, left.claim.id, right.claim.id, match.label if kind(rel.kind).directed else rel.kind)
                if seen not in written:
                    written.add(seen)
                    found.setdefault(key, []).append(
                        (claim_position[claim_key(left.briefing.id, left.claim.id)],
                         claim_position[claim_key(right.briefing.id, right.claim.id)], match))
    pairs = []
    for matches in found.values():
        ordered = tuple(m for _, _, m in sorted(matches, key=lambda t: (t[0], t[1], t[2].label)))
        pairs.append(Pair(ordered[0].left.briefing, ordered[0].right.briefing, ordered))
    return tuple(sorted(pairs, key=lambda p: (-len(p.matches), position[p.first.id], position[p.second.id])))
