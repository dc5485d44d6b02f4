"""Safe YAML loading that keeps line numbers and refuses what the format forbids.

libyaml's C parser produces events; :mod:`.yamltree` builds plain Python values from
them (dicts, lists, str, int, float, bool, None) with the YAML 1.2 core schema
resolvers of ``yamlcore`` (so ``no`` is a string and ``2025-01-02`` is a string
to be checked as a date), and records where every key and value starts.

A bad value that YAML could still parse (a ``.nan``, a control character, a duplicated key) is a
problem, but not the end of the file: the document is returned with that value's path among its
``faults``, so the checks that follow skip it and report everything else the file gets wrong in the
same run. What leaves no document to check (a syntax error, an anchor, a bad key) stops the file.
"""
from __future__ import annotations

import yaml
from yamlcore import CCoreLoader

from ..core.positions import line_col_bytes
from ..core.problems import Problem
from .unseen import editor_line_col, unseen_characters, unseen_message
from .yamlsyntax import syntax_problem
from .yamltree import KeyPath, Loaded, Positions, Stop, build


def load_yaml(raw: bytes, display_path: str, max_bytes: int) -> tuple[Loaded | None, list[Problem]]:
    """Load one YAML file's bytes; return the document and its positions, and problems.

    The document is None when the file cannot be read as a whole; with it, every problem is a bad value
    whose path is in ``faults``.
    """

    def problem(line: int, col: int, message: str) -> Problem:
        return Problem(display_path, line, col, "error", message)

    if len(raw) > max_bytes:
        return None, [problem(1, 1, f"file is {len(raw)} bytes, over the limit of {max_bytes} bytes; "
                                    "split it into smaller files or raise the plugin's `max_yaml_bytes` setting")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, col = line_col_bytes(raw, exc.start)
        return None, [problem(line, col, "file is not valid UTF-8 text; save it as UTF-8")]
    unseen = [problem(line, col, unseen_message(char)) for line, col, char in unseen_characters(text)]
    if unseen:
        # YAML would read it otherwise than it shows: not read (as a syntax error), every such character listed.
        return None, unseen
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        return None, [problem(1, 1, "file is empty; write a YAML mapping of keys (see the format contract)")]

    problems: list[Problem] = []
    loader = CCoreLoader(text)
    try:
        data = build(loader, problems, problem)
    except Stop:
        return None, problems
    except yaml.reader.ReaderError as exc:   # what NOT_IN_YAML does not hold but libyaml refuses
        line, col = editor_line_col(text, min(exc.position, len(text)))
        char = exc.character if isinstance(exc.character, str) else chr(exc.character)
        return None, [problem(line, col, f"the character U+{ord(char):04X} is not allowed in YAML; remove it "
                                         "(control characters are not text)")]
    except yaml.MarkedYAMLError as exc:
        return None, [problem(*syntax_problem(exc, text))]
    finally:
        loader.dispose()
    return data, problems



class LazyPositions(Positions):
    """Positions of a file that had no problems when it was cached: not stored (they are most of a cached
    file's bytes and load time), found again by re-reading the file on the first question."""

    def __init__(self, path: str, shown: str, max_bytes: int) -> None:
        super().__init__()
        self.path, self.shown, self.max_bytes, self.read = path, shown, max_bytes, False

    def __getstate__(self) -> dict[str, object]:
        return {"path": self.path, "shown": self.shown, "max_bytes": self.max_bytes}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.values, self.keys, self.read = {}, {}, False
        self.path, self.shown, self.max_bytes = state["path"], state["shown"], state["max_bytes"]  # type: ignore[assignment]

    def _fill(self) -> None:
        if not self.read:
            self.read = True
            try:
                with open(self.path, "rb") as handle:
                    loaded, _ = load_yaml(handle.read(), self.shown, self.max_bytes)
            except OSError:
                loaded = None
            if loaded is not None:
                self.values, self.keys = loaded.positions.values, loaded.positions.keys

    def of_value(self, path: KeyPath) -> tuple[int, int]:
        self._fill()
        return super().of_value(path)

    def of_key(self, path: KeyPath) -> tuple[int, int]:
        self._fill()
        return super().of_key(path)
