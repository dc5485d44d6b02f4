"""The archive's two kinds of date, read one way everywhere: a recorded date (``published``: YYYY, YYYY-MM or
YYYY-MM-DD, a period) and a commit's date (ISO 8601 with its offset, from the history).

The feed, the home page's order, STIX, MISP and the history's exports all compare or print these; each reads them
here, so a year reads as its first day and a commit's date as one instant wherever it is used.
"""
from __future__ import annotations

from datetime import UTC, datetime


def period_start(value: str) -> datetime:
    """A YYYY, YYYY-MM or YYYY-MM-DD date as a UTC time at the start of that period."""
    parts = [int(p) for p in value.split("-")] + [1, 1]
    return datetime(parts[0], parts[1], parts[2], tzinfo=UTC)


def instant(date: str) -> datetime:
    """An ISO 8601 date-time with its offset (a commit's date) as a moment (UTC)."""
    return datetime.fromisoformat(date).astimezone(UTC)
