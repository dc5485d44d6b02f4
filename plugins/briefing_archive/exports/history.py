"""When each briefing file last changed and when it entered the archive: from the archive's git history when
there is one, else its file time.

The commits come from the load stage's one pass over the history (:mod:`briefing_archive.load.history`), not a
``git log`` of its own. Without git (an exported tarball), or for a file not yet committed, the file's modification
time is used, silently. Never the build time.
"""
from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path

from ..core.dates import instant
from ..core.history import ArchiveHistory
from ..core.model import Archive


def last_changed(briefings_dir: Path, archive: Archive, history: ArchiveHistory) -> dict[str, datetime]:
    """Briefing id -> the last commit time of its file, else the file's modification time (UTC)."""
    return file_times(briefings_dir, archive, history)[0]


def file_times(briefings_dir: Path, archive: Archive,
               history: ArchiveHistory) -> tuple[dict[str, datetime], dict[str, datetime]]:
    """Briefing id -> (its file's last commit time, its first: when it entered the archive), each else the file's
    modification time (UTC)."""
    def when(dates: Mapping[str, str], bid: str) -> datetime:
        if bid in dates:
            return instant(dates[bid])
        return datetime.fromtimestamp((briefings_dir / f"{bid}.yml").stat().st_mtime, UTC)
    return ({b.id: when(history.changed, b.id) for b in archive.briefings},
            {b.id: when(history.entered, b.id) for b in archive.briefings})
