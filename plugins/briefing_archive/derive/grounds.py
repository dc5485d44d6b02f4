"""What a claim's grade rests on: the facts of the verdict a reader sees, sorted once (format v1.2).

The bottom line's key claims, every claim's tooltip and ClaimReview's ``ratingExplanation`` read the one
wording of these facts (the render stage's ``verdict.txt`` template, which a site may override), so the page,
the tooltip and the export never word one grade two ways. Derived here from what the rule sorted
(:class:`core.rule.Standing`) and the sources' names, in the order the wording says them: independent
corroboration, echoes, a supporting basis, a naming echo, its own originators; what undermines it; any
contradiction. "Confirmed" is the wording's to say of grade 1 alone.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..core.ids import claim_key
from ..core.independence import CANNOT_BE_ESTABLISHED, INDEPENDENT, NOT_INDEPENDENT, identified_originators
from ..core.model import Claim, Source
from ..core.relations import Role, role
from ..core.rule import SUPPORTING, UNDERMINING, Related, Standing

#: How independent a group of related claims is from the claim: all of them, none (not, or not established),
#: or a mix ("some": some independent; "mixed": none independent, for different reasons).
ALL, NOT, UNKNOWN, SOME, MIXED = INDEPENDENT, NOT_INDEPENDENT, CANNOT_BE_ESTABLISHED, "some", "mixed"


@dataclass(frozen=True)
class Reports:
    """Related claims of one kind of bearing on a claim: how many, their identified originators by name (each
    once, in order; empty when none is identified) and how independent they are (:data:`ALL`...)."""

    count: int = 0
    names: tuple[str, ...] = ()
    independence: str = ALL


@dataclass(frozen=True)
class Grounds:
    """The facts the verdict words (``verdict.txt``); hashable, so a wording is made once per distinct facts."""

    grade: int                              # the claim's credibility, 1-6
    identified: bool                        # it has an identified originator
    own: tuple[str, ...]                    # its identified originators, by name
    corroborated: Reports                   # independent corroboration (count: distinct claims)
    echoed: Reports                         # supporting echoes
    named: Reports                          # echoes that name it (graded 3)
    supporting: tuple[str, ...]             # its supporting basis, as authors write it (against-interest...)
    undermining: tuple[str, ...]            # its undermining basis (self-serving, implausible)
    undermined: bool                        # contradicted, or an undermining basis
    contradicted: Reports                   # contradicted by independent claims
    disputed: Reports                       # contradicted by claims not shown independent


def grounds(st: Standing, sources: Mapping[str, Source]) -> Grounds:
    """The facts of one claim's verdict from its standing under the rule."""
    c = st.claim
    corroborating = [r for r in st.supporting if role(r.kind) is Role.INDEPENDENT_AGREEMENT]
    echoing = [r for r in st.supporting if role(r.kind) is Role.AGREEMENT]
    independent = [r for r in st.contradicting if r.verdict.independent]
    other = [r for r in st.contradicting if not r.verdict.independent]
    return Grounds(
        grade=c.credibility, identified=st.identified, own=_names([c], sources),
        corroborated=Reports(len({r.target for r in corroborating}), _names([r.other for r in corroborating], sources)),
        echoed=_reports(echoing, sources), named=_reports(st.naming, sources),
        supporting=tuple(b for b in c.basis if b in SUPPORTING),
        undermining=tuple(b for b in c.basis if b in UNDERMINING),
        undermined=bool(st.contradicting) or bool(set(c.basis) & UNDERMINING.keys()),
        contradicted=Reports(len(independent), _names([r.other for r in independent], sources)),
        disputed=_reports(other, sources))


def claim_grounds(briefing_id: str, claim: Claim, standings: Mapping[str, Standing],
                  sources: Mapping[str, Source]) -> Grounds:
    """:func:`grounds` of one claim; ``standings``: every claim's, by key (:func:`core.rule.judge`)."""
    return grounds(standings[claim_key(briefing_id, claim.id)], sources)


def _reports(related: Sequence[Related], sources: Mapping[str, Source]) -> Reports:
    return Reports(len(related), _names([r.other for r in related], sources), _independence(related))


def _names(claims: Sequence[Claim], sources: Mapping[str, Source]) -> tuple[str, ...]:
    """The identified originators of ``claims``, each named once, in order."""
    seen: dict[str, None] = {}
    for c in claims:
        for sid in identified_originators(c, sources):
            seen.setdefault(sources[sid].name, None)
    return tuple(seen)


def _independence(related: Sequence[Related]) -> str:
    """Whether related claims are independent of the claim: all, none for one reason, or a mix."""
    values = {r.verdict.value for r in related}
    if len(values) <= 1:
        return next(iter(values), ALL)
    return SOME if INDEPENDENT in values else MIXED
