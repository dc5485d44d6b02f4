"""The relations page: every relation between claims in one table, with its independence verdict, and
the pairs of briefings they join, each leading to the two side by side.

The page once drew the claims on a circle with a chord per relation. A claim has no short name a
drawing could print (its id is for authors, its quote a sentence), so at a readable size the labels
could not fit, and the drawing said nothing the table does not say in words. The compare view
(``compare/``) now answers the drawing's question, which articles relate and how, with the claims'
own words.
"""
from __future__ import annotations

from ..core.ids import claim_key
from ..core.relations import kinds
from ..core.urls import COMPARE, RELATIONS
from .compare import contents
from .components import front_matter, heading, html_table
from .context import RenderContext
from .markup import esc

#: Beyond this many pairs of related briefings, the page leads to the compare view's list instead of repeating it.
LISTED_PAIRS = 50
UPDATE_VERDICT = "<small>not judged: an update revises a report</small>"


def kinds_sentence() -> str:
    """The kinds as the page's introduction lists them, each with what it means (from the registry)."""
    named = [f"<em>{esc(k.name)}</em>" + (f" ({esc(k.gloss or k.meaning)})" if k.gloss or k.meaning else "")
             for k in kinds()]
    return ", ".join(named[:-1]) + " and " + named[-1] if len(named) > 1 else named[0]


def relations_page(ctx: RenderContext) -> str:
    here = RELATIONS
    rows = []
    for b in ctx.archive.briefings:
        for c in b.claims:
            for rel in c.relations:
                ref, other = ctx.links.claims[claim_key(b.id, c.id)], ctx.links.claims[rel.target]
                verdict = ctx.verdict_text(c, other.claim, rel.kind)
                rows.append((f"{ctx.claim_link(here, ref)} <small>in {ctx.briefing_link(here, b)}</small>",
                             esc(rel.kind),
                             (f"{ctx.claim_link(here, other)} <small>in {ctx.briefing_link(here, other.briefing)}"
                             "</small>"),
                             f'<span class="{verdict[0]}">{esc(verdict[1])}</span>' if verdict else UPDATE_VERDICT))
    intro = f"<p>How the archive's claims relate: {kinds_sentence()}. Each relation is also shown on both claims.</p>\n\n"
    out = [front_matter("Relations", searchable=False), intro]
    if not rows:
        out.append("<p>No claim relates to another yet.</p>\n")
        return "".join(out)
    if ctx.compare:
        view = f'<a href="{ctx.href(here, COMPARE)}">compare view</a>'
        if len(ctx.compare) <= LISTED_PAIRS:
            pairs = (f"<p>Pairs of briefings whose claims relate; each leads to the {view}, the matched claims in two "
                     "columns with their grades and whether they are independent.</p>\n\n" + contents(ctx, here))
        else:
            pairs = (f"<p>{len(ctx.compare)} pairs of briefings have claims that relate: the {view} sets each "
                     "pair's matched claims side by side, with their grades and whether they are independent.</p>\n\n")
        out.append(heading(2, "Briefings side by side", "_pairs") + pairs)
    out.append(heading(2, f"All relations ({len(rows)})", "_all"))
    out.append(html_table(("Claim", "Relation", "Other claim", "Independence"), rows, "bx-index bx-sortable") + "\n")
    return "".join(out)
