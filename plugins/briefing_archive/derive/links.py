"""Cross-references of the archive: who rests on whom, who names what, which claims relate.

Built once from the :class:`Archive`; every page renderer reads these indexes
instead of scanning the archive again.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ..core.ids import claim_key
from ..core.model import Archive, Briefing, Claim
from ..core.relations import inverse


@dataclass(frozen=True)
class ClaimRef:
    briefing: Briefing
    claim: Claim


@dataclass(frozen=True)
class Links:
    claims: dict[str, ClaimRef]                                      # "bid#cid" -> claim
    by_source: dict[str, list[tuple[ClaimRef, str]]] = field(default_factory=dict)   # (claim, role)
    by_entity: dict[str, list[ClaimRef]] = field(default_factory=dict)
    # Both directions of every relation: (label, other claim), label as read from this claim.
    relations: dict[str, list[tuple[str, ClaimRef]]] = field(default_factory=dict)
    publishes: dict[str, list[Briefing]] = field(default_factory=dict)


def build_links(archive: Archive) -> Links:
    claims: dict[str, ClaimRef] = {}
    by_source: dict[str, list[tuple[ClaimRef, str]]] = defaultdict(list)
    by_entity: dict[str, list[ClaimRef]] = defaultdict(list)
    relations: dict[str, list[tuple[str, ClaimRef]]] = defaultdict(list)
    publishes: dict[str, list[Briefing]] = defaultdict(list)
    for b in archive.briefings:
        if b.publisher:
            publishes[b.publisher].append(b)
        for c in b.claims:
            ref = ClaimRef(b, c)
            claims[claim_key(b.id, c.id)] = ref
            for sid in dict.fromkeys(c.reporters):
                if sid not in c.originators:
                    by_source[sid].append((ref, "reporter"))
            for sid in c.originators:
                by_source[sid].append((ref, "originator"))
            for eid in c.entities:
                by_entity[eid].append(ref)
    for key, ref in claims.items():
        for rel in ref.claim.relations:
            other = claims[rel.target]
            relations[key].append((rel.kind, other))
            relations[rel.target].append((inverse(rel.kind), ref))
    return Links(claims, dict(by_source), dict(by_entity), dict(relations), dict(publishes))
