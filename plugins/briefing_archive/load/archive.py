"""Load, validate, anchor and cross-check a whole archive folder.

One call, :func:`check_archive` (or :func:`load_archive`, without the judgement), reads every file, collects
*every* problem (not only the first) and returns the archive only when there are no errors, with what the
credibility rule made of it: the check needs the relations both ways and each claim's ceiling for its warnings,
and hands them forward so that the derive stage does not compute them again. It never touches an engine: the
MkDocs adapter and the command line both call it.
"""
from __future__ import annotations

import gc
from pathlib import Path
from typing import NamedTuple

from ..core.config import ArchiveConfig
from ..core.model import Archive, Briefing
from ..core.problems import Problem
from ..core.rule import Judgement, judge
from ..core.schemas import KINDS
from .build import entity_of, source_of
from .crossref import grade_problems, reference_problems, rubric_problems
from .diskcache import DiskCache
from .files import Counter, Progress, load_kind
from .guard import folder_refusal
from .lexicon import load_lexicon
from .notelinks import note_reference_problems


class Checked(NamedTuple):
    """What :func:`check_archive` found."""

    archive: Archive | None       # None when any error
    problems: list[Problem]
    judged: Judgement | None      # the rule's judgement of ``archive`` (its warnings read it); None with it


def load_archive(config: ArchiveConfig, progress: Progress | None = None,
                 *, cache: bool = False) -> tuple[Archive | None, list[Problem]]:
    """Read and check the whole archive; return it (None when any error) and all problems (see
    :func:`check_archive`)."""
    archive, problems, _ = check_archive(config, progress, cache=cache)
    return archive, problems


def check_archive(config: ArchiveConfig, progress: Progress | None = None, *, cache: bool = False) -> Checked:
    """Read and check the whole archive: it (None when any error), all problems, and the rule's judgement of it
    (:func:`~briefing_archive.core.rule.judge`), which the derive stage takes rather than judging again.

    ``progress(done, total)`` is called as YAML files are read, for long runs. With ``cache``, files
    unchanged since the last such run are not read again (:mod:`.diskcache`).
    """
    # Loading allocates millions of small objects that all stay alive: the cyclic garbage collector
    # would only re-scan them again and again (superlinear at thousands of briefings), so pause it.
    enabled = gc.isenabled()
    gc.disable()
    try:
        archive, problems, judged = _load(config, progress, cache=cache)
    finally:
        if enabled:
            gc.enable()
    # An article named by several briefings is read by each of them: report its problems once.
    return Checked(archive, list(dict.fromkeys(problems)), judged)


def _load(config: ArchiveConfig, progress: Progress | None, *, cache: bool) -> Checked:
    problems: list[Problem] = []
    if not config.briefings_dir.is_dir():
        problems.append(Problem(config.display(config.briefings_dir), 1, 1, "error",
                                "the briefings folder does not exist; create it or fix `briefings_dir` in mkdocs.yml"))
        return Checked(None, problems, None)
    if not config.seeds_dir.is_dir():
        problems.append(Problem(config.display(config.seeds_dir), 1, 1, "error",
                                "the seeds folder does not exist; create it or fix `seeds_dir` in mkdocs.yml"))
        return Checked(None, problems, None)

    for configured in (config.settings.briefings_dir, config.settings.seeds_dir):
        # ArchiveConfig holds the folders resolved: the folder as configured is the one a link may replace.
        if reason := folder_refusal(config.root / configured, config.root):
            problems.append(Problem(Path(configured).as_posix(), 1, 1, "error", reason))
    if problems:
        return Checked(None, problems, None)
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
        return Checked(None, problems + grade_problems(partial, docs_by_id, None), None)
    archive = Archive(tuple(briefings), dict(sorted(sources.items())), dict(sorted(entities.items())), lexicon)
    judged = judge(archive)
    problems.extend(grade_problems(archive, docs_by_id, judged))
    if any(p.severity == "error" for p in problems):
        return Checked(None, problems, None)
    return Checked(archive, problems, judged)
