"""A claim's or a source's history in words, as a corrections log shows it: dated, each re-grade with its reason.

Dates are the commits' own (YYYY-MM-DD as committed, in the committer's zone: when the change entered the archive);
a change not yet committed reads "not yet committed" (the preview). Reasons are author text (commit messages,
``regraded``): they reach the templates as plain strings, which escape them.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from markupsafe import Markup

from ..core.history import NO_HISTORY, NO_REASON, PENDING, ArchiveHistory, Change, Value
from .components import excerpt
from .templates import Templates

#: What each kind of change is called in a log (``added`` is not a correction: it never shows as one).
LABELS = {"credibility": "re-graded", "reliability": "re-graded", "quote": "quote corrected",
          "chain": "chain changed", "relations": "relations changed", "renamed": "renamed"}
#: How many of the latest changes an entry shows before the rest go into a <details>.
SHOWN = 2


@dataclass(frozen=True)
class Event:
    """One line of a short history: its words and, when there is one, why."""

    text: str
    reason: str | None = None


def day(change: Change) -> str:
    """The commit's day as committed (YYYY-MM-DD), or :data:`PENDING`."""
    return PENDING if change.date is None else change.date[:10]


def _on(change: Change, word: str) -> str:
    return f"({PENDING})" if change.date is None else f"{word} {change.date[:10]}"


def status_line(history: ArchiveHistory) -> str | None:
    """What a page says once when the history is partial or missing (None when whole, or never read)."""
    line = None if history is NO_HISTORY else history.line
    return None if line is None else line[:1].upper() + line[1:]


def grade_reason(change: Change) -> str:
    return change.reason if change.reason and change.reason.strip() else NO_REASON


def events(changes: Sequence[Change]) -> tuple[tuple[Event, ...], tuple[Event, ...]]:
    """A claim's or a source's changes as (earlier events, shown events), oldest first: its first grade and its
    current grade "since" its date always shown, with the latest :data:`SHOWN` changes; re-grades with their reason,
    other corrections briefly; nothing when it never changed but for being added."""
    grades = [i for i, c in enumerate(changes) if c.field in ("added", "credibility", "reliability")]
    if not changes or (len(changes) == 1 and changes[0].field == "added"):
        return (), ()
    current = grades[-1] if grades else None
    out: list[Event] = []
    for i, c in enumerate(changes):
        if c.field == "added":
            out.append(Event(f"graded {c.after} {_on(c, 'since' if i == current else 'on')}"))
        elif c.field in ("credibility", "reliability"):
            out.append(Event(f"{c.after} {_on(c, 'since' if i == current else 'on')}", grade_reason(c)))
        elif c.field == "renamed":   # corrections listed briefly: their reasons are on /changes/
            out.append(Event(f"renamed from {c.before} {_on(c, 'on')}"))
        else:
            out.append(Event(f"{LABELS[c.field]} {_on(c, 'on')}"))
    first = 0 if changes[0].field == "added" else None   # when it was first graded: always shown
    shown = {*range(max(0, len(out) - SHOWN), len(out)), *(i for i in (current, first) if i is not None)}
    return (tuple(e for i, e in enumerate(out) if i not in shown), tuple(e for i, e in enumerate(out) if i in shown))


def value_text(field: str, value: Value, names: Mapping[str, str]) -> str:
    """A value before or after a change, in words (a chain by its sources' names, a quote cut short)."""
    if value is None:
        return "none"
    if isinstance(value, tuple):
        if not value:
            return "none"
        if field == "chain":
            return ", ".join(f"{names.get(a, a)} ({b})" for a, b in value)
        return "; ".join(f"{a} {b}" for a, b in value)
    if field == "quote":
        return f"\u201c{excerpt(str(value), 120)}\u201d"
    return str(value)


def history_html(html: Templates, changes: Sequence[Change] | None) -> Markup | None:
    """A claim's or a source's "History" fact (``components/history.html``), or None when there is nothing to say."""
    earlier, shown = events(changes or ())
    return html.html("components/history.html", shown=shown, earlier=earlier) if shown else None
