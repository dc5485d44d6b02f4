"""The order of "Latest briefings": the home page and the Atom feed read this one order, so they always agree.

Newest first by the briefing's ``published`` date where recorded, else by when it entered the archive (its first
commit, from the history). A briefing not yet committed entered last of all, so it comes first; without a history
(a copy without git), a briefing with no date follows the dated ones, by title: never by a file's time, which a
copy or a checkout changes.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from ..core.dates import instant, period_start
from ..core.model import Archive, Briefing

#: What the order rests on: every briefing's published date, every one's first commit, both, or dates and titles.
Basis = Literal["published", "entered", "both", "titles"]


@dataclass(frozen=True)
class Latest:
    """Briefing ids newest first (``pending``: not yet committed ones, first) and what the order rests on."""

    order: tuple[str, ...]
    basis: Basis
    pending: frozenset[str] = frozenset()
    #: briefing id -> the instant it sorts by (None: not yet committed, or no date at all)
    when: Mapping[str, datetime | None] | None = None


def latest_order(archive: Archive, entered: Mapping[str, str], *, history: bool) -> Latest:
    """The archive's briefings newest first. ``entered``: briefing id -> its first commit's date (ISO 8601);
    ``history``: whether the history was read (a briefing missing from ``entered`` is then not yet committed)."""
    pending: list[Briefing] = []
    dated: list[tuple[datetime, str]] = []
    undated: list[Briefing] = []
    when: dict[str, datetime | None] = {}
    by_entered = False
    for b in archive.briefings:
        if b.published:
            when[b.id] = period_start(b.published)
        elif b.id in entered:
            when[b.id] = instant(entered[b.id])
            by_entered = True
        else:
            when[b.id] = None
            (pending if history else undated).append(b)
            by_entered = by_entered or history
            continue
        dated.append((when[b.id] or period_start("1"), b.id))
    order = (*sorted(b.id for b in pending), *(bid for _, bid in sorted(dated, reverse=True)),
             *(b.id for b in sorted(undated, key=lambda b: (b.title.lower(), b.id))))
    published = any(b.published for b in archive.briefings)
    basis: Basis = "titles" if undated else ("both" if published and by_entered else
                                             "entered" if by_entered else "published")
    return Latest(order, basis, frozenset(b.id for b in pending), when)
