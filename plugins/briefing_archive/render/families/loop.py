"""The one loop that renders every family's pages, keeping the last build's page wherever its inputs are equal."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..fragments import pack
from ..fragments import split as split_fragments
from . import FAMILIES
from .reads import Reads


@dataclass(frozen=True)
class Rendered:
    """What the families made: pages (Markdown with markers, and their HTML blocks packed), snippets, files; with
    what each read (``inputs`` by path, ``shared`` by family: kept only for the live preview's next build)."""

    pages: dict[str, str] = field(default_factory=dict)
    fragments: dict[str, bytes] = field(default_factory=dict)
    snippets: dict[str, str] = field(default_factory=dict)
    files: dict[str, bytes] = field(default_factory=dict)
    inputs: dict[str, object] = field(default_factory=dict)
    shared: dict[str, object] = field(default_factory=dict)
    kept: dict[str, int] = field(default_factory=dict)   # family name -> how many of its pages were kept


def render_families(r: Reads, last: Rendered | None = None, *, remember: bool = False) -> Rendered:
    """Every family's pages. With ``remember``, each page's inputs are computed and kept; a page whose inputs (and
    its family's shared ones) equal those of ``last`` (the previous build's result) is taken from it."""
    out = Rendered()
    for family in FAMILIES:
        shared = family.shared(r) if remember else None
        same = last is not None and family.name in last.shared and _equal(last.shared[family.name], shared)
        out.shared[family.name] = shared
        kept = 0
        for path, key in family.pages(r):
            if remember:
                value = out.inputs[path] = family.inputs(r, key)
                if same and last is not None and path in last.inputs and _equal(last.inputs[path], value):
                    _keep(out, last, family.target, path)
                    kept += 1
                    continue
            made = family.render(r, key)
            if family.target == "page":
                text, blocks = split_fragments(str(made))
                out.pages[path], out.fragments[path] = text, pack(blocks)
            elif family.target == "snippet":
                out.snippets[path] = str(made)
            else:
                out.files[path] = made if isinstance(made, bytes) else made.encode("utf-8")
        out.kept[family.name] = kept
    return out


def _equal(was: object, now: object) -> bool:
    return was is now or was == now


def _keep(out: Rendered, last: Rendered, target: str, path: str) -> None:
    if target == "page":
        out.pages[path], out.fragments[path] = last.pages[path], last.fragments[path]
    elif target == "snippet":
        out.snippets[path] = last.snippets[path]
    else:
        out.files[path] = last.files[path]
