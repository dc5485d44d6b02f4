"""Build site-zensical/ for `make zensical`: the same archive, built by Zensical instead of MkDocs.

Zensical (the successor of Material for MkDocs) reads mkdocs.yml but runs no MkDocs plugin, so:

1. `briefings generate --strict .zensical/docs` checks the archive exactly as the plugin does under `make site`
   (warnings fail too) and writes the whole docs folder (hand-written pages filled in, generated pages, data
   files). Any problem stops here, and nothing else is touched. Sections of a generated page too long for
   Zensical's search (32 KB of text) then have their longest parts left out of search, and the build says
   where (briefing_archive/zensical/search.py).
2. `.zensical/mkdocs.yml` is derived from mkdocs.yml (briefing_archive/zensical/config.py): the plugin left
   out, what it adds to the config written in.
3. `zensical build --clean --strict` builds `.zensical/site` (Zensical wants its output inside the folder
   of its config; `--clean` drops its cache, so every build is made from scratch, like `make site`).
4. The build is swapped in as site-zensical/ with the checked renames and the lock of scripts/build_site.py
   (`.site-zensical.lock`): a failed step leaves the last good site-zensical/ as it was.

Run from the project root: `python scripts/build_zensical.py --zensical .venv/bin/zensical`.
"""
from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import build_site as safe

from briefing_archive.cli.main import main as briefings
from briefing_archive.load.settings import find_config_file
from briefing_archive.load.siteconfig import read_site_config
from briefing_archive.zensical.config import config_text, zensical_config
from briefing_archive.zensical.search import LIMIT, fit_search

WORK = Path(".zensical")


def derive(work: Path) -> Path:
    """Write the Zensical config for ``work/docs`` into ``work``; its path."""
    docs = work / "docs"
    files = {p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file()}
    config = zensical_config(read_site_config(find_config_file(Path("."))), "docs", "site", files)
    path = work / "mkdocs.yml"
    path.write_text(config_text(config), encoding="utf-8")
    return path


def fit(docs: Path) -> list[str]:
    """Leave out of Zensical's search the over-long sections of generated pages (see zensical/search.py);
    the pages where it did."""
    left_out = []
    for path in sorted(docs.rglob("*.md")):
        if path.stat().st_size <= LIMIT:   # a page this small cannot have a section over the limit
            continue
        text, excluded = fit_search(path.read_text("utf-8"))
        if excluded:
            path.write_text(text, encoding="utf-8")
            left_out.append(path.relative_to(docs).as_posix())
    return left_out


def build(zensical: str) -> int:
    """Generate, derive, build, swap in; the exit code for make (0 only when the new site is in place)."""
    new = Path(f"{safe.TMP_PREFIX}{os.getpid()}")
    old = Path(f"{safe.OLD_PREFIX}{os.getpid()}")
    with safe.exclusive_lock(safe.LOCK, safe.lock_timeout()):
        safe.recover_leftovers(safe.SITE)
        if reason := safe.describe(safe.SITE):
            raise safe.SiteError(reason)
        kept = safe.KEPT if safe.SITE.exists() else f"there was no earlier {safe.SITE}/"
        began = time.perf_counter()
        print(f"briefings generate --strict {WORK / 'docs'}", flush=True)
        status = briefings(["generate", "--strict", str(WORK / "docs")])   # strict, as `make site` builds
        if status != 0:
            safe.say(f"{safe.MAKE}: the archive was not generated (exit code {status}); {kept}")
            return status
        if left_out := fit(WORK / "docs"):
            shown = ", ".join(left_out[:5]) + (f" and {len(left_out) - 5} more" if len(left_out) > 5 else "")
            safe.say(f"{safe.MAKE}: Zensical's search takes at most 32 KB of text per section of a page; left out of "
                     f"search: the longest parts of {len(left_out)} page(s) ({shown}); the pages show them all")
        config = derive(WORK)
        output = WORK / "site"
        if error := safe.remove(output):
            raise safe.SiteError(f"could not remove the previous build {output}: {error}; {kept}")
        command = [zensical, "build", "--clean", "--strict", "--config-file", str(config)]
        print(" ".join(command), flush=True)
        try:
            try:
                status = subprocess.run(command, check=False).returncode
            except OSError as exc:
                raise safe.SiteError(f"could not run {zensical}: {exc.strerror}; {kept}") from None
            if status != 0 or not output.is_dir():
                safe.say(f"{safe.MAKE}: zensical build failed (exit code {status}); {kept}")
                return status or 1
            os.rename(output, new)
            safe.swap(new, safe.SITE, old)
        finally:
            if error := safe.remove(new):
                safe.say(f"{safe.MAKE}: could not remove the temporary build {new}: {error}")
        print(f"{safe.MAKE}: {safe.SITE}/ built with Zensical in {time.perf_counter() - began:.2f} s", flush=True)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--zensical", default=shutil.which("zensical") or "zensical",
                        help="the zensical executable (default: zensical on PATH)")
    args = parser.parse_args(argv)
    safe.use_names("site-zensical", "make zensical")
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(128 + signal.SIGTERM))
    WORK.mkdir(exist_ok=True)
    try:
        return build(args.zensical)
    except safe.SiteError as exc:
        safe.say(f"{safe.MAKE}: error: {exc}")
        return 1
    except KeyboardInterrupt:
        safe.say(f"{safe.MAKE}: interrupted; {safe.SITE}/ was not changed")
        return 128 + signal.SIGINT


if __name__ == "__main__":
    sys.exit(main())
