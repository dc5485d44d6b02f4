"""Reading the archive's history from git at scale (issue 27, item 4): `make bench` (or `BENCH_ARGS=--history`).

A synthetic archive of N briefings (benchmarks/generate.py) becomes a git repository of C commits written by one
``git fast-import`` (seconds for 5,000 commits): the first commit adds the archive; each of the next C - 2 changes
two briefings (in each, one claim's grade, or its quote, or its note) and, one commit in four, a source's
reliability; the last puts every file back as generated, so HEAD is the valid archive the build reads. Then, each in
a fresh process: ``read_history`` with an empty cache (as CI starts), ``read_history`` again (the cache warm), and
the full strict build (`mkdocs build --strict`, history included) with an empty cache, beside the same build with
git hidden (``GIT_DIR`` pointing nowhere: no history read). Target: the cold read at most 10 % of the build.
Rewrites only its own part of RESULTS.md (between the ``history-bench`` markers).
"""
from __future__ import annotations

import os
import platform
import random
import re
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

from generate import generate
from results import replace_block
from timing import BIN, ENV, timed

MARK_START, MARK_END = "<!-- history-bench:start -->", "<!-- history-bench:end -->"
START = 1_735_689_600   # 2025-01-01T00:00:00Z: commit k is k hours later


def _commit(out: list[bytes], k: int, message: str, files: dict[str, bytes]) -> None:
    msg = message.encode("utf-8")
    out.append(b"commit refs/heads/main\ncommitter Bench <bench@example.org> %d +0000\ndata %d\n%s\n"
               % (START + 3600 * k, len(msg), msg))
    for path, data in sorted(files.items()):
        out.append(b"M 100644 inline %s\ndata %d\n%s\n" % (path.encode("utf-8"), len(data), data))


def _edit(rng: random.Random, text: str) -> str:
    """One claim's grade, quote or note changed (only what history follows needs to be valid YAML)."""
    lines = text.split("\n")
    what = rng.choice(("credibility", "quote", "note"))
    at = rng.choice([i for i, line in enumerate(lines) if line.startswith(f"    {what}: ")])
    if what == "credibility":
        lines[at] = f"    credibility: {rng.randint(1, 6)}"
    elif what == "quote":
        lines[at] = re.sub(r" (units|troops) ", lambda m: " troops " if m.group(1) == "units" else " units ",
                           lines[at], count=1)
    else:
        lines[at] = lines[at][:-1] + f" Revised {rng.randint(0, 99)}.\""
    return "\n".join(lines)


def make_repository(root: Path, commits: int, seed: int = 5) -> None:
    """``root`` (a generated archive) as a git repository of ``commits`` commits (see the module's docstring)."""
    rng = random.Random(seed)
    files = {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}
    briefings = [p for p in files if re.fullmatch(r"briefings/[^/]+\.yml", p)]
    sources = [p for p in files if p.startswith("briefings/sources/")]
    current = dict(files)
    out: list[bytes] = []
    _commit(out, 0, "Add the archive", files)
    for k in range(1, commits - 1):
        changed = {}
        for path in rng.sample(briefings, 2):
            changed[path] = _edit(rng, current[path].decode("utf-8")).encode("utf-8")
        if k % 4 == 0:
            path = rng.choice(sources)
            changed[path] = re.sub(rb"reliability: [A-F]", b"reliability: " + rng.choice(b"ABCDEF").to_bytes(1, "big"),
                                   current[path], count=1)
        current.update(changed)
        _commit(out, k, f"Commit {k}: re-grade and corrections", changed)
    _commit(out, commits - 1, "Put the generated archive back",
            {p: data for p, data in files.items() if current[p] != data})
    env = {**ENV, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    subprocess.run(["git", "init", "-q", "-b", "main", str(root)], check=True, env=env)
    subprocess.run(["git", "-C", str(root), "fast-import", "--quiet"], input=b"".join(out), check=True, env=env)
    subprocess.run(["git", "-C", str(root), "reset", "-q"], check=True, env=env)


def read_seconds(root: Path, cache: Path) -> float:
    code = ("import time; from pathlib import Path; from briefing_archive.load.history import read_history; "
            f"t = time.perf_counter(); h = read_history(Path({str(root)!r}), Path({str(root)!r}) / 'briefings'); "
            "s = time.perf_counter() - t; assert h.status == 'full', h.line; print(s)")
    out = subprocess.run([str(BIN / "python"), "-c", code], env={**ENV, "BRIEFINGS_CACHE_DIR": str(cache)},
                         capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


def measure(n: int, commits: int, work: Path) -> dict[str, Any]:
    root = work / f"history-n{n}"
    generate(root, n)
    plugin = root / "plugin"
    began = time.perf_counter()
    make_repository(plugin, commits)
    made = time.perf_counter() - began
    with tempfile.TemporaryDirectory() as tmp:
        cold = read_seconds(plugin, Path(tmp) / "a")
        warm = read_seconds(plugin, Path(tmp) / "a")
        build = [str(BIN / "mkdocs"), "build", "--strict", "-q", "-d", str(root / "site")]
        saved = dict(ENV)
        try:
            ENV.update(BRIEFINGS_CACHE_DIR=str(Path(tmp) / "b"))
            with_history, _ = timed(build, plugin)
            ENV.update(GIT_DIR=str(Path(tmp) / "no-git"), BRIEFINGS_CACHE_DIR=str(Path(tmp) / "c"))
            without, _ = timed(build, plugin)
        finally:
            ENV.clear()
            ENV.update(saved)
    shutil.rmtree(root / "site", ignore_errors=True)
    return {"n": n, "commits": commits, "make_s": made, "cold_s": cold, "warm_s": warm, "build_s": with_history,
            "build_without_s": without, "share": cold / with_history}


def run(sizes: list[int], commits: int, work: Path, *, write: bool) -> None:
    rows = [measure(n, commits, work) for n in sizes]
    lines = [("| N | commits | fast-import s | read cold s | read warm s | build s | build without git s | "
              "cold read / build |"), "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    lines += [f"| {r['n']} | {r['commits']} | {r['make_s']:.1f} | {r['cold_s']:.2f} | {r['warm_s']:.2f} | "
              f"{r['build_s']:.1f} | {r['build_without_s']:.1f} | {r['share']:.1%} |" for r in rows]
    text = "\n".join(lines)
    print(text)
    if write:
        machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
        body = (f"Measured by `make bench` on {time.strftime('%Y-%m-%d')} ({machine}), as benchmarks/history.py "
                "describes: the repository is written by one `git fast-import` (the first commit adds the archive, "
                "each later one changes two briefings' grades, quotes or notes and, one in four, a source's "
                "reliability; the last puts the generated archive back); `read_history` timed in a fresh process "
                "with an empty cache (cold, as CI starts) and again (warm); the strict build with the history "
                "(empty cache) beside the same build with git hidden. Target: cold read <= 10 % of the build.\n\n"
                + text)
        replace_block(HERE_RESULTS, MARK_START, MARK_END, body, "History from git")


HERE_RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
