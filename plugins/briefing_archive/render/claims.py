"""The claims explorer (``/claims/``): every claim of the archive, one row each, filtered in the browser.

The page holds the first ``STATIC_ROWS`` rows as a plain table, so it reads without JavaScript;
its script (``assets/claims.js``) then builds the filters from the data file (:mod:`.claimdata`)
and renders the matching rows a page at a time. Both write a row the same way: the cells here
and the script's ``row()`` must agree (the browser test compares them).
"""
from __future__ import annotations

from markupsafe import Markup

from ..core import urls
from ..core.relations import aside
from ..derive.claims import STATUS, STATUS_MEANING, VERDICT_WORDS, ClaimRow
from .claimdata import quote_text, side_text
from .components import front_matter
from .context import RenderContext
from .markup import scroll_table

#: Rows in the page itself (what a reader sees first, and all one sees without JavaScript).
STATIC_ROWS = 100
HEADERS = ("Grade", "Claim", "Briefing", "Date", "Chain", "Originator\u2019s side", "Entities", "Status")
_PLACEHOLDER = "__id__"


def claims_page(ctx: RenderContext) -> str:
    """The page (``claims/page.html``), its first rows from ``claims/table.html``."""
    here = urls.CLAIMS
    rows = ctx.claim_rows
    briefings = sum(1 for b in ctx.archive.briefings if b.claims)
    table = ctx.templates.html("claims/table.html", headers=HEADERS,
                               rows=[row_values(ctx, r) for r in rows[:STATIC_ROWS]])
    body = ctx.templates.html(
        "claims/page.html", total=f"{len(rows):,}", shown=f"{min(len(rows), STATIC_ROWS):,}",
        briefings=f"{briefings:,}", plural="" if briefings == 1 else "s", rows_total=len(rows), page=STATIC_ROWS,
        statuses=[(STATUS[k], STATUS_MEANING[k]) for k in STATUS], aside=aside(),
        methodology_href=ctx.href(here, "methodology.md"), sources_href=ctx.href(here, "sources/index.md"),
        entities_href=ctx.href(here, "entities/index.md"), table=Markup(scroll_table(str(table))),
        hrefs=[(kind, ctx.href(here, page(_PLACEHOLDER))) for kind, page in (
            ("briefing", urls.briefing_page), ("source", urls.source_page), ("entity", urls.entity_page))],
        data_href=ctx.file_href(here, urls.CLAIMS_DATA), script_href=ctx.file_href(here, urls.CLAIMS_SCRIPT),
        notes=ctx.search == "pagefind", pagefind_href=ctx.file_href(here, urls.PAGEFIND_SCRIPT),
        ids_href=ctx.file_href(here, urls.CLAIMS_SEARCH_IDS))
    # The table needs the width: no table of contents beside it (Material's `hide`).
    head_matter = front_matter("Claims", searchable=False).replace("---\n\n", "hide:\n  - toc\n---\n\n")
    return f"{head_matter}{body}\n"


def row_values(ctx: RenderContext, r: ClaimRow) -> dict[str, object]:
    """What a claim's row shows (its cells in the order of ``HEADERS``; ``claims/table.html`` writes them)."""
    here, b, c = urls.CLAIMS, r.briefing, r.claim
    sources = ctx.archive.sources
    return {
        "badge": ctx.claim_badge(c), "href": ctx.href(here, urls.briefing_page(b.id), c.id),
        "quote": quote_text(c.quote), "briefing": ctx.briefing_link(here, b), "date": c.date,
        # the chain, reporters first, the originator(s) last and said so: ``A \u2190 B (originator)``
        "chain": [[ctx.source_link(here, s) for s in link] for link in c.chain],
        "sides": "; ".join(dict.fromkeys(side_text(sources[s]) for s in c.originators)),
        "entities": [ctx.entity_link(here, e) for e in c.entities],
        "status": ", ".join(STATUS[s] for s in r.status), "verdicts": "; ".join(VERDICT_WORDS[v] for v in r.verdicts),
    }
