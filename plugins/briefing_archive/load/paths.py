"""Only the archive is read: files must lie inside the folder they are read from.

A pull request can add a symbolic link as easily as a file. ``seeds/cfg.txt`` linked to
``../.git/config`` would publish a CI checkout's credentials as an article, so every file the
archive reads is resolved first, and one that resolves outside its folder is refused.
"""
from __future__ import annotations

import os
from pathlib import Path


def outside_folder(path: Path, folder: Path) -> str | None:
    """Where ``path`` really leads when that is outside ``folder`` (links followed), else None."""
    if path.parent == folder and not os.path.islink(path):
        return None   # a plain file listed in the folder lies where the folder really is (one lstat, not ten)
    real = Path(os.path.realpath(path))
    base = Path(os.path.realpath(folder))
    if real == base or base in real.parents:
        return None
    return real.as_posix()
