"""Running one command of a benchmark: its wall time and peak memory, in the environment `make` sets."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

BIN = Path(sys.executable).parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}


def timed(cmd: list[str], cwd: Path, expect: str | None = None) -> tuple[float, int]:
    """Wall seconds and peak RSS (MB) of one command, which must succeed, or with ``expect`` fail printing it."""
    start = time.perf_counter()
    result = subprocess.run(["/usr/bin/time", "-f", "%M", *cmd], cwd=cwd, env=ENV, capture_output=True, text=True,
                            check=False)
    seconds = time.perf_counter() - start
    output = result.stdout + result.stderr
    if (result.returncode != 0) != (expect is not None) or (expect and expect not in output):
        raise SystemExit(f"{' '.join(cmd)} in {cwd}: exit {result.returncode}, expected "
                         f"{'a failure saying ' + repr(expect) if expect else 'success'}:\n{output[-3000:]}")
    rss_kb = int(result.stderr.strip().splitlines()[-1])
    return seconds, rss_kb // 1024
