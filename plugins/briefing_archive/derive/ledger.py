"""The figures ledger: every number every claim states, by metric, and where they disagree.

Two figures of one metric, unit and period disagree when the ranges their
qualifiers give do not overlap (exact = [v, v], about = [0.8v, 1.2v],
at-least = [v, inf), at-most = [0, v]). Figures whose period is not known (no
``period`` and no claim ``date``) are listed but never compared: they may cover
different periods.
"""
from __future__ import annotations

import bisect
import math
from collections import defaultdict
from dataclasses import dataclass

from ..core.ids import label_of
from ..core.model import Archive, Briefing, Claim, Figure


@dataclass(frozen=True)
class Row:
    briefing: Briefing
    claim: Claim
    figure: Figure
    index: int                 # position of the figure in its claim
    period: str | None         # the figure's period, or the claim's date

    @property
    def anchor(self) -> str:
        """Id of the row on the ledger page (starts with '_', like every non-claim id)."""
        return f"_fig-{self.briefing.id}-{self.claim.id}-{self.index + 1}"

    @property
    def range(self) -> tuple[float, float]:
        return figure_range(self.figure)


def figure_range(f: Figure) -> tuple[float, float]:
    """The range a figure's qualifier gives (the contract's rule)."""
    v = float(f.value)
    if f.qualifier == "exact":
        return v, v
    if f.qualifier == "about":
        return min(0.8 * v, 1.2 * v), max(0.8 * v, 1.2 * v)
    if f.qualifier == "at-least":
        return v, math.inf
    return min(0.0, v), v


@dataclass(frozen=True)
class Disagreement:
    a: Row
    b: Row


@dataclass(frozen=True)
class Metric:
    metric: str
    rows: tuple[Row, ...]
    disagreements: tuple[Disagreement, ...]   # up to MAX_LISTED pairs, for the page
    disagreeing: frozenset[str]                # anchors of every row that disagrees with another
    pairs: int                                 # how many pairs disagree in all

    @property
    def label(self) -> str:
        """The metric in words ("DPRK casualties"): the id is for authors."""
        return label_of(self.metric)


MAX_LISTED = 20


def _date_key(date: str | None) -> tuple[int, str]:
    # Undated rows go last; ISO strings of any precision sort correctly as text
    # ("2025" < "2025-01" < "2025-01-05"): a partial date comes before the full dates of its period.
    return (1, "") if date is None else (0, date)


def build_ledger(archive: Archive) -> tuple[Metric, ...]:
    """Every metric's rows and disagreements (computed once per build: pages and exports share it)."""
    rows: dict[str, list[Row]] = defaultdict(list)
    for b in archive.briefings:
        for c in b.claims:
            for i, f in enumerate(c.figures):
                rows[f.metric].append(Row(b, c, f, i, f.period or c.date))
    return tuple(_metric(metric, rows[metric]) for metric in sorted(rows))


def _metric(metric: str, rows: list[Row]) -> Metric:
    """One metric's rows in order, and the disagreements among rows of the same unit and period."""
    ordered = sorted(rows, key=lambda r: (_date_key(r.period), r.briefing.id, r.claim.id, r.index))
    groups: dict[tuple[str, str], list[Row]] = defaultdict(list)
    for r in ordered:
        if r.period is not None:
            groups[(r.figure.unit, r.period)].append(r)
    listed: list[Disagreement] = []
    disagreeing: set[str] = set()
    pairs = 0
    for group in groups.values():
        if len(group) < 2:
            continue
        ranges = [r.range for r in group]
        disagreeing |= _disagreeing(group, ranges)
        pairs += _disagreeing_pairs(ranges)
        _list_disagreements(group, ranges, [i for i, r in enumerate(group) if r.anchor in disagreeing], listed)
    return Metric(metric, tuple(ordered), tuple(listed), frozenset(disagreeing), pairs)


def _disagreeing(group: list[Row], ranges: list[tuple[float, float]]) -> set[str]:
    """The anchors of the rows some other row's range ends below the start of, or starts above the end of."""
    by_hi = sorted(range(len(group)), key=lambda i: ranges[i][1])
    by_lo = sorted(range(len(group)), key=lambda i: -ranges[i][0])
    out = set()
    for i, r in enumerate(group):
        lowest_hi = ranges[by_hi[0] if by_hi[0] != i else by_hi[1]][1]
        highest_lo = ranges[by_lo[0] if by_lo[0] != i else by_lo[1]][0]
        if lowest_hi < ranges[i][0] or highest_lo > ranges[i][1]:
            out.add(r.anchor)
    return out


def _disagreeing_pairs(ranges: list[tuple[float, float]]) -> int:
    """How many pairs of the ranges do not overlap, in O(k log k): all pairs minus those that overlap."""
    his: list[float] = []
    overlapping = 0
    for i in sorted(range(len(ranges)), key=lambda i: ranges[i][0]):
        lo = ranges[i][0]
        overlapping += len(his) - bisect.bisect_left(his, lo)   # earlier rows still open at lo
        bisect.insort(his, ranges[i][1])
    return len(ranges) * (len(ranges) - 1) // 2 - overlapping


def _list_disagreements(group: list[Row], ranges: list[tuple[float, float]], flagged: list[int],
                        listed: list[Disagreement]) -> None:
    """Add the group's disagreeing pairs to ``listed`` until it holds :data:`MAX_LISTED`."""
    for x, i in enumerate(flagged):
        if len(listed) >= MAX_LISTED:
            break
        for j in flagged[x + 1:]:
            (alo, ahi), (blo, bhi) = ranges[i], ranges[j]
            if not (alo <= bhi and blo <= ahi):
                listed.append(Disagreement(group[i], group[j]))
                if len(listed) >= MAX_LISTED:
                    break
