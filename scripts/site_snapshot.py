"""Build reference sites into one folder, for comparing two versions of the code byte for byte.

A refactoring must not change the site. Run this before and after, then compare the two folders:

    .venv/bin/python scripts/site_snapshot.py /tmp/before
    ... change the code ...
    .venv/bin/python scripts/site_snapshot.py /tmp/after
    diff -r /tmp/before /tmp/after && echo identical

It builds the shipped archive (directory URLs and file URLs) and the test fixture archive in each
publication mode and search backend. Every input keeps a fixed modification time and the build
date is fixed (SOURCE_DATE_EPOCH), so two runs of the same code give the same bytes.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))
from conftest import Archive, write_fixture

FIXED_TIME = 1_700_000_000
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true", "SOURCE_DATE_EPOCH": "0",
       "SITE_URL": "https://archive.example/"}


def _fix_times(root: Path) -> None:
    for path in root.rglob("*"):
        os.utime(path, (FIXED_TIME, FIXED_TIME), follow_symlinks=False)


def _shipped(root: Path) -> None:
    for name in ("seeds", "briefings", "docs"):
        shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")


def _plugin_options(root: Path, options: str) -> None:
    config = root / "mkdocs.yml"
    text = config.read_text("utf-8")
    if "  - briefings\n" in text:
        text = text.replace("  - briefings\n", f"  - briefings:\n{options}")
    else:
        text = text.replace("  - briefings:\n", f"  - briefings:\n{options}")
    if "search: pagefind" in options:
        text = text.replace("  - search\n", "")
    config.write_text(text, "utf-8")


VARIANTS: dict[str, tuple[str, str, bool]] = {
    # name: (archive, plugin options, directory URLs)
    "shipped": ("shipped", "", True),
    "shipped-file-urls": ("shipped", "", False),
    "fixture": ("fixture", "", True),
    "fixture-file-urls": ("fixture", "", False),
    "fixture-excerpts": ("fixture", "      publish_text: excerpts\n", True),
    "fixture-pagefind": ("fixture", "      search: pagefind\n", True),
}


def build(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    mkdocs = Path(sys.executable).parent / "mkdocs"
    for name, (kind, options, directory_urls) in VARIANTS.items():
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp) / "archive"
            root.mkdir()
            if kind == "shipped":
                _shipped(root)
            else:
                write_fixture(Archive(root))
            if options:
                _plugin_options(root, options)
            if not directory_urls:
                config = root / "mkdocs.yml"
                config.write_text(config.read_text("utf-8") + "use_directory_urls: false\n", "utf-8")
            _fix_times(root)
            target = out / name
            if target.exists():
                shutil.rmtree(target)
            subprocess.run([str(mkdocs), "build", "--strict", "-q", "-d", str(target)], cwd=root, env=ENV, check=True)
            print(f"{name}: {sum(1 for p in target.rglob('*') if p.is_file())} files", flush=True)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: site_snapshot.py OUT_DIR")
    build(Path(sys.argv[1]))
