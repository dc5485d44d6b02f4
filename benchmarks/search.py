"""Claim-level search with Pagefind at scale: `make bench` (or `BENCH_ARGS=--search` for this part alone).

Issue 25, item 3. For each N, a synthetic archive (benchmarks/generate.py) switched to ``search: pagefind`` (Material's
search removed) is built and served on 127.0.0.1 by a server that compresses responses as a static host does (gzip
level 6 for text: HTML, CSS, JS, JSON; Pagefind's own ``.pagefind`` files are gzip already and go out as they are)
and counts the bytes it sends for each request, headers included. In Chromium (Playwright, headless, a fresh context:
cold cache) a briefing page is opened; then a word of the claims' notes is put into the search box in one input
event (as a paste, or the last keystroke of a word typed) and timed from that event to the first result on screen
(Pagefind UI's own 300 ms debounce included); then the credibility filter's value ``3`` is ticked.

Counted for the first query: every file of ``pagefind/`` the page requested from its load until the results settle
(the library: pagefind-ui.js and .css, pagefind.js, the WebAssembly, the entry; then the filters, the index chunks
and the results' fragments). For the filtered query: every request made from the tick until the results settle.
The briefing page itself and the theme's assets are reported beside them, not counted. Target: 300 KB for each at
10,000 briefings. Rewrites only its own part of RESULTS.md (between the ``search-bench`` markers).
"""
from __future__ import annotations

import gzip
import mimetypes
import os
import platform
import re
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib.metadata import version
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
TARGET_KB = 300
GZIP_LEVEL = 6
COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")
WORD = "artillery"       # in the generator's word list: in many claims' notes (and in articles): a broad query
CREDIBILITY = "3"        # the filter value ticked (the generator's commonest grade)
PAGE = "briefings/briefing-00001/"
QUIET_MS = 800           # the results have settled when no request came for this long
DONE = """() => { const m = document.querySelector('#bx-pagefind-search .pagefind-ui__message');
    return m !== null && / results? for /.test(m.textContent) && !m.textContent.startsWith('Searching'); }"""
MARK_START, MARK_END = "<!-- search-bench:start -->", "<!-- search-bench:end -->"


class _Server(ThreadingHTTPServer):
    site: Path
    log: list[tuple[float, str, int, int]]   # (monotonic seconds, path, bytes sent, file bytes)
    lock: threading.Lock


class _Handler(BaseHTTPRequestHandler):
    """Serves the site, gzipping text as a static host does, and logs the bytes each response sent."""

    server: _Server

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        path = unquote(urlsplit(self.path).path)
        file = (self.server.site / path.lstrip("/")).resolve()
        if file.is_dir():
            file = file / "index.html"
        if not file.is_relative_to(self.server.site) or not file.is_file():
            self.send_error(404)
            return
        body = raw = file.read_bytes()
        headers = {"Content-Type": mimetypes.guess_type(file.name)[0] or "application/octet-stream"}
        if file.suffix in COMPRESSED and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(raw, GZIP_LEVEL, mtime=0)
            headers["Content-Encoding"] = "gzip"
        headers["Content-Length"] = str(len(body))
        head = "".join([f"{self.protocol_version} 200 OK\r\n", *(f"{k}: {v}\r\n" for k, v in headers.items()),
                        "\r\n"]).encode("latin-1")
        self.wfile.write(head + body)
        with self.server.lock:
            self.server.log.append((time.monotonic(), path, len(head) + len(body), len(raw)))


def build(n: int, work: Path) -> Path:
    """Generate N briefings, switch them to Pagefind and build (not --strict: the synthetic grades ignore the
    credibility rule, which warns; the pages are the same)."""
    root = work / f"search-n{n}"
    generate(root, n)
    config = root / "plugin" / "mkdocs.yml"
    text = config.read_text("utf-8").replace("  - search\n", "")
    text = re.sub(r"^  - briefings:?\n", "  - briefings:\n      search: pagefind\n", text, count=1, flags=re.MULTILINE)
    config.write_text(text, encoding="utf-8")
    site = root / "site"
    subprocess.run([str(BIN / "mkdocs"), "build", "-q", "-d", str(site)], cwd=root / "plugin",
                   env=ENV, check=True, capture_output=True)
    return site


def _settle(server: _Server, began: float) -> None:
    """Wait until no request has come for QUIET_MS since ``began`` (the UI has everything it asked for)."""
    while True:
        time.sleep(QUIET_MS / 4000)
        with server.lock:
            last = max(server.log[-1][0] if server.log else 0.0, began)
        if time.monotonic() - last > QUIET_MS / 1000:
            return


def _since(server: _Server, start: int) -> list[tuple[str, int, int]]:
    with server.lock:
        return [(path, sent, raw) for _, path, sent, raw in server.log[start:]]


def browser_figures(site: Path) -> dict[str, Any]:
    """The requests (path, bytes sent, file bytes) of the page's load, the first query and the filtered one, and
    the milliseconds from the query's input event to its first result."""
    from playwright.sync_api import sync_playwright

    server = _Server(("127.0.0.1", 0), _Handler)
    server.site, server.log, server.lock = site.resolve(), [], threading.Lock()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
            context = browser.new_context(viewport={"width": 1280, "height": 900})   # fresh: nothing cached
            page = context.new_page()
            began = time.monotonic()
            page.goto(f"http://127.0.0.1:{server.server_port}/{PAGE}", wait_until="networkidle")
            _settle(server, began)
            loaded = _since(server, 0)
            page.evaluate("""() => { window.__bx = {};
                const box = document.getElementById('bx-pagefind-search');
                box.querySelector('input').addEventListener('input', () => { window.__bx.t0 = performance.now(); },
                                                            {capture: true, once: true});
                new MutationObserver((_, o) => { if (box.querySelector('.pagefind-ui__result-link')) {
                    window.__bx.t1 = performance.now(); o.disconnect(); } })
                    .observe(box, {childList: true, subtree: true}); }""")
            mark, began = len(server.log), time.monotonic()
            page.locator("#bx-pagefind-search input").fill(WORD)
            page.wait_for_function("window.__bx.t1 !== undefined", timeout=300000)
            first_ms = page.evaluate("window.__bx.t1 - window.__bx.t0")
            page.wait_for_function(DONE, timeout=300000)
            _settle(server, began)
            query = _since(server, mark)
            results = page.locator(".pagefind-ui__results > .pagefind-ui__result").count()
            page.eval_on_selector_all("details.pagefind-ui__filter-block", "ds => ds.forEach(d => { d.open = true; })")
            page.evaluate("""() => { const box = document.getElementById('bx-pagefind-search');
                window.__bx.before = box.querySelector('.pagefind-ui__message').textContent; }""")
            mark, began = len(server.log), time.monotonic()
            page.evaluate("""value => [...document.querySelectorAll('input.pagefind-ui__filter-checkbox')]
                .filter(i => i.name === 'credibility')
                .find(i => document.querySelector(`label[for="${CSS.escape(i.id)}"]`).textContent
                      .startsWith(value + ': ')).click()""", CREDIBILITY)
            page.wait_for_selector(".pagefind-ui__filter-value--checked", timeout=5000)
            page.wait_for_function(f"() => ({DONE})() && document.querySelector("
                                   "'#bx-pagefind-search .pagefind-ui__message').textContent !== window.__bx.before",
                                   timeout=300000)
            filtered_ms = (time.monotonic() - began) * 1000
            before = page.evaluate("window.__bx.before")
            _settle(server, began)
            filtered = _since(server, mark)
            narrowed = page.locator(".pagefind-ui__results > .pagefind-ui__result").count()
            message = page.locator(".pagefind-ui__message").first.inner_text()
            context.close()
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return {"loaded": loaded, "query": query, "filtered": filtered, "first_ms": first_ms, "filtered_ms": filtered_ms,
            "results": results,
            "narrowed": narrowed, "message": message,
            "before": before}


def _kb(requests: list[tuple[str, int, int]]) -> float:
    return sum(sent for _, sent, _ in requests) / 1000


def measure(n: int, work: Path) -> dict[str, Any]:
    print(f"search: building N = {n} with Pagefind ...", file=sys.stderr, flush=True)
    started = time.perf_counter()
    site = build(n, work)
    build_s = time.perf_counter() - started
    print("search: querying in Chromium ...", file=sys.stderr, flush=True)
    f = browser_figures(site)
    library = [r for r in f["loaded"] if r[0].startswith("/pagefind/")]
    page = [r for r in f["loaded"] if not r[0].startswith("/pagefind/")]
    first = library + f["query"]
    index = site / "pagefind"
    return {"n": n, "build_s": build_s, "first": first, "filtered": f["filtered"], "page": page,
            "first_kb": _kb(first), "filtered_kb": _kb(f["filtered"]), "page_kb": _kb(page),
            "first_raw_kb": sum(raw for _, _, raw in first) / 1000, "first_ms": f["first_ms"], "filtered_ms": f["filtered_ms"],
            "results": f["results"], "narrowed": f["narrowed"], "message": f["message"], "before": f["before"],
            "index_files": sum(1 for p in index.rglob("*") if p.is_file()),
            "index_mb": sum(p.stat().st_size for p in index.rglob("*") if p.is_file()) / 1e6}


def _kind(path: str) -> str:
    name = path.rsplit("/", 1)[-1]
    for prefix, kind in (("pagefind-ui", "UI"), ("pagefind.js", "library"), ("pagefind-worker", "library"), ("wasm.", "WebAssembly"),
                         ("pagefind-entry", "entry"), ("pagefind-highlight", "library")):
        if name.startswith(prefix):
            return kind
    return {"/pagefind/index/": "index chunk", "/pagefind/fragment/": "result fragment",
            "/pagefind/filter/": "filter chunk"}.get(path[:path.rfind("/") + 1],
                                                     "metadata" if name.endswith(".pf_meta") else "other")


def _composition(requests: list[tuple[str, int, int]]) -> str:
    kinds: dict[str, list[int]] = {}
    for path, sent, _ in requests:
        kinds.setdefault(_kind(path), []).append(sent)
    return ", ".join(f"{kind} {len(sizes)} x, {sum(sizes) / 1000:,.1f} KB" for kind, sizes in sorted(kinds.items()))


def section(rows: list[dict[str, Any]]) -> str:
    """A table per N: the two queries' bytes and the time to the first result, against the target."""
    met = {True: "yes", False: "no"}
    lines: list[str] = []
    for r in rows:
        lines += [f"### N = {r['n']:,} briefings ({r['n'] * 15:,} claims)", "",
                  "| measure | measured | target | met? |", "| --- | ---: | ---: | --- |",
                  (f"| bytes for a first query (\"{WORD}\"), library included, as sent | {r['first_kb']:,.1f} KB "
                  f"({r['first_raw_kb']:,.1f} KB as stored) | {TARGET_KB} KB | {met[r['first_kb'] <= TARGET_KB]} |"),
                  (f"| bytes for the filtered query (credibility {CREDIBILITY} ticked), as sent | "
                  f"{r['filtered_kb']:,.1f} KB | {TARGET_KB} KB | {met[r['filtered_kb'] <= TARGET_KB]} |"),
                  (f"| time to the first result, from the input event (300 ms debounce included) | "
                  f"{r['first_ms']:,.0f} ms | | |"),
                  (f"| time to the filtered results, from the tick (Playwright's clock: polled, an upper bound) | "
                   f"{r['filtered_ms']:,.0f} ms | | |"), "",
                  f"- First query: {len(r['first'])} requests: {_composition(r['first'])}.",
                  f"- Filtered query: {len(r['filtered'])} requests: {_composition(r['filtered'])}.",
                  (f"- Results: \"{r['before']}\" before the filter, \"{r['message']}\" after (the first "
                   f"{r['results']} and {r['narrowed']} shown, each with its fragment)."),
                  (f"- Not counted: the briefing page and the theme's assets ({len(r['page'])} requests, "
                  f"{r['page_kb']:,.1f} KB as sent). Pagefind's index on disk: {r['index_files']:,} files, "
                  f"{r['index_mb']:,.1f} MB. Build with the index (generate excluded): {r['build_s']:.0f} s."), ""]
    return "\n".join(lines).rstrip("\n")


def write_section(results: Path, text: str, sizes: list[int]) -> None:
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    machine = (f"{platform.machine()}, {os.cpu_count()} cores shared with other work, load average {load} at the "
               f"end, Python {platform.python_version()}, Pagefind {version('pagefind')}")
    missing = [n for n in (1000, 10_000) if n not in sizes]
    body = (f"Measured by `make bench` on {time.strftime('%Y-%m-%d')} ({machine}; Chromium headless, a fresh "
            "context, no network throttling, from 127.0.0.1): `benchmarks/search.py`. Bytes are what the server sent "
            f"(headers included), text gzipped at level {GZIP_LEVEL}, Pagefind's pre-compressed files as they are."
            + (f" Not run at N = {', '.join(f'{n:,}' for n in missing)}." if missing else "") + "\n\n" + text)
    replace_block(results, MARK_START, MARK_END, body, "Claim search with Pagefind (issue 25)")


def run(sizes: list[int], work: Path, *, write: bool) -> list[dict[str, Any]]:
    rows = [measure(n, work) for n in sizes]
    text = section(rows)
    print(text)
    if write:
        write_section(HERE / "RESULTS.md", text, sizes)
    return rows
