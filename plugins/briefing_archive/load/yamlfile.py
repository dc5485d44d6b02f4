"""Safe YAML loading that keeps line numbers and refuses what the format forbids.

libyaml's C parser produces events; this module builds plain Python values from
them (dicts, lists, str, int, float, bool, None) with the YAML 1.2 core schema
resolvers of ``yamlcore`` (so ``no`` is a string and ``2025-01-02`` is a string
to be checked as a date), and records where every key and value starts.
Building from events rather than nodes lets it refuse anchors and aliases at
the first one (an alias bomb costs nothing), report every duplicated key
instead of keeping the last, and cap nesting without recursion.

A bad value that YAML could still parse (a ``.nan``, a control character, a duplicated key) is a
problem, but not the end of the file: the document is returned with that value's path among its
``faults``, so the checks that follow skip it and report everything else the file gets wrong in the
same run. What leaves no document to check (a syntax error, an anchor, a bad key) stops the file.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field, replace

import yaml
from yamlcore import CCoreLoader

from ..core.characters import describe, not_text
from ..core.positions import line_col_bytes
from ..core.problems import Problem
from .labels import label
from .unseen import editor_line_col, unseen_characters, unseen_message
from .yamlsyntax import syntax_problem

#: Where a value sits in a document: its keys and list indexes from the top, e.g. ("claims", 0, "quote").
KeyPath = tuple[str | int, ...]

MAX_DEPTH = 32
# First characters with which a plain scalar may resolve to null, bool, int or float (YAML 1.2 core).
_NOT_PLAIN_STRING = frozenset("0123456789+-.~nNtTfF")
_CORE_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
}


@dataclass
class Positions:
    """Where each value (and each mapping key) of a document starts, 1-based."""

    values: dict[KeyPath, tuple[int, int]] = field(default_factory=dict)
    keys: dict[KeyPath, tuple[int, int]] = field(default_factory=dict)

    def of_value(self, path: KeyPath) -> tuple[int, int]:
        """Position of the value at ``path``, or of its nearest located ancestor."""
        path = tuple(path)
        while path not in self.values and path:
            path = path[:-1]
        return self.values.get(path, (1, 1))

    def of_key(self, path: KeyPath) -> tuple[int, int]:
        """Position of the key holding ``path`` (falls back to the value's)."""
        path = tuple(path)
        return self.keys.get(path) or self.of_value(path)


@dataclass
class Loaded:
    data: object
    positions: Positions
    #: Paths of values already reported as bad here: later checks leave them (and what is under them) alone.
    faults: frozenset[KeyPath] = frozenset()


class _Stop(Exception):
    """Loading cannot go on (anchor, alias, too deep); the problem is already recorded."""


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
        data = _build(loader, problems, problem)
    except _Stop:
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


def _build(loader: CCoreLoader, problems: list[Problem], problem) -> Loaded:
    positions = Positions()
    faults: set[KeyPath] = set()
    bad_value = [False]   # set by checked(): the scalar about to be attached was reported
    about: dict[int, KeyPath] = {}   # problem index -> the path of the value it is about (named at the end)
    # Stack frames: [container, path, pending_key]; pending_key is _NO_KEY while a
    # mapping waits for its next key.
    stack: list[list] = []
    root: list = []
    documents = 0

    def where(event) -> tuple[int, int]:
        return event.start_mark.line + 1, event.start_mark.column + 1

    def attach(value: object, event) -> bool:
        """Put a finished value into its parent; False when it was a mapping key."""
        if not stack:
            root.append(value)
            positions.values[()] = where(event)
            if bad_value[0]:
                faults.add(())
                about[len(problems) - 1] = ()
            return True
        frame = stack[-1]
        container, path, pending = frame[0], frame[1], frame[2]
        if isinstance(container, list):
            child = path + (len(container),)
            container.append(value)
            positions.values.setdefault(child, where(event))
            if bad_value[0]:
                faults.add(child)
                about[len(problems) - 1] = child
                bad_value[0] = False
            return True
        if pending is _NO_KEY:
            if isinstance(value, (dict, list)):
                line, col = where(event)
                problems.append(problem(line, col, "a mapping key must be a plain word, not a list or mapping; "
                                                   "write `key: value`"))
                raise _Stop
            if bad_value[0]:
                raise _Stop   # a key that is not text: what it names is unknown, so nothing below it is checked
            key = value if isinstance(value, str) else str(getattr(event, "value", value))
            child = path + (key,)
            if key in _seen_keys(frame):
                first = positions.keys[child]
                line, col = where(event)
                problems.append(problem(line, col, f"duplicate key '{key}' (first at line {first[0]}); "
                                                   "keep one of them: YAML would silently drop the other"))
                faults.add(child)   # which of the two the author meant is unknown: check neither further
                frame[2] = _DUPLICATE
                return False
            positions.keys[child] = where(event)
            _seen_keys(frame).add(key)
            frame[2] = key
            return False
        if pending is _DUPLICATE:
            frame[2] = _NO_KEY
            return True
        container[pending] = value
        positions.values[path + (pending,)] = where(event)
        if bad_value[0]:
            faults.add(path + (pending,))
            about[len(problems) - 1] = path + (pending,)
            bad_value[0] = False
        frame[2] = _NO_KEY
        return True

    def checked(value: object, event) -> object:
        """Refuse what YAML escapes let into a value but is not text, or not a real number."""
        if isinstance(value, str):
            bad = not_text(value)
            if bad is not None:
                line, col = where(event)
                problems.append(problem(line, col, f"the value contains the character {describe(bad)}, which is "
                                                   "not text (a control character, a non-character or a lone "
                                                   "surrogate); remove it, or the escape that writes it"))
                bad_value[0] = True
        elif isinstance(value, float) and not math.isfinite(value):
            line, col = where(event)
            problems.append(problem(line, col, f"'{event.value}' is not a finite number; write the number itself"))
            bad_value[0] = True
        return value

    scalar_event = yaml.ScalarEvent
    while loader.check_event():
        event = loader.get_event()
        if event.__class__ is scalar_event and event.anchor is None:
            # The common case first: an untagged scalar; plain ones that cannot be a number, bool
            # or null under the core schema are strings without asking the resolver.
            value = event.value
            if event.tag is None and (event.style or (value and value[0] not in _NOT_PLAIN_STRING)):
                attach(checked(value, event), event)
            else:
                attach(checked(_scalar(loader, event, problems, problem, where, bad_value), event), event)
            continue
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                line, col = where(event)
                problems.append(problem(line, col, "more than one YAML document in this file; "
                                                   "remove the `---` line and keep one document per file"))
                raise _Stop
            continue
        if isinstance(event, (yaml.StreamStartEvent, yaml.StreamEndEvent, yaml.DocumentEndEvent)):
            continue
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            line, col = where(event)
            problems.append(problem(line, col, "YAML anchors (&name) and aliases (*name) are not allowed; "
                                               "write the value out in full (if the '&' or '*' is part of the "
                                               "text, put the whole value in quotes)"))
            raise _Stop
        if isinstance(event, yaml.ScalarEvent):
            attach(checked(_scalar(loader, event, problems, problem, where, bad_value), event), event)
        elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            _check_tag(event, "tag:yaml.org,2002:map" if isinstance(event, yaml.MappingStartEvent)
                       else "tag:yaml.org,2002:seq", problems, problem, where)
            if len(stack) >= MAX_DEPTH:
                line, col = where(event)
                problems.append(problem(line, col, f"nested more than {MAX_DEPTH} levels deep; "
                                                   "the format never needs more than a few levels"))
                raise _Stop
            container: dict | list = {} if isinstance(event, yaml.MappingStartEvent) else []
            parent_path = _child_path(stack)
            stack.append([container, parent_path, _NO_KEY, set(), event])
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            frame = stack.pop()
            attach(frame[0], frame[4])
    data = root[0] if root else None
    for index, path in about.items():
        # Named once the whole document is read: a claim's id may come after the bad value.
        problems[index] = replace(problems[index], message=f"{label(data, path)}: {problems[index].message}")
    return Loaded(data, positions, frozenset(faults))


class _Marker:
    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return self.name


_NO_KEY = _Marker("NO_KEY")
_DUPLICATE = _Marker("DUPLICATE")


def _seen_keys(frame: list) -> set:
    return frame[3]


def _child_path(stack: list[list]) -> KeyPath:
    """KeyPath of a container about to be opened inside the current top of stack."""
    if not stack:
        return ()
    container, path, pending = stack[-1][0], stack[-1][1], stack[-1][2]
    if isinstance(container, list):
        return path + (len(container),)
    if pending is _NO_KEY or pending is _DUPLICATE:
        return path + ("<key>",)
    return path + (pending,)


def _check_tag(event, default: str, problems: list[Problem], problem, where) -> None:
    tag = getattr(event, "tag", None)
    if tag not in (None, "!", default):
        line, col = where(event)
        problems.append(problem(line, col, f"YAML tag '{tag}' is not allowed; remove it{_TAG_AS_TEXT}"))
        raise _Stop


_TAG_AS_TEXT = " (if the '!' is part of the text, put the whole value in quotes)"


def _scalar(loader: CCoreLoader, event, problems: list[Problem], problem, where, bad_value: list[bool]) -> object:
    if event.tag not in (None, "!"):
        if event.tag not in _CORE_TAGS:
            line, col = where(event)
            problems.append(problem(line, col, f"YAML tag '{event.tag}' is not allowed; remove it{_TAG_AS_TEXT}"))
            raise _Stop
        tag = event.tag
    elif event.style:  # quoted or block scalar: always a string
        return event.value
    else:
        tag = loader.resolve(yaml.ScalarNode, event.value, event.implicit)
    if tag == "tag:yaml.org,2002:str":
        return event.value
    try:
        return loader.construct_object(yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark))
    except (ValueError, KeyError, yaml.YAMLError):
        line, col = where(event)
        problems.append(problem(line, col, f"'{event.value}' is not a valid {tag.rsplit(':', 1)[-1]}; "
                                           "fix the value or quote it to make it a string"))
        bad_value[0] = True
        return event.value


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
