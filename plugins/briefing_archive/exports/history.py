"""When each briefing file last changed, and when it entered the archive: from git history when there is one,
else its file time.

One ``git log`` for the whole folder (not one per file), so it stays fast at
thousands of briefings. Without git (an exported tarball), or for a file not yet committed, the file's
modification time is used, silently. Never the build time.
"""
from __future__ import annotations

import subprocess
from datetime import UTC, datetime
from pathlib import Path


def last_changed(files: list[Path]) -> dict[Path, datetime]:
    """Last commit time of each file, else its modification time (UTC)."""
    return file_times(files)[0]


def file_times(files: list[Path]) -> tuple[dict[Path, datetime], dict[Path, datetime]]:
    """(last commit time, first commit time: when it entered the archive) of each file, each else its
    modification time (UTC)."""
    last: dict[Path, datetime] = {}
    first: dict[Path, datetime] = {}
    if files:
        last, first = _git_times(files[0].parent, set(files))
    mtime = {f: datetime.fromtimestamp(f.stat().st_mtime, UTC) for f in files if f not in last or f not in first}
    return {f: last.get(f) or mtime[f] for f in files}, {f: first.get(f) or mtime[f] for f in files}


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
    out: dict[Path, datetime] = {}
    first: dict[Path, datetime] = {}
    when: datetime | None = None
    for line in log.stdout.splitlines():
        if line.startswith("\x00"):
            when = datetime.fromisoformat(line[1:])
        elif line and when is not None:
            path = (root / line).resolve()
            if path in wanted:
                if path not in out:   # newest first: the first mention is the last change
                    out[path] = when.astimezone(UTC)
                first[path] = when.astimezone(UTC)   # ... and the last mention the commit that added it
    return out, first
