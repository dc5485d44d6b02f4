"""The hand-written pages of ``docs/``: what may be published, and where they take a generated page's place.

Both engines publish ``docs/`` as it is, links followed; the plugin and ``briefings generate`` check it first
through the guard (:mod:`.guard`), so a link out of ``docs/`` (or into a hidden folder) is a problem naming
the file, reported with the archive's problems before anything is written. A hand-written page where the
plugin generates one is a problem too, not a failed build: the live preview keeps serving.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from ..core.problems import Problem
from .guard import folder_refusal, walk

#: The folders of docs/ the plugin's pages are in (see core/urls.py; tests/test_guard.py holds them to a build):
#: ``briefings check``, which renders nothing, renders the pages only when a hand-written file lies in one.
PAGE_FOLDERS = frozenset({"briefings", "sources", "entities", "claims", "tags", "figures", "timeline", "relations",
                          "compare", "changes"})


def docs_files(docs_dir: Path, root: Path, shown: Callable[[Path], str]) -> tuple[dict[str, Path], list[Problem]]:
    """The files of ``docs_dir`` that may be published, by their path in it, and a problem per refused one."""
    if reason := folder_refusal(docs_dir, root):
        return {}, [Problem(shown(docs_dir), 1, 1, "error", reason)]
    files: dict[str, Path] = {}
    problems = []
    for rel, path, reason in walk(docs_dir, shown):
        if reason is None:
            files[rel] = path
        else:
            problems.append(Problem(shown(path), 1, 1, "error", reason))
    return files, problems


def page_path(path: str, *, directory_urls: bool) -> str:
    """Where a generated page is written as a file of its own: at the folder of its address when addresses are
    folders (``briefings/<id>/index.md`` for ``briefings/<id>.md``); both are the same page to an engine."""
    if not directory_urls or path == "index.md" or path.endswith("/index.md"):
        return path
    return path[: -len(".md")] + "/index.md"


def taken_pages(hand: Mapping[str, Path], pages: Iterable[str], *, directory_urls: bool,
                shown: Callable[[Path], str]) -> list[Problem]:
    """A problem per hand-written file at the path (or the address) of a page the plugin generates."""
    problems = []
    for path in pages:
        for taken in dict.fromkeys((path, page_path(path, directory_urls=directory_urls))):
            if taken in hand:
                where = shown(hand[taken])
                problems.append(Problem(where, 1, 1, "error", f"{where} is written by hand, but the briefings "
                                        f"plugin generates that page; rename or remove {where}"))
    return sorted(problems)
