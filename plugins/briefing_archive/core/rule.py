"""The credibility rule (v1.1): what evidence each credibility number needs, the same for every party.

One table: the methodology page shows it (:data:`NEEDS`) and the build applies it
(:func:`missing_evidence`) to every claim, reading each relation in both directions and the
claim's optional ``basis``. The rule may be made stricter, never looser. Here a relation
*counts* as support only when it brings evidence the claim does not already have:

- ``corroborates`` (independent, or the build refuses it) from a claim graded 1, 2 or 3;
- ``echoes`` from a claim graded 1 or 2 (an echo lends no more than it has), with an identified
  originator (an unnamed statement supports nothing), whose originators are not the claim's own
  nor a source either side rests on (claims cut from one report, or a source repeated by its
  relay or its paraphrase, do not support each other).

A claim whose only agreeing relations do not count may be graded 6: abstaining overstates nothing.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .independence import Verdict, identified_originators, remembered
from .model import Archive, Claim, Source

#: Reasons a claim's grade may rest on (``basis``), each open to every side alike.
SUPPORTING: dict[str, str] = {
    "against-interest": "the originator reports what harms its own side's case",
    "direct-observation": "the originator saw or counted it itself",
}
UNDERMINING: dict[str, str] = {
    "self-serving": "it serves the originator's side and nothing checks it",
    "implausible": "it does not fit what the article itself reports",
}
BASIS: dict[str, str] = {**SUPPORTING, **UNDERMINING}
#: Each reason as pages name it (the key is what an author writes).
BASIS_LABEL: dict[str, str] = {"against-interest": "Against its own side's interest",
                               "direct-observation": "Direct observation", "self-serving": "Self-serving",
                               "implausible": "Implausible"}

#: What each credibility number needs, as the methodology page states it.
NEEDS: dict[int, str] = {
    1: "a <code>corroborates</code> relation with an independent claim graded 1, 2 or 3; no "
       "<code>contradicts</code> relation with an independent claim graded 1 or 2",
    2: "a counting relation (a <code>corroborates</code> relation with a claim graded 1, 2 or 3, or an "
       "<code>echoes</code> relation with a claim graded 1 or 2 that has an identified originator and rests on "
       "none of this claim's sources), or a supporting basis (against-interest, direct-observation); no "
       "<code>contradicts</code> relation with an independent claim graded 1 or 2",
    3: "at least one identified originator; no <code>contradicts</code> relation with a claim graded 1 or 2",
    4: "a <code>contradicts</code> relation, or an undermining basis (self-serving, implausible)",
    5: "a <code>contradicts</code> relation with an independent claim graded 1, 2 or 3",
    6: "no counting <code>corroborates</code> or <code>echoes</code> relation, and no <code>contradicts</code> "
       "relation with an independent claim; a claim that rests only on unidentified sources and has no "
       "relation is 6: there is nothing to judge it by",
}


@dataclass(frozen=True)
class Related:
    """A relation seen from one claim (each relation counts in both directions)."""

    kind: str
    target: str          # "<briefing-id>#<claim-id>" of the other claim
    other: Claim
    verdict: Verdict


def both_ways(archive: Archive) -> dict[str, list[Related]]:
    """Every claim's relations, its own and those other claims make to it, keyed by ``briefing#claim``."""
    claims = {f"{b.id}#{c.id}": c for b in archive.briefings for c in b.claims}
    out: dict[str, list[Related]] = {key: [] for key in claims}
    independence = remembered(archive.sources)
    for b in archive.briefings:
        for c in b.claims:
            here = f"{b.id}#{c.id}"
            for rel in c.relations:
                other = claims[rel.target]
                verdict = independence(c, other)
                out[here].append(Related(rel.kind, rel.target, other, verdict))
                out[rel.target].append(Related(rel.kind, here, c, verdict))
    return out


def counts(claim: Claim, r: Related, sources: Mapping[str, Source]) -> bool:
    """Whether a relation supports the claim (see the module's docstring for why each condition)."""
    if r.kind == "corroborates":
        return r.other.credibility <= 3
    if r.kind != "echoes" or r.other.credibility > 2 or not identified_originators(r.other, sources):
        return False
    return r.verdict.apart


def missing_evidence(claim: Claim, related: list[Related], sources: Mapping[str, Source]) -> str | None:
    """Why the claim's grade lacks the evidence the rule needs, with what would justify it; None if it has it."""
    g = claim.credibility
    supporting = [r for r in related if counts(claim, r, sources)]
    contradicting = [r for r in related if r.kind == "contradicts"]
    strong_independent = [r for r in contradicting if r.verdict.independent and r.other.credibility <= 2]
    if g in (1, 2) and strong_independent:
        return (f"it is contradicted by the independent claim {strong_independent[0].target} graded "
                f"{strong_independent[0].other.credibility}; grade it 4 or 5, or fix the relation")
    if g == 1 and not any(r.kind == "corroborates" and r.verdict.independent and r.other.credibility <= 3
                          for r in related):
        return ("no independent claim graded 1, 2 or 3 corroborates it; add that `corroborates` relation, "
                "or grade it 2")
    if g == 2 and not supporting and not set(claim.basis) & SUPPORTING.keys():
        return ("nothing supports it: no `corroborates` relation with a claim graded 1-3, no `echoes` relation "
                "with a claim graded 1-2 from other, identified originators, and no supporting `basis` "
                "(against-interest, direct-observation); add the relation or the basis the note explains, or grade "
                f"it {3 if identified_originators(claim, sources) else 6}")
    if g == 3:
        if not identified_originators(claim, sources):
            return "it rests only on unidentified sources, so there is nothing to judge it by; grade it 6"
        strong = [r for r in contradicting if r.other.credibility <= 2]
        if strong:
            return (f"it is contradicted by {strong[0].target}, graded {strong[0].other.credibility}; "
                    "grade it 4 or 5")
    if g == 4 and not contradicting and not set(claim.basis) & UNDERMINING.keys():
        return ("nothing undermines it: no `contradicts` relation and no undermining `basis` (self-serving, "
                "implausible); add the one the note explains, or grade it 3 or 6")
    if g == 5 and not any(r.verdict.independent and r.other.credibility <= 3 for r in contradicting):
        return ("no independent claim graded 1, 2 or 3 contradicts it; add that `contradicts` relation, or "
                "grade it 4")
    if g == 6:
        if supporting:
            return (f"{supporting[0].target} supports it ({supporting[0].kind}), so there is something to judge "
                    "it by; grade it 2 or 3")
        against = [r for r in contradicting if r.verdict.independent]
        if against:
            return f"the independent claim {against[0].target} contradicts it; grade it 4 or 5"
    return None
