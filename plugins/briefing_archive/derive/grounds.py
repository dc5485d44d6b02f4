"""What a claim's grade rests on, in words: the verdict a reader sees, written once (format v1.2).

The bottom line's key claims, every claim's tooltip and ClaimReview's ``ratingExplanation`` read
:func:`grounds`, so the page, the tooltip and the export never word one grade two ways. It reads only what
the rule sorted (:class:`core.rule.Standing`) and the sources' names: "confirmed" is said of grade 1 alone, a
supporting ``corroborates`` relation is "corroborated by an independent report" whatever the grade, and an echo
says whether it is independent. Plain text: whoever shows it escapes it.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..core.ids import claim_key
from ..core.independence import CANNOT_BE_ESTABLISHED, INDEPENDENT, NOT_INDEPENDENT, identified_originators
from ..core.model import Claim, Source
from ..core.relations import Role, role
from ..core.rule import SUPPORTING, UNDERMINING, Related, Standing

#: Each credibility number in the words the verdict uses ("confirmed" only of 1).
GRADE_WORDS: dict[int, str] = {1: "confirmed", 2: "probably true", 3: "possibly true", 4: "doubtful",
                               5: "improbable", 6: "cannot be judged"}
#: Each basis as the verdict says it.
BASIS_WORDS: dict[str, str] = {"against-interest": "against its own side's interest",
                               "direct-observation": "by direct observation", "self-serving": "self-serving",
                               "implausible": "implausible"}
NO_SOURCE = "no identified source"


def grounds(standing: Standing, sources: Mapping[str, Source]) -> str:
    """``probably true: echoed by the UK Ministry of Defence, not independently``: the grade's words, then
    what it rests on."""
    return f"{GRADE_WORDS[standing.claim.credibility]}: {rests_on(standing, sources)}"


def claim_grounds(briefing_id: str, claim: Claim, standings: Mapping[str, Standing],
                  sources: Mapping[str, Source]) -> str:
    """:func:`grounds` of one claim; ``standings``: every claim's, by key (:func:`core.rule.judge`)."""
    return grounds(standings[claim_key(briefing_id, claim.id)], sources)


def rests_on(st: Standing, sources: Mapping[str, Source]) -> str:
    """What bears on the claim, strongest first: independent corroboration, echoes, a supporting basis, a
    naming echo, its own originators; then, for a claim graded 4 or 5, what undermines it; and any
    contradiction."""
    c = st.claim
    own = _names([c], sources)
    parts = []
    corroborating = [r for r in st.supporting if role(r.kind) is Role.INDEPENDENT_AGREEMENT]
    echoing = [r for r in st.supporting if role(r.kind) is Role.AGREEMENT]
    if corroborating:
        many = len({r.target for r in corroborating}) > 1
        parts.append(f"corroborated by {'independent reports' if many else 'an independent report'} "
                     f"({_names([r.other for r in corroborating], sources)})")
    if echoing:
        parts.append(f"echoed by {_names([r.other for r in echoing], sources)}{_how(echoing)}")
    supporting = [BASIS_WORDS[b] for b in c.basis if b in SUPPORTING]
    if supporting:
        parts.append(f"{own or 'its source'}, {' and '.join(supporting)}")
    if not parts:
        if st.naming and not st.identified:
            parts.append(f"{NO_SOURCE}, but named by an echo of {_names([r.other for r in st.naming], sources)}")
        elif st.naming:
            parts.append(f"rests on {own}; echoed by {_names([r.other for r in st.naming], sources)}{_how(st.naming)}"
                         ", itself possibly true")
        elif st.identified:
            parts.append(f"rests on {own} alone" if c.credibility <= 3 or not _undermined(st) else f"rests on {own}")
        else:
            parts.append(NO_SOURCE)
    undermining = [BASIS_WORDS[b] for b in c.basis if b in UNDERMINING]
    if undermining and c.credibility >= 4:
        parts.append(" and ".join(undermining))
    if st.contradicting:
        parts.append(_contradicted(st.contradicting, sources))
    return "; ".join(parts)


def _undermined(st: Standing) -> bool:
    return bool(st.contradicting) or bool(set(st.claim.basis) & UNDERMINING.keys())


def _names(claims: Sequence[Claim], sources: Mapping[str, Source]) -> str:
    """The identified originators of ``claims``, each named once, in order ("" when none is identified)."""
    seen: dict[str, None] = {}
    for c in claims:
        for sid in identified_originators(c, sources):
            seen.setdefault(sources[sid].name, None)
    names = list(seen)
    if len(names) < 2:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _how(related: Sequence[Related]) -> str:
    """Whether the echoes are independent, as a tail: none when all are."""
    values = {r.verdict.value for r in related}
    if values == {INDEPENDENT}:
        return ""
    if values == {NOT_INDEPENDENT}:
        return ", not independently"
    if values == {CANNOT_BE_ESTABLISHED}:
        return ", independence cannot be established"
    return ", not all independently" if INDEPENDENT in values else ", none independently"


def _contradicted(related: Sequence[Related], sources: Mapping[str, Source]) -> str:
    independent = [r for r in related if r.verdict.independent]
    other = [r for r in related if not r.verdict.independent]
    out = []
    if independent:
        out.append(f"{'independent reports' if len(independent) > 1 else 'an independent report'} "
                   f"({_names([r.other for r in independent], sources)})")
    if other:
        named = _names([r.other for r in other], sources)
        out.append(f"{named}{_how(other)}" if named else "a report from an unnamed source")
    return "contradicted by " + " and by ".join(out)
