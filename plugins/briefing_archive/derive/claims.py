"""Every claim of the archive as one row of the claims explorer, with what it can be filtered by.

Plain data derived from the model: the badge, the originators' parties, the tags of its briefing,
its status among the other claims (independently corroborated / echoed only / contradicted /
standing alone) and the independence verdicts of its relations, each relation read in both
directions (:func:`core.rule.both_ways`) and judged by the three-valued rule of
:mod:`core.independence`. The explorer's page and data file are rendered from these rows only.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..core.credibility import badge_code
from ..core.ids import claim_key
from ..core.independence import CANNOT_BE_ESTABLISHED, INDEPENDENT, NOT_INDEPENDENT
from ..core.model import Archive, Briefing, Claim
from ..core.relations import KINDS, Role, named, role
from ..core.rule import Related, both_ways

#: A claim's standing among the others (v1.1 site map), in the order the explorer lists them.
CORROBORATED, ECHOED, CONTRADICTED, ALONE = "corroborated", "echoed", "contradicted", "alone"
STATUS: dict[str, str] = {
    CORROBORATED: "independently corroborated",
    ECHOED: "echoed only",
    CONTRADICTED: "contradicted",
    ALONE: "standing alone",
}
#: What each status means, as the explorer's page explains it.
STATUS_MEANING: dict[str, str] = {
    CORROBORATED: f"a claim shown independent of it says the same (a {named(Role.INDEPENDENT_AGREEMENT)} relation, "
                  "either way)",
    ECHOED: f"other claims say the same, but none is shown independent of it ({named(Role.AGREEMENT)} relations only)",
    CONTRADICTED: f"another claim {named(Role.CONTRADICTION)} it (it may be corroborated or echoed as well)",
    ALONE: f"no other claim {named(Role.INDEPENDENT_AGREEMENT)}, {named(Role.AGREEMENT)} or "
           f"{named(Role.CONTRADICTION)} it (an update of it does not count)",
}
#: The three verdicts a claim's relations may carry (updates carry none: a source revises itself).
VERDICTS: dict[str, str] = {
    INDEPENDENT: "related to an independent claim",
    NOT_INDEPENDENT: "related to a claim not independent of it",
    CANNOT_BE_ESTABLISHED: "related to a claim whose independence cannot be established",
}

#: The same verdicts as a row lists them, after "related claims:".
VERDICT_WORDS: dict[str, str] = {
    INDEPENDENT: "independent",
    NOT_INDEPENDENT: "not independent",
    CANNOT_BE_ESTABLISHED: "independence cannot be established",
}


@dataclass(frozen=True)
class ClaimRow:
    briefing: Briefing
    claim: Claim
    code: str                        # the badge: reliability letter and credibility number (``B2``)
    sources: tuple[str, ...]         # every source of the chain, reporters first, each once
    parties: tuple[str, ...]         # the originators' parties, each once (none: neutral, unknown, unnamed)
    status: tuple[str, ...]          # keys of STATUS, in its order: ALONE, or some of the other three
    verdicts: tuple[str, ...]        # keys of VERDICTS its relations carry, in its order
    kinds: tuple[str, ...] = ()      # the kinds of its relations (either way), in the registry's order

    @property
    def key(self) -> str:
        return claim_key(self.briefing.id, self.claim.id)


def claim_rows(archive: Archive, related: Mapping[str, list[Related]] | None = None) -> tuple[ClaimRow, ...]:
    """One row per claim, briefing by briefing in archive order, claims in their briefing's order; ``related``:
    every claim's relations both ways (:func:`core.rule.both_ways`, derived here when not given)."""
    related = both_ways(archive) if related is None else related
    rows = []
    for b in archive.briefings:
        for c in b.claims:
            mine = related[claim_key(b.id, c.id)]
            parties = tuple(dict.fromkeys(p for s in c.originators if (p := archive.sources[s].party)))
            rows.append(ClaimRow(b, c, badge_code(c, archive.sources),
                                 tuple(dict.fromkeys(s for link in c.chain for s in link)),
                                 parties, status_of(mine), verdicts_of(mine), kinds_of(mine)))
    return tuple(rows)


def status_of(related: list[Related]) -> tuple[str, ...]:
    """The claim's status from its relations (both directions): corroborated (by a claim shown independent,
    as the build requires of ``corroborates``), else echoed; contradicted besides; else standing alone."""
    roles = {role(r.kind) for r in related if role(r.kind) is not Role.INDEPENDENT_AGREEMENT or r.verdict.independent}
    out = []
    if Role.INDEPENDENT_AGREEMENT in roles:
        out.append(CORROBORATED)
    elif any(role(r.kind).agrees for r in related):
        out.append(ECHOED)
    if Role.CONTRADICTION in roles:
        out.append(CONTRADICTED)
    return tuple(out) or (ALONE,)


def kinds_of(related: list[Related]) -> tuple[str, ...]:
    """The kinds of the claim's relations, its own and those made to it, in the registry's order."""
    found = {r.kind for r in related}
    return tuple(k for k in KINDS if k in found)


def verdicts_of(related: list[Related]) -> tuple[str, ...]:
    """The independence verdicts of the claim's relations, updates left out, in the order of VERDICTS."""
    found = {r.verdict.value for r in related if role(r.kind).judged}
    return tuple(v for v in VERDICTS if v in found)
