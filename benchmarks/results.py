"""Writing a benchmark's figures into RESULTS.md: each benchmark owns a block between two markers."""
from __future__ import annotations

from pathlib import Path


def replace_block(results: Path, start: str, end: str, body: str, heading: str) -> None:
    """Put ``body`` between the markers ``start`` and ``end``, keeping the rest of the file; the first time,
    append the block under ``## heading`` (or under the heading alone, when the file has it already)."""
    block = f"{start}\n{body}\n{end}"
    old = results.read_text("utf-8") if results.exists() else ""
    if start in old and end in old:
        new = old[:old.index(start)] + block + old[old.index(end) + len(end):]
    else:
        title = f"## {heading}"
        new = old.rstrip("\n") + ("" if title in old else f"\n\n{title}\n") + "\n" + block + "\n"
    results.write_text(new, encoding="utf-8")
