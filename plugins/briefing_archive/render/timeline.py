"""The timeline: every dated claim in order, grouped by month, and the briefings by publication date."""
from __future__ import annotations

import calendar
from collections.abc import Sequence

from markupsafe import Markup

from ..core.urls import PAGE_ROWS, TIMELINE
from ..derive.timeline import Group, briefings_by_published, claim_groups
from .components import front_matter, heading
from .context import RenderContext


def month_label(key: str) -> str:
    return f"{key} (month not given)" if len(key) == 4 else f"{calendar.month_name[int(key[5:7])]} {key[:4]}"


def timeline_pages(ctx: RenderContext) -> dict[str, str]:
    """The timeline: one page while short; beyond PAGE_ROWS dated claims, a page per month."""
    groups = claim_groups(ctx.archive)
    return {page: timeline_part(ctx, groups, page) for page in timeline_layout(groups)}


def timeline_layout(groups: tuple[Group, ...]) -> dict[str, Group | None]:
    """The timeline's pages, each with its month (None: the first page), the first page last."""
    if sum(len(g.entries) for g in groups) <= PAGE_ROWS:
        return {TIMELINE: None}
    return {**{f"timeline/{g.key}.md": g for g in groups}, TIMELINE: None}


def timeline_part(ctx: RenderContext, groups: tuple[Group, ...], page: str) -> str:
    """One page of the timeline (see :func:`timeline_layout`)."""
    layout = timeline_layout(groups)
    if len(layout) == 1:
        return timeline_page(ctx, groups, TIMELINE)
    month = layout[page]
    if month is not None:
        return timeline_page(ctx, (month,), page, with_briefings=False)
    months = [(ctx.href(TIMELINE, f"timeline/{g.key}.md"), month_label(g.key), len(g.entries)) for g in groups]
    return timeline_page(ctx, (), TIMELINE, months=months)


def timeline_page(ctx: RenderContext, groups: tuple[Group, ...], here: str, *, with_briefings: bool = True,
                  months: Sequence[tuple[Markup, str, int]] = ()) -> str:
    """A page (``timeline/page.html``): the claims of ``groups``, or the list of ``months``' pages."""
    dated, undated = briefings_by_published(ctx.archive) if with_briefings else ((), ())
    body = ctx.templates.html(
        "timeline/page.html", months=months, claims_heading=Markup(heading(2, "Claims by date", "_claims")),
        groups=[(Markup(heading(3, month_label(g.key), f"_month-{g.key}")),
                 ((ref.claim.date, ctx.claim_badge(ref.claim), ctx.claim_link(here, ref),
                   ctx.briefing_link(here, ref.briefing)) for ref in g.entries)) for g in groups],
        published_heading=Markup(heading(2, "Briefings by publication date", "_published"))
        if dated or undated else None,
        dated=[(b.published, ctx.briefing_link(here, b)) for b in dated],
        undated=[ctx.briefing_link(here, b) for b in undated])
    return f"{front_matter('Timeline', searchable=False)}{body}"
