"""Load, validate, anchor and cross-check a whole archive folder.

One call, :func:`load_archive`, reads every file, collects *every* problem (not
only the first) and returns the archive only when there are no errors. It never
touches an engine: the MkDocs adapter and the command line both call it.
"""
from __future__ import annotations

import gc
from pathlib import Path

from ..core.config import ArchiveConfig
from ..core.model import Archive, Briefing
from ..core.problems import Problem
from ..core.schemas import KINDS
from .build import entity_of, source_of
from .crossref import grade_problems, reference_problems, rubric_problems
from .diskcache import DiskCache
from .files import Counter, Progress, load_kind
from .guard import folder_refusal
from .lexicon import load_lexicon
from .notelinks import note_reference_problems


def load_archive(config: ArchiveConfig, progress: Progress | None = None,
                 *, cache: bool = False) -> tuple[Archive | None, list[Problem]]:
    """Read and check the whole archive; return it (None when any error) and all problems.

    ``progress(done, total)`` is called as YAML files are read, for long runs. With ``cache``, files
    unchanged since the last such run are not read again (:mod:`.diskcache`).
    """
    # Loading allocates millions of small objects that all stay alive: the cyclic garbage collector
    # would only re-scan them again and again (superlinear at thousands of briefings), so pause it.
    enabled = gc.isenabled()
    gc.disable()
    try:
        archive, problems = _load(config, progress, cache=cache)
    finally:
        if enabled:
            gc.enable()
    # An article named by several briefings is read by each of them: report its problems once.
    return archive, list(dict.fromkeys(problems))


def _load(config: ArchiveConfig, progress: Progress | None, *, cache: bool) -> tuple[Archive | None, list[Problem]]:
    problems: list[Problem] = []
    if not config.briefings_dir.is_dir():
        problems.append(Problem(config.display(config.briefings_dir), 1, 1, "error",
                                "the briefings folder does not exist; create it or fix `briefings_dir` in mkdocs.yml"))
        return None, problems
    if not config.seeds_dir.is_dir():
        problems.append(Problem(config.display(config.seeds_dir), 1, 1, "error",
                                "the seeds folder does not exist; create it or fix `seeds_dir` in mkdocs.yml"))
        return None, problems

    for configured in (config.settings.briefings_dir, config.settings.seeds_dir):
        # ArchiveConfig holds the folders resolved: the folder as configured is the one a link may replace.
        if reason := folder_refusal(config.root / configured, config.root):
            problems.append(Problem(Path(configured).as_posix(), 1, 1, "error", reason))
    if problems:
        return None, problems
    lexicon, lexicon_problems = load_lexicon(config.lexicon, config.root, config.max_yaml_bytes)
    problems.extend(lexicon_problems)
    counter = Counter(config, progress)
    built: dict[str, Briefing | None] = {}
    broken: dict[str, set[str]] = {kind: set() for kind in KINDS}
    disk = DiskCache(config) if cache else None
    docs = {kind: load_kind(config, kind, problems, counter, built, broken[kind], disk) for kind in KINDS}
    if disk is not None:
        disk.save()
    # A document with faults has its well-typed parts checked (references below) but is never built.
    sources = {d.id: source_of(d) for d in docs["source"] if not d.faults}
    problems.extend(rubric_problems([d for d in docs["source"] if not d.faults]))
    entities = {d.id: entity_of(d) for d in docs["entity"] if not d.faults}
    briefings = [b for d in docs["briefing"] if (b := built.get(d.id)) is not None]

    # Only files whose own shape was valid reach here; now check every id they name. A file that exists
    # but is broken is still known by its id: its own errors say what is wrong, nothing else does.
    problems.extend(reference_problems(docs, sources, entities, broken))
    problems.extend(note_reference_problems(docs, broken["briefing"]))
    briefings.sort(key=lambda b: b.id)
    docs_by_id = {d.id: d for d in docs["briefing"]}
    # The credibility rule and independence read related claims and their sources: with errors, only
    # what rests on valid files is judged, so none of their messages is a consequence of another file's.
    if any(p.severity == "error" for p in problems) or lexicon is None:
        faulty = {p.path for p in problems if p.severity == "error"}
        partial = Archive(tuple(b for b in briefings if docs_by_id[b.id].path not in faulty),
                          {d.id: sources[d.id] for d in docs["source"] if d.path not in faulty and d.id in sources})
        return None, problems + grade_problems(partial, docs_by_id, complete=False)
    archive = Archive(tuple(briefings), dict(sorted(sources.items())), dict(sorted(entities.items())), lexicon)
    problems.extend(grade_problems(archive, docs_by_id))
    if any(p.severity == "error" for p in problems):
        return None, problems
    return archive, problems
