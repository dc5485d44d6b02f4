"""The ``briefings`` command: validate an archive without building the site."""
from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import replace

from .loader import load_archive
from .settings import archive_config


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="briefings", description="Work with a briefing archive.")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="validate the whole archive without building the site")
    check.add_argument("root", nargs="?", default=".", help="folder holding mkdocs.yml (default: .)")
    check.add_argument("--strict", action="store_true", help="exit 1 on warnings too")
    check.add_argument("--format", choices=("text", "json"), default="text")
    pin = sub.add_parser("pin", help="record each article's SHA-256 in its briefing (article_sha256)")
    pin.add_argument("root", nargs="?", default=".", help="folder holding mkdocs.yml (default: .)")
    args = parser.parse_args(argv)

    try:
        config = archive_config(args.root)
    except FileNotFoundError as exc:
        print(f"briefings: error: {exc}; run it in the folder holding mkdocs.yml or pass that folder", file=sys.stderr)
        return 2
    if args.command == "pin":
        return pin_articles(config)
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


def pin_articles(config) -> int:
    """Write each briefing's article hash into its file, once every quote anchors in the current text."""
    archive, problems = load_archive(replace(config, check_pins=False))
    for p in problems:
        print(p.format())
    if archive is None:
        print("nothing pinned: fix the errors first", file=sys.stderr)
        return 1
    changed = 0
    for b in archive.briefings:
        path = config.briefings_dir / f"{b.id}.yml"
        if set_sha256(path, b.article.sha256):
            changed += 1
    print(f"pinned {len(archive.briefings)} briefing(s); {changed} file(s) updated", file=sys.stderr)
    return 0


def set_sha256(path, sha256: str) -> bool:
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
