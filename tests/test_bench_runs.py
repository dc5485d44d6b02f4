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
