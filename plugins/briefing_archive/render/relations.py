"""The relations page: how claims relate across briefings, drawn and tabled, with independence."""
from __future__ import annotations

from . import urls
from .components import front_matter, heading
from .context import RenderContext
from .markup import esc, scroll_table
from .svg import network_svg, node_palette
from .urls import RELATIONS


def relations_page(ctx: RenderContext) -> str:
    here = RELATIONS
    hrefs = {f"{b.id}#{c.id}": urls.link(here, urls.briefing_page(b.id), ctx.directory_urls, c.id)
             for b in ctx.archive.briefings for c in b.claims}
    rows = []
    for b in ctx.archive.briefings:
        for c in b.claims:
            for rel in c.relations:
                other = ctx.links.claims[rel.target]
                independence = ctx.independence(c, other.claim, rel.kind).strip()
                rows.append(f"<tr><td>{ctx.claim_link(here, ctx.links.claims[f'{b.id}#{c.id}'])}</td>"
                            f"<td>{esc(rel.kind)}</td><td>{ctx.claim_link(here, other)}</td>"
                            f"<td>{independence}</td></tr>")
    svg = network_svg(ctx.archive, hrefs)
    palette = node_palette(ctx.archive)
    legend = "".join(f'<li><span class="bx-swatch bx-node-{palette[b.id]}" aria-hidden="true"></span> '
                     f"{ctx.briefing_link(here, b)}</li>" for b in ctx.archive.briefings
                     if any(f"{b.id}#{c.id}" in ctx.links.relations for c in b.claims))
    intro = ("<p>How the archive's claims relate across briefings: <em>corroborates</em> (independent "
             "confirmation), <em>echoes</em> (says the same, but not independently: circular reporting), "
             "<em>contradicts</em> and <em>updates</em>. Each relation is shown on both claims.</p>\n\n")
    if svg:
        drawing = (f'<figure class="bx-network-figure">{svg}<figcaption>Claims that have relations (dots, one '
                   "colour per briefing; each leads to its claim) and the relations between them (lines: solid "
                   "corroborates, dashed echoes, red contradicts, dotted updates). The table below lists the same "
                   f'relations.<ul class="bx-legend">{legend}</ul></figcaption></figure>\n\n')
    elif rows:
        drawing = f"<p>{len(rows)} relations: too many claims to draw legibly; the table lists them all.</p>\n\n"
    else:
        drawing = "<p>No relations yet.</p>\n\n"
    table = ""
    if rows:
        table = scroll_table('<table class="bx-index bx-sortable"><thead><tr><th>Claim</th><th>Relation</th>'
                             f"<th>Other claim</th><th>Independence</th></tr></thead><tbody>{''.join(rows)}"
                             "</tbody></table>") + "\n"
    return "".join([front_matter("Relations", searchable=False), intro, drawing,
                    heading(2, f"All relations ({len(rows)})", "_all"), table])
