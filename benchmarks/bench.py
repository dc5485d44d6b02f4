"""`make bench`: what the briefings plugin costs and how it grows, all measured in one run.

For each N: generate a synthetic archive (benchmarks/generate.py), then time `briefings check`,
the full strict build (what `make site` runs), the plain baseline (the same article text and
notes as Markdown pages, same MkDocs + Material config, no plugin), and the core alone (load,
validate, anchor, link, render, in-process). Peak RSS comes from /usr/bin/time (%M). Prints one
table and writes benchmarks/RESULTS.md.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}

sys.path.insert(0, str(HERE))
from generate import generate  # noqa: E402


def timed(cmd: list[str], cwd: Path) -> tuple[float, int]:
    """Wall seconds and peak RSS (MB) of one command, which must succeed."""
    start = time.perf_counter()
    result = subprocess.run(["/usr/bin/time", "-f", "%M", *cmd], cwd=cwd, env=ENV, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed in {cwd}:\n{result.stderr[-3000:]}")
    rss_kb = int(result.stderr.strip().splitlines()[-1])
    return seconds, rss_kb // 1024


def core_seconds(root: Path) -> float:
    code = ("import time, sys; from briefing_archive.loader import ArchiveConfig; "
            "from briefing_archive.site import build_site; t = time.perf_counter(); "
            f"build_site(ArchiveConfig.at({str(root)!r}), True, True, 'http://127.0.0.1:8000/'); "
            "print(time.perf_counter() - t)")
    out = subprocess.run([str(BIN / "python"), "-c", code], env=ENV, capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


def tree_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def measure(n: int, work: Path) -> dict:
    root = work / f"n{n}"
    generate(root, n)
    plugin, plain = root / "plugin", root / "plain"
    check_s, check_mb = timed([str(BIN / "briefings"), "check", "."], plugin)
    build_s, build_mb = timed([str(BIN / "mkdocs"), "build", "--strict", "-q", "-d", str(root / "site")], plugin)
    plain_s, plain_mb = timed([str(BIN / "mkdocs"), "build", "-q", "-d", str(root / "plain-site")], plain)
    core_s = core_seconds(plugin)
    index = (root / "site" / "search" / "search_index.json").read_bytes()
    plain_index = (root / "plain-site" / "search" / "search_index.json").read_bytes()
    return {"n": n, "check_s": check_s, "build_s": build_s, "plain_s": plain_s, "ratio": build_s / plain_s,
            "core_s": core_s, "core_share": core_s / build_s, "rss_mb": build_mb, "plain_rss_mb": plain_mb,
            "check_rss_mb": check_mb, "site_mb": tree_bytes(root / "site") / 1e6,
            "plain_site_mb": tree_bytes(root / "plain-site") / 1e6,
            "index_kb_per_briefing": len(index) / n / 1e3,
            "index_gz_kb_per_briefing": len(gzip.compress(index)) / n / 1e3,
            "plain_index_kb_per_briefing": len(plain_index) / n / 1e3}


COLUMNS = [("N", "n", "{:d}"), ("check s", "check_s", "{:.2f}"), ("build s", "build_s", "{:.2f}"),
           ("plain s", "plain_s", "{:.2f}"), ("build/plain", "ratio", "{:.2f}"), ("core s", "core_s", "{:.2f}"),
           ("core share", "core_share", "{:.0%}"), ("peak RSS MB", "rss_mb", "{:d}"),
           ("site MB", "site_mb", "{:.1f}"), ("plain site MB", "plain_site_mb", "{:.1f}"),
           ("index KB/briefing", "index_kb_per_briefing", "{:.1f}"),
           ("index gz KB/briefing", "index_gz_kb_per_briefing", "{:.1f}"),
           ("plain index KB/page", "plain_index_kb_per_briefing", "{:.1f}")]


def table(rows: list[dict]) -> str:
    head = "| " + " | ".join(c[0] for c in COLUMNS) + " |"
    rule = "|" + "|".join(" ---: " for _ in COLUMNS) + "|"
    body = ["| " + " | ".join(fmt.format(r[key]) for _, key, fmt in COLUMNS) + " |" for r in rows]
    return "\n".join([head, rule, *body])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="100,1000,2000", help="comma-separated N (default 100,1000,2000)")
    parser.add_argument("--large", action="store_true", help="add N = 5000")
    parser.add_argument("--work", default=str(HERE / ".work"), help="where archives and sites are built")
    parser.add_argument("--no-write", action="store_true", help="do not rewrite benchmarks/RESULTS.md")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")] + ([5000] if args.large else [])
    work = Path(args.work)
    rows = []
    for n in sizes:
        print(f"measuring N = {n} ...", file=sys.stderr, flush=True)
        rows.append(measure(n, work))
    text = table(rows)
    print(text)
    by_n = {r["n"]: r for r in rows}
    notes = []
    if 1000 in by_n and 2000 in by_n:
        notes.append(f"time(2000)/time(1000): build {by_n[2000]['build_s'] / by_n[1000]['build_s']:.2f}, "
                     f"check {by_n[2000]['check_s'] / by_n[1000]['check_s']:.2f}")
    for line in notes:
        print(line)
    if not args.no_write:
        machine = (f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
                   f"{platform.platform()}")
        results = HERE / "RESULTS.md"
        # The hand-written analysis (from "## Analysis" on) survives a new run.
        old = results.read_text("utf-8") if results.exists() else ""
        analysis = old[old.index("## Analysis"):] if "## Analysis" in old else ""
        results.write_text(
            "# Benchmark results\n\n"
            f"Measured by `make bench` on {time.strftime('%Y-%m-%d')} ({machine}); all figures from one run.\n\n"
            + text + "\n\n" + "\n".join(f"- {line}" for line in notes) + "\n\n"
            "Raw figures:\n\n```json\n" + json.dumps(rows, indent=1) + "\n```\n\n" + analysis, encoding="utf-8")


if __name__ == "__main__":
    main()
