"""Find an archive's files and parse them: in worker processes when many, from a cache when unchanged.

Each file stands alone until the cross-file checks, so parsing, schema checks and anchoring run
per file (:func:`parse_file`), in a process pool for large archives, and a long-running preview
re-reads only files whose bytes (or whose article's bytes) changed.
"""
from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..core.config import ArchiveConfig
from ..core.ids import RESERVED, is_id
from ..core.model import Article, Briefing
from ..core.problems import Problem
from ..core.schemas import KINDS
from . import schema
from .build import briefing_of
from .diskcache import DiskCache
from .documents import Document, check_values
from .drafts import no_claims_problem, placeholder_problems
from .guard import Refused, read_bytes, refusal
from .yamlfile import LazyPositions, load_yaml

Progress = Callable[[int, int], None]


def folder_of(config: ArchiveConfig, kind: str) -> Path:
    return {"briefing": config.briefings_dir, "source": config.briefings_dir / "sources",
            "entity": config.briefings_dir / "entities"}[kind]


class Counter:
    """Counts YAML files read, for a progress display; free when nobody listens."""

    def __init__(self, config: ArchiveConfig, progress: Progress | None) -> None:
        self.progress = progress
        self.done = 0
        self.total = 0
        if progress is not None:
            self.total = sum(1 for kind in KINDS if folder_of(config, kind).is_dir()
                             for p in folder_of(config, kind).glob("*.yml"))

    def tick(self) -> None:
        if self.progress is not None:
            self.done += 1
            self.progress(self.done, self.total)


def load_kind(config: ArchiveConfig, kind: str, problems: list[Problem], counter: Counter,
              built: dict[str, Briefing | None], broken: set[str], disk: DiskCache | None = None) -> list[Document]:
    """Load every file of one kind; for briefings, also read their articles and anchor them
    (``built``), all in worker processes when the archive is large.

    ``broken`` receives the ids of files that exist but could not be read as this kind (bad YAML or
    shape, ``.yaml``, a link outside): the rest of the archive still knows them, so a reference to
    one is not reported as missing (one cause, one message: the file's own). A file with values of
    the wrong shape is among them, and among the documents too (with its ``faults``), so the ids its
    well-typed parts name are still checked.
    """
    folder = folder_of(config, kind)
    if not folder.is_dir():
        return []
    if kind != "briefing" and (reason := refusal(folder, config.briefings_dir, config.display)):
        # Profiles are read from inside briefings/: a linked sources/ or entities/ is not read at all.
        problems.append(Problem(config.display(folder), 1, 1, "error", reason))
        broken.update(p.stem for p in folder.glob("*.yml"))   # named only: one cause, one message
        return []
    wanted = _wanted(config, kind, folder, problems, broken)
    # A long-running process (mkdocs serve) re-checks only files whose bytes (or whose article) changed; the
    # command line keeps the same results on disk between runs (``disk``).
    digests: dict[Path, bytes | None] = {}
    cached, keys = _from_caches(config, kind, wanted, disk, digests)
    fresh = iter(_parse_all([(path, shown, kind, config) for i, (path, shown) in enumerate(wanted)
                             if i not in cached]))
    results = [cached[i] if i in cached else next(fresh) for i in range(len(wanted))]
    _remember(config, kind, wanted, keys, results, cached, disk, digests)
    docs = []
    for (path, _), (doc, found, briefing) in zip(wanted, results, strict=True):
        counter.tick()
        problems.extend(found)
        if doc is None:
            broken.add(path.stem)
        else:
            if doc.faults:   # its well-typed parts are checked, but it is not built: to others it is broken
                broken.add(path.stem)
            docs.append(doc)
            if kind == "briefing":   # ids of different kinds may coincide: a source never replaces a briefing
                built[doc.id] = briefing
    return docs


def _wanted(config: ArchiveConfig, kind: str, folder: Path, problems: list[Problem],
            broken: set[str]) -> list[tuple[Path, str]]:
    """The folder's files to read as ``kind`` (path, as shown); what else is there is said in ``problems``."""
    wanted: list[tuple[Path, str]] = []
    for path in sorted(folder.iterdir()):
        shown = config.display(path)
        if path.name.startswith(".") or path.is_dir():
            if path.is_dir() and not (kind == "briefing" and path.name in ("sources", "entities")):
                problems.append(Problem(shown, 1, 1, "warning", "this folder is not part of the archive and is "
                                        "ignored; briefings go in briefings/, profiles in briefings/sources/ "
                                        "and briefings/entities/"))
            continue
        if path.suffix != ".yml":
            if path.suffix == ".yaml" and is_id(path.stem) and path.stem not in RESERVED:
                broken.add(path.stem)
            problems.append(Problem(shown, 1, 1, "warning" if path.suffix != ".yaml" else "error",
                                    f"only .yml files are read here; rename it to {path.stem}.yml"
                                    + ("" if path.suffix == ".yaml" else " or move it out of the archive")))
            continue
        if not is_id(path.stem):
            problems.append(Problem(shown, 1, 1, "error",
                                    f"file name '{path.stem}' is not a valid id; rename the file using only "
                                    "lower-case letters a-z, digits and '-' (at most 64 characters)"))
            continue
        if path.stem in RESERVED:
            problems.append(Problem(shown, 1, 1, "error", f"'{path.stem}' is reserved for the site's {kind} index "
                                    f"page; rename the file (e.g. {path.stem}-1.yml)"))
            continue
        if reason := refusal(path, config.briefings_dir, config.display):
            broken.add(path.stem)
            problems.append(Problem(shown, 1, 1, "error", reason))
            continue
        wanted.append((path, shown))
    return wanted


def _from_caches(config: ArchiveConfig, kind: str, wanted: list[tuple[Path, str]], disk: DiskCache | None,
                 digests: dict[Path, bytes | None]) -> tuple[dict[int, Parsed], list[CacheKey | None]]:
    """The results still valid in the process's cache or on disk (by index in ``wanted``), and each file's key
    in the process's cache (None when it keeps none)."""
    cached: dict[int, Parsed] = {}
    keys: list[CacheKey | None] = []
    for i, (path, _) in enumerate(wanted):
        digest = _digest_of(path, digests) if config.reuse or disk is not None else None
        key = (kind, str(path), config, digest) if config.reuse else None
        keys.append(key)
        hit = _CACHE.get(key) if key is not None else None
        if hit is not None and (hit.seed is None or _digest_of(hit.seed, digests) == hit.seed_digest):
            cached[i] = hit.parsed
        elif disk is not None and (stored := disk.get((kind, str(path), digest))) is not None:
            kept, kept_seed, kept_digest = stored
            if kept_seed is None or _digest_of(Path(kept_seed), digests) == kept_digest:
                cached[i] = kept  # type: ignore[assignment]
    return cached, keys


def _parse_all(jobs: list[tuple[Path, str, str, ArchiveConfig]]) -> list[Parsed]:
    if len(jobs) >= PARALLEL_AFTER and (os.cpu_count() or 1) > 1:
        # Parsing is the bulk of a large check and each file stands alone: use every core.
        import multiprocessing  # here: a run that reads few files (a warm cache) does not pay for importing it
        from concurrent.futures import ProcessPoolExecutor

        workers = min(os.cpu_count() or 1, 4)
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            return list(pool.map(parse_file, jobs, chunksize=max(1, len(jobs) // (workers * 4))))
    return [parse_file(job) for job in jobs]


def _remember(config: ArchiveConfig, kind: str, wanted: list[tuple[Path, str]], keys: list[CacheKey | None],
              results: list[Parsed], cached: dict[int, Parsed], disk: DiskCache | None,
              digests: dict[Path, bytes | None]) -> None:
    """Keep the results of files without problems for the next run: in the process (``config.reuse``), on
    ``disk`` (what was not read from it)."""
    next_cache = {k: v for k, v in _CACHE.items() if k[0] != kind}
    for i, ((path, _), key, parsed) in enumerate(zip(wanted, keys, results, strict=True)):
        if parsed[1] or (key is None and (disk is None or i in cached)):
            continue
        briefing = parsed[2]
        seed = config.seeds_dir / briefing.article.file if briefing is not None else None
        seed_digest = _digest_of(seed, digests) if seed else None
        if key is not None:
            next_cache[key] = _Cached(parsed, seed, seed_digest)
        if disk is not None and i not in cached:
            disk.put((kind, str(path), _digest_of(path, digests)), parsed, str(seed) if seed else None, seed_digest,
                     config.max_yaml_bytes)
    if config.reuse:
        _CACHE.clear()
        _CACHE.update(next_cache)


PARALLEL_AFTER = 300   # files of one kind; below this a process pool costs more than it saves
#: One file's result: its document (None when it could not be read), its problems, and for a briefing
#: the model (None when it has errors).
Parsed = tuple[Document | None, list[Problem], Briefing | None]
#: (kind, path, config, digest of the file's bytes)
CacheKey = tuple[str, str, ArchiveConfig, bytes | None]


@dataclass(frozen=True)
class _Cached:
    parsed: Parsed
    seed: Path | None                 # a briefing's article, whose bytes must not have changed either
    seed_digest: bytes | None


_CACHE: dict[CacheKey, _Cached] = {}   # the last run's results


def _digest_of(path: Path, known: dict[Path, bytes | None]) -> bytes | None:
    """The digest of a file, read once per load (an article named by several briefings, a file cached)."""
    if path not in known:
        known[path] = _digest(path)
    return known[path]


def _digest(path: Path) -> bytes | None:
    try:
        return hashlib.blake2b(path.read_bytes(), digest_size=16).digest()
    except OSError:
        return None


def parse_file(job: tuple[Path, str, str, ArchiveConfig]) -> Parsed:
    """Read, parse and check one YAML file; a briefing is also anchored in its article.

    Runs in a worker process for large archives, so it depends on nothing but its arguments.
    """
    path, shown, kind, config = job
    try:
        raw = read_bytes(path, config.briefings_dir, config.display)
    except Refused as exc:
        return None, [Problem(shown, 1, 1, "error", str(exc))], None
    except OSError as exc:
        return None, [Problem(shown, 1, 1, "error", f"cannot read the file ({exc.strerror}); "
                                                    "check its permissions")], None
    loaded, found = load_yaml(raw, shown, config.max_yaml_bytes)
    if loaded is None:
        return None, found, None
    faults = set(loaded.faults)
    if kind == "briefing":
        # Placeholders first: a placeholder chain is one message, not also a bad id and an unknown source.
        drafted, placeholders = placeholder_problems(loaded.data, loaded.positions, shown)
        found += drafted
        faults |= placeholders
    shape, bad = schema.check_parts(kind, loaded.data, loaded.positions, shown, frozenset(faults))
    found += shape
    if not isinstance(loaded.data, dict):
        return None, found, None
    # What is well-typed is still checked (values, quotes, and later the ids it names): one run says it all.
    doc = Document(path.stem, shown, loaded.data, loaded.positions, frozenset(faults | bad))
    found += check_values(kind, doc)
    briefing = None
    if kind == "briefing":
        seeds: dict[str, Article | None] = {}
        briefing = briefing_of(doc, config, seeds, found)
        article = seeds.get(doc.get(("article",), str) or "")
        unfinished = no_claims_problem(doc, article) if article is not None else None
        found += [unfinished] if unfinished else []
        if any(p.severity == "error" for p in found):
            briefing = None
    found.sort()   # the file's problems in the order of its lines
    if not found:
        # Positions are most of a parsed file's memory (and of what a worker sends back), and a file without
        # problems of its own needs them only if a cross-file check finds one later: then it is read again.
        doc = Document(doc.id, doc.path, doc.data, LazyPositions(str(path), shown, config.max_yaml_bytes))
    return doc, found, briefing


