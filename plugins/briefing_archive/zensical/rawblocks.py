"""A Python-Markdown extension that hands a generated page's HTML blocks to the output as they are.

The pages `briefings generate` writes carry their HTML in place, and Python-Markdown would pass each block
through untouched anyway (each starts with a block-level tag; no line of one can start Markdown syntax, see
:func:`~briefing_archive.render.fragments.inline`). But its HTML-block parser walks every tag of a block to
find where it ends: on a large archive that is most of the build (3x MkDocs' time at 100 briefings). The
generator already knows where each block ends (blocks are separated by blank lines and hold none), so
on a page that starts with :data:`~briefing_archive.render.fragments.GENERATED` each block goes straight to
Python-Markdown's store of raw HTML, as the MkDocs adapter's markers do, and only the headings are Markdown.
Hand-written pages (without that first line) are left to Python-Markdown as they are.

Engine-neutral (only Python-Markdown); the derived Zensical config lists it as
``briefing_archive.zensical.rawblocks``.
"""
from __future__ import annotations

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

from ..render.fragments import GENERATED


class RawBlocks(Preprocessor):
    """Stash each HTML block of a generated page; after whitespace is normalised (30), before fences (25)."""

    def run(self, lines: list[str]) -> list[str]:
        start = next((i for i, line in enumerate(lines) if line.strip()), len(lines))
        if start == len(lines) or lines[start] != GENERATED:
            return lines
        blocks = "\n".join(lines[start + 1:]).split("\n\n")
        out = [self.md.htmlStash.store(b) if b.startswith("<") else b for b in blocks]
        return [*lines[:start], *"\n\n".join(out).split("\n")]


class RawBlocksExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.preprocessors.register(RawBlocks(md), "briefings_raw_blocks", 27)


def makeExtension(**kwargs: object) -> RawBlocksExtension:
    return RawBlocksExtension(**kwargs)
