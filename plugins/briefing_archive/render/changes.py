"""``/changes/``: the archive's corrections log. Every re-grade and correction of a claim or a source (credibility,
quote, chain, relations, reliability, an id changed; never a first entry), newest first, each with its date, what
changed from what to what and why, linking to the claim or source as it is now.

Read from the history the load stage made (:class:`~briefing_archive.core.history.ArchiveHistory`), never from git.
Past :data:`~briefing_archive.core.urls.PAGE_ROWS` changes, a page per month (as the timeline), newest first.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from markupsafe import Markup

from ..core import urls
from ..core.dates import instant
from ..core.history import FIELDS, ArchiveHistory, Change
from .components import front_matter
from .context import RenderContext
from .history import LABELS, day, grade_reason, status_line, value_text
from .timeline import month_label

#: The month key of the changes not yet committed (the preview's): they stay on the first page.
PENDING_KEY = "pending"


@dataclass(frozen=True)
class Logged:
    """One change of the log: of a claim (``key`` is its ``briefing#claim``) or of a source (its id)."""

    kind: Literal["claim", "source"]
    key: str
    change: Change

    @property
    def month(self) -> str:
        return PENDING_KEY if self.change.date is None else self.change.date[:7]


def _order(entry: Logged) -> tuple[int, float, str, str, str, int]:
    c = entry.change
    moment = 0.0 if c.date is None else -instant(c.date).timestamp()
    return (0 if c.date is None else 1, moment, c.commit or "", entry.kind, entry.key, FIELDS.index(c.field))


def logged(history: ArchiveHistory) -> tuple[Logged, ...]:
    """Every change but first entries, newest first (not yet committed first; within a commit, by claim, field)."""
    found = [Logged("claim", key, c) for key, changes in history.claims.items() for c in changes if c.field != "added"]
    found += [Logged("source", sid, c) for sid, changes in history.sources.items() for c in changes
              if c.field != "added"]
    return tuple(sorted(found, key=_order))


def changes_layout(entries: tuple[Logged, ...]) -> dict[str, str | None]:
    """The log's pages, each with its month (None: the first page, which also holds what is not yet committed)."""
    if len(entries) <= urls.PAGE_ROWS:
        return {urls.CHANGES: None}
    months = dict.fromkeys(e.month for e in entries if e.month != PENDING_KEY)
    return {**{f"changes/{m}.md": m for m in months}, urls.CHANGES: None}


def changes_part(ctx: RenderContext, entries: tuple[Logged, ...], page: str) -> str:
    """One page of the log (``changes/page.html``; see :func:`changes_layout`)."""
    layout = changes_layout(entries)
    month = layout[page]
    if len(layout) == 1:
        shown, months = entries, []
    elif month is None:
        counts: dict[str, int] = {}
        for e in entries:
            counts[e.month] = counts.get(e.month, 0) + 1
        shown = tuple(e for e in entries if e.month == PENDING_KEY)
        months = [(ctx.href(page, f"changes/{m}.md"), month_label(m), n) for m, n in counts.items() if m != PENDING_KEY]
    else:
        shown, months = tuple(e for e in entries if e.month == month), []
    names = ctx.source_names
    body = ctx.templates.html(
        "changes/page.html", status=status_line(ctx.derived.history), months=months,
        month=None if month is None else month_label(month), index_href=ctx.href(page, urls.CHANGES),
        rows=[(day(e.change), _subject(ctx, page, e), _what(e.change),
               value_text(e.change.field, e.change.before, names), value_text(e.change.field, e.change.after, names),
               _reason(e.change)) for e in shown])
    title = "Changes" if month is None else f"Changes: {month_label(month)}"
    return f"{front_matter(title, searchable=False)}{body}"


def _what(c: Change) -> str:
    return "reliability re-graded" if c.field == "reliability" else LABELS[c.field]


def _reason(c: Change) -> str | None:
    return grade_reason(c) if c.field in ("credibility", "reliability") else c.reason


def _subject(ctx: RenderContext, here: str, e: Logged) -> Markup | str:
    """The claim (its words, in its briefing) or the source, linked as it is now; as text when it is gone."""
    if e.kind == "source":
        return ctx.source_link(here, e.key) if e.key in ctx.archive.sources else f"{e.key} (no longer in the archive)"
    ref = ctx.links.claims.get(e.key)
    if ref is None:
        return f"{e.key} (no longer in the archive)"
    return Markup(f"{ctx.claim_link(here, ref)} in {ctx.briefing_link(here, ref.briefing)}")


def subjects(ctx: RenderContext, entries: tuple[Logged, ...]) -> Mapping[str, object]:
    """Each claim the log names, as it is now (None when gone): what its rows show of it."""
    refs = {e.key: ctx.links.claims.get(e.key) for e in entries if e.kind == "claim"}
    return {k: None if r is None else (r.briefing.id, r.briefing.title, r.claim.id, r.claim.quote)
            for k, r in refs.items()}

