"""The article as HTML: escaped paragraphs and headings with highlights in place.

Highlights may overlap or nest. The article is cut at every highlight boundary
and the highlights open at each piece are emitted as properly nested elements:
where two cross, the inner one is closed and reopened, so a highlight can come
out in several pieces. Only a claim's first piece carries its permalink ``id``;
after its last piece comes a small link, the badge, that leads to its note.
"""
from __future__ import annotations

from dataclasses import dataclass

from .markup import esc
from .seeds import Block


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
    title: str = ""          # tooltip of every piece (plain text)


def render_article(text: str, blocks: tuple[Block, ...], highlights: list[Highlight], joiner: str = "\n") -> str:
    """HTML of the whole article: one ``<p>`` or ``<h3>`` per block, highlights nested inside."""
    ordered = sorted(highlights, key=lambda h: (h.start, -h.end, h.order))
    first_piece_done: set[int] = set()
    out = []
    for block in blocks:
        inside = [(i, h) for i, h in enumerate(ordered) if h.start < block.end and h.end > block.start]
        body = _render_block(text, block, inside, first_piece_done)
        tag = "h3" if block.kind == "h" else "p"
        cls = ' class="bx-article-heading"' if block.kind == "h" else ""
        out.append(f"<{tag}{cls}>{body}</{tag}>")
    return joiner.join(out)


def _render_block(text: str, block: Block, inside: list[tuple[int, Highlight]], first_done: set[int]) -> str:
    if not inside:
        return esc(text[block.start:block.end])
    clip = {i: (max(h.start, block.start), min(h.end, block.end)) for i, h in inside}
    cuts = sorted({block.start, block.end, *(c for pair in clip.values() for c in pair)})
    by_rank = {i: rank for rank, (i, _) in enumerate(inside)}
    highlights = dict(inside)
    stack: list[int] = []
    parts: list[str] = []

    def open_(i: int) -> None:
        h = highlights[i]
        attr = ""
        if h.element_id and i not in first_done:
            attr = f' id="{esc(h.element_id)}"'
            first_done.add(i)
        if h.title:
            attr += f' title="{esc(h.title)}"'
        parts.append(f'<{h.tag} class="{esc(h.css_class)}"{attr}>')
        stack.append(i)

    for pos in cuts:
        ending = [i for i in stack if clip[i][1] == pos]
        if ending:
            # Close down to the deepest ending highlight, then reopen the survivors.
            depth = min(stack.index(i) for i in ending)
            closed = stack[depth:]
            del stack[depth:]
            for i in reversed(closed):
                parts.append(f"</{highlights[i].tag}>")
                if i in ending and highlights[i].end == pos:
                    parts.append(highlights[i].after)
            for i in closed:
                if i not in ending:
                    open_(i)
        for i in sorted((i for i, _ in inside if clip[i][0] == pos and clip[i][1] > pos), key=by_rank.get):
            open_(i)
        following = next((c for c in cuts if c > pos), None)
        if following is not None:
            parts.append(esc(text[pos:following]))
    return "".join(parts)
