"""The top of a briefing page: the computed bottom line, a one-line grade key, and the controls that
show or dim claims by credibility group and by originator (their state kept in the page's URL).

The bottom line opens with the claims the summary rests on, each as the article's words with its badge and
what its grade rests on (the ``verdict.txt`` wording the tooltips and ClaimReview share), then the counts: "confirmed" only of grade 1, or "probably true (none confirmed)".

Every count of the bottom line leads to its claims: one claim by its permalink, several by the page's
own address with the filter that shows just them (``?show=<group>#_claims``), which the page script
applies; without the script the link still lands on the claims. The markup is the templates' under
``templates/briefing/`` (``bottom_line.html``, ``key.html``, ``filter.html``).
"""
from __future__ import annotations

from functools import lru_cache

from ..core import urls
from ..core.credibility import CREDIBILITY, RELIABILITY, RELIABILITY_ICON
from ..core.model import Briefing, Claim
from ..derive.bottomline import GROUP_OF, GROUPS, BottomLine, Count, facets
from .components import excerpt
from .context import RenderContext
from .templates import Templates


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


def _groups(line: BottomLine) -> list[dict[str, object]]:
    """The credibility groups; with no claim graded 1, "probably true (none confirmed)" stands for both."""
    confirmed = next(c for c in line.groups if c.key == "confirmed")
    return [{"count": c, "filter": f"show={c.key}", "css": f"bx-g-{c.key}",
             "tail": " (none confirmed)" if c.key == "probable" and not confirmed.claims else ""}
            for c in line.groups if c is not confirmed or confirmed.claims]


def _counts(counts: tuple[Count, ...], key: str) -> list[dict[str, object]]:
    return [{"count": c, "filter": f"{key}={c.key}", "css": "", "tail": ""} for c in counts]


def _lead(ctx: RenderContext, b: Briefing, line: BottomLine) -> list[dict[str, object]]:
    """The claims the bottom line opens with: the article's words, the badge, what the grade rests on."""
    claims = {c.id: c for c in b.claims}
    return [{"id": cid, "badge": ctx.claim_badge(claims[cid]), "words": excerpt(claims[cid].quote, LEAD_WORDS),
             "grounds": ctx.grounds(b, claims[cid])} for cid in line.lead]


def bottom_line_html(ctx: RenderContext, b: Briefing) -> str:
    """The bottom line (``id="_bottom-line"`` on the element that holds its entries), then the key."""
    line: BottomLine = ctx.derived.bottom_lines[b.id]
    if not line.total:
        return ""
    html = ctx.templates.html("briefing/bottom_line.html", total=line.total, lead=_lead(ctx, b, line),
                              keyed=line.keyed, groups=_groups(line), resting=_counts(line.resting, "by"),
                              agreement=_counts(line.agreement, "agree"))
    return f"{html}\n\n{key_html(ctx, urls.briefing_page(b.id))}"


def key_html(ctx: RenderContext, here: str) -> str:
    """One line that decodes a badge (its ends of both scales; every badge's tooltip gives its own words),
    linked to the methodology that explains how grades are earned."""
    return _key(ctx.templates, urls.link(here, "methodology.md", directory_urls=ctx.directory_urls, fragment="_rule"))


@lru_cache(maxsize=64)
def _key(html: Templates, methodology: str) -> str:
    """The key, the same on every page as deep (rendered once for each)."""
    key = html.html("briefing/key.html", first=RELIABILITY_ICON["A"], last=RELIABILITY_ICON["F"],
                    reliability=RELIABILITY, credibility=CREDIBILITY, methodology=methodology)
    return f"{key}\n\n"


def filter_html(ctx: RenderContext, b: Briefing) -> str:
    """The controls that show or dim claims; hidden until the page script takes them over."""
    if len(b.claims) < 2:
        return ""
    originators = sorted({s for c in b.claims for s in c.originators}, key=lambda s: ctx.archive.sources[s].name)
    html = ctx.templates.html("briefing/filter.html", groups=GROUPS,
                              originators=[(s, ctx.archive.sources[s].name) for s in originators])
    return f"{html}\n\n"
