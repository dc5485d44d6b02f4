"""The relations page: every relation between claims in one table, with its independence verdict, and
the pairs of briefings they join, each leading to the two side by side.

The page once drew the claims on a circle with a chord per relation. A claim has no short name a
drawing could print (its id is for authors, its quote a sentence), so at a readable size the labels
could not fit, and the drawing said nothing the table does not say in words. The compare view
(``compare/``) now answers the drawing's question, which articles relate and how, with the claims'
own words.
"""
from __future__ import annotations

from markupsafe import Markup

from ..core.ids import claim_key
from ..core.relations import kinds
from ..core.urls import COMPARE, RELATIONS
from .compare import contents
from .components import front_matter, heading, html_table
from .context import RenderContext
from .markup import esc

#: Beyond this many pairs of related briefings, the page leads to the compare view's list instead of repeating it.
LISTED_PAIRS = 50


def kind_glosses() -> list[tuple[str, str]]:
    """The kinds as the page's introduction lists them, each with what it means (from the registry)."""
    return [(k.name, k.gloss or k.meaning) for k in kinds()]


def relations_page(ctx: RenderContext) -> str:
    """The page (``relations/page.html``), its cells from the macros of ``relations/cells.html``."""
    here = RELATIONS
    claim, verdict = (ctx.templates.macro("relations/cells.html", name) for name in ("claim", "verdict"))
    rows = []
    for b in ctx.archive.briefings:
        for c in b.claims:
            for rel in c.relations:
                ref, other = ctx.links.claims[claim_key(b.id, c.id)], ctx.links.claims[rel.target]
                rows.append((claim(ctx.claim_link(here, ref), ctx.briefing_link(here, b)), esc(rel.kind),
                             claim(ctx.claim_link(here, other), ctx.briefing_link(here, other.briefing)),
                             verdict(ctx.verdict_text(c, other.claim, rel.kind))))
    listed = contents(ctx, here) if rows and ctx.compare and len(ctx.compare) <= LISTED_PAIRS else None
    body = ctx.templates.html(
        "relations/page.html", kinds=kind_glosses(), pairs=len(ctx.compare) if rows else 0, listed=listed,
        compare_href=ctx.href(here, COMPARE), pairs_heading=Markup(heading(2, "Briefings side by side", "_pairs")),
        all_heading=Markup(heading(2, f"All relations ({len(rows)})", "_all")),
        table=Markup(html_table(("Claim", "Relation", "Other claim", "Independence"), rows, "bx-index bx-sortable"))
        if rows else None)
    return f"{front_matter('Relations', searchable=False)}{body}"
