"""The figures ledger: every number a claim states, by metric, with disagreements flagged."""
from __future__ import annotations

from ..derive.ledger import Metric
from .components import figure_value, front_matter, heading
from .context import RenderContext
from .markup import esc, scroll_table
from .urls import FIGURES

QUALIFIER = {"exact": "exactly", "about": "about", "at-least": "at least", "at-most": "at most"}

LEDGER_INTRO = ("<p>Every number a claim states, by metric, side by side and sorted by date (undated figures "
                "last). Two figures of one metric, unit and period <strong>disagree</strong> when the ranges "
                "their qualifiers give do not overlap: exactly = [v, v], about = [0.8v, 1.2v], at least = "
                "[v, \u221e), at most = [0, v]. Figures whose period is not known are listed but not "
                "compared.</p>\n\n")


def ledger_pages(ctx: RenderContext) -> dict[str, str]:
    """The ledger: one page while short; beyond PAGE_ROWS rows, an index and a page per metric."""
    metrics = ctx.ledger
    layout = ctx.ledger_pages
    out = [front_matter("Figures ledger", searchable=False), LEDGER_INTRO]
    if not metrics:
        out.append("<p>No claim states a figure yet.</p>\n")
    pages: dict[str, str] = {}
    for m in metrics:
        page = layout[m.metric]
        if page == FIGURES:
            out.append(metric_section(ctx, FIGURES, m))
        else:
            out.append(f'<p><a href="{ctx.href(FIGURES, page)}">{esc(m.metric)}</a>: {len(m.rows)} figures, '
                       f"{m.pairs} disagreeing pair(s).</p>\n\n")
            pages[page] = (front_matter(f"Figures: {m.metric}", searchable=False) + LEDGER_INTRO
                           + metric_section(ctx, page, m))
    pages[FIGURES] = "".join(out)
    return pages


def metric_section(ctx: RenderContext, here: str, m: Metric) -> str:
    clash_rows = m.disagreeing
    rows = []
    for r in m.rows:
        flag = ' <strong class="bx-disagree">disagrees</strong>' if r.anchor in clash_rows else ""
        rows.append(
            f'<tr id="{esc(r.anchor)}"><td>{esc(QUALIFIER[r.figure.qualifier])} <strong>'
            f"{esc(figure_value(r.figure))}</strong>{flag}</td><td>{esc(r.figure.unit)}</td>"
            f"<td>{'approximate' if r.figure.qualifier != 'exact' else 'exact'}</td>"
            f"<td>{esc(r.period) if r.period else '<em>not recorded</em>'}</td>"
            f"<td>{ctx.briefing_link(here, r.briefing)}</td>"
            f"<td>{ctx.chain_html(here, r.claim)}</td>"
            f"<td>{ctx.claim_badge(r.claim)} "
            f"{ctx.claim_link(here, ctx.links.claims[f'{r.briefing.id}#{r.claim.id}'], 'claim')}</td></tr>")
    if m.disagreements:
        items = "".join(
            f"<li>{esc(figure_value(d.a.figure))} {esc(d.a.figure.unit)} ({esc(d.a.briefing.title)}) and "
            f"{esc(figure_value(d.b.figure))} {esc(d.b.figure.unit)} ({esc(d.b.briefing.title)}), period "
            f"{esc(d.a.period)}</li>" for d in m.disagreements)
        more = (f"<p>\u2026 and {m.pairs - len(m.disagreements)} more pairs (rows marked "
                "<em>disagrees</em>).</p>" if m.pairs > len(m.disagreements) else "")
        verdict = (f'<div class="admonition danger"><p class="admonition-title">These figures disagree</p>'
                   f"<ul>{items}</ul>{more}</div>")
    else:
        verdict = "<p>No two figures of this metric disagree.</p>"
    return (heading(2, m.metric, f"_metric-{m.metric}")  # metric ids are slugs: safe in Markdown
            + scroll_table('<table class="bx-ledger"><thead><tr><th>Value</th><th>Unit</th><th>Approximate</th>'
                           "<th>Period</th><th>Briefing</th><th>Rests on</th><th>Claim</th></tr></thead>"
                           f"<tbody>{''.join(rows)}</tbody></table>") + f"\n{verdict}\n\n")

