"""Where the command's output goes: plain lines when piped (what editors and CI annotators parse);
on a terminal, severities are coloured and long runs show progress on stderr."""
from __future__ import annotations

import os
import sys
from typing import ClassVar, TextIO

from ..core.problems import Problem


class Console:
    """Plain text when piped; colour and a progress line on a terminal."""

    COLOURS: ClassVar[dict[str, str]] = {"error": "\033[31m", "warning": "\033[33m"}

    def __init__(self, out: TextIO | None = None, err: TextIO | None = None) -> None:
        self.out, self.err = out or sys.stdout, err or sys.stderr
        err = self.err
        self.tty = err.isatty() and os.environ.get("TERM") != "dumb" and "NO_COLOR" not in os.environ

    def problem(self, p: Problem) -> None:
        line = p.format()
        if self.out.isatty() and self.tty:
            colour = self.COLOURS[p.severity]
            line = line.replace(f" {p.severity}: ", f" {colour}{p.severity}\033[0m: ", 1)
        print(line, file=self.out)

    def progress(self, done: int, total: int) -> None:
        if self.tty and total >= 200 and (done % 50 == 0 or done == total):
            end = "\n" if done == total else ""
            print(f"\rreading {done}/{total} files", end=end, file=self.err, flush=True)

    def note(self, text: str) -> None:
        print(text, file=self.err)
