"""The tags index, and a page per tag listing its briefings."""
from __future__ import annotations

from collections import defaultdict

from ..core.model import Briefing
from ..core.urls import TAGS
from .components import front_matter
from .context import RenderContext


def tag_pages(ctx: RenderContext) -> tuple[str, dict[str, str]]:
    """The index (``tags/index.html``) and a page per tag (``tags/tag.html``)."""
    tagged = tagged_briefings(ctx)
    return tags_index(ctx, tagged), {f"tags/{tag}.md": tag_page(ctx, tag, tagged[tag]) for tag in sorted(tagged)}


def tagged_briefings(ctx: RenderContext) -> dict[str, list[Briefing]]:
    """Each tag with the briefings that carry it, in archive order."""
    tagged: dict[str, list[Briefing]] = defaultdict(list)
    for b in ctx.archive.briefings:
        for t in b.tags:
            tagged[t].append(b)
    return tagged


def tag_page(ctx: RenderContext, tag: str, briefings: list[Briefing]) -> str:
    """A tag's page (``tags/tag.html``): the briefings that carry it."""
    page = f"tags/{tag}.md"
    body = ctx.templates.html("tags/tag.html", tag=tag, links=[ctx.briefing_link(page, b) for b in briefings])
    return f"{front_matter(f'Tag: {tag}', searchable=False)}{body}\n"


def tags_index(ctx: RenderContext, tagged: dict[str, list[Briefing]]) -> str:
    """The tags index (``tags/index.html``): every tag with the briefings that carry it."""
    items = [(tag, ctx.href(TAGS, f"tags/{tag}.md"), [ctx.briefing_link(TAGS, b) for b in tagged[tag]])
             for tag in sorted(tagged)]
    return f"{front_matter('Tags', searchable=False)}{ctx.templates.html('tags/index.html', tags=items)}\n"
