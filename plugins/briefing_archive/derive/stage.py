"""The derive stage: one call turns the checked archive into everything the pages and exports read.

:func:`derive_archive` computes each table once per build (the relations both ways with their verdicts, each
claim's standing under the v1.2 rule, the links, the ledger, related briefings, the compare pairs, the claims
explorer's rows, the bottom lines) into a frozen :class:`Derived`; render and exports only read it.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..core.ids import claim_key
from ..core.model import Archive, Briefing, Claim
from ..core.rule import Related, Standing, both_ways, standing
from .bottomline import BottomLine, bottom_line
from .claims import ClaimRow, claim_rows
from .compare import Pair, compare_pairs
from .layout import compare_layout, ledger_layout
from .ledger import Metric, Row, build_ledger
from .links import Links, build_links
from .related import RelatedBriefing, related_briefings


@dataclass(frozen=True)
class Derived:
    """What the archive implies, computed once: read, never changed, by every page and export."""

    archive: Archive
    links: Links
    related_claims: Mapping[str, list[Related]]          # claim key -> its relations both ways, with verdicts
    standings: Mapping[str, Standing]                    # claim key -> what bears on it (v1.2 rule, ceiling)
    ledger: tuple[Metric, ...]
    ledger_pages: Mapping[str, str]                      # metric -> the page that shows it
    ledger_rows: Mapping[tuple[str, str, int], Row]      # (briefing, claim, figure index) -> its row
    related: Mapping[str, tuple[RelatedBriefing, ...]]   # briefing id -> its most related briefings
    compare: tuple[Pair, ...]                            # pairs of briefings whose claims relate
    compare_layout: Mapping[tuple[str, str], str]        # a pair's key -> the page that shows it
    claim_rows: tuple[ClaimRow, ...]                     # the claims explorer's rows
    bottom_lines: Mapping[str, BottomLine]               # briefing id -> its bottom line

    def standing(self, b: Briefing, c: Claim) -> Standing:
        return self.standings[claim_key(b.id, c.id)]


def derive_archive(archive: Archive) -> Derived:
    """Everything derived from ``archive`` (give it its terms first: see ``with_terms``), each piece once."""
    links = build_links(archive)
    related = both_ways(archive)
    standings = standings_of(archive, related)
    ledger = build_ledger(archive)
    pairs = compare_pairs(archive, links)
    return Derived(archive, links, related, standings, ledger, ledger_layout(ledger),
                   {(r.briefing.id, r.claim.id, r.index): r for m in ledger for r in m.rows},
                   related_briefings(archive), pairs, compare_layout(pairs), claim_rows(archive, related),
                   {b.id: bottom_line(b, related, archive.sources) for b in archive.briefings})


def standings_of(archive: Archive, related: Mapping[str, list[Related]]) -> dict[str, Standing]:
    """Every claim's standing under the v1.2 rule (its ceiling...), by claim key; ``related``: :func:`both_ways`."""
    return {claim_key(b.id, c.id): standing(c, related.get(claim_key(b.id, c.id), []), archive.sources)
            for b in archive.briefings for c in b.claims}
