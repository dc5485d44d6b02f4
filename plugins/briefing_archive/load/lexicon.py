"""Read the estimative-language lexicon: a built-in one by name, or an archive's own YAML file.

The PHIA yardstick is the default and ICD 203 the alternative; a custom file is
validated by ``schema/lexicon.schema.json`` like every other input.
"""
from __future__ import annotations

from importlib import resources
from pathlib import Path

from ..core.lexicon import Lexicon, Term
from ..core.problems import Problem
from . import schema
from .guard import Refused, read_bytes
from .yamlfile import load_yaml

BUILTIN = ("phia", "icd203")


def load_lexicon(spec: str, root: Path, max_bytes: int) -> tuple[Lexicon | None, list[Problem]]:
    """Load a built-in lexicon by name, or a YAML file by path relative to ``root``."""
    if spec in BUILTIN:
        raw = resources.files("briefing_archive").joinpath(f"lexicons/{spec}.yml").read_bytes()
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
        try:
            raw = read_bytes(root / spec, root, lambda p: p.relative_to(root).as_posix())
        except Refused as exc:
            return None, [Problem("mkdocs.yml", 1, 1, "error", f"lexicon '{spec}': {exc}")]
        except OSError as exc:
            return None, [Problem(shown, 1, 1, "error", f"cannot read the lexicon ({exc.strerror}); "
                                  "check its permissions")]
    loaded, problems = load_yaml(raw, shown, max_bytes)
    if loaded is None:
        return None, problems
    data, problems = schema.checked("lexicon", loaded, shown)
    if data is None:
        return None, problems
    terms = [Term(t["label"], f"{t['label']}: {t['range']}", "estimate", tuple(t["forms"])) for t in data["terms"]]
    if data.get("hedges") and data["hedges"]["forms"]:
        hedges = data["hedges"]
        terms.append(Term("hedge", hedges["meaning"], "hedge", tuple(hedges["forms"])))
    return Lexicon.build(data["name"], tuple(terms)), []
