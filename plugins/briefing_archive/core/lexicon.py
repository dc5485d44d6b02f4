"""Estimative language and hedges: the lexicon as data, and where its words occur in an article.

The lexicon comes from a YAML file (see :mod:`briefing_archive.load.lexicon`).
Matching is whole-word and case-insensitive, longest form first, so ``highly
likely`` wins over ``likely`` and ``unlikely`` is never read as ``likely``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Term:
    """One entry of the lexicon: a probability term with its range, or the hedges."""

    label: str
    meaning: str          # shown to readers, e.g. "likely / probably: 55-75 %"
    kind: str             # "estimate" | "hedge"
    forms: tuple[str, ...]


@dataclass(frozen=True)
class Occurrence:
    start: int
    end: int
    term: Term
    text: str             # the article's own words


@dataclass(frozen=True)
class Lexicon:
    name: str
    terms: tuple[Term, ...]
    _pattern: re.Pattern[str] = field(compare=False, repr=False)
    _by_form: dict[str, Term] = field(compare=False, repr=False)

    @classmethod
    def build(cls, name: str, terms: tuple[Term, ...]) -> Lexicon:
        by_form = {" ".join(form.lower().split()): term for term in terms for form in term.forms}
        alternatives = sorted(by_form, key=lambda f: (-len(f), f))
        body = "|".join(r"\s+".join(map(re.escape, form.split())) for form in alternatives)
        pattern = re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)
        return cls(name, terms, pattern, by_form)

    def find(self, text: str) -> tuple[Occurrence, ...]:
        """Every occurrence in the text, in order, never overlapping."""
        return tuple(Occurrence(m.start(), m.end(), self._by_form[" ".join(m.group().lower().split())], m.group())
                     for m in self._pattern.finditer(text))

    @property
    def estimates(self) -> tuple[Term, ...]:
        return tuple(t for t in self.terms if t.kind == "estimate")

    @property
    def hedges(self) -> Term | None:
        return next((t for t in self.terms if t.kind == "hedge"), None)
