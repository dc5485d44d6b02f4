"""The tags index, and a page per tag listing its briefings."""
from __future__ import annotations

from collections import defaultdict

from ..core.model import Briefing
from ..core.urls import TAGS
from .components import front_matter
from .context import RenderContext


def tag_pages(ctx: RenderContext) -> tuple[str, dict[str, str]]:
    """The index (``tags/index.html``) and a page per tag (``tags/tag.html``)."""
    tagged: dict[str, list[Briefing]] = defaultdict(list)
    for b in ctx.archive.briefings:
        for t in b.tags:
            tagged[t].append(b)
    pages = {}
    items = []
    for tag in sorted(tagged):
        page = f"tags/{tag}.md"
        body = ctx.templates.html("tags/tag.html", tag=tag, links=[ctx.briefing_link(page, b) for b in tagged[tag]])
        pages[page] = f"{front_matter(f'Tag: {tag}', searchable=False)}{body}\n"
        items.append((tag, ctx.href(TAGS, page), [ctx.briefing_link(TAGS, b) for b in tagged[tag]]))
    index = f"{front_matter('Tags', searchable=False)}{ctx.templates.html('tags/index.html', tags=items)}\n"
    return index, pages
