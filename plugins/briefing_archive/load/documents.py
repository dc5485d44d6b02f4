"""One YAML file of the archive as loaded, and the checks of its values that a schema cannot state.

The schema checks shapes; here values must also exist on the calendar, keep clear of the
ids the site map reserves, and be Markdown the renderer can render in full.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from typing import Any

from ..core.ids import RESERVED
from ..core.markdown import nesting_problem
from ..core.problems import Problem, Severity
from .labels import label
from .yamlfile import KeyPath, Positions

DATE_RE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


@dataclass
class Document:
    """One loaded YAML file with what is needed to point at its lines.

    ``faults``: paths of values already reported as bad (wrong type, not a finite number, a placeholder):
    checks skip them and what is under them, and check the rest, so one run reports every problem of a
    file that parses. A document with faults is never built into the model.
    """

    id: str
    path: str
    data: dict[str, Any]
    positions: Positions
    faults: frozenset[KeyPath] = frozenset()

    def problem(self, where: KeyPath, message: str, severity: Severity = "error") -> Problem:
        line, col = self.positions.of_value(where)
        return Problem(self.path, line, col, severity, message)

    def usable(self, where: KeyPath) -> bool:
        """Whether the value at ``where`` may be checked: neither it nor what holds it was reported as bad."""
        return not self.faults or not any(where[:i] in self.faults for i in range(len(where) + 1))

    def get(self, where: KeyPath, kind: type | tuple[type, ...] = object) -> Any:
        """The value at ``where`` when it is there, usable and of ``kind``; else None."""
        if not self.usable(where):
            return None
        value: Any = self.data
        for step in where:
            found = (isinstance(step, int) and isinstance(value, list) and 0 <= step < len(value)) or \
                (isinstance(step, str) and isinstance(value, dict) and step in value)
            if not found:
                return None
            value = value[step]
        return value if isinstance(value, kind) else None

    def items(self, where: KeyPath) -> list[tuple[int, KeyPath, Any]]:
        """The usable items of the list at ``where`` (none when it is absent, bad or not a list): index, path, value."""
        value = self.get(where, list)
        return [(i, where + (i,), v) for i, v in enumerate(value or ()) if self.usable(where + (i,))]


def claim_ids(d: Document) -> set[str] | None:
    """The ids a briefing's claims are written with (a bad one too: a reference to another id is wrong
    whatever becomes of it); None when a claim has no id as text, so any id may be the one meant."""
    raw = d.data.get("claims") or []
    ids = [c.get("id") if isinstance(c, dict) else None for c in raw] if isinstance(raw, list) else [None]
    return {i for i in ids if isinstance(i, str)} if all(isinstance(i, str) for i in ids) else None


#: The Markdown fields of each kind of file, as paths with ``*`` for every item of a list.
MARKDOWN_FIELDS = {"briefing": (("summary",), ("claims", "*", "note"), ("claims", "*", "background"),
                                ("warnings", "*", "note")),
                   "source": (("note",), ("background",), ("depends_on", "*", "note")),
                   "entity": (("note",), ("background",))}


def _values(data: Any, pattern: tuple[str, ...], faults: frozenset[KeyPath] = frozenset()) -> list[tuple[KeyPath, Any]]:
    """Every (path, value) of ``data`` that ``pattern`` names (``*``: each item of a list), leaving out the
    values at or under ``faults`` (reported already)."""
    found: list[tuple[KeyPath, Any]] = [((), data)]
    for step in pattern:
        nxt = []
        for where, value in found:
            if step == "*":
                nxt += [(where + (i,), v) for i, v in enumerate(value)] if isinstance(value, list) else []
            elif isinstance(value, dict) and value.get(step) is not None:
                nxt.append((where + (step,), value[step]))
        found = [(w, v) for w, v in nxt if w not in faults]
    return found


def check_values(kind: str, doc: Document) -> list[Problem]:
    """What the schema's shapes cannot say: real dates, ids the site map keeps, Markdown that renders."""
    out = _check_dates(doc) if kind == "briefing" else []
    if kind == "briefing":
        for where, value in (_values(doc.data, ("tags", "*"), doc.faults)
                             + _values(doc.data, ("claims", "*", "figures", "*", "metric"), doc.faults)):
            if isinstance(value, str) and value in RESERVED:
                what = "tag" if where[0] == "tags" else "metric"
                out.append(doc.problem(where, f"{label(doc.data, where)}: '{value}' is reserved for the site's {what} index page; "
                                              f"use another {what} id"))
    for pattern in MARKDOWN_FIELDS.get(kind, ()):
        for where, value in _values(doc.data, pattern, doc.faults):
            why = nesting_problem(value) if isinstance(value, str) else None
            if why is not None:
                out.append(doc.problem(where, f"{label(doc.data, where)}: {why}"))
    return out


def _check_dates(doc: Document) -> list[Problem]:
    """Dates pass the schema's shape; here they must also exist on the calendar."""
    out = []

    def check(where: KeyPath, value: Any) -> None:
        if not isinstance(value, str) or not doc.usable(where):
            return
        shape = DATE_RE.fullmatch(value)
        if shape is None:   # the schema has refused it already
            return
        year, month, day = shape.groups()
        if int(year) == 0:
            out.append(doc.problem(where, f"{label(doc.data, where)} {value!r} is in the year 0, which no calendar has; "
                                          "use the year from 0001 on that the article gives"))
        elif month and not 1 <= int(month) <= 12:
            out.append(doc.problem(where, f"{label(doc.data, where)} {value!r} has no month {month}; use a month from 01 to 12"))
        elif day and not 1 <= int(day) <= calendar.monthrange(int(year), int(month))[1]:
            out.append(doc.problem(where, f"{label(doc.data, where)} {value!r} is not a day of the calendar; "
                                          f"{calendar.month_name[int(month)]} {year} has "
                                          f"{calendar.monthrange(int(year), int(month))[1]} days"))

    check(("published",), doc.data.get("published"))
    for _, where, _ in doc.items(("claims",)):
        check(where + ("date",), doc.get(where + ("date",)))
        for _, fwhere, _ in doc.items(where + ("figures",)):
            check(fwhere + ("period",), doc.get(fwhere + ("period",)))
    return out
