"""The claims explorer (``/claims/``): every claim of the archive, one row each, filtered in the browser.

The page holds the first ``STATIC_ROWS`` rows as a plain table, so it reads without JavaScript;
its script (``assets/claims.js``) then builds the filters from the data file (:mod:`.claimdata`)
and renders the matching rows a page at a time. Both write a row the same way: the cells here
and the script's ``row()`` must agree (the browser test compares them).
"""
from __future__ import annotations

from ..core import urls
from ..core.relations import aside
from ..derive.claims import STATUS, STATUS_MEANING, VERDICT_WORDS, ClaimRow
from .claimdata import quote_text, side_text
from .components import front_matter, or_not_recorded
from .context import RenderContext
from .markup import esc, scroll_table

#: Rows in the page itself (what a reader sees first, and all one sees without JavaScript).
STATIC_ROWS = 100
HEADERS = ("Grade", "Claim", "Briefing", "Date", "Chain", "Originator\u2019s side", "Entities", "Status")
_PLACEHOLDER = "__id__"


def claims_page(ctx: RenderContext) -> str:
    here = urls.CLAIMS
    rows = ctx.claim_rows
    briefings = sum(1 for b in ctx.archive.briefings if b.claims)
    shown = min(len(rows), STATIC_ROWS)
    body = "".join(row_html(ctx, r) for r in rows[:STATIC_ROWS]) or (
        f'<tr><td colspan="{len(HEADERS)}">No claims yet.</td></tr>')
    head = "".join(f'<th scope="col">{h}</th>' for h in HEADERS)
    table = scroll_table(f'<table class="bx-index bx-claims-table" id="bx-claims-table"><thead><tr>{head}</tr>'
                         f"</thead><tbody>{body}</tbody></table>")
    statuses = "".join(f"<li><strong>{esc(STATUS[k])}</strong>: {esc(STATUS_MEANING[k])}</li>" for k in STATUS)
    hrefs = " ".join(f'data-{kind}="{ctx.href(here, page(_PLACEHOLDER))}"' for kind, page in (
        ("briefing", urls.briefing_page), ("source", urls.source_page), ("entity", urls.entity_page)))
    plural = "" if briefings == 1 else "s"
    intro = (f"<p>Every claim of the archive, one row each: {len(rows):,} claims from {briefings:,} briefing{plural}. "
             "Narrow them by grade, source reliability, credibility, the originator\u2019s party, source, entity, "
             "tag, status and the independence of related claims, or by words; each quote leads to the claim "
             "on its briefing page, with its note. A filtered view\u2019s address can be shared.</p>\n\n"
             '<details class="bx-explorer-help"><summary>What the status column says</summary>'
             f"<ul>{statuses}</ul><p>Below the status, <em>related claims</em> says, of the claims it relates to "
             f"(each relation counts both ways; {esc(aside())} aside), whether they are independent of it, not independent "
             "(both rest on a shared source), or whether their independence cannot be established (one of them "
             "rests only on unidentified sources), as the "
             f'<a href="{ctx.href(here, "methodology.md")}">methodology</a> defines it.</p></details>\n\n')
    note = (f'<p class="bx-explorer-static" id="bx-explorer-static">Showing the first {shown:,} of {len(rows):,} '
            "claims, in archive order. Filtering needs JavaScript; without it, every claim is also listed on its "
            f'briefing page, and on the pages of its <a href="{ctx.href(here, "sources/index.md")}">sources</a> '
            f'and <a href="{ctx.href(here, "entities/index.md")}">entities</a>.</p>\n\n')
    explorer = (f'<div class="bx-explorer" id="bx-explorer" data-total="{len(rows)}" data-page="{STATIC_ROWS}" '
                f"{hrefs} hidden></div>\n\n")
    scripts = (f'<script src="{ctx.file_href(here, urls.CLAIMS_DATA)}"></script>\n\n'
               f'<script src="{ctx.file_href(here, urls.CLAIMS_SCRIPT)}"></script>\n')
    # The table needs the width: no table of contents beside it (Material's `hide`).
    head_matter = front_matter("Claims", searchable=False).replace("---\n\n", "hide:\n  - toc\n---\n\n")
    return f"{head_matter}{intro}{explorer}{note}{table}\n\n{scripts}"


def row_html(ctx: RenderContext, r: ClaimRow) -> str:
    """One claim as a table row (cells in the order of ``HEADERS``)."""
    here, b, c = urls.CLAIMS, r.briefing, r.claim
    sources = ctx.archive.sources
    entities = ", ".join(ctx.entity_link(here, e) for e in c.entities)
    sides = "; ".join(dict.fromkeys(esc(side_text(sources[s])) for s in c.originators))
    status = ", ".join(STATUS[s] for s in r.status)
    verdicts = "; ".join(VERDICT_WORDS[v] for v in r.verdicts)
    quote = (f'<a class="bx-claim-quote" href="{ctx.href(here, urls.briefing_page(b.id), c.id)}">'
             f"\u201c{esc(quote_text(c.quote))}\u201d</a>")
    cells = (
        ctx.claim_badge(c),
        quote,
        ctx.briefing_link(here, b),
        or_not_recorded(c.date),
        chain_cell(ctx, r),
        sides,
        entities,
        esc(status) + (f'<br><small class="bx-verdicts">related claims: {esc(verdicts)}</small>' if verdicts else ""),
    )
    return "<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>"


def chain_cell(ctx: RenderContext, r: ClaimRow) -> str:
    """The chain, reporters first, the originator(s) last and said so: ``A \u2190 B (originator)``."""
    links = [" + ".join(ctx.source_link(urls.CLAIMS, s) for s in link) for link in r.claim.chain]
    return " \u2190 ".join(links) + " <small>(originator)</small>"
