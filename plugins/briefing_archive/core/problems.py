"""Problems found in an archive, in the one format editors and CI annotators parse.

Every problem is `path:line:col: error|warning: what is wrong; how to fix it`, with
`path` relative to the folder of `mkdocs.yml` and 1-based line and column.
"""
from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from .characters import BIDI_CONTROLS, NOT_TEXT

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one place of one file."""

    path: str
    line: int
    col: int
    severity: Severity
    message: str

    def format(self) -> str:
        """The one line editors and CI annotators parse (characters that would break or reorder the
        line, such as a line break inside a quoted bad value, are written as escapes)."""
        return _one_line(f"{self.path}:{self.line}:{self.col}: {self.severity}: {self.message}")


_UNSHOWABLE = re.compile(f"[\t\n{BIDI_CONTROLS}]|{NOT_TEXT.pattern}")


def _one_line(text: str) -> str:
    return _UNSHOWABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


class ArchiveError(Exception):
    """Raised with every problem of an archive at once, so they can all be reported."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(sorted(problems))
        super().__init__(format_problems(self.problems))


def format_problems(problems: Iterable[Problem]) -> str:
    return "\n".join(p.format() for p in problems)


def did_you_mean(wrong: str, known: Iterable[str], besides: str | None = None) -> str:
    """A ` (did you mean 'x'?)` suffix naming the closest known value, or ``""``.

    Tries a case-insensitive match, then difflib's similarity, then a shared
    beginning of four or more characters (``newspaper`` -> ``news-outlet``).
    ``besides`` is never proposed: the referring file's own id is not what its author meant
    to name elsewhere.
    """
    options = sorted(k for k in known if k != besides)
    lowered = {o.lower(): o for o in options}
    guess = lowered.get(wrong.lower())
    if guess is None:
        close = difflib.get_close_matches(wrong.lower(), list(lowered), n=1, cutoff=0.6)
        guess = lowered[close[0]] if close else None
    if guess is None and len(wrong) >= 4:
        guess = next((o for o in options if o.lower().startswith(wrong[:4].lower())), None)
    return f" (did you mean '{guess}'?)" if guess is not None and guess != wrong else ""
