"""Plain values from libyaml's events, with where each key and value starts and which values are bad.

:mod:`.yamlfile` reads a file's bytes and hands the events here. Building from events rather than nodes lets
it refuse anchors and aliases at the first one (an alias bomb costs nothing), report every duplicated key
instead of keeping the last, and cap nesting without recursion.
"""
from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import NoReturn, cast

import yaml
from yamlcore import CCoreLoader

from ..core.characters import describe, not_text
from ..core.problems import Problem
from .labels import label

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


class Stop(Exception):
    """Loading cannot go on (anchor, alias, too deep); the problem is already recorded."""


#: Makes a problem of the file being read at a line and column.
ProblemAt = Callable[[int, int, str], Problem]


def build(loader: CCoreLoader, problems: list[Problem], problem: ProblemAt) -> Loaded:
    return _Builder(loader, problems, problem).run()


def _where(event: yaml.Event) -> tuple[int, int]:
    mark = event.start_mark   # libyaml marks every event it parses
    return (1, 1) if mark is None else (mark.line + 1, mark.column + 1)


class _Marker:
    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return self.name


_NO_KEY = _Marker("NO_KEY")
_DUPLICATE = _Marker("DUPLICATE")


class _Frame:
    """A mapping or list being built; ``pending`` is _NO_KEY while a mapping waits for its next key."""

    __slots__ = ("container", "event", "path", "pending", "seen")

    def __init__(self, container: dict[str, object] | list[object], path: KeyPath, event: yaml.Event) -> None:
        self.container, self.path, self.event = container, path, event
        self.pending: str | _Marker = _NO_KEY
        self.seen: set[str] = set()


class _Builder:
    """Plain values from one document's events, with where each starts and which are bad."""

    def __init__(self, loader: CCoreLoader, problems: list[Problem], problem: ProblemAt) -> None:
        self.loader, self.problems, self.problem = loader, problems, problem
        self.positions = Positions()
        self.faults: set[KeyPath] = set()
        self.bad_value = [False]   # set by checked(): the scalar about to be attached was reported
        self.about: dict[int, KeyPath] = {}   # problem index -> the path of the value it is about (named at the end)
        self.stack: list[_Frame] = []
        self.root: list[object] = []
        self.documents = 0

    def run(self) -> Loaded:
        loader, attach, checked = self.loader, self.attach, self.checked
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
                    attach(checked(self.scalar(event), event), event)
            else:
                self.other(event)
        data = self.root[0] if self.root else None
        problems = self.problems
        for index, path in self.about.items():
            # Named once the whole document is read: a claim's id may come after the bad value.
            problems[index] = replace(problems[index], message=f"{label(data, path)}: {problems[index].message}")
        return Loaded(data, self.positions, frozenset(self.faults))

    def stop(self, event: yaml.Event, message: str) -> NoReturn:
        """Record a problem that leaves no document to check, and stop reading."""
        self.problems.append(self.problem(*_where(event), message))
        raise Stop

    def scalar(self, event: yaml.ScalarEvent) -> object:
        return _scalar(self.loader, event, self.problems, self.problem, self.bad_value)

    def other(self, event: yaml.Event) -> None:
        """Every event but the common untagged scalar without an anchor."""
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                self.stop(event, "more than one YAML document in this file; "
                                 "remove the `---` line and keep one document per file")
            return
        if isinstance(event, (yaml.StreamStartEvent, yaml.StreamEndEvent, yaml.DocumentEndEvent)):
            return
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            self.stop(event, "YAML anchors (&name) and aliases (*name) are not allowed; "
                             "write the value out in full (if the '&' or '*' is part of the "
                             "text, put the whole value in quotes)")
        if isinstance(event, yaml.ScalarEvent):
            self.attach(self.checked(self.scalar(event), event), event)
        elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            self.open(event)
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            frame = self.stack.pop()
            self.attach(frame.container, frame.event)

    def open(self, event: yaml.MappingStartEvent | yaml.SequenceStartEvent) -> None:
        """Start a mapping or a list inside the current one."""
        _check_tag(event, "tag:yaml.org,2002:map" if isinstance(event, yaml.MappingStartEvent)
                   else "tag:yaml.org,2002:seq", self.problems, self.problem)
        if len(self.stack) >= MAX_DEPTH:
            self.stop(event, f"nested more than {MAX_DEPTH} levels deep; "
                             "the format never needs more than a few levels")
        container: dict[str, object] | list[object] = {} if isinstance(event, yaml.MappingStartEvent) else []
        self.stack.append(_Frame(container, _child_path(self.stack), event))

    def fault(self, path: KeyPath) -> None:
        """The value at ``path`` is the one the last problem is about."""
        self.faults.add(path)
        self.about[len(self.problems) - 1] = path

    def attach(self, value: object, event: yaml.Event) -> bool:
        """Put a finished value into its parent; False when it was a mapping key."""
        if not self.stack:
            self.root.append(value)
            self.positions.values[()] = _where(event)
            if self.bad_value[0]:
                self.fault(())
            return True
        frame = self.stack[-1]
        container = frame.container
        if isinstance(container, list):
            child = frame.path + (len(container),)
            container.append(value)
            self.positions.values.setdefault(child, _where(event))
            if self.bad_value[0]:
                self.fault(child)
                self.bad_value[0] = False
            return True
        pending = frame.pending
        if pending is _NO_KEY:
            return self.attach_key(frame, value, event)
        if isinstance(pending, _Marker):   # _DUPLICATE: the value of a duplicated key, left out
            frame.pending = _NO_KEY
            return True
        container[pending] = value
        child = frame.path + (pending,)
        self.positions.values[child] = _where(event)
        if self.bad_value[0]:
            self.fault(child)
            self.bad_value[0] = False
        frame.pending = _NO_KEY
        return True

    def attach_key(self, frame: _Frame, value: object, event: yaml.Event) -> bool:
        """Take ``value`` as the next key of the mapping ``frame`` builds (always False: it was a key)."""
        if isinstance(value, (dict, list)):
            self.stop(event, "a mapping key must be a plain word, not a list or mapping; write `key: value`")
        if self.bad_value[0]:
            raise Stop   # a key that is not text: what it names is unknown, so nothing below it is checked
        key = value if isinstance(value, str) else str(getattr(event, "value", value))
        child = frame.path + (key,)
        if key in frame.seen:
            first = self.positions.keys[child]
            line, col = _where(event)
            self.problems.append(self.problem(line, col, f"duplicate key '{key}' (first at line {first[0]}); "
                                                         "keep one of them: YAML would silently drop the other"))
            self.faults.add(child)   # which of the two the author meant is unknown: check neither further
            frame.pending = _DUPLICATE
            return False
        self.positions.keys[child] = _where(event)
        frame.seen.add(key)
        frame.pending = key
        return False

    def checked(self, value: object, event: yaml.ScalarEvent) -> object:
        """Refuse what YAML escapes let into a value but is not text, or not a real number."""
        if isinstance(value, str):
            bad = not_text(value)
            if bad is not None:
                line, col = _where(event)
                self.problems.append(self.problem(line, col, f"the value contains the character {describe(bad)}, "
                                                             "which is not text (a control character, a "
                                                             "non-character or a lone surrogate); remove it, or "
                                                             "the escape that writes it"))
                self.bad_value[0] = True
        elif isinstance(value, float) and not math.isfinite(value):
            line, col = _where(event)
            self.problems.append(self.problem(line, col, f"'{event.value}' is not a finite number; "
                                                         "write the number itself"))
            self.bad_value[0] = True
        return value


def _child_path(stack: list[_Frame]) -> KeyPath:
    """KeyPath of a container about to be opened inside the current top of stack."""
    if not stack:
        return ()
    container, path, pending = stack[-1].container, stack[-1].path, stack[-1].pending
    if isinstance(container, list):
        return path + (len(container),)
    if isinstance(pending, _Marker):   # _NO_KEY or _DUPLICATE
        return path + ("<key>",)
    return path + (pending,)


def _check_tag(event: yaml.MappingStartEvent | yaml.SequenceStartEvent, default: str, problems: list[Problem],
               problem: ProblemAt) -> None:
    tag = getattr(event, "tag", None)
    if tag not in (None, "!", default):
        line, col = _where(event)
        problems.append(problem(line, col, f"YAML tag '{tag}' is not allowed; remove it{_TAG_AS_TEXT}"))
        raise Stop


_TAG_AS_TEXT = " (if the '!' is part of the text, put the whole value in quotes)"


def _scalar(loader: CCoreLoader, event: yaml.ScalarEvent, problems: list[Problem], problem: ProblemAt,
            bad_value: list[bool]) -> object:
    if event.tag not in (None, "!"):
        if event.tag not in _CORE_TAGS:
            line, col = _where(event)
            problems.append(problem(line, col, f"YAML tag '{event.tag}' is not allowed; remove it{_TAG_AS_TEXT}"))
            raise Stop
        tag = event.tag
    elif event.style:  # quoted or block scalar: always a string
        return event.value
    else:
        tag = loader.resolve(yaml.ScalarNode, event.value, event.implicit)
    if tag == "tag:yaml.org,2002:str":
        return event.value
    try:
        # The C parser's marks (yaml._yaml.Mark) have the fields of the yaml.error.Mark the stubs ask for.
        node = yaml.ScalarNode(tag, event.value, cast(yaml.Mark, event.start_mark), cast(yaml.Mark, event.end_mark))
        return loader.construct_object(node)
    except (ValueError, KeyError, yaml.YAMLError):
        line, col = _where(event)
        problems.append(problem(line, col, f"'{event.value}' is not a valid {tag.rsplit(':', 1)[-1]}; "
                                           "fix the value or quote it to make it a string"))
        bad_value[0] = True
        return event.value


