"""When each briefing file entered the archive and last changed: from git history when there is one, else its
file time.

One ``git log`` for the whole folder (not one per file), so it stays fast at
thousands of briefings. Without git (an exported tarball) the file's modification
time is used, silently. Never the build time.
"""
from __future__ import annotations

import subprocess
from datetime import UTC, datetime
from pathlib import Path


def last_changed(files: list[Path]) -> dict[Path, datetime]:
    """Last commit time of each file, else its modification time (UTC)."""
    return {f: changed for f, (_, changed) in dates(files).items()}


def dates(files: list[Path]) -> dict[Path, tuple[datetime, datetime]]:
    """(first, last) commit time of each file, else its modification time twice (UTC): when it entered the archive
    and when it last changed, from the one ``git log``."""
    newest: dict[Path, datetime] = {}
    oldest: dict[Path, datetime] = {}
    if files:
        newest, oldest = _git_times(files[0].parent, set(files))
    out = {}
    for f in files:
        changed = newest.get(f) or datetime.fromtimestamp(f.stat().st_mtime, UTC)
        out[f] = (oldest.get(f) or changed, changed)
    return out


def _git_times(folder: Path, wanted: set[Path]) -> tuple[dict[Path, datetime], dict[Path, datetime]]:
    try:
        top = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=folder, capture_output=True, text=True,
                             timeout=30, check=False)
        if top.returncode != 0:
            return {}, {}
        log = subprocess.run(["git", "log", "--format=%x00%cI", "--name-only", "--", "."], cwd=folder,
                             capture_output=True, text=True, timeout=120, check=False)
    except (OSError, subprocess.SubprocessError):
        return {}, {}
    root = Path(top.stdout.strip())
    out: dict[Path, datetime] = {}     # newest first: the first time a file is seen is its last change
    first: dict[Path, datetime] = {}   # each later time seen replaces the one before: the oldest is left
    when: datetime | None = None
    for line in log.stdout.splitlines():
        if line.startswith("\x00"):
            when = datetime.fromisoformat(line[1:])
        elif line and when is not None:
            path = (root / line).resolve()
            if path in wanted:
                out.setdefault(path, when.astimezone(UTC))
                first[path] = when.astimezone(UTC)
    return out, first
