"""`make bench`: what the briefings plugin costs and how it grows, all measured in one run.

For each N: generate a synthetic archive (benchmarks/generate.py), then time `briefings check`,
the full strict build (what `make site` runs), the plain baseline (the same article text and
notes as Markdown pages, same MkDocs + Material config, no plugin), and the core alone (load,
validate, anchor, link, render, in-process). Peak RSS comes from /usr/bin/time (%M). Prints one
table and writes benchmarks/RESULTS.md.

A third section (``--explorer-only`` runs it alone; benchmarks/explorer.py) measures the claims explorer
(/claims/) at 1,000 briefings: the compressed bytes it downloads, and a filter change in Chromium.

A fourth (``--zensical`` runs it alone; benchmarks/zensical.py) times both engines, `make site` (MkDocs) and
`make zensical`, on the shipped archive and on 1,000 briefings.

A sixth (``--search`` runs it alone; benchmarks/search.py) measures claim search with Pagefind (issue 25): the
compressed bytes of a first query and of a filtered one, library included, and the time to the first result.

A seventh (``--history`` runs it alone; benchmarks/history.py) times reading the archive's history from git (issue 27):
1,000 briefings in a repository of 5,000 commits written by `git fast-import`, cold and warm, against the full build.

A fifth (``--adversarial`` runs it alone; benchmarks/adversarial.py) times the worst inputs an author can write
(issue 22): each at two sizes, with the ratio of their costs.

A second section (``--render-only`` runs it alone) times the two costs an author controls
within one briefing: rendering a briefing whose article is 0.25, 1 and 4 MB, and the
closest-passage search for long quotes that are not in the article. It uses the core API in-process (no MkDocs)
and rewrites only its own part of RESULTS.md (between the ``article-bench`` markers).
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
from typing import Any

HERE = Path(__file__).resolve().parent

sys.path.insert(0, str(HERE))
if not os.environ.get("PYTHONPATH"):
    sys.path.insert(1, str(HERE.parent / "plugins"))   # this checkout's plugin (unless PYTHONPATH names one)
import adversarial
import authoring
import explorer
import history
import search
import zensical
from generate import generate, long_article, mistype
from results import replace_block
from timing import BIN, ENV, timed

from briefing_archive.core.model import Archive, Article, Briefing, Caution, Claim, Source, Span
from briefing_archive.derive.terms import with_terms
from briefing_archive.load.anchor import FoldedText, NotFound, anchor
from briefing_archive.load.lexicon import load_lexicon
from briefing_archive.render.pages import render_pages

ARTICLE_MB = (0.25, 1.0, 4.0)
CLAIMS_PER_ARTICLE = 300
QUOTES = ((10_000, 100_000), (20_000, 1_000_000))    # (quote characters, article characters)
QUOTE_KINDS = ("mistyped", "foreign")
MARK_START, MARK_END = "<!-- article-bench:start -->", "<!-- article-bench:end -->"


def core_seconds(root: Path) -> float:
    code = ("import time, sys; from briefing_archive.core.config import ArchiveConfig; "
            "from briefing_archive.site import build_site; t = time.perf_counter(); "
            f"build_site(ArchiveConfig.at({str(root)!r}), directory_urls=True, strict=True, site_url='http://127.0.0.1:8000/'); "
            "print(time.perf_counter() - t)")
    out = subprocess.run([str(BIN / "python"), "-c", code], env=ENV, capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


def tree_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def measure(n: int, work: Path) -> dict[str, Any]:
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


def table(rows: list[dict[str, Any]]) -> str:
    head = "| " + " | ".join(c[0] for c in COLUMNS) + " |"
    rule = "|" + "|".join(" ---: " for _ in COLUMNS) + "|"
    body = ["| " + " | ".join(fmt.format(r[key]) for _, key, fmt in COLUMNS) + " |" for r in rows]
    return "\n".join([head, rule, *body])


def article_archive(size: int) -> Archive:
    """A one-briefing archive (model objects, no files) whose article is about ``size`` characters."""
    text, spans = long_article(size, CLAIMS_PER_ARTICLE)
    lexicon, problems = load_lexicon("phia", HERE, 1 << 20)
    assert lexicon is not None, problems
    sources = {"agency": Source("agency", "Agency", "news-outlet", "B", "An agency."),
               "ministry": Source("ministry", "Ministry", "government", "C", "A ministry.", party="Ukraine")}
    claims = tuple(Claim(f"claim-{i}", text[a:b], Span(a, b), (("agency",), ("ministry",)) if i % 2 else
                         (("ministry",),), 2 + i % 4, note=f"Note {i}.") for i, (a, b) in enumerate(spans))
    # a few cautions, each over the second half of a claim's quote and the words after it (crossing it)
    ends = [text.rfind(" ", b, min(b + 30, len(text))) for _, b in spans[::50]]
    warnings = tuple(Caution(text[(a + b) // 2:e], Span((a + b) // 2, e), "Careful.")
                     for (a, b), e in zip(spans[::50], ends, strict=True) if e > b)
    briefing = Briefing("long", "A long article", Article("long.txt", text, "0" * 64), "Summary.",
                        warnings=warnings, claims=claims)
    return Archive((briefing,), sources, {}, lexicon)


def render_seconds(size: int) -> dict[str, Any]:
    """Seconds to render every page of a one-briefing archive whose article is ``size`` characters."""
    archive = article_archive(size)
    start = time.perf_counter()
    pages = render_pages(archive)
    seconds = time.perf_counter() - start
    terms = len(with_terms(archive).briefings[0].terms)
    return {"mb": size / 1e6, "claims": len(archive.briefings[0].claims), "terms": terms, "render_s": seconds,
            "s_per_mb": seconds / (size / 1e6), "page_mb": len(pages["briefings/long.md"]) / 1e6}


def closest_seconds(quote_chars: int, article_chars: int, kind: str) -> dict[str, Any]:
    """Seconds of the closest-passage search for a quote of ``quote_chars`` that is not in the article:
    ``mistyped`` (a passage from the article's middle with one letter in ten changed) or ``foreign``
    (a passage of another article: nothing to find, the costliest case for an exhaustive search)."""
    text, _ = long_article(article_chars, CLAIMS_PER_ARTICLE)
    start = text.index(" ", (len(text) - quote_chars) // 2) + 1
    end = text.rindex(" ", start, start + quote_chars)
    if kind == "mistyped":
        quote = mistype(text[start:end], every=10)
    else:
        other, _ = long_article(quote_chars + 1000, CLAIMS_PER_ARTICLE, seed=99)
        quote = other[:other.rindex(" ", 0, quote_chars)]
    folded = FoldedText(text)
    began = time.perf_counter()
    result = anchor(folded, quote)
    seconds = time.perf_counter() - began
    assert isinstance(result, NotFound), result
    assert result.closest is not None, result
    overlap = max(0, min(end, result.closest.end) - max(start, result.closest.start)) / (end - start)
    return {"quote_kb": quote_chars / 1e3, "article_kb": article_chars / 1e3, "kind": kind, "closest_s": seconds,
            "overlap": overlap if kind == "mistyped" else None, "score": result.score}


def article_section(sizes: tuple[float, ...] = ARTICLE_MB) -> tuple[str, list[dict[str, Any]], list[dict[str, Any]]]:
    """Measure rendering by article size and the closest-passage search; Markdown of both tables."""
    renders = []
    for mb in sizes:
        print(f"rendering a {mb:g} MB article ...", file=sys.stderr, flush=True)
        renders.append(render_seconds(int(mb * 1e6)))
    quotes = []
    for quote_chars, article_chars in QUOTES:
        for kind in QUOTE_KINDS:
            print(f"closest passage: {kind} {quote_chars // 1000} KB quote, {article_chars // 1000} KB article ...",
                  file=sys.stderr, flush=True)
            quotes.append(closest_seconds(quote_chars, article_chars, kind))
    lines = ["| article MB | claims | terms found | render s | s per MB | page MB |",
             "| ---: | ---: | ---: | ---: | ---: | ---: |"]
    lines += [f"| {r['mb']:g} | {r['claims']} | {r['terms']} | {r['render_s']:.2f} | {r['s_per_mb']:.2f} | "
              f"{r['page_mb']:.1f} |" for r in renders]
    by_mb = {r["mb"]: r for r in renders}
    if 1.0 in by_mb and 4.0 in by_mb:
        lines += ["", f"time(4 MB)/time(1 MB): {by_mb[4.0]['render_s'] / by_mb[1.0]['render_s']:.2f}"]
    lines += ["", "| quote | quote KB | article KB | closest-passage s | share of the true passage shown | score |",
              "| --- | ---: | ---: | ---: | ---: | ---: |"]
    lines += [f"| {q['kind']} | {q['quote_kb']:g} | {q['article_kb']:g} | {q['closest_s']:.3f} | "
              f"{'-' if q['overlap'] is None else format(q['overlap'], '.0%')} | {q['score']:.1f} |" for q in quotes]
    return "\n".join(lines), renders, quotes


def write_article_section(results: Path, text: str) -> None:
    """Replace the measured part of the "Article size and closest passage" section, keeping the rest."""
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    body = (f"Measured by `make bench` on {time.strftime('%Y-%m-%d')} ({machine}): one briefing, "
             f"{CLAIMS_PER_ARTICLE} claims, every page of its archive rendered by `render.pages.render_pages`; then "
             "`load.anchor.anchor`'s closest passage for a quote that is not in the article: a passage from the "
             "article's middle with one letter in ten changed (mistyped), or a passage of another article "
             "(foreign).\n\n"
             f"{text}")
    replace_block(results, MARK_START, MARK_END, body, "Article size and closest passage")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="100,1000,2000", help="comma-separated N (default 100,1000,2000)")
    parser.add_argument("--large", action="store_true", help="add N = 5000")
    parser.add_argument("--work", default=str(HERE / ".work"), help="where archives and sites are built")
    parser.add_argument("--no-write", action="store_true", help="do not rewrite benchmarks/RESULTS.md")
    parser.add_argument("--render-only", action="store_true",
                        help="only time rendering by article size and the closest-passage search")
    parser.add_argument("--article-mb", default=",".join(f"{mb:g}" for mb in ARTICLE_MB),
                        help="comma-separated article sizes in MB for that section (default 0.25,1,4)")
    parser.add_argument("--explorer-only", action="store_true",
                        help="only measure the claims explorer (bytes downloaded, filter change in Chromium)")
    parser.add_argument("--explorer-n", type=int, default=1000, help="briefings for that section (default 1000)")
    parser.add_argument("--authoring", action="store_true",
                        help="only the authoring measurements (benchmarks/authoring.py): check, preview, build")
    parser.add_argument("--parts", default="check,preview,build", help="which of them (default: all three)")
    parser.add_argument("--authoring-n", default="1000", help="comma-separated N for them (default 1000)")
    parser.add_argument("--zensical", action="store_true",
                        help="only the two engines side by side (benchmarks/zensical.py): shipped archive and N")
    parser.add_argument("--zensical-n", default="1000", help="comma-separated N for them (default 1000)")
    parser.add_argument("--search", action="store_true",
                        help="only claim search with Pagefind (benchmarks/search.py): bytes per query, first result")
    parser.add_argument("--search-n", default="1000", help="comma-separated N for it (default 1000)")
    parser.add_argument("--adversarial", action="store_true",
                        help="only the adversarial inputs (benchmarks/adversarial.py): issue 22's worst cases")
    parser.add_argument("--history", action="store_true",
                        help="only reading the history from git (benchmarks/history.py): cold, warm, against a build")
    parser.add_argument("--history-n", default="1000", help="comma-separated N for it (default 1000)")
    parser.add_argument("--history-commits", type=int, default=5000, help="commits of its repository (default 5000)")
    args = parser.parse_args()
    if args.history:
        history.run([int(n) for n in args.history_n.split(",")], args.history_commits, Path(args.work),
                    write=not args.no_write)
        return
    if args.adversarial:
        adversarial.run(Path(args.work), write=not args.no_write)
        return
    if args.search:
        search.run([int(n) for n in args.search_n.split(",")], Path(args.work), write=not args.no_write)
        return
    if args.zensical:
        zensical.run([int(n) for n in args.zensical_n.split(",")], Path(args.work), write=not args.no_write)
        return
    if args.authoring:
        authoring.run(args.parts.split(","), [int(n) for n in args.authoring_n.split(",")], Path(args.work),
                      write=not args.no_write)
        return
    if args.explorer_only:
        explorer.run(args.explorer_n, Path(args.work), write=not args.no_write)
        return
    article_sizes = tuple(float(s) for s in args.article_mb.split(","))
    if args.render_only:
        text, _, _ = article_section(article_sizes)
        print(text)
        if not args.no_write:
            write_article_section(HERE / "RESULTS.md", text)
        return
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
    article_text, _, _ = article_section(article_sizes)
    print(article_text)
    if not args.no_write:
        write_article_section(HERE / "RESULTS.md", article_text)
    explorer.run(args.explorer_n, work, write=not args.no_write)
    zensical.run([int(n) for n in args.zensical_n.split(",")], work, write=not args.no_write)
    adversarial.run(work, write=not args.no_write)
    search.run([int(n) for n in args.search_n.split(",")], work, write=not args.no_write)
    history.run([int(n) for n in args.history_n.split(",")], args.history_commits, work, write=not args.no_write)


if __name__ == "__main__":
    main()
