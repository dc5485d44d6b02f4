#!/usr/bin/env python3
"""A stand-in for `mkdocs build --strict --site-dir DIR`, for the tests of `make site`'s lock and swap.

Those tests are about what happens around a build (waiting for the lock, moving folders, putting the last good
site back), so a real MkDocs run would only cost time. The stub writes the same two pages every time, says
"Documentation built" as MkDocs does, and fails with exit code 1 when STUB_MKDOCS_FAIL is set.
"""
import os
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    if argv[:1] != ["build"] or "--site-dir" not in argv:
        print(f"stub_mkdocs: unexpected arguments {argv}", file=sys.stderr)
        return 2
    if os.environ.get("STUB_MKDOCS_FAIL"):
        print("ERROR   -  the stub build fails, as asked", file=sys.stderr)
        return 1
    site = Path(argv[argv.index("--site-dir") + 1])
    (site / "briefings").mkdir(parents=True, exist_ok=True)
    (site / "index.html").write_text("<!doctype html><title>Home</title>\n", encoding="utf-8")
    (site / "briefings" / "index.html").write_text("<!doctype html><title>Briefings</title>\n", encoding="utf-8")
    print("INFO    -  Documentation built in 0.01 seconds", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
