"""The credibility rule (v1.2): what evidence each credibility number needs, the same for every party.

One table: the methodology page shows it (:data:`NEEDS`) and the build applies it (:func:`standing`) to every
claim, reading each relation in both directions, with the other claims' grades as written, and the claim's
optional ``basis``. Support is defined once (v1.2 "Support, defined once"):

- two claims are *apart* when neither's originators are among the sources the other rests on (its originators
  and everything they depend on); sharing a third source does not stop them being apart;
- a ``corroborates`` relation (independent, or the build refuses it) with a claim graded 1, 2 or 3 *supports*;
- an ``echoes`` relation *supports* when the other claim is graded 1 or 2, has an identified originator and the
  two are apart (an echo lends no more than it has); with a claim graded 3, under the same conditions, it
  *names* the claim: a named originator says the same, something to judge it by, but not support.

A claim's *ceiling* is the best of 1, 2 and 3 its evidence allows; graded below it, its note must say why.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from .ids import claim_key
from .independence import Verdict, identified_originators, remembered
from .model import Archive, Claim, Source
from .relations import Role, named, role

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

def _needs() -> dict[int, str]:
    """What each credibility number needs, as the methodology page states it (v1.2), naming the registry's kinds
    as code spans (plain text: the page shows each `kind` as code)."""
    corroborates, echoes, contradicts = (f"`{named(r)}`" for r in
                                         (Role.INDEPENDENT_AGREEMENT, Role.AGREEMENT, Role.CONTRADICTION))
    return {
        1: f"a supporting {corroborates} relation with an independent claim graded 1, 2 or 3; no "
           f"{contradicts} relation with an independent claim graded 1 or 2",
        2: f"a supporting relation (a {corroborates} relation with a claim graded 1, 2 or 3, or an "
           f"{echoes} relation with a claim graded 1 or 2 that has an identified originator and is apart from "
           f"this one), or a supporting basis (against-interest, direct-observation); no {contradicts} "
           "relation with an independent claim graded 1 or 2",
        3: f"an identified originator, or an echo that names it (an {echoes} relation with a claim graded 3 "
           f"that has an identified originator and is apart from this one); no {contradicts} relation with "
           "an independent claim graded 1 or 2",
        4: f"a {contradicts} relation, or an undermining basis (self-serving, implausible)",
        5: f"a {contradicts} relation with an independent claim graded 1, 2 or 3",
        6: "nothing bears on it: no identified originator, no supporting or naming relation, and no "
           f"{contradicts} relation with an independent claim (an undermining basis allows 4 instead)",
    }


#: What each credibility number needs, as the methodology page states it (v1.2); plain text, kinds in backticks.
NEEDS: dict[int, str] = _needs()


@dataclass(frozen=True)
class Related:
    """A relation seen from one claim (each relation counts in both directions)."""

    kind: str
    target: str          # "<briefing-id>#<claim-id>" of the other claim
    other: Claim
    verdict: Verdict


def both_ways(archive: Archive, independence: Callable[[Claim, Claim], Verdict] | None = None
              ) -> dict[str, list[Related]]:
    """Every claim's relations, its own and those other claims make to it, keyed by ``briefing#claim``;
    ``independence``: the archive's verdicts (:func:`~.independence.remembered`, made here when not given)."""
    claims = {claim_key(b.id, c.id): c for b in archive.briefings for c in b.claims}
    out: dict[str, list[Related]] = {key: [] for key in claims}
    independence = remembered(archive.sources) if independence is None else independence
    for b in archive.briefings:
        for c in b.claims:
            here = claim_key(b.id, c.id)
            for rel in c.relations:
                other = claims[rel.target]
                verdict = independence(c, other)
                out[here].append(Related(rel.kind, rel.target, other, verdict))
                out[rel.target].append(Related(rel.kind, here, c, verdict))
    return out


def supports(r: Related, sources: Mapping[str, Source]) -> bool:
    """Whether a relation supports the claim it is seen from (v1.2, defined once)."""
    counts = role(r.kind)
    if counts is Role.INDEPENDENT_AGREEMENT:
        return r.verdict.independent and r.other.credibility <= 3
    return counts is Role.AGREEMENT and r.other.credibility <= 2 and _named_and_apart(r, sources)


def names(r: Related, sources: Mapping[str, Source]) -> bool:
    """Whether a relation names the claim: an echo of a claim graded 3 by an identified originator, apart."""
    return role(r.kind) is Role.AGREEMENT and r.other.credibility == 3 and _named_and_apart(r, sources)


def _named_and_apart(r: Related, sources: Mapping[str, Source]) -> bool:
    return r.verdict.apart and bool(identified_originators(r.other, sources))


@dataclass(frozen=True)
class Standing:
    """What bears on one claim under the rule, sorted once: every row of the table reads these."""

    claim: Claim
    identified: bool                      # the claim has an identified originator
    supporting: tuple[Related, ...]
    naming: tuple[Related, ...]
    contradicting: tuple[Related, ...]    # every contradiction (Role.CONTRADICTION), either way

    @property
    def supported(self) -> bool:
        return bool(self.supporting) or bool(set(self.claim.basis) & SUPPORTING.keys())

    def against(self, worst: int) -> list[Related]:
        """The contradicting claims that are independent and graded ``worst`` or better."""
        return [r for r in self.contradicting if r.verdict.independent and r.other.credibility <= worst]

    def holds(self, grade: int) -> bool:
        """Whether the table's row for ``grade`` holds."""
        if grade <= 3 and self.against(2):
            return False
        if grade == 1:
            return any(role(r.kind) is Role.INDEPENDENT_AGREEMENT for r in self.supporting)
        if grade == 2:
            return self.supported
        if grade == 3:
            return self.identified or bool(self.naming or self.supporting)
        if grade == 4:
            return bool(self.contradicting) or bool(set(self.claim.basis) & UNDERMINING.keys())
        if grade == 5:
            return bool(self.against(3))
        return not (self.identified or self.supporting or self.naming
                    or any(r.verdict.independent for r in self.contradicting))

    @property
    def ceiling(self) -> int | None:
        """The best of 1, 2 and 3 the table allows (v1.2 "The ceiling, shown"); None when only 4-6 are."""
        return next((g for g in (1, 2, 3) if self.holds(g)), None)

    @property
    def below_ceiling(self) -> bool:
        """Graded 2 or 3 while the evidence allows better: the analyst's right, never silent."""
        ceiling = self.ceiling
        return self.claim.credibility in (2, 3) and ceiling is not None and ceiling < self.claim.credibility

    def missing(self, grade: int) -> str | None:
        """Why ``grade`` lacks the evidence its row needs, with what would justify it; None if the row holds."""
        if self.holds(grade):
            return None
        allowed = sorted((g for g in range(1, 7) if g != grade and self.holds(g)), key=lambda g: (abs(g - grade), g))
        instead = "grade it " + " or ".join(str(g) for g in allowed[:2])
        strong = self.against(2)
        corroborates, echoes, contradicts = (named(r) for r in
                                             (Role.INDEPENDENT_AGREEMENT, Role.AGREEMENT, Role.CONTRADICTION))
        if grade <= 3 and strong:
            return (f"it is contradicted by the independent claim {strong[0].target} graded "
                    f"{strong[0].other.credibility}; {instead}, or fix the relation")
        if grade == 1:
            return (f"no independent claim graded 1, 2 or 3 {corroborates} it; add that `{corroborates}` relation, "
                    f"or {instead}")
        if grade == 2:
            return (f"nothing supports it: no `{corroborates}` relation with a claim graded 1-3, no `{echoes}` relation "
                    "with a claim graded 1-2 from identified originators apart from its own, and no supporting "
                    f"`basis` (against-interest, direct-observation); add the relation or the basis the note "
                    f"explains, or {instead}")
        if grade == 3:
            return (f"it rests only on unidentified sources and no echo names it (an `{echoes}` relation with a claim "
                    "graded 3 from identified originators apart from its own), so there is nothing to judge it by; "
                    f"add that relation if the note cites one, or {instead}")
        if grade == 4:
            return (f"nothing undermines it: no `{contradicts}` relation and no undermining `basis` (self-serving, "
                    f"implausible); add the one the note explains, or {instead}")
        if grade == 5:
            return (f"no independent claim graded 1, 2 or 3 {contradicts} it; add that `{contradicts}` relation, "
                    f"or {instead}")
        if self.supporting or self.naming:
            r = (self.supporting or self.naming)[0]
            return (f"{r.target} {'supports' if self.supporting else 'names'} it ({r.kind}), so there is something "
                    f"to judge it by; {instead}")
        if self.identified:
            return ("it has an identified originator, so there is something to judge it by; grade it 3, or 4 with "
                    "the undermining `basis` the note explains")
        against = next(r for r in self.contradicting if r.verdict.independent)
        return f"the independent claim {against.target} {contradicts} it; {instead}"


def standing(claim: Claim, related: list[Related], sources: Mapping[str, Source]) -> Standing:
    """What bears on ``claim``: ``related`` is its relations both ways (:func:`both_ways`)."""
    return Standing(claim, bool(identified_originators(claim, sources)),
                    tuple(r for r in related if supports(r, sources)),
                    tuple(r for r in related if names(r, sources)),
                    tuple(r for r in related if role(r.kind) is Role.CONTRADICTION))


def missing_evidence(claim: Claim, related: list[Related], sources: Mapping[str, Source]) -> str | None:
    """Why the claim's grade lacks the evidence the rule needs, with what would justify it; None if it has it."""
    return standing(claim, related, sources).missing(claim.credibility)


@dataclass(frozen=True)
class Judgement:
    """What the rule makes of a whole archive: the check's warnings read it, and the derive stage keeps it for the
    pages and exports, so it is computed once per build (:func:`judge`)."""

    verdict: Callable[[Claim, Claim], Verdict]   # two claims' independence (each originators' pair once)
    related: Mapping[str, list[Related]]         # claim key -> its relations both ways, with their verdicts
    standings: Mapping[str, Standing]            # claim key -> what bears on it (v1.2 rule, its ceiling)


def judge(archive: Archive) -> Judgement:
    """Every claim's relations both ways and standing under the rule, every source's closure computed once."""
    verdict = remembered(archive.sources)
    related = both_ways(archive, verdict)
    standings = {}
    for b in archive.briefings:
        for c in b.claims:
            key = claim_key(b.id, c.id)
            standings[key] = standing(c, related[key], archive.sources)
    return Judgement(verdict, related, standings)
