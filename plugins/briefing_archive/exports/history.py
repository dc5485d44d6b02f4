"""When each briefing file last changed: from the archive's git history when there is one, else its file time.

The commits come from the load stage's one pass over the history (:mod:`briefing_archive.load.history`), not a
``git log`` of its own. Without git (an exported tarball) the file's modification time is used, silently. Never
the build time.
"""
from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from ..core.history import ArchiveHistory
from ..core.model import Archive


def last_changed(briefings_dir: Path, archive: Archive, history: ArchiveHistory) -> dict[str, datetime]:
    """Briefing id -> the last commit time of its file, else the file's modification time (UTC)."""
    return {b.id: datetime.fromisoformat(history.changed[b.id]).astimezone(UTC) if b.id in history.changed
            else datetime.fromtimestamp((briefings_dir / f"{b.id}.yml").stat().st_mtime, UTC)
            for b in archive.briefings}
