"""The claims explorer at scale: `make bench` (or `BENCH_ARGS=--explorer-only` for this part alone).

Builds a synthetic archive of N briefings (15 claims each; N = 1,000 by default: 15,000 claims), then
measures the two costs a reader of /claims/ pays:

- bytes: what the page downloads to show its rows and filter them (the HTML, with its first rows, every
  stylesheet and script it links, and the data file), each compressed with gzip at level 6 (a common
  server setting; the site is static, so a host may also store them pre-compressed). Target: 500 KB;
- time: a filter change in Debian's Chromium (Playwright, headless), from ticking a box or typing into the
  words field to the new rows and counts laid out: ``performance.now()`` around the event and a forced
  layout, the median over a fixed sequence of changes. Target: 100 ms.

Only 127.0.0.1 is asked for anything. Rewrites only its own part of RESULTS.md (between the
``explorer-bench`` markers).
"""
from __future__ import annotations

import gzip
import os
import platform
import re
import statistics
import subprocess
import sys
import threading
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))
from generate import generate
from results import replace_block

from conftest import CHROMIUM_FLAGS  # the browser tests' flags: one list

BIN = Path(sys.executable).parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
CHROMIUM = os.environ.get("BRIEFINGS_CHROMIUM", "/usr/bin/chromium")
TARGET_KB, TARGET_MS = 500, 100
GZIP_LEVEL = 6
MARK_START, MARK_END = "<!-- explorer-bench:start -->", "<!-- explorer-bench:end -->"
#: The filter changes timed, in order, three rounds: (kind, facet or None for words, value).
CHANGES = [("facet", "credibility", "3"), ("facet", "source", "source-001"), ("facet", "tag", "kursk"),
           ("words", None, "front"), ("words", None, "front line"), ("facet", "status", "echoed"),
           ("facet", "entity", "entity-007"), ("facet", "entity", "entity-007"), ("words", None, ""),
           ("facet", "status", "echoed"), ("facet", "tag", "kursk"), ("facet", "source", "source-001"),
           ("facet", "credibility", "3"), ("words", None, "sector 12")]
ROUNDS = 3


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def build(n: int, work: Path) -> Path:
    """Generate N briefings and build them (not --strict: the synthetic grades ignore the credibility rule,
    which warns; the pages are the same)."""
    root = work / f"explorer-n{n}"
    generate(root, n)
    site = root / "site"
    subprocess.run([str(BIN / "mkdocs"), "build", "-q", "-d", str(site)], cwd=root / "plugin", env=ENV,
                   check=True, capture_output=True)
    return site


def page_assets(site: Path) -> list[tuple[str, int, int]]:
    """(path in the site, bytes, gzip bytes) of the explorer page and every stylesheet and script it links."""
    page = site / "claims" / "index.html"
    html = page.read_text("utf-8")
    links = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html) + re.findall(r'<script src="([^"]+)"', html)
    out = [("claims/index.html", *_sizes(page.read_bytes()))]
    for href in dict.fromkeys(links):
        if urlsplit(href).scheme:
            raise SystemExit(f"the explorer links {href}, which is not in the site")
        path = (page.parent / unquote(urlsplit(href).path)).resolve()
        out.append((path.relative_to(site.resolve()).as_posix(), *_sizes(path.read_bytes())))
    return out


def _sizes(data: bytes) -> tuple[int, int]:
    return len(data), len(gzip.compress(data, GZIP_LEVEL, mtime=0))


def browser_figures(site: Path) -> dict[str, Any]:
    """Times in Chromium: the first paint, the script's rows, each filter change, a "show more"."""
    from playwright.sync_api import sync_playwright

    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
            page = browser.new_page()
            requested: list[str] = []
            page.on("request", lambda r: requested.append(urlsplit(r.url).path.lstrip("/")))
            page.goto(f"http://127.0.0.1:{server.server_port}/claims/", wait_until="networkidle")
            total = page.inner_text("#bx-claims-count")
            ready = page.evaluate("performance.getEntriesByName('bx-claims-ready')[0].startTime")
            paint = page.evaluate("(performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime")
            timings: dict[str, list[float]] = {"facet": [], "words": []}
            slowest = (0.0, "")
            for round_ in range(ROUNDS):
                for kind, facet, value in CHANGES:
                    if facet is None:
                        ms = page.evaluate("""words => { const q = document.getElementById('bx-claims-q');
                            const t0 = performance.now(); q.value = words; q.dispatchEvent(new Event('input'));
                            document.body.offsetHeight; return performance.now() - t0; }""", value)
                    else:
                        ms = page.evaluate("""sel => { const box = document.querySelector(sel);
                            const t0 = performance.now(); box.click(); document.body.offsetHeight;
                            return performance.now() - t0; }""", f"details[data-facet='{facet}'] input[value='{value}']")
                    timings[kind].append(ms)
                    what = f"{facet} {value}" if facet else f"words {value!r}"
                    slowest = max(slowest, (ms, f"{what}, round {round_ + 1}"))
            page.evaluate("() => { const q = document.getElementById('bx-claims-q'); q.value = '';"
                          " q.dispatchEvent(new Event('input')); }")
            more = statistics.median(page.evaluate("""() => { const b = document.getElementById('bx-claims-more');
                const t0 = performance.now(); b.click(); document.body.offsetHeight;
                return performance.now() - t0; }""") for _ in range(3))
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return {"count": total, "ready_ms": ready, "paint_ms": paint, "facet_ms": timings["facet"],
            "words_ms": timings["words"], "more_ms": more,
            "slowest": slowest[1], "requested": sorted(set(requested))}


def measure(n: int, work: Path) -> dict[str, Any]:
    print(f"explorer: building N = {n} ...", file=sys.stderr, flush=True)
    site = build(n, work)
    assets = page_assets(site)
    print("explorer: timing filter changes in Chromium ...", file=sys.stderr, flush=True)
    figures = browser_figures(site)
    linked = {path for path, _, _ in assets}
    others = [(path, *_sizes((site / path).read_bytes())) for path in figures.pop("requested")
              if path and path not in linked and path != "claims/" and (site / path).is_file()]
    changes = figures["facet_ms"] + figures["words_ms"]
    return {"n": n, "assets": assets, "others": others, "gz_kb": sum(gz for _, _, gz in assets) / 1000,
            "raw_kb": sum(raw for _, raw, _ in assets) / 1000, "median_ms": statistics.median(changes),
            "max_ms": max(changes), "facet_median_ms": statistics.median(figures["facet_ms"]),
            "words_median_ms": statistics.median(figures["words_ms"]), "changes": len(changes), **figures}


def section(r: dict[str, Any]) -> str:
    """The Markdown of the explorer's figures."""
    met = {True: "yes", False: "no"}
    measures = [
        (f"bytes downloaded to show and filter the rows (gzip -{GZIP_LEVEL})",
         f"{r['gz_kb']:,.0f} KB ({r['raw_kb']:,.0f} KB uncompressed)", f"{TARGET_KB} KB", met[r["gz_kb"] <= TARGET_KB]),
        (f"filter change, median of {r['changes']} (boxes ticked and unticked, words typed)",
         f"{r['median_ms']:.1f} ms", f"{TARGET_MS} ms", met[r["median_ms"] <= TARGET_MS]),
        (f"filter change, slowest ({r['slowest']})", f"{r['max_ms']:.1f} ms", "", ""),
        ("box ticked or unticked, median", f"{r['facet_median_ms']:.1f} ms", "", ""),
        ("words typed, median", f"{r['words_median_ms']:.1f} ms", "", ""),
        ("\"Show 100 more\" (from 100 rows to 200, 300 and 400), median of 3", f"{r['more_ms']:.1f} ms", "", ""),
        ("first contentful paint (the page's static rows), from 127.0.0.1", f"{r['paint_ms']:.0f} ms", "", ""),
        ("filters ready (data parsed, rows rendered by the script), from 127.0.0.1", f"{r['ready_ms']:.0f} ms",
         "", ""),
    ]
    lines = [f"Archive: N = {r['n']:,} briefings ({r['count']}). Page: `/claims/`.", "",
             "| measure | measured | target | met? |", "| --- | ---: | ---: | --- |"]
    lines += ["| " + " | ".join(m) + " |" for m in measures]
    lines += ["", "What the page downloads (counted above):", "", "| file | bytes | gzip bytes |", "| --- | ---: | ---: |"]
    lines += [f"| `{path}` | {raw:,} | {gz:,} |" for path, raw, gz in r["assets"]]
    if r["others"]:
        lines += ["", "Also requested while the page loads, not needed for its rows (not counted): "
                  + ", ".join(f"`{path}` ({gz:,} gzip bytes)" for path, _, gz in r["others"]) + "."]
    return "\n".join(lines)


def write_section(results: Path, text: str) -> None:
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    machine = (f"{platform.machine()}, {os.cpu_count()} cores shared with other work, load average {load} at "
               f"the end, Python {platform.python_version()}")
    body = (f"Measured by `make bench` on {time.strftime('%Y-%m-%d')} ({machine}; Chromium headless, "
             "no network throttling): `benchmarks/explorer.py`.\n\n" + text)
    replace_block(results, MARK_START, MARK_END, body, "Claims explorer")


def run(n: int, work: Path, *, write: bool) -> dict[str, Any]:
    r = measure(n, work)
    text = section(r)
    print(text)
    if write:
        write_section(HERE / "RESULTS.md", text)
    return r
