"""The figures ledger: every number every claim states, by metric, and where they disagree.

Two figures of one metric, unit and period disagree when the ranges their
qualifiers give do not overlap (exact = [v, v], about = [0.8v, 1.2v],
at-least = [v, inf), at-most = [0, v]). Figures whose period is not known (no
``period`` and no claim ``date``) are listed but never compared: they may cover
different periods.
"""
from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

from .model import Archive, Briefing, Claim, Figure


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
        v = float(self.figure.value)
        return {"exact": (v, v), "about": (min(0.8 * v, 1.2 * v), max(0.8 * v, 1.2 * v)),
                "at-least": (v, math.inf), "at-most": (min(0.0, v), v)}[self.figure.qualifier]


@dataclass(frozen=True)
class Disagreement:
    a: Row
    b: Row


@dataclass(frozen=True)
class Metric:
    metric: str
    rows: tuple[Row, ...]
    disagreements: tuple[Disagreement, ...]


def _date_key(date: str | None) -> tuple[int, str]:
    # Undated rows go last; ISO strings of any precision sort correctly as text
    # ("2025" < "2025-01" < "2025-01-05"): a partial date comes before the full dates of its period.
    return (1, "") if date is None else (0, date)


def build_ledger(archive: Archive) -> tuple[Metric, ...]:
    rows: dict[str, list[Row]] = defaultdict(list)
    for b in archive.briefings:
        for c in b.claims:
            for i, f in enumerate(c.figures):
                rows[f.metric].append(Row(b, c, f, i, f.period or c.date))
    metrics = []
    for metric in sorted(rows):
        ordered = sorted(rows[metric], key=lambda r: (_date_key(r.period), r.briefing.id, r.claim.id, r.index))
        clashes = []
        for i, a in enumerate(ordered):
            for b in ordered[i + 1:]:
                if (a.period is not None and a.period == b.period and a.figure.unit == b.figure.unit
                        and not (a.range[0] <= b.range[1] and b.range[0] <= a.range[1])):
                    clashes.append(Disagreement(a, b))
        metrics.append(Metric(metric, tuple(ordered), tuple(clashes)))
    return tuple(metrics)
