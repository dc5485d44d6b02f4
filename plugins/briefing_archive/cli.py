"""The ``briefings`` command: validate an archive without building the site."""
from __future__ import annotations

import argparse
import json
import sys

from .loader import load_archive
from .settings import archive_config


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="briefings", description="Work with a briefing archive.")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="validate the whole archive without building the site")
    check.add_argument("root", nargs="?", default=".", help="folder holding mkdocs.yml (default: .)")
    check.add_argument("--strict", action="store_true", help="exit 1 on warnings too")
    check.add_argument("--format", choices=("text", "json"), default="text")
    args = parser.parse_args(argv)

    try:
        config = archive_config(args.root)
    except FileNotFoundError as exc:
        print(f"briefings: error: {exc}; run it in the folder holding mkdocs.yml or pass that folder", file=sys.stderr)
        return 2
    archive, problems = load_archive(config)
    if args.format == "json":
        print(json.dumps([p.__dict__ for p in problems], indent=2))
    else:
        for p in problems:
            print(p.format())
        errors = sum(p.severity == "error" for p in problems)
        if archive is not None:
            claims = sum(len(b.claims) for b in archive.briefings)
            print(f"{len(archive.briefings)} briefings, {claims} claims, {len(archive.sources)} sources, "
                  f"{len(archive.entities)} entities: "
                  + ("no problems" if not problems else f"{len(problems) - errors} warning(s)"),
                  file=sys.stderr)
        else:
            print(f"{errors} error(s), {len(problems) - errors} warning(s)", file=sys.stderr)
    failed = archive is None or (args.strict and problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
