"""A briefing's bottom line, computed from its grades and independence verdicts, never written by hand.

It answers first what a reader wants in ten seconds (format v1.2 "What a reader sees first"): the claims the
summary rests on (``key: true``, best grade first; without them, the best-graded supported claims, at most
three), then how much of the briefing holds (by credibility group, "confirmed" only of grade 1), how much rests
only on parties to the war or to the information war, or on no identified source, and which claims an
independent report corroborates. Each count keeps the claims it counts, so a page can lead from the count to
them.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from ..core.ids import claim_key
from ..core.independence import INDEPENDENT, identified_originators
from ..core.model import Briefing, Claim, Source
from ..core.relations import Role, role
from ..core.rule import Judgement, Related, Standing, supports

#: The credibility groups, in the order a reader weighs them: (key, words, grades).
GROUPS: tuple[tuple[str, str, tuple[int, ...]], ...] = (
    ("confirmed", "confirmed", (1,)),
    ("probable", "probably true", (2,)),
    ("possible", "possibly true", (3,)),
    ("doubtful", "doubtful or improbable", (4, 5)),
    ("unjudged", "cannot be judged", (6,)),
)
GROUP_OF: dict[int, str] = {grade: key for key, _, grades in GROUPS for grade in grades}
#: Without key claims, the bottom line opens with at most this many of the best-graded supported claims.
FALLBACK_LEAD = 3


@dataclass(frozen=True)
class Count:
    key: str                  # what the count is of (a group key, "party", "unidentified", ...)
    words: str                # what it is, as the page says it
    claims: tuple[str, ...]   # the ids of the claims it counts, in the briefing's order


@dataclass(frozen=True)
class BottomLine:
    total: int
    groups: tuple[Count, ...]       # one per credibility group, all five (zero counts included)
    resting: tuple[Count, ...]      # only on a party or its backers; on no identified source
    agreement: tuple[Count, ...]    # independently corroborated; agreeing only without independence shown
    lead: tuple[str, ...] = ()      # the claims it opens with, best grade first
    keyed: bool = False             # whether those are the briefing's key claims (else the best supported)


def on_a_side(source: Source) -> bool:
    """A party to the conflict or to the information war (v1.1 "Sides"; a v1 profile with a party counts)."""
    return source.role in ("belligerent", "backer") or (source.role is None and source.party is not None)


def facets(b: Briefing, c: Claim, related: Mapping[str, list[Related]],
           sources: Mapping[str, Source]) -> frozenset[str]:
    """What the bottom line counts a claim under, besides its credibility group: ``party`` (rests only on
    parties), ``unidentified`` (on no identified source), ``independent`` (a supporting ``corroborates``
    relation: corroborated by an independent report) or ``dependent`` (it agrees with other reports, none of
    them shown to be independent). The page's filter reads the same facets, so counts and filter never
    disagree."""
    out = set()
    if all(on_a_side(sources[s]) for s in c.originators):
        out.add("party")
    if not identified_originators(c, sources):
        out.add("unidentified")
    agreeing = [r for r in related.get(claim_key(b.id, c.id), ()) if role(r.kind).agrees]
    if any(role(r.kind) is Role.INDEPENDENT_AGREEMENT and supports(r, sources) for r in agreeing):
        out.add("independent")
    elif agreeing and not any(r.verdict.value == INDEPENDENT for r in agreeing):
        out.add("dependent")
    return frozenset(out)


def bottom_line(b: Briefing, judged: Judgement, sources: Mapping[str, Source]) -> BottomLine:
    """``judged``: every claim's relations in both directions and standing (:func:`core.rule.judge`)."""
    of = {c.id: facets(b, c, judged.related, sources) for c in b.claims}

    def ids(test: Callable[[Claim], bool]) -> tuple[str, ...]:
        return tuple(c.id for c in b.claims if test(c))

    def having(key: str) -> tuple[str, ...]:
        return ids(lambda c: key in of[c.id])

    def graded(grades: tuple[int, ...]) -> tuple[str, ...]:
        return ids(lambda c: c.credibility in grades)

    groups = tuple(Count(key, words, graded(grades)) for key, words, grades in GROUPS)
    resting = (Count("party", "rest only on a party to the conflict or a government that backs one", having("party")),
               Count("unidentified", "rest on no identified source", having("unidentified")))
    agreement = (Count("independent", "are corroborated by an independent report", having("independent")),
                 Count("dependent", "agree with other reports, but not independently (or not shown to be)",
                       having("dependent")))
    lead, keyed = leading(b, judged.standings)
    return BottomLine(len(b.claims), groups, resting, agreement, lead, keyed)


def leading(b: Briefing, standings: Mapping[str, Standing]) -> tuple[tuple[str, ...], bool]:
    """The claims the bottom line opens with, best grade first (the briefing's order among equals), and whether
    they are its key claims: the key claims, or else the best-graded supported claims, at most three."""
    order = {c.id: i for i, c in enumerate(b.claims)}
    keys = [c for c in b.claims if c.key]
    chosen = keys or [c for c in b.claims if standings[claim_key(b.id, c.id)].supported]
    ranked = sorted(chosen, key=lambda c: (c.credibility, order[c.id]))
    return tuple(c.id for c in (ranked if keys else ranked[:FALLBACK_LEAD])), bool(keys)
