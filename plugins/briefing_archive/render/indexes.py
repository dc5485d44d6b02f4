"""The index pages of briefings, sources and entities: one sortable table each."""
from __future__ import annotations

from collections.abc import Sequence

from .components import badge_html, front_matter, html_table, or_not_recorded
from .context import RenderContext
from .markup import esc
from .profiles import SOURCE_KINDS


def index_page(ctx: RenderContext, title: str, intro: str, headers: tuple[str, ...],
               rows: Sequence[tuple[str, ...]]) -> str:
    """An index page: a short introduction and one table (cells are HTML, already escaped)."""
    return front_matter(title) + f"<p>{intro}</p>\n\n" + html_table(headers, rows, "bx-index bx-sortable") + "\n"


def briefings_index(ctx: RenderContext) -> str:
    here = "briefings/index.md"
    rows = [(ctx.briefing_link(here, b), or_not_recorded(b.published),
             ctx.source_link(here, b.publisher) if b.publisher else or_not_recorded(None), str(len(b.claims)))
            for b in ctx.archive.briefings]
    return index_page(ctx, "Briefings", f"{len(rows)} briefings: each is one article, annotated claim by claim.",
                           ("Title", "Published", "Publisher", "Claims"), rows)


def sources_index(ctx: RenderContext) -> str:
    here = "sources/index.md"
    rows = [(ctx.source_link(here, s.id), esc(SOURCE_KINDS[s.kind]), or_not_recorded(s.party),
             badge_html(s.reliability), str(len(ctx.links.by_source.get(s.id, []))))
            for s in ctx.archive.sources.values()]
    return index_page(ctx, "Sources", "Every source a claim rests on, as reporter or originator, with its "
                           "Admiralty reliability grade (A completely reliable \u2026 F cannot be judged).",
                           ("Name", "Kind", "Party", "Reliability", "Claims"), rows)


def entities_index(ctx: RenderContext) -> str:
    here = "entities/index.md"
    rows = [(ctx.entity_link(here, e.id), esc(e.kind), str(len(ctx.links.by_entity.get(e.id, []))))
            for e in sorted(ctx.archive.entities.values(), key=lambda e: (e.kind, e.name.lower()))]
    return index_page(ctx, "Entities", "People, organisations, places, units and events named in the claims.",
                           ("Name", "Kind", "Claims"), rows)

