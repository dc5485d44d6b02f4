"""Screenshots of the shipped archive for a person to look at: `make screenshots` (or this script).

Copies the repository's archive (seeds, briefings, docs, mkdocs.yml) into a temporary folder, builds
it with --strict, serves it on 127.0.0.1 (a free port) and has Debian's Chromium, driven by
Playwright, take a light, a dark and a phone-width screenshot of every page kind:
``OUT/<kind>-<mode>.png`` (OUT defaults to tests/artifacts/screenshots). Only 127.0.0.1 is ever
asked for anything. Exits 1, saying why, when Chromium or a screenshot is missing.

    python scripts/screenshots.py [OUT] [--chromium PATH] [--modes light,dark,phone]
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))
from conftest import CHROMIUM_FLAGS, PAGES

MODES = {"light": {"color_scheme": "light"}, "dark": {"color_scheme": "dark"},
         "phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True}}
MIN_BYTES = 5000   # a blank page compresses to far less


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def build_shipped(root: Path, site_url: str) -> Path:
    """Build a copy of the shipped archive under ``root`` with its links pointing at ``site_url``."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    os.environ.setdefault("DISABLE_MKDOCS_2_WARNING", "true")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    for name in ("seeds", "briefings", "docs"):
        shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    site = root / "site"
    os.environ["SITE_URL"] = site_url     # read by mkdocs.yml's !ENV, so the site's own links are local
    try:
        build(load_config(str(root / "mkdocs.yml"), site_dir=str(site), strict=True))
    finally:
        del os.environ["SITE_URL"]
    return site


def take(out: Path, chromium: str, modes: list[str]) -> list[Path]:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="screenshots-") as tmp:
        root = Path(tmp) / "archive"
        site = root / "site"
        site.mkdir(parents=True)   # served from before the build, so the port is known to the build
        server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(site)))
        url = f"http://127.0.0.1:{server.server_port}/"
        build_shipped(root, url)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        written = []
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS)
                for mode in modes:
                    for kind, path in PAGES.items():
                        context = browser.new_context(**MODES[mode])
                        page = context.new_page()
                        page.goto(url + path, wait_until="networkidle")
                        target = out / f"{kind}-{mode}.png"
                        page.screenshot(path=str(target), full_page=False)
                        context.close()
                        written.append(target)
                        print(f"{target} ({target.stat().st_size} bytes)")
                browser.close()
        finally:
            server.shutdown()
            server.server_close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", nargs="?", default=str(REPO / "tests" / "artifacts" / "screenshots"),
                        help="folder for the PNG files (default: tests/artifacts/screenshots)")
    parser.add_argument("--chromium", default="/usr/bin/chromium", help="Chromium executable (Debian's)")
    parser.add_argument("--modes", default=",".join(MODES), help="comma-separated: light, dark, phone")
    args = parser.parse_args(argv)
    modes = [m for m in args.modes.split(",") if m]
    unknown = [m for m in modes if m not in MODES]
    if unknown or not modes:
        parser.error(f"unknown mode(s) {', '.join(unknown) or '(none)'}; choose from {', '.join(MODES)}")
    if not Path(args.chromium).exists():
        print(f"screenshots: no Chromium at {args.chromium}: `make screenshots` installs Debian's chromium",
              file=sys.stderr)
        return 1
    written = take(Path(args.out), args.chromium, modes)
    small = [p for p in written if p.stat().st_size <= MIN_BYTES]
    if small:
        print("screenshots: suspiciously small (blank?): " + ", ".join(map(str, small)), file=sys.stderr)
        return 1
    print(f"{len(written)} screenshots in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
