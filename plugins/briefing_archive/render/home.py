"""What the home page shows of the archive itself: the latest briefings, each with its bottom line in
brief, and the archive's most corroborated claims (by an independent report), the claims other reports only
echo, and the most contested claims: lists named by the rule (format v1.2), each claim with what its grade rests on.

It fills the ``<!-- briefings:home -->`` placeholder of the hand-written home page (``docs/index.md``),
so its links are made from the site's root page.
"""
from __future__ import annotations

from typing import Any

from markupsafe import Markup

from ..core import urls
from ..core.ids import claim_key
from ..core.model import Briefing, Claim
from ..core.relations import Role, role
from ..core.rule import supports
from ..derive.bottomline import GROUPS
from .components import excerpt
from .context import RenderContext
from .markup import esc, plain_text

HERE = "index.md"
HOME_PLACEHOLDER = "<!-- briefings:home -->"
LATEST, TOP = 5, 5


def grade_mix(ctx: RenderContext, b: Briefing) -> Markup:
    """``6 probably true or better · 12 possibly true · 19 cannot be judged`` (groups with no claim left out)."""
    key = ("grade-mix", b.id)
    if key not in ctx.memo:
        ctx.memo[key] = _grade_mix(ctx, b)
    return Markup(ctx.memo[key])


def _grade_mix(ctx: RenderContext, b: Briefing) -> Markup:
    line = ctx.derived.bottom_lines[b.id]
    return ctx.templates.html("home/grade_mix.html", groups=[
        (c.key, len(c.claims), words) for c, (_, words, _) in zip(line.groups, GROUPS, strict=True) if c.claims])


def one_line(b: Briefing, limit: int = 160) -> Markup:
    """The summary's first sentence or so, as plain text (escaped here)."""
    return Markup(esc(plain_text(b.summary, limit)))


#: How the latest briefings are ordered, said on the page, by what the order rests on (:mod:`..derive.latest`).
ORDERING = {
    "published": "Newest first by publication date.",
    "entered": "Newest first by when each briefing entered the archive (its first commit).",
    "both": "Newest first by publication date where recorded, else by when the briefing entered the archive "
            "(its first commit).",
    "titles": "Newest first by publication date; briefings that record none follow by title (the archive's "
              "history is not available, so when they entered it is not known).",
}


def latest(ctx: RenderContext) -> list[Briefing]:
    """Newest first: by publication date where recorded, else by the first commit (the feed's order too)."""
    return [ctx.briefings_by_id[bid] for bid in ctx.derived.latest.order[:LATEST]]


def _claim_item(ctx: RenderContext, b: Briefing, c: Claim, why: str) -> tuple[Markup, str, str, Markup, str]:
    href = urls.link(HERE, urls.briefing_page(b.id), directory_urls=ctx.directory_urls, fragment=c.id)
    return ctx.claim_badge(c), href, excerpt(c.quote, 120), ctx.briefing_link(HERE, b), why


def home_html(ctx: RenderContext) -> str:
    """The placeholder's HTML (``home/home.html``): one block, passed through by the page's Markdown as it is."""
    corroborated, echoed, contested = [], [], []
    for b in ctx.archive.briefings:
        for c in b.claims:
            related = ctx.related_claims.get(claim_key(b.id, c.id), [])
            support = [r for r in related if supports(r, ctx.archive.sources)]
            independent = sum(role(r.kind) is Role.INDEPENDENT_AGREEMENT for r in support)
            against = [r for r in related if role(r.kind) is Role.CONTRADICTION]
            if independent:
                corroborated.append((-independent, c.credibility, b.id, c.id, b, c))
            elif support and not any(r.verdict.independent for r in support):
                echoed.append((-len(support), c.credibility, b.id, c.id, b, c))
            if against:
                contested.append((-len(against), b.id, c.id, b, c, len(against)))

    def top(rows: list[tuple[Any, ...]]) -> list[tuple[Markup, str, str, Markup, str]]:
        return [_claim_item(ctx, b, c, ctx.grounds(b, c)) for *_, b, c in sorted(rows, key=lambda t: t[:4])[:TOP]]

    html = ctx.templates.html(
        "home/home.html",
        latest=[(ctx.briefing_link(HERE, b), one_line(b), grade_mix(ctx, b), b.id in ctx.derived.latest.pending)
                for b in latest(ctx)], ordering=ORDERING[ctx.derived.latest.basis],
        changes_href=ctx.href(HERE, urls.CHANGES),
        corroborated=top(corroborated), echoed=top(echoed),
        contested=[_claim_item(ctx, b, c, f"contradicted by {n} other claim{'' if n == 1 else 's'}")
                   for *_, b, c, n in sorted(contested, key=lambda t: t[:3])[:TOP]])
    return f"\n\n{html}\n\n"
