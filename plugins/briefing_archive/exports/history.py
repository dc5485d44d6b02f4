"""When each briefing file last changed: from git history when there is one, else its file time.

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
    found: dict[Path, datetime] = {}
    if files:
        found = _git_times(files[0].parent, set(files))
    return {f: found.get(f) or datetime.fromtimestamp(f.stat().st_mtime, UTC) for f in files}


def first_committed(files: list[Path]) -> dict[Path, datetime]:
    """When each file entered the archive: its first commit's time (the same in every full clone), else its
    modification time (UTC; a file not yet committed, or no git)."""
    found: dict[Path, datetime] = {}
    if files:
        found = _git_times(files[0].parent, set(files), oldest=True)
    return {f: found.get(f) or datetime.fromtimestamp(f.stat().st_mtime, UTC) for f in files}


def _git_times(folder: Path, wanted: set[Path], *, oldest: bool = False) -> dict[Path, datetime]:
    try:
        top = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=folder, capture_output=True, text=True,
                             timeout=30, check=False)
        if top.returncode != 0:
            return {}
        log = subprocess.run(["git", "log", "--format=%x00%cI", "--name-only", "--", "."], cwd=folder,
                             capture_output=True, text=True, timeout=120, check=False)
    except (OSError, subprocess.SubprocessError):
        return {}
    root = Path(top.stdout.strip())
    out: dict[Path, datetime] = {}
    when: datetime | None = None
    for line in log.stdout.splitlines():
        if line.startswith("\x00"):
            when = datetime.fromisoformat(line[1:])
        elif line and when is not None:
            path = (root / line).resolve()
            if path in wanted and (oldest or path not in out):   # newest first: the last seen is the oldest
                out[path] = when.astimezone(UTC)
    return out
