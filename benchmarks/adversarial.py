"""`make bench`, adversarial inputs (issue 22, item 4): what an author's worst input costs, at two sizes each.

Each case is a tiny archive built to be as expensive as its input allows, run through the real command (a
subprocess under /usr/bin/time): its wall time, peak memory, and the ratio of the larger size to the smaller.
Doubling the input may at most double the cost (ratio at most 2.2); a chain of 8,000 sources must check in
under 10 s and 500 MB.

- R2: a seed of N "a"s and a quote of N/2 "a"s (it occurs N/2 times, overlapping): `briefings check`, which
  reports the ambiguity. Then a one-letter quote in a 2 MB and a 4 MB seed of that letter (millions of places).
- R3: one claim whose note is 300 KB and 600 KB of sentences, a full strict build (tooltips shorten the note).
- R6: a chain of S sources, each depending on the one before, and S claims, each echoing the one before by the
  next source: `briefings check` (independence of every related pair).
"""
from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from results import replace_block
from timing import BIN, timed

MARK_START, MARK_END = "<!-- adversarial-bench:start -->", "<!-- adversarial-bench:end -->"
MAX_RATIO = 2.2
CHAIN_LIMIT = (8000, 10.0, 500)          # sources, seconds, MB
CLAIMS_PER_FILE = 1000                   # a briefing file stays under the 1 MiB limit for YAML
MKDOCS_YML = """\
site_name: Adversarial input
theme:
  name: material
  font: false
plugins:
  - search
  - briefings
"""
SOURCE = "name: {name}\nkind: other\nreliability: C\nnote: A source of the benchmark.\n"


def _archive(root: Path) -> Path:
    shutil.rmtree(root, ignore_errors=True)
    for folder in ("seeds", "briefings/sources", "docs"):
        (root / folder).mkdir(parents=True)
    (root / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    (root / "docs" / "index.md").write_text("# Adversarial input\n", encoding="utf-8")
    (root / "briefings" / "sources" / "agency.yml").write_text(SOURCE.format(name="Agency"), encoding="utf-8")
    return root


def _briefing(root: Path, bid: str, seed: str, claims: str) -> None:
    (root / "seeds" / f"{bid}.txt").write_text(seed, encoding="utf-8")
    (root / "briefings" / f"{bid}.yml").write_text(
        f"article: {bid}.txt\ntitle: {bid}\nsummary: An adversarial input.\nclaims:\n{claims}", encoding="utf-8")


def overlapping_quote(root: Path, n: int) -> Path:
    """R2: a seed of ``n`` "a"s, a quote of ``n // 2``."""
    _briefing(_archive(root), "run", "a" * n + "\n",
              f"  - id: half\n    quote: {'a' * (n // 2)}\n    sources: [agency]\n    credibility: 3\n")
    return root


def one_letter_quote(root: Path, megabytes: int) -> Path:
    """R2, memory: the quote "a" in a seed of ``megabytes`` million "a"s."""
    _briefing(_archive(root), "run", "a" * (megabytes * 1_000_000 - 1) + "\n",
              "  - id: letter\n    quote: a\n    sources: [agency]\n    credibility: 3\n")
    return root


def long_note(root: Path, kilobytes: int) -> Path:
    """R3: one claim whose note is ``kilobytes`` KB of short sentences."""
    sentence = "Sentence {:07d} of the note says little. "
    count = kilobytes * 1000 // len(sentence.format(0))
    note = "".join(sentence.format(i) for i in range(count))
    _briefing(_archive(root), "note", "The ministry said 40 drones were shot down.\n",
              f"  - id: drones\n    quote: 40 drones were shot down\n    sources: [agency]\n    credibility: 3\n"
              f"    note: {json.dumps(note)}\n")
    return root


def chain(root: Path, s: int) -> Path:
    """R6: sources c0 .. c{s-1}, each depending on the one before; claim i by source i echoes claim i - 1."""
    _archive(root)
    sources = root / "briefings" / "sources"
    for i in range(s):
        dep = f"depends_on: [c{i - 1}]\n" if i else ""
        (sources / f"c{i}.yml").write_text(SOURCE.format(name=f"Source {i}") + dep, encoding="utf-8")
    for first in range(0, s, CLAIMS_PER_FILE):
        ids = range(first, min(s, first + CLAIMS_PER_FILE))
        claims = "".join(
            f"  - id: c{i}\n    quote: Report number {i} ends here.\n    sources: [c{i}]\n    credibility: 3\n"
            + (f"    relations:\n      - echoes: part-{(i - 1) // CLAIMS_PER_FILE}#c{i - 1}\n" if i else "")
            for i in ids)
        _briefing(root, f"part-{first // CLAIMS_PER_FILE}", "".join(f"Report number {i} ends here.\n" for i in ids),
                  claims)
    return root


CHECK = [str(BIN / "briefings"), "check", "."]
BUILD = [str(BIN / "mkdocs"), "build", "--strict", "-q", "-d", "site"]
AMBIGUOUS = "occurs more than 10 times"
#: (case, what an input of that size is, the two sizes, how to make it, the command, what its output must say)
CASES: list[tuple[str, str, tuple[int, int], Callable[[Path, int], Path], list[str], str | None]] = [
    ("R2 overlapping quote", "seed characters", (160_000, 320_000), overlapping_quote, CHECK, AMBIGUOUS),
    ("R2 one-letter quote", "seed MB", (2, 4), one_letter_quote, CHECK, AMBIGUOUS),
    ("R3 long note", "note KB", (300, 600), long_note, BUILD, None),
    ("R6 chain of sources", "sources", (2000, 4000), chain, CHECK, None),
]


def run(work: Path, *, write: bool) -> list[dict[str, Any]]:
    rows = []
    for name, unit, sizes, make, cmd, expect in CASES:
        measured = []
        for size in sizes:
            root = make(work / "adversarial" / f"{name.split()[0]}-{size}", size)
            measured.append(timed(cmd, root, expect))
        (s1, m1), (s2, m2) = measured
        rows.append({"case": name, "unit": unit, "small": sizes[0], "large": sizes[1], "small_s": s1,
                     "large_s": s2, "small_mb": m1, "large_mb": m2, "ratio": s2 / s1,
                     "command": "check" if cmd is CHECK else "build", "ok": s2 / s1 <= MAX_RATIO})
    size, limit_s, limit_mb = CHAIN_LIMIT
    seconds, mb = timed(CHECK, chain(work / "adversarial" / f"R6-{size}", size), None)
    chain_row = {"sources": size, "seconds": seconds, "mb": mb, "ok": seconds < limit_s and mb < limit_mb}
    text = table(rows, chain_row)
    print(text)
    if write:
        replace_block(Path(__file__).resolve().parent / "RESULTS.md", MARK_START, MARK_END,
                      text + "\n\nRaw figures:\n\n```json\n" + json.dumps(rows + [chain_row], indent=1) + "\n```",
                      "Adversarial inputs (issue 22)")
    return rows


def table(rows: list[dict[str, Any]], chain_row: dict[str, Any]) -> str:
    lines = [f"Each input at two sizes, the larger twice the smaller; target: time ratio at most {MAX_RATIO}.\n",
             "| case | command | input | small | large | small s | large s | ratio | small MB | large MB | target |",
             "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"]
    lines += [f"| {r['case']} | {r['command']} | {r['unit']} | {r['small']:,} | {r['large']:,} | {r['small_s']:.2f} | "
              f"{r['large_s']:.2f} | {r['ratio']:.2f} | {r['small_mb']} | {r['large_mb']} | "
              f"{'met' if r['ok'] else 'MISSED'} |" for r in rows]
    size, limit_s, limit_mb = CHAIN_LIMIT
    lines.append(f"\nThe chain at {size:,} sources: `briefings check` {chain_row['seconds']:.2f} s, "
                 f"{chain_row['mb']} MB peak (target under {limit_s:g} s and {limit_mb} MB: "
                 f"{'met' if chain_row['ok'] else 'MISSED'}).")
    return "\n".join(lines)
