"""The ``briefings`` command: check, scaffold, pin and measure an archive, or write it for another engine.

Output is plain lines when piped (what editors and CI annotators parse); on a
terminal, severities are coloured and long runs show progress on stderr.
Exit codes: 0 clean (or warnings only), 1 problems, 2 usage.
"""
from __future__ import annotations

import argparse
import os
import sys

import yaml

from ..load.settings import archive_config
from .commands import run_check, run_coverage, run_new, run_pin
from .console import Console


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="briefings", description="Work with a briefing archive.")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="validate the whole archive without building the site")
    check.add_argument("root", nargs="?", default=".", help="folder holding mkdocs.yml (default: .)")
    check.add_argument("--strict", action="store_true", help="exit 1 on warnings too")
    check.add_argument("--format", choices=("text", "json"), default="text")
    check.add_argument("--sides", action="store_true",
                       help="also print the per-side table: claims per grade, supported, graded below their ceiling")
    new = sub.add_parser("new", help="scaffold briefings/<id>.yml for an article")
    new.add_argument("seed", help="path to the article, e.g. seeds/<file>.txt")
    new.add_argument("--id", help="briefing id (default: the seed's file stem, lower-cased, '_' -> '-')")
    new.add_argument("--root", default=".", help="folder holding mkdocs.yml (default: .)")
    cover = sub.add_parser("coverage", help="attributed sentences covered by claims, per briefing")
    cover.add_argument("root", nargs="?", default=".", help="folder holding mkdocs.yml (default: .)")
    cover.add_argument("--min", type=float, metavar="PERCENT", help="exit 1 if any briefing is below PERCENT")
    pin = sub.add_parser("pin", help="record each article's SHA-256 in its briefing (article_sha256)")
    pin.add_argument("root", nargs="?", default=".", help="folder holding mkdocs.yml (default: .)")
    generate = sub.add_parser("generate", help="write the archive as a docs folder for any engine (no plugin)")
    generate.add_argument("out_dir", metavar="OUT_DIR", help="the folder to write (replaced whole; never docs/)")
    generate.add_argument("--root", default=".", help="folder holding mkdocs.yml (default: .)")
    generate.add_argument("--strict", action="store_true", help="exit 1 on warnings too (as mkdocs build --strict)")
    args = parser.parse_args(argv)

    console = Console()
    try:
        config, problems = archive_config(args.root)
    except (FileNotFoundError, ValueError, yaml.YAMLError) as exc:
        print(f"briefings: error: {exc}; run it in the folder holding mkdocs.yml or pass that folder",
              file=sys.stderr)
        return 2
    for p in problems:
        console.problem(p)
    if any(p.severity == "error" for p in problems):
        console.note("fix the plugin's settings in mkdocs.yml first")
        return 2
    if args.command == "generate":
        # Imported here: it needs the whole renderer, which `briefings check` (an author's loop) need not load.
        from .generate import run_generate
        code = run_generate(config, args, console)
    elif args.command == "pin":   # no options of its own
        code = run_pin(config, console)
    else:
        code = {"check": run_check, "new": run_new, "coverage": run_coverage}[args.command](config, args, console)
    if argv is None:
        # The command itself (not a caller in Python): leave without freeing the archive object by object,
        # which takes a large check a fifth of a second for nothing.
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    return code


if __name__ == "__main__":
    sys.exit(main())
