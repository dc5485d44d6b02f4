"""A site's overrides of the archive's HTML templates, read once per build through the guard.

A site replaces one of the package's templates (``briefing_archive/templates/``) by a file at the same relative
path under ``briefings/`` in its theme's ``custom_dir``, as Material's own partials are overridden. The files are
read here, each through :func:`.guard.read_bytes` (nothing outside the folder, no link out, nothing hidden), and
handed to the render stage as text: what a reviewer sees in the folder is what the build renders, and the preview
renders every page again when an override changes (the overrides are part of the build's inputs).
"""
from __future__ import annotations

from importlib import resources
from pathlib import Path

from ..core.config import ArchiveConfig
from ..core.problems import Problem
from .guard import Refused, read_bytes, walk

#: The folder, in the theme's ``custom_dir``, that holds the site's overrides of the archive's templates.
OVERRIDES = "briefings"
#: Template files by their kind: HTML fragments (autoescaped) and plain-text wording (tooltips, data).
SUFFIXES = (".html", ".txt")

#: A site's overrides: (template name, its text), sorted by name.
Overrides = tuple[tuple[str, str], ...]


def template_names() -> tuple[str, ...]:
    """The names of the package's templates (paths relative to its ``templates/`` folder), sorted."""
    names: list[str] = []

    def visit(folder: resources.abc.Traversable, prefix: str) -> None:
        for entry in folder.iterdir():
            if entry.is_dir():
                visit(entry, f"{prefix}{entry.name}/")
            elif entry.name.endswith(SUFFIXES):
                names.append(f"{prefix}{entry.name}")

    visit(resources.files("briefing_archive").joinpath("templates"), "")
    return tuple(sorted(names))


def read_overrides(config: ArchiveConfig) -> tuple[Overrides, list[Problem]]:
    """The overrides in ``config.templates_dir`` and the problems of reading them: a refused or unreadable file
    is an error; a file that overrides no template of the archive a warning (a misspelt name would otherwise be
    ignored without a word)."""
    folder = config.templates_dir
    if folder is None or not folder.is_dir():
        return (), []
    known = set(template_names())
    found: list[tuple[str, str]] = []
    problems: list[Problem] = []
    for name, path, refusal in walk(folder, config.display):
        shown = config.display(path)
        if refusal is not None:
            problems.append(Problem(shown, 1, 1, "error", refusal))
            continue
        if not name.endswith(SUFFIXES):
            continue
        if name not in known:
            problems.append(Problem(shown, 1, 1, "warning",
                                    f"this file overrides none of the archive's templates, so it is not used; name it "
                                    f"as one of them ({', '.join(sorted(known))}) or move it out of "
                                    f"{config.display(folder)}/"))
            continue
        try:
            text = read_bytes(path, folder, config.display).decode("utf-8")
        except Refused as exc:
            problems.append(Problem(shown, 1, 1, "error", str(exc)))
            continue
        except UnicodeDecodeError as exc:
            problems.append(Problem(shown, 1, 1, "error",
                                    f"this template is not UTF-8 text (byte {exc.start}); save it as UTF-8"))
            continue
        except OSError as exc:
            problems.append(Problem(shown, 1, 1, "error", f"this template cannot be read ({exc.strerror}); fix its "
                                    "permissions or remove it"))
            continue
        found.append((name, text))
    return tuple(sorted(found)), problems


def templates_dir(custom_dir: str | Path | None) -> Path | None:
    """Where a theme's ``custom_dir`` keeps the overrides of the archive's templates (None without one)."""
    return None if not custom_dir else Path(custom_dir).resolve() / OVERRIDES
