"""The index pages of briefings, sources and entities: one sortable table each."""
from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup

from .components import badge_html, front_matter, html_table, or_not_recorded
from .context import RenderContext
from .home import grade_mix, one_line
from .markup import esc
from .profiles import SOURCE_KINDS


def index_page(ctx: RenderContext, title: str, intro: str, headers: tuple[str, ...],
               rows: Sequence[tuple[str, ...]], *, searchable: bool = True) -> str:
    """An index page (``indexes/index.html``): a short introduction (text) and one table (cells are HTML,
    already escaped)."""
    body = ctx.templates.html("indexes/index.html", intro=intro,
                              table=Markup(html_table(headers, rows, "bx-index bx-sortable")))
    return f"{front_matter(title, searchable=searchable)}{body}\n"


def briefings_index(ctx: RenderContext) -> str:
    """Each briefing with a line of its summary and the mix of its grades; the date and publisher columns
    only when some briefing records them (a column of "not recorded" tells the reader nothing)."""
    here = "briefings/index.md"
    briefings = ctx.archive.briefings
    dated, published = any(b.published for b in briefings), any(b.publisher for b in briefings)
    headers = ("Briefing", *(("Published",) if dated else ()), *(("Publisher",) if published else ()),
               "Grades of its claims")
    cell = ctx.templates.macro("indexes/briefing_cell.html", "cell")
    rows = [(cell(ctx.briefing_link(here, b), one_line(b)),
             *((or_not_recorded(b.published),) if dated else ()),
             *((ctx.source_link(here, b.publisher) if b.publisher else or_not_recorded(None),) if published else ()),
             f"{len(b.claims)} claim{'' if len(b.claims) == 1 else 's'}: {grade_mix(ctx, b)}")
            for b in briefings]
    # Not in search, like the other lists (ledger, timeline, tags...): each line is on its briefing's own page,
    # which search finds, and a search would otherwise also list this page for every briefing's words.
    return index_page(ctx, "Briefings", f"{len(rows)} briefing{'' if len(rows) == 1 else 's'}: each is one article, annotated claim by claim.",
                      headers, rows, searchable=False)


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

