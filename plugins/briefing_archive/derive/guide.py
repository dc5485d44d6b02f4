"""The reading guide of a briefing: what its claims rest on, in numbers.

Everything here is derived from the annotations (and the lexicon's finds in the
article), so the guide can never say more than the YAML does.
"""
from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from operator import attrgetter

from ..core.credibility import badge_code
from ..core.independence import identified_originators
from ..core.lexicon import Occurrence
from ..core.model import Briefing, Claim, Source
from ..core.text import text_index


@dataclass(frozen=True)
class Guide:
    claims: int
    by_party: tuple[tuple[str, int], ...]      # party -> claims whose originators include a belligerent of it
    by_backer: tuple[tuple[str, int], ...]     # party -> claims whose originators include a backer of it
    unnamed_officials: int                     # claims originating with (unnamed) officials
    unattributed: int                          # claims resting only on unidentified originators (catch-alls)
    hedged: int                                # claims whose sentence carries a hedge or estimative term
    warnings: int
    badges: tuple[tuple[str, int], ...]        # badge code -> claims, in scale order
    reports: int                               # distinct reports: claims with the same chain are one report
    badge_reports: tuple[tuple[str, int], ...]  # badge code -> distinct reports among its claims, same order

    def reports_of(self, code: str) -> int:
        """How many distinct reports the claims graded ``code`` come from."""
        return dict(self.badge_reports)[code]


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence(s) of the article around ``[start, end)``, within its paragraph.

    Found by bisection in the article's index, so it costs O(log n) per claim however long the
    article or the paragraph.
    """
    index = text_index(text)
    block = index.block_at(start)
    if block is None:
        return start, end
    left = index.sentence_start(block, start)
    right = index.sentence_end(block, max(end - 1, block.start))
    return left, max(block.end if right is None else right, end)


def hedged(claim: Claim, text: str, terms: tuple[Occurrence, ...]) -> tuple[Occurrence, ...]:
    """The hedges and estimative terms in the claim's own sentence: the article's own words of doubt.

    ``terms`` are in text order and never overlap (as :meth:`Lexicon.find` gives them), so the
    ones inside the sentence are a run found by bisection.
    """
    left, right = sentence_span(text, claim.span.start, claim.span.end)
    k = _first_from(terms, left)
    found = []
    while k < len(terms) and terms[k].end <= right:
        found.append(terms[k])
        k += 1
    return tuple(found)


def is_hedged(claim: Claim, text: str, terms: tuple[Occurrence, ...]) -> bool:
    """Whether :func:`hedged` finds anything, without listing it."""
    left, right = sentence_span(text, claim.span.start, claim.span.end)
    k = _first_from(terms, left)
    return k < len(terms) and terms[k].end <= right


def _first_from(terms: tuple[Occurrence, ...], offset: int) -> int:
    return bisect_left(terms, offset, key=attrgetter("start"))


def reading_guide(b: Briefing, sources: Mapping[str, Source]) -> Guide:
    parties: Counter[str] = Counter()
    backers: Counter[str] = Counter()
    for c in b.claims:
        for party in {p for s in c.originators if (p := sources[s].party) and _belligerent(sources[s])}:
            parties[party] += 1
        for party in {p for s in c.originators if (p := sources[s].party) and sources[s].role == "backer"}:
            backers[party] += 1
    # One report, cut into several claims, is one chain of sources: counting chains says how many. A
    # catch-all is not one reporter: each claim resting only on unidentified sources is its own report.
    def report(c: Claim) -> object:
        return c.chain if identified_originators(c, sources) else (c.chain, c.id)

    coded = [(badge_code(c, sources), c) for c in b.claims]
    claims_of = Counter(code for code, _ in coded)
    chains: dict[str, set[object]] = {}
    for code, c in coded:
        chains.setdefault(code, set()).add(report(c))
    order = sorted(chains, key=lambda code: (code[0], int(code[1:])))
    return Guide(
        claims=len(b.claims),
        by_party=tuple(sorted(parties.items(), key=lambda kv: (-kv[1], kv[0]))),
        by_backer=tuple(sorted(backers.items(), key=lambda kv: (-kv[1], kv[0]))),
        unnamed_officials=sum(any(sources[s].kind == "officials" for s in c.originators) for c in b.claims),
        unattributed=sum(not identified_originators(c, sources) for c in b.claims),
        hedged=sum(is_hedged(c, b.article.text, b.terms) for c in b.claims),
        warnings=len(b.warnings),
        badges=tuple((code, claims_of[code]) for code in order),
        reports=len({report(c) for c in b.claims}),
        badge_reports=tuple((code, len(chains[code])) for code in order),
    )


def _belligerent(source: Source) -> bool:
    """A party to the conflict: ``role: belligerent`` (a v1 profile with a party and no role counts too)."""
    return source.role == "belligerent" or (source.role is None and source.party is not None)
