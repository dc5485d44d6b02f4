"""The ``briefings`` command: check, scaffold, pin and measure an archive without building the site.

Output is plain lines when piped (what editors and CI annotators parse); on a
terminal, severities are coloured and long runs show progress on stderr.
Exit codes: 0 clean (or warnings only), 1 problems, 2 usage.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
from dataclasses import replace
from pathlib import Path
from typing import TextIO

from .coverage import coverage, unused
from .ids import RESERVED, is_id
from .loader import ArchiveConfig, load_archive
from .problems import Problem
from .scaffold import default_id, scaffold
from .settings import archive_config



class Console:
    """Plain text when piped; colour and a progress line on a terminal."""

    COLOURS = {"error": "\033[31m", "warning": "\033[33m"}

    def __init__(self, out: TextIO | None = None, err: TextIO | None = None) -> None:
        self.out, self.err = out or sys.stdout, err or sys.stderr
        err = self.err
        self.tty = err.isatty() and os.environ.get("TERM") != "dumb" and "NO_COLOR" not in os.environ

    def problem(self, p: Problem) -> None:
        line = p.format()
        if self.out.isatty() and self.tty:
            colour = self.COLOURS[p.severity]
            line = line.replace(f" {p.severity}: ", f" {colour}{p.severity}\033[0m: ", 1)
        print(line, file=self.out)

    def progress(self, done: int, total: int) -> None:
        if self.tty and total >= 200 and (done % 50 == 0 or done == total):
            end = "\n" if done == total else ""
            print(f"\rreading {done}/{total} files", end=end, file=self.err, flush=True)

    def note(self, text: str) -> None:
        print(text, file=self.err)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="briefings", description="Work with a briefing archive.")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="validate the whole archive without building the site")
    check.add_argument("root", nargs="?", default=".", help="folder holding mkdocs.yml (default: .)")
    check.add_argument("--strict", action="store_true", help="exit 1 on warnings too")
    check.add_argument("--format", choices=("text", "json"), default="text")
    new = sub.add_parser("new", help="scaffold briefings/<id>.yml for an article")
    new.add_argument("seed", help="path to the article, e.g. seeds/<file>.txt")
    new.add_argument("--id", help="briefing id (default: the seed's file stem, lower-cased, '_' -> '-')")
    new.add_argument("--root", default=".", help="folder holding mkdocs.yml (default: .)")
    cover = sub.add_parser("coverage", help="attributed sentences covered by claims, per briefing")
    cover.add_argument("root", nargs="?", default=".", help="folder holding mkdocs.yml (default: .)")
    cover.add_argument("--min", type=float, metavar="PERCENT", help="exit 1 if any briefing is below PERCENT")
    pin = sub.add_parser("pin", help="record each article's SHA-256 in its briefing (article_sha256)")
    pin.add_argument("root", nargs="?", default=".", help="folder holding mkdocs.yml (default: .)")
    args = parser.parse_args(argv)

    console = Console()
    try:
        config = archive_config(args.root)
    except (FileNotFoundError, ValueError) as exc:
        print(f"briefings: error: {exc}; run it in the folder holding mkdocs.yml or pass that folder",
              file=sys.stderr)
        return 2
    return {"check": run_check, "new": run_new, "coverage": run_coverage, "pin": run_pin}[args.command](
        config, args, console)


def run_check(config: ArchiveConfig, args, console: Console) -> int:
    archive, problems = load_archive(config, console.progress)
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
    return 1 if archive is None or (args.strict and problems) else 0


def run_new(config: ArchiveConfig, args, console: Console) -> int:
    seed = Path(args.seed)
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
    schema_ref = os.path.relpath(Path(__file__).parent / "schema" / "briefing.schema.json", config.briefings_dir)
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


def run_coverage(config: ArchiveConfig, args, console: Console) -> int:
    archive, problems = load_archive(config, console.progress)
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
            line = cov.briefing.article.text.count("\n", 0, s.start) + 1
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


def run_pin(config: ArchiveConfig, args, console: Console) -> int:
    """Write each briefing's article hash into its file, once every quote anchors in the current text."""
    archive, problems = load_archive(replace(config, check_pins=False), console.progress)
    for p in problems:
        console.problem(p)
    if archive is None:
        console.note("nothing pinned: fix the errors first")
        return 1
    changed = sum(set_sha256(config.briefings_dir / f"{b.id}.yml", b.article.sha256) for b in archive.briefings)
    console.note(f"pinned {len(archive.briefings)} briefing(s); {changed} file(s) updated")
    return 0


def set_sha256(path: Path, sha256: str) -> bool:
    """Set ``article_sha256`` in a briefing file, editing only that line (comments and layout are kept)."""
    text = path.read_text("utf-8")
    line = f"article_sha256: {sha256}"
    if re.search(r"(?m)^article_sha256:.*$", text):
        new = re.sub(r"(?m)^article_sha256:.*$", line, text, count=1)
    else:
        new = re.sub(r"(?m)^(article:.*)$", lambda m: f"{m.group(1)}\n{line}", text, count=1)
    if new != text:
        path.write_text(new, encoding="utf-8")
    return new != text


if __name__ == "__main__":
    sys.exit(main())
