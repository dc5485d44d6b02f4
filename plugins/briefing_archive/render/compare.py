"""The compare view: briefings whose claims relate, side by side.

One section per pair of briefings (titled by the briefings' titles, never their ids): first what
the two articles agree on, contradict or update, and whether each agreement is independent; then
the matched claims in two columns, each with its grade, its words and what it rests on, and between
them the relation and its independence verdict (worded by ``ctx.verdict_text``, the one place).
On a phone the columns stack, each cell under its briefing's title.
"""
from __future__ import annotations

from collections import Counter

from ..core.model import Briefing
from ..core.relations import Role, role
from ..core.urls import COMPARE, RELATIONS
from ..derive.compare import Match, Pair
from ..derive.links import ClaimRef
from .components import front_matter, html_table
from .context import RenderContext
from .markup import SEARCH_EXCLUDE, esc

INTRO = ("<p>Where two articles agree, contradict or update each other, and whether they agree "
         "<strong>independently</strong>: the matched claims of each pair of briefings side by side, with their "
         "grades, what they rest on, and the verdict. Agreement is <em>not independent</em> when both claims rest "
         "on the same source (named), and its independence <em>cannot be established</em> when one rests only on "
         "unidentified sources.</p>\n\n")


def compare_parts(ctx: RenderContext) -> dict[str, list[Pair]]:
    """The pairs each page of the compare view shows, by the page's path."""
    layout = ctx.compare_layout
    parts: dict[str, list[Pair]] = {}
    for p in ctx.compare:
        parts.setdefault(layout[p.key], []).append(p)
    return parts


def compare_pages(ctx: RenderContext) -> dict[str, str]:
    """``compare/``: every pair on one page while they are few; beyond PAGE_ROWS matched claims, a list
    of the pairs there and the pairs on pages of their own."""
    parts = compare_parts(ctx)
    pages = {page: compare_part(ctx, page, pairs) for page, pairs in parts.items() if page != COMPARE}
    pages[COMPARE] = compare_index(ctx, parts.get(COMPARE, []))
    return pages


def compare_index(ctx: RenderContext, here: list[Pair]) -> str:
    """The compare view's first page: the list of every pair (unless one pair shows here alone), and the
    sections of the pairs it shows itself (``here``)."""
    out = [front_matter("Compare briefings", searchable=False), INTRO]
    if not ctx.compare:
        out.append("<p>No two briefings have related claims yet.</p>\n")
    elif len(ctx.compare) > 1 or not here:
        out.append(contents(ctx, COMPARE))
    out.append("".join(pair_section(ctx, COMPARE, p) for p in here))
    out.append(f'<p>Every relation, within one briefing too, is listed on the <a href="{ctx.href(COMPARE, RELATIONS)}">'
               "relations page</a>.</p>\n")
    return "".join(out)


def compare_part(ctx: RenderContext, page: str, pairs: list[Pair]) -> str:
    """A part of the compare view, past PAGE_ROWS matched claims: its pairs' sections."""
    number = page.removeprefix("compare/part-").removesuffix(".md")
    return (front_matter(f"Compare briefings, part {number}", searchable=False)
            + f'<p><a href="{ctx.href(page, COMPARE)}">All pairs of briefings</a></p>\n\n'
            + "".join(pair_section(ctx, page, p) for p in pairs))


def contents(ctx: RenderContext, here: str) -> str:
    """The pairs, most matched claims first, each linking to its section."""
    items = "".join(
        f'<li><a href="{ctx.href(here, ctx.compare_layout[p.key], p.anchor)}">{esc(p.first.title)} '
        f"<em>and</em> {esc(p.second.title)}</a> <small>({len(p.matches)} matched "
        f"claim{'' if len(p.matches) == 1 else 's'})</small></li>" for p in ctx.compare)
    return f'<ul class="bx-compare-contents" {SEARCH_EXCLUDE}>{items}</ul>\n\n'


def pair_section(ctx: RenderContext, here: str, p: Pair) -> str:
    headers = (column_head(ctx, here, p.first), "Relation and independence", column_head(ctx, here, p.second))
    labels = (f"In \u2018{p.first.title}\u2019", "Relation", f"In \u2018{p.second.title}\u2019")
    rows = [(claim_cell(ctx, here, m.left), relation_cell(ctx, m), claim_cell(ctx, here, m.right))
            for m in p.matches]
    return (f'<section class="bx-compare">\n<h2 id="{esc(p.anchor)}">{esc(p.first.title)} <em>and</em> '
            f"{esc(p.second.title)}</h2>\n{summary(ctx, p)}\n"
            + html_table(headers, rows, "bx-compare-table", labels=tuple(esc(label) for label in labels))
            + "\n</section>\n\n")


def column_head(ctx: RenderContext, here: str, b: Briefing) -> str:
    when = f", {esc(b.published)}" if b.published else ""
    publisher = f" <small>({esc(ctx.archive.sources[b.publisher].name)}{when})</small>" if b.publisher else (
        f" <small>({esc(b.published)})</small>" if b.published else "")
    return f"{ctx.briefing_link(here, b)}{publisher}"


def claim_cell(ctx: RenderContext, here: str, ref: ClaimRef) -> str:
    quote = f"\u201c{' '.join(ref.claim.quote.split())}\u201d"
    return (f"{ctx.claim_badge(ref.claim)} {ctx.claim_link(here, ref, quote)}"
            f'<br><small class="bx-compare-chain">Rests on: {ctx.chain_html(here, ref.claim)}</small>')


def relation_cell(ctx: RenderContext, m: Match) -> str:
    verdict = ctx.verdict_text(m.left.claim, m.right.claim, m.label)
    words = (f'<br><span class="{verdict[0]}">{esc(verdict[1])}</span>' if verdict
             else "<br><small>a later report revises an earlier one: no independence to judge</small>")
    return f"<strong>{esc(m.label)}</strong>{words}"


#: How the summary counts each verdict (keyed by the class ``ctx.verdict_text`` gives it).
HOW = (("bx-independent", "independently"), ("bx-dependent", "not independently (a shared source)"),
       ("bx-unknown", "where independence cannot be established"))


def summary(ctx: RenderContext, p: Pair) -> str:
    """The answer first: on how many points the two agree and how independently (all three counts, since
    "none independently" is the answer too), on how many they contradict each other, and updates."""
    agree: Counter[str] = Counter()
    contradict: Counter[str] = Counter()
    updates = 0
    for m in p.matches:
        verdict = ctx.verdict_text(m.left.claim, m.right.claim, m.label)
        weighs = role(m.kind)
        if weighs is Role.REVISION:
            updates += 1
        elif verdict is not None and (weighs.agrees or weighs is Role.CONTRADICTION):
            (contradict if weighs is Role.CONTRADICTION else agree)[verdict[0]] += 1
    out = []
    for what, counts, every in (("They agree on", agree, True), ("They contradict each other on", contradict, False)):
        n = sum(counts.values())
        if n:
            out.append(f'<p class="bx-compare-summary">{what} <strong>{n}</strong> point{"" if n == 1 else "s"}: '
                       + ", ".join(f'<span class="{css}">{counts[css]} {how}</span>' for css, how in HOW
                                   if every or counts[css]) + ".</p>")
    if updates:
        out.append(f'<p class="bx-compare-summary">One updates the other on <strong>{updates}</strong> '
                   f"point{'' if updates == 1 else 's'}.</p>")
    return "".join(out)


def compare_link(ctx: RenderContext, here: str, one: str, other: str) -> str:
    """``side by side`` linking to two briefings' section of the compare view, or nothing."""
    href = ctx.compare_href(here, one, other)
    return f' <a class="bx-compare-link" href="{href}">side by side</a>' if href else ""

