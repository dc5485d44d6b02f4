"""The subcommands of ``briefings``: each reads the archive through the same loader as the build."""
from __future__ import annotations

import argparse
import json
import os
from dataclasses import replace
from importlib import resources
from pathlib import Path

from ..core.config import ArchiveConfig
from ..core.ids import RESERVED, is_id
from ..core.model import Archive
from ..core.positions import line_col
from ..core.problems import Problem
from ..core.rule import Judgement
from ..derive.sides import HEADINGS, side_cells, side_table
from ..load.archive import check_archive, load_archive
from ..load.docs import PAGE_FOLDERS, docs_files, taken_pages
from ..load.guard import folder_refusal
from ..load.settings import find_config_file
from ..load.siteconfig import site_options
from .console import Console
from .pin import PinError, set_sha256
from .scaffold import default_id, scaffold


def sides_text(archive: Archive, judged: Judgement) -> str:
    """The per-side table as aligned plain text (the methodology page shows the same rows), from the standings
    the check judged (``judged``): ``check`` has no build, and judges nothing twice."""
    rows = [HEADINGS, *(side_cells(row) for row in side_table(archive, judged.standings))]
    widths = [max(len(r[i]) for r in rows) for i in range(len(HEADINGS))]
    return "\n".join("  ".join(cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in
                                enumerate(zip(r, widths, strict=True))).rstrip() for r in rows)


def run_check(config: ArchiveConfig, args: argparse.Namespace, console: Console) -> int:
    archive, problems, judged = check_archive(config, console.progress, cache=True)
    site = site_options(find_config_file(config.root))
    hand, docs = docs_files(site.docs_dir, config.root, config.display)
    if archive is not None and any(rel.split("/")[0] in PAGE_FOLDERS for rel in hand):
        # Imported here: a check loads the renderer only when a hand-written page may take a generated one's place.
        from ..render.pages import render_pages
        docs += taken_pages(hand, render_pages(archive, directory_urls=site.use_directory_urls,
                                               excerpts=config.excerpts, judged=judged),
                            directory_urls=site.use_directory_urls, shown=config.display)
    if any(p.severity == "error" for p in docs):
        archive = None   # the build would fail: so does the check
    problems = [*docs, *problems]
    errors = sum(p.severity == "error" for p in problems)
    if args.format == "json":
        print(json.dumps([p.__dict__ for p in problems], indent=2))
    else:
        for p in problems:
            console.problem(p)
        if archive is not None:
            claims = sum(len(b.claims) for b in archive.briefings)
            console.note(f"{len(archive.briefings)} briefings, {claims} claims, {len(archive.sources)} sources, "
                         f"{len(archive.entities)} entities: "
                         + ("no problems" if not problems else f"{len(problems) - errors} warning(s)"))
        else:
            console.note(f"{errors} error(s), {len(problems) - errors} warning(s)")
        if args.sides and archive is not None and judged is not None:
            print(sides_text(archive, judged))
    return 1 if archive is None or (args.strict and problems) else 0


def run_new(config: ArchiveConfig, args: argparse.Namespace, console: Console) -> int:
    for configured in (config.settings.seeds_dir, config.settings.briefings_dir):
        if reason := folder_refusal(config.root / configured, config.root):
            console.problem(Problem(Path(configured).as_posix(), 1, 1, "error", reason))
            return 1
    seed = Path(args.seed)   # resolved below: only a file whose real place is in seeds/ itself is read
    if not seed.is_absolute() and not seed.exists():
        seed = config.root / seed
    seed = seed.resolve()
    if not seed.is_file():
        console.note(f"briefings: error: {args.seed}: no such article; give the path of a file in "
                     f"{config.display(config.seeds_dir)}/")
        return 2
    if seed.parent != config.seeds_dir:
        console.note(f"briefings: error: {args.seed} is not in {config.display(config.seeds_dir)}/; "
                     "copy the article there first (briefings name a file of that folder)")
        return 2
    ident = args.id or default_id(seed)
    if not is_id(ident) or ident in RESERVED:
        console.note(f"briefings: error: {ident!r} is not a valid briefing id; use lower-case letters, digits and "
                     "'-' (at most 64 characters; 'index' is reserved)")
        return 2
    target = config.briefings_dir / f"{ident}.yml"
    if target.exists():
        console.note(f"briefings: error: {config.display(target)} already exists; it was left as it was "
                     "(choose another --id to start a second briefing)")
        return 1
    schema_file = Path(str(resources.files("briefing_archive").joinpath("schema", "briefing.schema.json")))
    schema_ref = os.path.relpath(schema_file, config.briefings_dir)
    try:
        text = scaffold(seed, Path(schema_ref).as_posix())
    except ValueError as exc:
        console.note(f"briefings: error: {args.seed}: {exc}")
        return 1
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "x", encoding="utf-8") as handle:   # "x": never overwrite, even in a race
        handle.write(text)
    todo = text.count("#  - id: claim-")
    console.note(f"wrote {config.display(target)}: {todo} TODO claim(s) for the attributed sentences; "
                 "fill it in, then run `briefings check`")
    return 0


def run_coverage(config: ArchiveConfig, args: argparse.Namespace, console: Console) -> int:
    from ..derive.coverage import coverage, unused  # here, so that `briefings check` does not import it

    archive, problems = load_archive(config, console.progress, cache=True)
    if archive is None:
        for p in problems:
            console.problem(p)
        console.note("coverage needs a valid archive: fix the errors first")
        return 1
    below = False
    for cov in coverage(archive):
        total = len(cov.covered) + len(cov.uncovered)
        print(f"{cov.briefing.id}: {len(cov.covered)}/{total} attributed sentences covered by claims or warnings "
              f"({cov.percent:.0f}%)")
        for s in cov.uncovered:
            line, _ = line_col(cov.briefing.article.text, s.start)
            shown = s.text if len(s.text) <= 100 else s.text[:99] + "\u2026"
            print(f"  not covered: {config.display(config.seeds_dir / cov.briefing.article.file)}:{line}: {shown}")
        if args.min is not None and cov.percent < args.min:
            below = True
    sources, entities = unused(archive)
    if sources:
        print("sources no claim uses: " + ", ".join(sources))
    if entities:
        print("entities no claim names: " + ", ".join(entities))
    if below:
        console.note(f"coverage is below {args.min:g}% for at least one briefing")
    return 1 if below else 0


def run_pin(config: ArchiveConfig, console: Console) -> int:
    """Write each briefing's article hash into its file, once every quote anchors in the current text."""
    archive, problems = load_archive(replace(config, check_pins=False), console.progress)
    for p in problems:
        console.problem(p)
    if archive is None:
        console.note("nothing pinned: fix the errors first")
        return 1
    changed, failed = 0, 0
    for b in archive.briefings:
        path = config.briefings_dir / f"{b.id}.yml"
        try:
            changed += set_sha256(path, b.article.sha256)
        except (PinError, OSError, UnicodeDecodeError) as exc:
            failed += 1
            console.note(f"{config.display(path)}:1:1: error: not pinned: {exc}")
    console.note(f"pinned {len(archive.briefings) - failed} briefing(s); {changed} file(s) updated"
                 + (f"; {failed} not pinned" if failed else ""))
    return 1 if failed else 0
