"""The two engines side by side: `make bench` (or `BENCH_ARGS=--zensical` for this part alone).

Times, on the shipped archive and on a synthetic archive of N briefings (benchmarks/generate.py; N = 1,000 by
default), what `make site` runs (`mkdocs build --strict`, the plugin inside) and what `make zensical` runs
(scripts/build_zensical.py: `briefings generate`, the derived config, `zensical build --clean --strict`, the
swap), with the share of the latter spent in `briefings generate` and in Zensical itself (from its own
log line). Each build starts from the same files; the shipped archive is timed three times (median), a
synthetic one once. The machine is shared: the load average before each run is recorded beside it.
Rewrites only its own part of RESULTS.md (between the ``zensical-bench`` markers).
"""
from __future__ import annotations

import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from importlib.metadata import version
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO / "tests"))
from generate import generate
from results import replace_block

from conftest import copy_shipped  # the tests' copy of the shipped archive: one definition

BIN = Path(sys.executable).parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true", "BRIEFINGS_CACHE_DIR": "off"}
MARK_START, MARK_END = "<!-- zensical-bench:start -->", "<!-- zensical-bench:end -->"


def _run(cmd: list[str], cwd: Path) -> tuple[float, int, str, float]:
    """Wall seconds, peak RSS (MB), output and the 1-minute load average before: of one command that must pass."""
    load = os.getloadavg()[0]
    start = time.perf_counter()
    result = subprocess.run(["/usr/bin/time", "-f", "%M", *cmd], cwd=cwd, env=ENV, capture_output=True, text=True,
                            check=False)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed in {cwd}:\n{result.stdout[-2000:]}\n{result.stderr[-3000:]}")
    return seconds, int(result.stderr.strip().splitlines()[-1]) // 1024, result.stdout + result.stderr, load


def measure(name: str, root: Path, runs: int) -> dict[str, Any]:
    """Both engines on the archive at ``root``, ``runs`` times each (the median is reported)."""
    mkdocs, zensical = [], []
    for _ in range(runs):
        shutil.rmtree(root / "site", ignore_errors=True)
        mkdocs.append(_run([str(BIN / "mkdocs"), "build", "--strict", "-q", "-d", str(root / "site")], root))
        shutil.rmtree(root / ".zensical", ignore_errors=True)
        zensical.append(_run([str(BIN / "python"), str(REPO / "scripts" / "build_zensical.py"), "--zensical",
                              str(BIN / "zensical")], root))
    engine = [float(m.group(1)) for _, _, out, _ in zensical if (m := re.search(r"Build finished in ([\d.]+)s", out))]
    pages = sum(1 for _ in (root / "site-zensical").rglob("*.html"))
    return {"archive": name, "pages": pages, "runs": runs,
            "mkdocs_s": statistics.median(r[0] for r in mkdocs), "mkdocs_rss_mb": max(r[1] for r in mkdocs),
            "zensical_s": statistics.median(r[0] for r in zensical), "zensical_rss_mb": max(r[1] for r in zensical),
            "zensical_engine_s": statistics.median(engine) if engine else float("nan"),
            "load": [round(r[3], 2) for r in mkdocs + zensical]}


def section(rows: list[dict[str, Any]]) -> str:
    lines = [("| archive | pages | `make site` (MkDocs + plugin) s | peak RSS MB | `make zensical` s | of which "
             "`zensical build` s | peak RSS MB | load average before each run (MkDocs, then Zensical) |"),
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |"]
    lines += [f"| {r['archive']} | {r['pages']:,} | {r['mkdocs_s']:.2f} | {r['mkdocs_rss_mb']} | {r['zensical_s']:.2f} "
              f"| {r['zensical_engine_s']:.2f} | {r['zensical_rss_mb']} | {', '.join(map(str, r['load']))} |"
              for r in rows]
    lines += ["", ("`make zensical`'s time is the whole script: `briefings generate` (the same check and render as the "
              "plugin's), the derived config, Zensical's build (the column after it, Zensical's own figure) and the "
              "swap into site-zensical/. Peak RSS is the largest process of each (MkDocs' one process; for "
              "Zensical the script with the generator in it, or Zensical's build when larger).")]
    return "\n".join(lines)


def write_section(results: Path, text: str) -> None:
    machine = (f"{platform.machine()}, {os.cpu_count()} cores shared with other work, Python "
               f"{platform.python_version()}, MkDocs {version('mkdocs')}, Material {version('mkdocs-material')}, "
               f"Zensical {version('zensical')}")
    body = (f"Measured by `make bench` on {time.strftime('%Y-%m-%d')} ({machine}): "
             "`benchmarks/zensical.py`.\n\n" + text)
    replace_block(results, MARK_START, MARK_END, body, "Two engines: MkDocs and Zensical")


def run(sizes: list[int], work: Path, *, write: bool) -> list[dict[str, Any]]:
    shipped = work / "zensical-shipped"
    shutil.rmtree(shipped, ignore_errors=True)
    rows = [measure("shipped", copy_shipped(shipped).root, 3)]
    for n in sizes:
        print(f"measuring both engines at N = {n} ...", file=sys.stderr, flush=True)
        root = work / f"zensical-n{n}"
        generate(root, n)
        rows.append(measure(f"synthetic, {n:,} briefings", root / "plugin", 1))
    text = section(rows)
    print(text)
    if write:
        write_section(HERE / "RESULTS.md", text)
    return rows
