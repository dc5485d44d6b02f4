"""The top of a briefing page: the computed bottom line, a one-line grade key, and the controls that
show or dim claims by credibility group and by originator (their state kept in the page's URL).

The bottom line opens with the claims the summary rests on, each as the article's words with its badge and
what its grade rests on (:func:`derive.grounds.claim_grounds`, the wording the tooltips and ClaimReview share),
then the counts: "confirmed" only of grade 1, or "probably true (none confirmed)".

Every count of the bottom line leads to its claims: one claim by its permalink, several by the page's
own address with the filter that shows just them (``?show=<group>#_claims``), which the page script
applies; without the script the link still lands on the claims.
"""
from __future__ import annotations

from ..core import urls
from ..core.credibility import CREDIBILITY, RELIABILITY, RELIABILITY_ICON
from ..core.model import Briefing, Claim
from ..derive.bottomline import GROUP_OF, GROUPS, BottomLine, Count, facets
from .components import excerpt
from .context import RenderContext
from .markup import SEARCH_EXCLUDE, esc


def claim_classes(ctx: RenderContext, b: Briefing, c: Claim) -> str:
    """The classes the page's filter reads: the claim's credibility group, the bottom line's facets, and
    its originators."""
    found = facets(b, c, ctx.related_claims, ctx.archive.sources)
    out = [f"bx-g-{GROUP_OF[c.credibility]}"]
    out += [f"bx-agree-{key}" for key in ("independent", "dependent") if key in found]
    out += [f"bx-by-{key}" for key in ("party", "unidentified") if key in found]
    out += [f"bx-src-{s}" for s in c.originators]
    return " ".join(out)


#: How long a lead claim's words may run on the bottom line (its whole quote is one click away).
LEAD_WORDS = 100


def _count_html(c: Count, total: int, filter_key: str, css: str = "", tail: str = "") -> str:
    """One count: no link when it is zero, the claim itself when one, else the filtered claim list."""
    n = len(c.claims)
    number = f"<strong>{n}</strong> of {total}"
    li = f'<li class="{css}">' if css else "<li>"
    if n == 0:
        return f"{li}{number} {esc(c.words)}{tail}</li>"
    href = f"#{esc(c.claims[0])}" if n == 1 else f"?{filter_key}#_claims"
    return f'{li}<a href="{href}">{number} {esc(c.words)}</a>{tail}</li>'


def _groups_html(line: BottomLine) -> str:
    """The credibility groups; with no claim graded 1, "probably true (none confirmed)" stands for both."""
    confirmed = next(c for c in line.groups if c.key == "confirmed")
    out = []
    for c in line.groups:
        if c is confirmed and not c.claims:
            continue
        tail = " (none confirmed)" if c.key == "probable" and not confirmed.claims else ""
        out.append(_count_html(c, line.total, f"show={c.key}", f"bx-g-{c.key}", tail))
    return "".join(out)


def lead_html(ctx: RenderContext, b: Briefing, line: BottomLine) -> str:
    """The claims the bottom line opens with: the article's words, the badge, what the grade rests on."""
    if not line.lead:
        return ""
    claims = {c.id: c for c in b.claims}
    items = "".join(
        f'<li>{ctx.claim_badge(claims[cid])} <a href="#{esc(cid)}">\u201c{esc(excerpt(claims[cid].quote, LEAD_WORDS))}'
        f'\u201d</a> <span class="bx-grounds">{esc(ctx.grounds(b, claims[cid]))}'
        "</span></li>" for cid in line.lead)
    what = "Key claims" if line.keyed else "Best-supported claims"
    return f'<ol class="bx-lead" aria-label="{what}">{items}</ol>'


def bottom_line_html(ctx: RenderContext, b: Briefing) -> str:
    """The bottom line (``id="_bottom-line"`` on the element that holds its entries), then the key."""
    line: BottomLine = ctx.derived.bottom_lines[b.id]
    if not line.total:
        return ""
    groups = _groups_html(line)
    resting = "".join(_count_html(c, line.total, f"by={c.key}") for c in line.resting)
    agreement = "".join(_count_html(c, line.total, f"agree={c.key}") for c in line.agreement)
    return (f'<div class="bx-bottom-line" id="_bottom-line" role="region" aria-label="Bottom line" {SEARCH_EXCLUDE}>'
            '<p class="bx-bottom-title"><strong>Bottom line</strong>, computed from the grades of its '
            f'{line.total} claim{"" if line.total == 1 else "s"}'
            + (f"; {'the claims its summary rests on' if line.keyed else 'its best-supported claims'}, best grade "
               "first:" if line.lead else ":") + "</p>"
            f"{lead_html(ctx, b, line)}"
            f'<ul class="bx-groups">{groups}</ul><ul class="bx-resting">{resting}{agreement}</ul></div>\n\n'
            + key_html(ctx, urls.briefing_page(b.id)))


def key_html(ctx: RenderContext, here: str) -> str:
    """One line that decodes a badge (its ends of both scales; every badge's tooltip gives its own words),
    linked to the methodology that explains how grades are earned."""
    first, last = RELIABILITY_ICON["A"], RELIABILITY_ICON["F"]
    methodology = urls.link(here, "methodology.md", directory_urls=ctx.directory_urls, fragment="_rule")
    return (f'<p class="bx-key" {SEARCH_EXCLUDE}><strong>Key</strong>: in a badge such as <strong>B2</strong>, '
            f"the letter says how reliable the source usually is ({first}\u00a0A {esc(RELIABILITY['A'])} \u2026 "
            f"{last}\u00a0F {esc(RELIABILITY['F'].removeprefix('reliability '))}), the number how likely the "
            f"information is to be true (1 {esc(CREDIBILITY[1])} \u2026 6 "
            f"{esc(CREDIBILITY[6].removeprefix('truth '))}). "
            f'<a href="{esc(methodology)}">How grades are earned</a>.</p>\n\n')


def filter_html(ctx: RenderContext, b: Briefing) -> str:
    """The controls that show or dim claims; hidden until the page script takes them over."""
    if len(b.claims) < 2:
        return ""
    boxes = "".join(
        f'<label><input type="checkbox" name="show" value="{key}" checked> {esc(words)}</label>'
        for key, words, grades in GROUPS)
    originators = sorted({s for c in b.claims for s in c.originators}, key=lambda s: ctx.archive.sources[s].name)
    options = "".join(f'<option value="src-{esc(s)}">{esc(ctx.archive.sources[s].name)}</option>'
                      for s in originators)
    return (f'<form class="bx-filter" hidden aria-label="Show claims" {SEARCH_EXCLUDE}>'
            f'<fieldset><legend>Show claims that are</legend>{boxes}</fieldset>'
            '<label>resting on <select name="by"><option value="">any source</option>'
            '<option value="party">only a party or its backers</option>'
            '<option value="unidentified">no identified source</option>'
            f'<optgroup label="Originator">{options}</optgroup></select></label>'
            '<label>agreeing with other reports <select name="agree"><option value="">or not</option>'
            '<option value="independent">independently</option>'
            '<option value="dependent">not independently</option></select></label>'
            '<output class="bx-filter-count" aria-live="polite"></output>'
            '<button type="reset">Show all</button></form>\n\n')
