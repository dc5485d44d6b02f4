"""Each file's check result kept on disk between runs, so `briefings check` re-reads only what changed.

An entry is keyed by the file's path and the digest of its bytes (and of its article's, for a
briefing), under a fingerprint of the settings and of the loader's own code: a change to either
starts afresh. Only files without problems are kept, and without their positions (most of the
bytes): a cross-file problem found later re-reads its file for them (:class:`LazyPositions`).

The cache is a pickle in the user's cache folder (``$BRIEFINGS_CACHE_DIR``, else
``$XDG_CACHE_HOME/briefing-archive``, else ``~/.cache/briefing-archive``), never in the archive:
a pickle from someone else's checkout could run code when read. ``BRIEFINGS_CACHE_DIR=off``
turns it off.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path
from typing import Any

from ..core.config import ArchiveConfig
from ..core.problems import Problem
from .yamlfile import LazyPositions

#: (kind, path, digest of the file's bytes) -> (the file's result, its article's path and digest)
Entries = dict[tuple[str, str, bytes | None], tuple[object, str | None, bytes | None]]
_PACKAGE = Path(__file__).resolve().parent.parent
_VERSION = 1


def cache_folder() -> Path | None:
    """Where caches are kept, or None when turned off."""
    chosen = os.environ.get("BRIEFINGS_CACHE_DIR")
    if chosen:
        return None if chosen == "off" else Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "briefing-archive"


def write_whole(file: Path, payload: object) -> None:
    """Pickle ``payload`` into ``file``, replacing it whole (a reader never sees half a file); a cache that cannot be
    written only costs the next run its time, so a failure is silent."""
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=file.parent, prefix=".tmp-")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(payload, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, file)
    except OSError:
        pass


def _fingerprint(config: ArchiveConfig) -> bytes:
    """What a cached result depends on besides its files: settings, folders and the loader's code."""
    code = sorted((p.relative_to(_PACKAGE).as_posix(), p.stat().st_mtime_ns, p.stat().st_size)
                  for p in _PACKAGE.rglob("*") if p.suffix in (".py", ".json", ".yml"))
    return hashlib.blake2b(repr((_VERSION, config, code)).encode(), digest_size=16).digest()


class DiskCache:
    """The entries of the last run for one archive; :meth:`save` writes this run's."""

    def __init__(self, config: ArchiveConfig) -> None:
        folder = cache_folder()
        name = hashlib.blake2b(str(config.root).encode(), digest_size=12).hexdigest()
        self.file = folder / f"{name}.pickle" if folder is not None else None
        self.fingerprint = _fingerprint(config) if self.file is not None else b""
        self.old: Entries = {}
        self.new: Entries = {}
        self.changed = False
        if self.file is not None:
            try:
                with open(self.file, "rb") as handle:
                    fingerprint, entries = pickle.load(handle)   # the user's own cache folder, never the archive
                if fingerprint == self.fingerprint:
                    self.old = entries
            except (OSError, EOFError, ValueError, TypeError, pickle.UnpicklingError, AttributeError,
                    ImportError, IndexError):
                self.old = {}

    def get(self, key: tuple[str, str, bytes | None]) -> tuple[object, str | None, bytes | None] | None:
        hit = self.old.get(key)
        if hit is not None:
            self.new[key] = hit
        return hit

    def put(self, key: tuple[str, str, bytes | None], parsed: tuple[Any, list[Problem], object], seed: str | None, seed_digest: bytes | None,
            max_bytes: int) -> None:
        """Keep one file's result (a file with problems is not kept: it is re-read and explained in full)."""
        doc = parsed[0]
        if doc is None or parsed[1]:
            return
        lazy = type(doc)(doc.id, doc.path, doc.data, LazyPositions(key[1], doc.path, max_bytes))
        self.new[key] = ((lazy, [], parsed[2]), seed, seed_digest)
        self.changed = True

    def save(self) -> None:
        """Write this run's entries (those of files gone or changed are dropped), replacing the file whole."""
        if self.file is None or (not self.changed and len(self.new) == len(self.old)):
            return
        write_whole(self.file, (self.fingerprint, self.new))
