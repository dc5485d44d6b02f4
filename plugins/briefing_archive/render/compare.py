"""The compare view: briefings whose claims relate, side by side.

One section per pair of briefings (titled by the briefings' titles, never their ids): first what
the two articles agree on, contradict or update, and whether each agreement is independent; then
the matched claims in two columns, each with its grade, its words and what it rests on, and between
them the relation and its independence verdict (worded by ``ctx.verdict_text``, the one place).
On a phone the columns stack, each cell under its briefing's title.
"""
from __future__ import annotations

from collections import Counter

from markupsafe import Markup

from ..core.relations import Role, role
from ..core.urls import COMPARE, RELATIONS
from ..derive.compare import Pair
from ..derive.links import ClaimRef
from .components import front_matter, html_table
from .context import RenderContext
from .markup import esc


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
    """The compare view's first page (``compare/page.html``): the list of every pair (unless one pair shows here
    alone), and the sections of the pairs it shows itself (``here``)."""
    listed = contents(ctx, COMPARE) if ctx.compare and (len(ctx.compare) > 1 or not here) else None
    sections = Markup("".join(f"{pair_section(ctx, COMPARE, p)}\n\n" for p in here))
    body = ctx.templates.html("compare/page.html", empty=not ctx.compare, contents=listed, sections=sections,
                              relations_href=ctx.href(COMPARE, RELATIONS))
    return f"{front_matter('Compare briefings', searchable=False)}{body}\n"


def compare_part(ctx: RenderContext, page: str, pairs: list[Pair]) -> str:
    """A part of the compare view (``compare/part.html``), past PAGE_ROWS matched claims: its pairs' sections."""
    number = page.removeprefix("compare/part-").removesuffix(".md")
    sections = Markup("".join(f"{pair_section(ctx, page, p)}\n\n" for p in pairs))
    body = ctx.templates.html("compare/part.html", all_href=ctx.href(page, COMPARE), sections=sections)
    return f"{front_matter(f'Compare briefings, part {number}', searchable=False)}{body}"


def contents(ctx: RenderContext, here: str) -> Markup:
    """The pairs (``compare/contents.html``), most matched claims first, each linking to its section."""
    return ctx.templates.html("compare/contents.html", pairs=[
        (ctx.href(here, ctx.compare_layout[p.key], p.anchor), p.first.title, p.second.title, len(p.matches))
        for p in ctx.compare])


def pair_section(ctx: RenderContext, here: str, p: Pair) -> Markup:
    """A pair's section (``compare/pair.html``), its cells from the macros of ``compare/cells.html``."""
    head, claim = (ctx.templates.macro("compare/cells.html", name) for name in ("column_head", "claim"))
    relation = ctx.templates.macro("compare/cells.html", "relation")
    left, right = (head(ctx.briefing_link(here, b), ctx.archive.sources[b.publisher].name if b.publisher else None,
                        b.published) for b in (p.first, p.second))
    headers = (left, "Relation and independence", right)
    labels = (f"In \u2018{p.first.title}\u2019", "Relation", f"In \u2018{p.second.title}\u2019")
    rows = [(claim(ctx.claim_badge(m.left.claim), ctx.claim_link(here, m.left, quoted(m.left)),
                   ctx.chain_html(here, m.left.claim)),
             relation(m.label, ctx.verdict_text(m.left.claim, m.right.claim, m.label)),
             claim(ctx.claim_badge(m.right.claim), ctx.claim_link(here, m.right, quoted(m.right)),
                   ctx.chain_html(here, m.right.claim)))
            for m in p.matches]
    return ctx.templates.html(
        "compare/pair.html", anchor=p.anchor, first=p.first, second=p.second, **summary(ctx, p),
        table=Markup(html_table(headers, rows, "bx-compare-table", labels=tuple(esc(label) for label in labels))))


def quoted(ref: ClaimRef) -> str:
    return f"\u201c{' '.join(ref.claim.quote.split())}\u201d"


#: How the summary counts each verdict (keyed by the class ``ctx.verdict_text`` gives it).
HOW = (("bx-independent", "independently"), ("bx-dependent", "not independently (a shared source)"),
       ("bx-unknown", "where independence cannot be established"))
Counted = tuple[int, list[tuple[str, int, str]]] | None


def summary(ctx: RenderContext, p: Pair) -> dict[str, Counted | int]:
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

    def counted(counts: Counter[str], *, every: bool) -> Counted:
        n = sum(counts.values())
        return (n, [(css, counts[css], how) for css, how in HOW if every or counts[css]]) if n else None
    return {"agree": counted(agree, every=True), "contradict": counted(contradict, every=False), "updates": updates}


def compare_link(ctx: RenderContext, here: str, one: str, other: str) -> str:
    """``side by side`` linking to two briefings' section of the compare view, or nothing (a str, not Markup:
    callers join it to their HTML with ``+``)."""
    href = ctx.compare_href(here, one, other)
    return str(ctx.templates.macro("compare/cells.html", "link")(href)) if href else ""
