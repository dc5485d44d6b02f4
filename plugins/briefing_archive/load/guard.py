"""The one guarded reader: a file is read or published only from inside the folder it belongs to.

A pull request can add a symbolic link as easily as a file: ``docs/leak.txt -> ../.git/config`` would publish
a CI checkout's credentials, ``docs/git -> ../.git`` all of ``.git``, and a linked ``seeds/`` folder lets the
archive read anything. Format v1.2 ("Inputs"): a file is read or published only if it, and every folder between
it and the folder it is read from, resolves inside that folder, never from a hidden folder; the folder itself
lies inside the project. Every reader of the build and of the command line asks here (:func:`refusal`,
:func:`read_bytes`, :func:`walk`), so the rule has one place and one wording.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

FIX = "only files of the archive are read and published: replace the link by the file itself, or remove it"


class Refused(OSError):
    """A file the guard does not let anyone read; the message says what and how to fix it."""


def _inside(real: Path, base: Path) -> bool:
    return real == base or base in real.parents


def _hidden(parts: tuple[str, ...]) -> str | None:
    return next((part for part in parts if part.startswith(".") and part not in (".", "..")), None)


def folder_refusal(folder: Path, root: Path) -> str | None:
    """Why no file may be read from ``folder`` (as configured, links not followed yet), or None: it must
    resolve inside the project folder ``root``, and not into a hidden folder of it."""
    real, base = Path(os.path.realpath(folder)), Path(os.path.realpath(root))
    if not _inside(real, base):
        return (f"this folder leads to {real.as_posix()}, outside the project folder {base.as_posix()}; the "
                "archive reads only its own folders: replace the link by the folder itself or fix the setting "
                "in mkdocs.yml")
    if hidden := _hidden(real.relative_to(base).parts):
        return (f"this folder leads into the hidden folder {hidden} ({real.as_posix()}); nothing is read from "
                "hidden folders: replace the link by the folder itself or fix the setting in mkdocs.yml")
    return None


def refusal(path: Path, folder: Path, shown: Callable[[Path], str]) -> str | None:
    """Why ``path`` (a path under ``folder``, links not followed yet) may not be read, or None.

    Each step from ``folder`` down to the file is checked, so a linked folder above the file is caught as
    surely as a linked file: whatever is a link must resolve inside ``folder``'s real place and outside
    hidden folders; a name that is not a link lies where its (checked) parent really is.
    """
    try:
        rel = path.relative_to(folder)
    except ValueError:
        return f"this file is not in {shown(folder)}/; {FIX}"
    base = Path(os.path.realpath(folder))
    current = folder
    for i, part in enumerate(rel.parts):
        current = current / part
        last = i == len(rel.parts) - 1 and not os.path.isdir(current)
        what = "this file" if last else f"the folder {shown(current)}"
        if part == "..":
            return f"this path leads out of {shown(folder)}/ with '..'; name a file inside {shown(folder)}/"
        if part.startswith("."):
            return (f"{what} is hidden (its name starts with '.'); nothing is read from hidden files or folders: "
                    "rename it or move it out")
        if not os.path.islink(current):
            continue
        real = Path(os.path.realpath(current))
        if not _inside(real, base):
            return f"{what} is a link to {real.as_posix()}, outside {shown(folder)}/; {FIX}"
        if hidden := _hidden(real.relative_to(base).parts):
            return f"{what} is a link into the hidden folder {hidden} ({real.as_posix()}); {FIX}"
    return None


def read_bytes(path: Path, folder: Path, shown: Callable[[Path], str]) -> bytes:
    """The bytes of ``path`` if the guard lets it be read from ``folder``; else :class:`Refused`.

    The file opened is the one checked: its real path, with no link followed at its last step.
    """
    if reason := refusal(path, folder, shown):
        raise Refused(reason)
    fd = os.open(os.path.realpath(path), os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    with os.fdopen(fd, "rb") as handle:
        return handle.read()


def walk(folder: Path, shown: Callable[[Path], str]) -> Iterator[tuple[str, Path, str | None]]:
    """Every file of ``folder`` as ``(path in it, path, refusal or None)``, as a docs folder is published.

    Hidden files and folders are skipped, as the engines skip them. A refused folder (a link outside or into
    a hidden folder, or back to a folder above it, which would publish it again and again) is one refusal,
    named by the folder, and is not entered.
    """
    base = Path(os.path.realpath(folder))

    def visit(current: Path, rel: str, seen: frozenset[Path]) -> Iterator[tuple[str, Path, str | None]]:
        try:
            names = sorted(os.listdir(current))
        except OSError:
            return
        for name in names:
            if name.startswith("."):
                continue
            path, inner = current / name, f"{rel}{name}"
            if os.path.isdir(path):
                reason = refusal(path, folder, shown)
                real = Path(os.path.realpath(path))
                if reason is None and real in seen:
                    reason = (f"the folder {shown(path)} is a link to a folder above it, which would publish it "
                              f"again and again; {FIX}")
                if reason is not None:
                    yield inner + "/", path, reason
                else:
                    yield from visit(path, inner + "/", seen | {real})
            elif os.path.isfile(path):
                yield inner, path, refusal(path, folder, shown)
            elif os.path.islink(path) and (reason := refusal(path, folder, shown)):
                yield inner, path, reason   # a link to nothing (yet) outside is refused all the same

    if folder.is_dir():
        yield from visit(folder, "", frozenset({base}))
