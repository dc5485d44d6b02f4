"""The figures ledger: every number a claim states, by metric, with disagreements flagged."""
from __future__ import annotations

from markupsafe import Markup

from ..core.ids import claim_key
from ..core.urls import FIGURES
from ..derive.ledger import Metric
from .components import figure_value, front_matter, heading, html_table, or_not_recorded
from .context import RenderContext
from .markup import esc

QUALIFIER = {"exact": "exactly", "about": "about", "at-least": "at least", "at-most": "at most"}

def ledger_pages(ctx: RenderContext) -> dict[str, str]:
    """The ledger: one page while short (``figures/page.html``); beyond PAGE_ROWS rows, an index and a page per
    metric (``figures/metric.html``)."""
    layout = ctx.derived.ledger_pages
    pages = {layout[m.metric]: metric_page(ctx, m) for m in ctx.ledger if layout[m.metric] != FIGURES}
    pages[FIGURES] = ledger_index(ctx)
    return pages


def ledger_index(ctx: RenderContext) -> str:
    """The ledger's first page: every metric, its section here or a line leading to its own page."""
    metrics = ctx.ledger
    layout = ctx.derived.ledger_pages
    entries: list[dict[str, object]] = []
    for m in metrics:
        page = layout[m.metric]
        if page == FIGURES:
            entries.append({"section": metric_section(ctx, FIGURES, m)})
        else:
            entries.append({"section": None, "href": ctx.href(FIGURES, page), "label": m.label,
                            "rows": len(m.rows), "pairs": m.pairs})
    body = ctx.templates.html("figures/page.html", empty=not metrics, metrics=entries,
                              disagreement=disagreement_line(ctx, FIGURES, metrics) if metrics else None)
    return f"{front_matter('Figures ledger', searchable=False)}{body}"


def metric_page(ctx: RenderContext, m: Metric) -> str:
    """A metric on a page of its own (the ledger past PAGE_ROWS rows)."""
    page = ctx.derived.ledger_pages[m.metric]
    body = ctx.templates.html("figures/metric.html", disagreement=disagreement_line(ctx, page, (m,)),
                              section=metric_section(ctx, page, m))
    return f"{front_matter(f'Figures: {m.label}', searchable=False)}{body}"


def disagreement_line(ctx: RenderContext, here: str, metrics: tuple[Metric, ...]) -> Markup:
    """Said once for the page (``figures/disagreement.html``): that no two figures disagree, or which metrics
    hold figures that do."""
    return ctx.templates.html("figures/disagreement.html", several=len(metrics) > 1, clashing=[
        (ctx.href(here, ctx.derived.ledger_pages[m.metric], f"_metric-{m.metric}"), m.label)
        for m in metrics if m.pairs])


HEADERS = ("Value", "Unit", "Approximate", "Period", "Briefing", "Rests on", "Claim")


def metric_section(ctx: RenderContext, here: str, m: Metric) -> Markup:
    """A metric's heading, its table (a figure's value from the macro of ``figures/cells.html``, once per row) and
    the pairs that disagree (``figures/verdict.html``)."""
    value = ctx.templates.macro("figures/cells.html", "value")
    clash_rows = m.disagreeing
    rows = [(value(QUALIFIER[r.figure.qualifier], figure_value(r.figure), r.anchor in clash_rows),
             esc(r.figure.unit), "approximate" if r.figure.qualifier != "exact" else "exact",
             or_not_recorded(r.period), ctx.briefing_link(here, r.briefing), ctx.chain_html(here, r.claim),
             (f"{ctx.claim_badge(r.claim)} "
             f"{ctx.claim_link(here, ctx.links.claims[claim_key(r.briefing.id, r.claim.id)], 'claim')}"))
            for r in m.rows]
    verdict = ""
    if m.disagreements:
        pairs = [(figure_value(d.a.figure), d.a.figure.unit, d.a.briefing.title, figure_value(d.b.figure),
                  d.b.figure.unit, d.b.briefing.title, d.a.period) for d in m.disagreements]
        shown = ctx.templates.html("figures/verdict.html", pairs=pairs, more=max(0, m.pairs - len(m.disagreements)))
        verdict = f"{shown}\n"
    table = html_table(HEADERS, rows, "bx-ledger", row_ids=[esc(r.anchor) for r in m.rows])
    # a label is letters, digits and spaces: safe in Markdown
    return Markup(f"{heading(2, m.label, f'_metric-{m.metric}')}{table}\n{verdict}\n")
