"""The article as HTML: escaped paragraphs and headings with highlights in place.

Highlights may overlap or nest. The article is cut at every highlight boundary
and the highlights open at each piece are emitted as properly nested elements:
where two cross, the inner one is closed and reopened, so a highlight can come
out in several pieces. Only a claim's first piece carries its permalink ``id``;
after its last piece comes a small link, the badge, that leads to its note.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise

from ..core.text import Block
from .markup import esc, esc_article, tip


@dataclass(frozen=True)
class Highlight:
    """One span to mark in the article and how to mark it."""

    start: int
    end: int
    element_id: str          # permalink id on the first piece ('' for none)
    css_class: str           # classes of every piece
    after: str = ""          # HTML emitted right after the last piece (e.g. the link to the note)
    order: int = 0           # tie-break among highlights starting and ending at the same place
    tag: str = "mark"        # element of every piece (``abbr`` for a marked term)
    tooltip: str = ""        # tooltip of every piece (plain text; see markup.TIP)


def render_article(text: str, blocks: tuple[Block, ...], highlights: list[Highlight], joiner: str = "\n") -> str:
    """HTML of the whole article: one ``<p>`` or ``<h3>`` per block, highlights nested inside.

    Linear in the article and the highlights (plus sorting): each block gets its highlights from
    one sweep, and each piece of a block is cut once. Empty or reversed highlights never show.
    """
    ordered = sorted(highlights, key=lambda h: (h.start, -h.end, h.order))
    first_piece_done: set[int] = set()
    out = []
    for block, inside in zip(blocks, _overlapping(blocks, ordered), strict=True):
        body = _render_block(text, block, inside, first_piece_done)
        tag = "h3" if block.kind == "h" else "p"
        cls = ' class="bx-article-heading"' if block.kind == "h" else ""
        out.append(f"<{tag}{cls}>{body}</{tag}>")
    return joiner.join(out)


def _overlapping(blocks: tuple[Block, ...], ordered: list[Highlight]) -> Iterator[list[tuple[int, Highlight]]]:
    """For each block, the highlights that overlap it (with their rank in ``ordered``), in rank order.

    Blocks come in text order (paragraphs, or merged excerpts), so one sweep serves them all: a
    highlight joins when the blocks reach its start and leaves once they have passed its end.
    """
    shown = [(i, h) for i, h in enumerate(ordered) if h.start < h.end]
    if any(a.start > b.start or a.end > b.end for a, b in pairwise(blocks)):
        for block in blocks:   # blocks out of text order: no sweep, check each highlight
            yield [(i, h) for i, h in shown if h.start < block.end and h.end > block.start]
        return
    active: list[tuple[int, Highlight]] = []
    arrived = 0
    for block in blocks:
        first = arrived
        while arrived < len(shown) and shown[arrived][1].start < block.end:
            arrived += 1
        active = [(i, h) for i, h in (*active, *shown[first:arrived]) if h.end > block.start]
        yield active


def _render_block(text: str, block: Block, inside: list[tuple[int, Highlight]], first_done: set[int]) -> str:
    if not inside:
        return esc_article(text[block.start:block.end])
    highlights = dict(inside)
    opening: dict[int, list[int]] = defaultdict(list)   # cut -> highlights whose piece opens there, by rank
    ending: dict[int, set[int]] = defaultdict(set)      # cut -> highlights whose piece closes there
    for i, h in inside:
        start, end = max(h.start, block.start), min(h.end, block.end)
        if start < end:   # (always, unless the block is empty)
            opening[start].append(i)
            ending[end].add(i)
    cuts = sorted({block.start, block.end, *opening, *ending})
    stack: list[int] = []
    depth_of: dict[int, int] = {}                      # highlight -> its place in the stack
    parts: list[str] = []

    def open_(i: int) -> None:
        h = highlights[i]
        attr = ""
        if h.element_id and i not in first_done:
            attr = f' id="{esc(h.element_id)}"'
            first_done.add(i)
        attr += tip(h.tooltip)
        parts.append(f'<{h.tag} class="{esc(h.css_class)}"{attr}>')
        depth_of[i] = len(stack)
        stack.append(i)

    for k, pos in enumerate(cuts):
        ends = ending.get(pos)
        if ends:
            # Close down to the deepest ending highlight, then reopen the survivors.
            depth = min(depth_of[i] for i in ends)
            closed = stack[depth:]
            del stack[depth:]
            for i in reversed(closed):
                parts.append(f"</{highlights[i].tag}>")
                if i in ends and highlights[i].end == pos:
                    parts.append(highlights[i].after)
            for i in closed:
                if i not in ends:
                    open_(i)
        for i in opening.get(pos, ()):
            open_(i)
        if k + 1 < len(cuts):
            parts.append(esc_article(text[pos:cuts[k + 1]]))
    return "".join(parts)
