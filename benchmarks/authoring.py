"""`make bench BENCH_ARGS=--authoring`: what an author waits for at archive scale (issue 15).

Three measurements, each alone with its own flag (a 10,000-briefing build takes minutes on a shared machine):

- ``check``: `briefings check` as a whole process, median of 5 runs after a first one (its cache then warm),
  and once more after one briefing is edited (the cache holds every other file).
- ``preview``: the real `mkdocs serve` (the command `make serve` runs) on a generated archive; each kind of
  edit (a claim's note, a briefing's title, a source's name, a source's grade) is made 5 times, and every watched
  page (each index and view, the edited briefing and source, four briefings citing the source) is polled over
  HTTP until each that changes shows its new content; the median from saving the file to the last of them.
- ``build``: the full `mkdocs build --strict` at each N: wall time, peak RSS (/usr/bin/time), and the core's
  share (the plugin logs how long checking and rendering the archive took; the rest is MkDocs and Material).
"""
from __future__ import annotations

import os
import re
import shlex
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
sys.path.insert(0, str(HERE))
from generate import generate
from results import replace_block

SERVE = shlex.split(next(line for line in (HERE.parent / "Makefile").read_text("utf-8").splitlines()
                         if "mkdocs serve" in line).strip().replace("$(BIN)/mkdocs", str(BIN / "mkdocs")))
EDITED = 500   # the briefing edited in the preview and check measurements


def archive(n: int, work: Path) -> Path:
    root = work / f"n{n}"
    if not (root / "plugin" / "briefings" / f"briefing-{n - 1:05d}.yml").exists():
        generate(root, n)
    return root / "plugin"


def _edit(path: Path, marker: str, field: str = "summary") -> str:
    """Put ``marker`` at the start of a quoted field (``summary``, ``note``), replacing the last edit's; the text
    the page then shows."""
    text = path.read_text("utf-8")
    text = re.sub(rf'(?m)^{field}: "(?:Edit \S+ )?', f'{field}: "Edit {marker} ', text, count=1)
    path.write_text(text, encoding="utf-8")
    return marker


def _grade(path: Path, marker: str, field: str = "reliability") -> str:
    """Move a source between B (an outlet relaying others) and C (a named party), with its rubric line."""
    text = path.read_text("utf-8")
    to_c = "reliability: B" in text
    text = re.sub(rf"(?m)^{field}: [A-F]$", f"{field}: {'C' if to_c else 'B'}", text, count=1)
    text = re.sub(r"(?m)^rubric: \S+$", f"rubric: {'party-named' if to_c else 'outlet-relaying'}", text, count=1)
    path.write_text(text, encoding="utf-8")
    return marker


SOURCE = "source-001"   # the source edited (graded B by the generator)
#: The edits the preview is timed on (issue 24): what, the file edited (relative to the archive), how, the field.
EDITS = (("a claim's note", "briefings/briefing-{edited:05d}.yml", _edit, "    note"),
         ("a briefing's title", "briefings/briefing-{edited:05d}.yml", _edit, "title"),
         ("a source's name", f"briefings/sources/{SOURCE}.yml", _edit, "name"),
         ("a source's grade", f"briefings/sources/{SOURCE}.yml", _grade, "reliability"))


def edited_of(n: int) -> int:
    """The briefing edited in an archive of ``n`` (the 500th, or the last of a smaller one)."""
    return min(EDITED, n - 1)


def watched_pages(root: Path, edited: int) -> list[str]:
    """The served pages watched after each edit: every index and view, the edited briefing and source, and the
    first three and the last briefing (in build order) that cite the source; the time of an edit is when the last
    of them that changes shows its new content."""
    citing = [p.stem for p in sorted((root / "briefings").glob("briefing-*.yml"))
              if f"{SOURCE}]" in p.read_text("utf-8") or f"{SOURCE}," in p.read_text("utf-8")]
    picked = sorted(set(citing[:3] + citing[-1:] + [f"briefing-{edited:05d}"]))
    return ["", "briefings/", "claims/", "sources/", f"sources/{SOURCE}/", "entities/", "timeline/", "figures/",
            "relations/", "compare/", "tags/", "methodology/", *(f"briefings/{bid}/" for bid in picked)]


def check_times(n: int, work: Path) -> dict[str, Any]:
    root = archive(n, work)
    env = {**ENV, "BRIEFINGS_CACHE_DIR": str(work / "cache")}

    def once() -> float:
        start = time.perf_counter()
        subprocess.run([str(BIN / "briefings"), "check", "."], cwd=root, env=env, check=True, capture_output=True)
        return time.perf_counter() - start
    first = once()
    warm = [once() for _ in range(5)]
    edited = []
    for i in range(5):
        _edit(root / "briefings" / f"briefing-{edited_of(n):05d}.yml", f"check-{i}")
        edited.append(once())
    return {"n": n, "first_s": first, "warm_s": statistics.median(warm), "warm_runs": warm,
            "edited_s": statistics.median(edited), "edited_runs": edited}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


#: The script `mkdocs serve` adds to every page it serves, with a new id each request: not the page's content.
LIVERELOAD = re.compile(r"<script>(?:(?!</script>).)*?livereload\(\d+, \d+\);\s*</script>", re.DOTALL)


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return LIVERELOAD.sub("", response.read().decode("utf-8"))
    except OSError:
        return None


def _shown(base: str, pages: list[str], before: dict[str, str | None], saved: float, timeout: float,
           builds: Callable[[], int]) -> tuple[float, int]:
    """Poll ``pages`` until the server has finished the rebuild the edit started (``builds``: how many builds its
    log reports; one more than at the edit) and one whole poll after it: (seconds from ``saved`` to the last
    watched page's change, how many pages changed)."""
    done_before = builds()
    changed: dict[str, float] = {}
    finished = False
    while True:
        if time.perf_counter() - saved > timeout:
            raise SystemExit(f"the edit did not show within {timeout} s")
        last_poll = finished
        for page in pages:
            if page not in changed and _get(base + page) != before[page]:
                changed[page] = time.perf_counter()
        if last_poll and changed:
            return max(changed.values()) - saved, len(changed)
        finished = builds() > done_before
        time.sleep(0.05)


def preview_latency(n: int, work: Path, edits: int = 5, timeout: float = 900) -> dict[str, Any]:
    root = archive(n, work)
    port = _free_port()
    cmd = [a if not a.startswith("127.0.0.1:") else f"127.0.0.1:{port}" for a in SERVE]
    log = (work / f"serve-{n}.log").open("w")
    server = subprocess.Popen(cmd, cwd=root, env=ENV, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}/"
    edited = edited_of(n)
    pages = watched_pages(root, edited)

    def builds() -> int:
        log.flush()
        return (work / f"serve-{n}.log").read_text("utf-8", errors="replace").count("Documentation built in")
    medians: dict[str, float] = {}
    runs: dict[str, list[float]] = {}
    shown: dict[str, int] = {}
    try:
        start = time.perf_counter()
        while _get(base + pages[0]) is None:
            if server.poll() is not None or time.perf_counter() - start > timeout:
                raise SystemExit(f"mkdocs serve did not start; see {log.name}")
            time.sleep(0.5)
        ready = time.perf_counter() - start
        for what, file, edit, field in EDITS:
            times = []
            for i in range(edits):
                time.sleep(3)   # let the server settle (its watcher and the last rebuild)
                before = {page: _get(base + page) for page in pages}
                edit(root / file.format(edited=edited), f"preview-{i}-{time.time_ns()}", field)
                saved = time.perf_counter()
                seconds, shown[what] = _shown(base, pages, before, saved, timeout, builds)
                times.append(seconds)
                print(f"  {what}, edit {i + 1}: {times[-1]:.2f} s, {shown[what]} of {len(pages)} watched pages "
                      "changed", file=sys.stderr, flush=True)
            medians[what], runs[what] = statistics.median(times), times
    finally:
        server.terminate()
        server.wait(30)
        log.close()
    return {"n": n, "command": " ".join(SERVE), "ready_s": ready, "medians": medians, "runs": runs,
            "shown": shown, "watched": len(pages)}


def build_at(n: int, work: Path) -> dict[str, Any]:
    root = archive(n, work)
    start = time.perf_counter()
    result = subprocess.run(["/usr/bin/time", "-f", "%M", str(BIN / "mkdocs"), "build", "--strict", "-d",
                             str(root.parent / "site")], cwd=root, env=ENV, capture_output=True, text=True,
                            check=False)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"the build at N = {n} failed:\n{result.stderr[-3000:]}")
    core = re.search(r"checked and rendered in ([\d.]+) seconds", result.stderr)
    rss_mb = int(result.stderr.strip().splitlines()[-1]) // 1024
    return {"n": n, "build_s": seconds, "core_s": float(core.group(1)) if core else None, "rss_mb": rss_mb,
            "load": os.getloadavg()}


def _section(results: Path, part: str, text: str) -> None:
    """Replace this part's block of RESULTS.md (between its markers), keeping everything else."""
    replace_block(results, f"<!-- authoring-{part}:start -->", f"<!-- authoring-{part}:end -->", text,
                  "Authoring at archive scale")


def _machine() -> str:
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return f"{time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} cores shared with other work, load average {load}"


def run(parts: list[str], sizes: list[int], work: Path, *, write: bool) -> None:
    work.mkdir(parents=True, exist_ok=True)
    results = HERE / "RESULTS.md"

    def measured(label: str, measure: Callable[[int, Path], dict[str, Any]]) -> list[dict[str, Any]]:
        rows = []
        for n in sizes:
            print(f"{label} at N = {n} ...", file=sys.stderr, flush=True)
            rows.append(measure(n, work))
            print(rows[-1], file=sys.stderr, flush=True)
        return rows

    def report(part: str, text: str) -> None:
        print(text)
        if write:
            _section(results, part, text)

    if "check" in parts:
        rows = measured("check", check_times)
        text = (f"`briefings check`, whole process ({_machine()} at the end):\n\n"
                "| N | first run s | median of 5 after it s | median of 5, one briefing edited before each s |\n"
                "| ---: | ---: | ---: | ---: |\n"
                + "\n".join(f"| {r['n']} | {r['first_s']:.2f} | {r['warm_s']:.2f} | {r['edited_s']:.2f} |" for r in rows)
                + "\n\nRuns: " + "; ".join(f"N = {r['n']}: " + ", ".join(f"{x:.2f}" for x in r["warm_runs"])
                                           + " / edited " + ", ".join(f"{x:.2f}" for x in r["edited_runs"])
                                           for r in rows))
        report("check", text)
    if "preview" in parts:
        rows = measured("preview", preview_latency)
        text = (f"Preview (`{rows[0]['command']}`, as `make serve`; {_machine()} at the end): each edit made 5 "
                "times, from saving the file until every watched page that shows the change shows it (median, then "
                "each run; the pages that changed, of those watched: every index and view, the edited briefing and "
                "source, and four briefings citing the source):\n\n"
                "| N | first build s | " + " | ".join(what for what, *_ in EDITS) + " |\n"
                "| ---: | ---: | " + " | ".join("---" for _ in EDITS) + " |\n"
                + "\n".join(f"| {r['n']} | {r['ready_s']:.1f} | " + " | ".join(
                    f"**{r['medians'][what]:.2f}** (" + ", ".join(f"{x:.2f}" for x in r["runs"][what])
                    + f"; {r['shown'][what]} of {r['watched']} pages)"
                    for what, *_ in EDITS) + " |" for r in rows))
        report("preview", text)
    if "build" in parts:
        rows = measured("full build", build_at)
        text = (f"Full build (`mkdocs build --strict`, {_machine()} at the end), one run each:\n\n"
                "| N | build s | core s (plugin's log) | MkDocs + Material s | peak RSS MB | load at the end |\n"
                "| ---: | ---: | ---: | ---: | ---: | --- |\n"
                + "\n".join(f"| {r['n']} | {r['build_s']:.1f} | {r['core_s'] or 0:.1f} | "
                            f"{r['build_s'] - (r['core_s'] or 0):.1f} | {r['rss_mb']} | "
                            + ", ".join(f"{x:.1f}" for x in r["load"]) + " |" for r in rows))
        by_n = {r["n"]: r for r in rows}
        if 1000 in by_n and 10000 in by_n:
            text += f"\n\ntime(10,000) / time(1,000): {by_n[10000]['build_s'] / by_n[1000]['build_s']:.2f}"
        report("build", text)
