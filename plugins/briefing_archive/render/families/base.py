"""A page family: one kind of page, declared in one place (its pages, what each reads, how it renders).

The live preview's one loop (:mod:`.loop`) asks each family for its pages and, for each page, for its inputs:
a page whose inputs (and its family's shared inputs) equal the last build's is kept, any other is rendered.
So a family's ``inputs`` must hold everything its ``render`` reads: ``tests/test_families.py`` edits every kind of
field of generated archives and fails when two builds with equal inputs render a page differently.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal

from .reads import Reads

#: Where a family's output goes: a generated page (Markdown), a snippet for a placeholder, or a file.
Target = Literal["page", "snippet", "file"]


def nothing(_: Reads) -> object:
    """The shared inputs of a family whose pages read nothing in common."""
    return None


@dataclass(frozen=True)
class Family:
    """One kind of page (or snippet, or generated file)."""

    name: str
    #: (docs path, key) of each page, in the order they are published; the key is what ``inputs`` and ``render``
    #: are given (an id, or the path itself)
    pages: Callable[[Reads], Iterable[tuple[str, str]]]
    #: everything one page reads, as a value that compares equal exactly when the page renders the same (with equal
    #: ``shared`` inputs): the archive's own objects and the derive stage's, or the views of :class:`Reads`
    inputs: Callable[[Reads, str], object]
    render: Callable[[Reads, str], str | bytes]
    #: what every page of the family reads alike (the sources...), computed and compared once per build
    shared: Callable[[Reads], object] = nothing
    target: Target = "page"
