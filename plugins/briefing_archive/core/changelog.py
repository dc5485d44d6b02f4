"""A claim's or source's history as the exports publish it: its last change, each change as data and in words.

Shared by ``archive.json``, the W3C annotations, STIX and ClaimReview (render and exports are siblings: what both
need is here). Plain data only: a reason is author text (a commit message), returned as it is for the caller's
encoder (JSON everywhere) to keep inert.
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from .dates import instant
from .history import PENDING, Change, Value

#: The fields whose change modifies what a claim or source says (``added`` and ``renamed`` do not: an id change
#: is no correction of the grade, the quote, the chain, the relations or the reliability).
MODIFYING = frozenset({"credibility", "quote", "chain", "relations", "reliability"})
#: What each field of a pair value is called in the data (chain: (source, role); relations: (kind, target)).
PAIR_KEYS = {"chain": ("source", "role"), "relations": ("kind", "target")}


def last_modified(changes: Iterable[Change]) -> str | None:
    """The date of the latest committed change that modifies it (as git gave it, with its offset), None when none
    is known. Latest by instant, not by order: a branch merged later keeps its own, earlier, dates."""
    best: tuple[datetime, str] | None = None
    for c in changes:
        if c.date is not None and c.field in MODIFYING:
            moment = instant(c.date)
            if best is None or moment >= best[0]:
                best = (moment, c.date)
    return None if best is None else best[1]


def value_data(field: str, value: Value) -> Any:
    """A change's before or after as JSON data: a grade, a text, a claim key, or a chain's or relations' pairs as
    objects (``{"source", "role"}``, ``{"kind", "target"}``)."""
    if isinstance(value, tuple):
        first, second = PAIR_KEYS.get(field, ("0", "1"))
        return [{first: a, second: b} for a, b in value]
    return value


def change_data(c: Change) -> dict[str, Any]:
    """One change as ``archive.json`` gives it: date and commit null when not yet committed."""
    return {"date": c.date, "commit": c.commit, "field": c.field, "before": value_data(c.field, c.before),
            "after": value_data(c.field, c.after), "reason": c.reason}


def change_words(c: Change) -> str:
    """One change in plain words, dated (``2025-03-04: re-graded from 3 to 2: echoed by the ministry``); an
    uncommitted change says "not yet committed" in the date's place."""
    return f"{c.date[:10] if c.date is not None else PENDING}: {change_text(c)}"


def change_text(c: Change) -> str:
    """What changed and why, undated (``re-graded from 3 to 2: echoed by the ministry``); a re-grade without a reason
    says "no reason given", never nothing."""
    what = _what(c)
    if c.reason:
        return f"{what}: {c.reason}"
    if c.field in ("credibility", "reliability"):
        return f"{what}; no reason given"
    return what


def _what(c: Change) -> str:
    if c.field == "credibility":
        return f"re-graded from {c.before} to {c.after}"
    if c.field == "reliability":
        return f"reliability re-graded from {c.before} to {c.after}"
    if c.field == "quote":
        return "quote corrected"
    if c.field == "chain":
        return "attribution chain changed"
    if c.field == "relations":
        return "relations changed"
    if c.field == "renamed":
        return f"renamed from {c.before}"
    return f"entered the archive, graded {c.after}" if c.after is not None else "entered the archive"
