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
from .yamlfile import KeyPath, Positions

DATE_RE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


@dataclass
class Document:
    """One loaded YAML file with what is needed to point at its lines."""

    id: str
    path: str
    data: dict
    positions: Positions

    def problem(self, where: KeyPath, message: str, severity: Severity = "error") -> Problem:
        line, col = self.positions.of_value(where)
        return Problem(self.path, line, col, severity, message)


#: The Markdown fields of each kind of file, as paths with ``*`` for every item of a list.
MARKDOWN_FIELDS = {"briefing": (("summary",), ("claims", "*", "note"), ("claims", "*", "background"),
                                ("warnings", "*", "note")),
                   "source": (("note",), ("background",), ("depends_on", "*", "note")),
                   "entity": (("note",), ("background",))}


def _values(data: Any, pattern: tuple) -> list[tuple[tuple, Any]]:
    """Every (path, value) of ``data`` that ``pattern`` names (``*``: each item of a list)."""
    found: list[tuple[tuple, Any]] = [((), data)]
    for step in pattern:
        nxt = []
        for where, value in found:
            if step == "*":
                nxt += [(where + (i,), v) for i, v in enumerate(value)] if isinstance(value, list) else []
            elif isinstance(value, dict) and value.get(step) is not None:
                nxt.append((where + (step,), value[step]))
        found = nxt
    return found


def check_values(kind: str, doc: Document) -> list[Problem]:
    """What the schema's shapes cannot say: real dates, ids the site map keeps, Markdown that renders."""
    out = _check_dates(doc) if kind == "briefing" else []
    if kind == "briefing":
        for where, value in _values(doc.data, ("tags", "*")) + _values(doc.data, ("claims", "*", "figures", "*",
                                                                                  "metric")):
            if value in RESERVED:
                what = "tag" if where[0] == "tags" else "metric"
                out.append(doc.problem(where, f"'{value}' is reserved for the site's {what} index page; "
                                              f"use another {what} id"))
    for pattern in MARKDOWN_FIELDS.get(kind, ()):
        for where, value in _values(doc.data, pattern):
            why = nesting_problem(value) if isinstance(value, str) else None
            if why is not None:
                out.append(doc.problem(where, f"`{where[-1]}`: {why}"))
    return out


def _check_dates(doc: Document) -> list[Problem]:
    """Dates pass the schema's shape; here they must also exist on the calendar."""
    out = []

    def check(where: tuple, value: Any) -> None:
        if value is None or isinstance(value, int):
            return
        shape = DATE_RE.fullmatch(value)
        if shape is None:   # the schema has refused it already
            return
        year, month, day = shape.groups()
        if int(year) == 0:
            out.append(doc.problem(where, f"`{where[-1]}` {value!r} is in the year 0, which no calendar has; "
                                          "use the year from 0001 on that the article gives"))
        elif month and not 1 <= int(month) <= 12:
            out.append(doc.problem(where, f"`{where[-1]}` {value!r} has no month {month}; use a month from 01 to 12"))
        elif day and not 1 <= int(day) <= calendar.monthrange(int(year), int(month))[1]:
            out.append(doc.problem(where, f"`{where[-1]}` {value!r} is not a day of the calendar; "
                                          f"{calendar.month_name[int(month)]} {year} has "
                                          f"{calendar.monthrange(int(year), int(month))[1]} days"))

    check(("published",), doc.data.get("published"))
    for ci, claim in enumerate(doc.data.get("claims") or ()):
        check(("claims", ci, "date"), claim.get("date"))
        for fi, fig in enumerate(claim.get("figures") or ()):
            check(("claims", ci, "figures", fi, "period"), fig.get("period"))
    return out
