"""Which page shows each part of a long derived table: the ledger's metrics and the compare view's pairs.

Derived once per build (:mod:`.stage`), so every page that links into them reads the same places.
"""
from __future__ import annotations

from ..core import urls
from ..core.urls import COMPARE, FIGURES
from .compare import Pair
from .ledger import Metric


def ledger_layout(metrics: tuple[Metric, ...]) -> dict[str, str]:
    """Which page shows each metric: all on ``figures/`` while the ledger is short, else a page each."""
    if sum(len(m.rows) for m in metrics) <= urls.PAGE_ROWS:
        return {m.metric: FIGURES for m in metrics}
    return {m.metric: f"figures/{m.metric}.md" for m in metrics}


def compare_layout(pairs: tuple[Pair, ...], limit: int | None = None) -> dict[tuple[str, str], str]:
    """Which page shows each pair of briefings (by its key): all on ``compare/`` while the matched claims
    are few, else pages of about ``limit`` (urls.PAGE_ROWS) matched claims each, whole pairs, listed on ``compare/``."""
    limit = urls.PAGE_ROWS if limit is None else limit
    if sum(len(p.matches) for p in pairs) <= limit:
        return {p.key: COMPARE for p in pairs}
    layout: dict[tuple[str, str], str] = {}
    part, rows = 1, 0
    for p in pairs:
        if rows and rows + len(p.matches) > limit:
            part, rows = part + 1, 0
        layout[p.key] = f"compare/part-{part}.md"
        rows += len(p.matches)
    return layout
