"""Estimative language and hedges: the lexicon as data, and where its words occur in an article.

The lexicon is a YAML file (the PHIA yardstick by default, ICD 203 as an
alternative, or an archive's own file) validated by ``schema/lexicon.schema.json``
like every other input. Matching is whole-word and case-insensitive, longest form
first, so ``highly likely`` wins over ``likely`` and ``unlikely`` is never read as
``likely``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from . import schemacheck
from .paths import outside_folder
from .problems import Problem
from .yamlload import load_yaml

BUILTIN = ("phia", "icd203")


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
    _pattern: re.Pattern = field(compare=False, repr=False, default=None)  # type: ignore[assignment]
    _by_form: dict = field(compare=False, repr=False, default_factory=dict)

    @classmethod
    def build(cls, name: str, terms: tuple[Term, ...]) -> "Lexicon":
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


def load_lexicon(spec: str, root: Path, max_bytes: int) -> tuple[Lexicon | None, list[Problem]]:
    """Load a built-in lexicon by name, or a YAML file by path relative to ``root``."""
    if spec in BUILTIN:
        raw = resources.files(__package__).joinpath(f"lexicons/{spec}.yml").read_bytes()
        shown = f"(built-in lexicon {spec})"
    else:
        path = (root / spec).resolve()
        try:
            shown = path.relative_to(root).as_posix()
        except ValueError:
            shown = path.as_posix()
        if not path.is_file():
            return None, [Problem("mkdocs.yml", 1, 1, "error",
                                  f"lexicon '{spec}' is neither a built-in lexicon ({', '.join(BUILTIN)}) nor a "
                                  "file; set the plugin's `lexicon` to one of those or to a YAML file's path")]
        outside = outside_folder(root / spec, root)
        if outside:
            return None, [Problem("mkdocs.yml", 1, 1, "error",
                                  f"lexicon '{spec}' leads to {outside}, outside the archive's folder; only files "
                                  "of the archive are read: copy the lexicon into the archive")]
        raw = path.read_bytes()
    loaded, problems = load_yaml(raw, shown, max_bytes)
    if loaded is None:
        return None, problems
    problems = schemacheck.check("lexicon", loaded.data, loaded.positions, shown)
    if problems:
        return None, problems
    data = loaded.data
    terms = [Term(t["label"], f"{t['label']}: {t['range']}", "estimate", tuple(t["forms"])) for t in data["terms"]]
    if data.get("hedges") and data["hedges"]["forms"]:
        hedges = data["hedges"]
        terms.append(Term("hedge", hedges["meaning"], "hedge", tuple(hedges["forms"])))
    return Lexicon.build(data["name"], tuple(terms)), []
