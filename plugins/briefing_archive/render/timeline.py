"""The timeline: every dated claim in order, grouped by month, and the briefings by publication date."""
from __future__ import annotations

import calendar

from ..core.urls import PAGE_ROWS, TIMELINE
from ..derive.timeline import Group, briefings_by_published, claim_groups
from .components import front_matter, heading
from .context import RenderContext
from .markup import esc


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
    months = [f'<li><a href="{ctx.href(TIMELINE, f"timeline/{g.key}.md")}">{esc(month_label(g.key))}</a>: '
              f"{len(g.entries)} claims</li>" for g in groups]
    return timeline_page(ctx, (), TIMELINE, months="".join(months))


def timeline_page(ctx: RenderContext, groups: tuple[Group, ...], here: str, *, with_briefings: bool = True,
                  months: str = "") -> str:
    out = [front_matter("Timeline", searchable=False),
           ("<p>Every claim that says when its event happened, in order, grouped by month. Dates have three "
            "precisions (YYYY, YYYY-MM, YYYY-MM-DD); a partial date sorts <strong>before</strong> the full "
            "dates of its period (2025-01 comes before 2025-01-05), and a year-only date before that year's "
            "months. The dates are the articles' own; none is inferred.</p>\n\n")]
    if months or groups:
        out.append(heading(2, "Claims by date", "_claims"))
    if months:
        out.append(f'<ul class="bx-months">{months}</ul>\n\n')
    elif not groups:
        out.append("<p>No claim is dated yet.</p>\n\n")
    for g in groups:
        items = "".join(
            f"<li><time>{esc(ref.claim.date)}</time> {ctx.claim_badge(ref.claim)} {ctx.claim_link(here, ref)}"
            f" <small>in {ctx.briefing_link(here, ref.briefing)}</small></li>" for ref in g.entries)
        out.append(heading(3, month_label(g.key), f"_month-{g.key}")
                   + f'<ul class="bx-timeline">{items}</ul>\n\n')
    if not with_briefings:
        return "".join(out)
    dated, undated = briefings_by_published(ctx.archive)
    if not dated and not undated:
        return "".join(out)
    out.append(heading(2, "Briefings by publication date", "_published"))
    items = "".join(f"<li><time>{esc(b.published)}</time> {ctx.briefing_link(here, b)}</li>" for b in dated)
    if dated:
        out.append(f"<ul>{items}</ul>\n")
    if undated:
        out.append("<p>Publication date not recorded: "
                   + ", ".join(ctx.briefing_link(here, b) for b in undated) + ".</p>\n")
    return "".join(out)

