"""The tags index, and a page per tag listing its briefings."""
from __future__ import annotations

from collections import defaultdict

from ..core.model import Briefing
from ..core.urls import TAGS
from .components import front_matter
from .context import RenderContext
from .markup import esc


def tag_pages(ctx: RenderContext) -> tuple[str, dict[str, str]]:
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
    page = f"tags/{tag}.md"
    items = "".join(f"<li>{ctx.briefing_link(page, b)}</li>" for b in briefings)
    return (front_matter(f"Tag: {tag}", searchable=False)
            + f"<p>{len(briefings)} briefing(s) tagged <code>{esc(tag)}</code>.</p>\n\n"
            + f"<ul>{items}</ul>\n")


def tags_index(ctx: RenderContext, tagged: dict[str, list[Briefing]]) -> str:
    items = []
    for tag in sorted(tagged):
        page = f"tags/{tag}.md"
        items.append(f'<li id="_tag-{esc(tag)}"><a href="{ctx.href(TAGS, page)}"><code>{esc(tag)}</code></a> '
                     f"({len(tagged[tag])}): "
                     + ", ".join(ctx.briefing_link(TAGS, b) for b in tagged[tag]) + "</li>")
    return (front_matter("Tags", searchable=False) + "<p>Every tag, with the briefings that carry it.</p>\n\n"
            + (f"<ul class=\"bx-tags\">{''.join(items)}</ul>\n" if items else "<p>No tags yet.</p>\n"))
