"""`make bench`'s own calls into the package still run (a signature change once broke `core_seconds` unseen)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "benchmarks"


@pytest.mark.slow
def test_the_bench_times_the_core_of_a_small_generated_archive(tmp_path: Path) -> None:
    sys.path.insert(0, str(BENCH))
    try:
        import bench
        from generate import generate
    finally:
        sys.path.remove(str(BENCH))
    generate(tmp_path / "archive", 3)
    assert bench.core_seconds(tmp_path / "archive" / "plugin") > 0


@pytest.mark.slow
def test_the_history_bench_writes_its_commits_and_reads_them(tmp_path: Path) -> None:
    """benchmarks/history.py: a repository of C commits by one fast-import, whose history reads back whole."""
    sys.path.insert(0, str(BENCH))
    try:
        import history
        from generate import generate
    finally:
        sys.path.remove(str(BENCH))
    from briefing_archive.load.history import read_history

    generate(tmp_path / "archive", 4)
    root = tmp_path / "archive" / "plugin"
    history.make_repository(root, 40)
    h = read_history(root, root / "briefings")
    assert h.status == "full"
    commits = {c.commit for changes in [*h.claims.values(), *h.sources.values()] for c in changes}
    assert len(commits) > 20   # most commits changed something history follows
    assert history.read_seconds(root, tmp_path / "cache") > 0
