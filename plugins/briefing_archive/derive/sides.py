"""The per-side table (v1.2 "The ceiling, shown"): the same evidence gets the same ceiling for every side, and
the table shows it, one row per originator side: claims per grade, how many are supported, how many are graded
below their ceiling. The methodology page and ``briefings check --sides`` print the same rows, read from the
standings the check judged (:class:`~briefing_archive.core.rule.Judgement`), never judged again."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..core.ids import claim_key
from ..core.independence import identified_originators
from ..core.model import Archive, Claim, Source
from ..core.rule import Standing

NO_PARTY = "no party recorded"
NO_SOURCE = "no identified source"


@dataclass(frozen=True)
class SideRow:
    side: str
    grades: tuple[int, ...]     # claims graded 1..6, in that order
    supported: int              # claims with a supporting relation or basis
    below_ceiling: int          # claims graded 2 or 3 while their evidence allows better

    @property
    def claims(self) -> int:
        return sum(self.grades)


def side_of(claim: Claim, sources: Mapping[str, Source]) -> str:
    """The party of the claim's identified originators ("no party recorded" for one without a party, several
    joined with " + "), or "no identified source"."""
    named = identified_originators(claim, sources)
    if not named:
        return NO_SOURCE
    return " + ".join(sorted({sources[s].party or NO_PARTY for s in named}))


def side_table(archive: Archive, standings: Mapping[str, Standing]) -> tuple[SideRow, ...]:
    """One row per side, the sides with most claims first (then by name); ``standings``: every claim's, by key
    (:attr:`~briefing_archive.core.rule.Judgement.standings`)."""
    counts: dict[str, list[int]] = {}
    for b in archive.briefings:
        for c in b.claims:
            judged = standings[claim_key(b.id, c.id)]
            row = counts.setdefault(side_of(c, archive.sources), [0] * 8)
            row[c.credibility - 1] += 1
            row[6] += judged.supported
            row[7] += judged.below_ceiling
    rows = (SideRow(side, tuple(n[:6]), n[6], n[7]) for side, n in counts.items())
    return tuple(sorted(rows, key=lambda r: (-r.claims, r.side)))


HEADINGS = ("Originator's side", "Claims", "1", "2", "3", "4", "5", "6", "Supported", "Graded below ceiling")


def side_cells(row: SideRow) -> tuple[str, ...]:
    """A row as the table's cells (text), in the order of :data:`HEADINGS`."""
    return (row.side, str(row.claims), *map(str, row.grades), str(row.supported), str(row.below_ceiling))
