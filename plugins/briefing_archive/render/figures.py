"""The figures ledger: every number a claim states, by metric, with disagreements flagged."""
from __future__ import annotations

from ..core.ids import claim_key
from ..core.urls import FIGURES
from ..derive.ledger import Metric
from .components import figure_value, front_matter, heading, html_table
from .context import RenderContext
from .markup import esc

QUALIFIER = {"exact": "exactly", "about": "about", "at-least": "at least", "at-most": "at most"}

LEDGER_INTRO = ("<p>Every number a claim states, by metric, side by side and sorted by date (undated figures "
                "last). Two figures of one metric, unit and period <strong>disagree</strong> when the ranges "
                "their qualifiers give do not overlap: exactly = [v, v], about = [0.8v, 1.2v], at least = "
                "[v, \u221e), at most = [0, v]. Figures whose period is not known are listed but not "
                "compared.</p>\n\n")


def ledger_pages(ctx: RenderContext) -> dict[str, str]:
    """The ledger: one page while short; beyond PAGE_ROWS rows, an index and a page per metric."""
    layout = ctx.derived.ledger_pages
    pages = {layout[m.metric]: metric_page(ctx, m) for m in ctx.ledger if layout[m.metric] != FIGURES}
    pages[FIGURES] = ledger_index(ctx)
    return pages


def ledger_index(ctx: RenderContext) -> str:
    """The ledger's first page: every metric, its section here or a line leading to its own page."""
    metrics = ctx.ledger
    layout = ctx.derived.ledger_pages
    out = [front_matter("Figures ledger", searchable=False), LEDGER_INTRO]
    if not metrics:
        out.append("<p>No claim states a figure yet.</p>\n")
    else:
        out.append(disagreement_line(ctx, FIGURES, metrics))
    for m in metrics:
        page = layout[m.metric]
        if page == FIGURES:
            out.append(metric_section(ctx, FIGURES, m))
        else:
            out.append(f'<p><a href="{ctx.href(FIGURES, page)}">{esc(m.label)}</a>: {len(m.rows)} figures'
                       + (f", {m.pairs} disagreeing pair{'' if m.pairs == 1 else 's'}" if m.pairs else "")
                       + ".</p>\n\n")
    return "".join(out)


def metric_page(ctx: RenderContext, m: Metric) -> str:
    """A metric on a page of its own (the ledger past PAGE_ROWS rows)."""
    page = ctx.derived.ledger_pages[m.metric]
    return (front_matter(f"Figures: {m.label}", searchable=False) + LEDGER_INTRO
            + disagreement_line(ctx, page, (m,)) + metric_section(ctx, page, m))


def disagreement_line(ctx: RenderContext, here: str, metrics: tuple[Metric, ...]) -> str:
    """Said once for the page: that no two figures disagree, or which metrics hold figures that do."""
    clashing = [m for m in metrics if m.pairs]
    if not clashing:
        return ("<p><strong>No two figures disagree</strong>" + (" in any metric" if len(metrics) > 1 else "")
                + ".</p>\n\n")
    names = ", ".join(f'<a href="{ctx.href(here, ctx.derived.ledger_pages[m.metric], f"_metric-{m.metric}")}">'
                      f"{esc(m.label)}</a>" for m in clashing)
    return f'<p><strong class="bx-disagree">Figures disagree</strong> in: {names}.</p>\n\n'


HEADERS = ("Value", "Unit", "Approximate", "Period", "Briefing", "Rests on", "Claim")


def metric_section(ctx: RenderContext, here: str, m: Metric) -> str:
    clash_rows = m.disagreeing
    rows = []
    for r in m.rows:
        flag = ' <strong class="bx-disagree">disagrees</strong>' if r.anchor in clash_rows else ""
        rows.append((
            f"{esc(QUALIFIER[r.figure.qualifier])} <strong>{esc(figure_value(r.figure))}</strong>{flag}",
            esc(r.figure.unit), "approximate" if r.figure.qualifier != "exact" else "exact",
            esc(r.period) if r.period else "<em>not recorded</em>", ctx.briefing_link(here, r.briefing),
            ctx.chain_html(here, r.claim),
            (f"{ctx.claim_badge(r.claim)} "
            f"{ctx.claim_link(here, ctx.links.claims[claim_key(r.briefing.id, r.claim.id)], 'claim')}")))
    verdict = ""
    if m.disagreements:
        items = "".join(
            f"<li>{esc(figure_value(d.a.figure))} {esc(d.a.figure.unit)} ({esc(d.a.briefing.title)}) and "
            f"{esc(figure_value(d.b.figure))} {esc(d.b.figure.unit)} ({esc(d.b.briefing.title)}), period "
            f"{esc(d.a.period)}</li>" for d in m.disagreements)
        more = (f"<p>\u2026 and {m.pairs - len(m.disagreements)} more pairs (rows marked "
                "<em>disagrees</em>).</p>" if m.pairs > len(m.disagreements) else "")
        verdict = (f'<div class="admonition danger"><p class="admonition-title">These figures disagree</p>'
                   f"<ul>{items}</ul>{more}</div>\n")
    return (heading(2, m.label, f"_metric-{m.metric}")  # a label is letters, digits and spaces: safe in Markdown
            + html_table(HEADERS, rows, "bx-ledger", row_ids=[esc(r.anchor) for r in m.rows])
            + f"\n{verdict}\n")
