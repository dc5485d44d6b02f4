"""The briefing page: the summary, the reading guide, the article with its claims highlighted,
then each claim's note, chain and relations.

Each part is rendered from its template under ``templates/briefing/`` (``summary.html``, ``meta.html``,
``guide.html``, ``cautions.html``, ``article.html``, ``related.html``...; a claim's entry from ``claim.html``),
which a site may override; the article's highlighting, the hot loop, stays in Python (:mod:`.highlight`) and
hands over safe HTML.

What it reads beyond its own briefing is listed in :mod:`.inputs` (the live preview keeps a page whose inputs
did not change): a new read of the render context here must be added there.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from markupsafe import Markup

from ..core import urls
from ..core.credibility import badge_code, badge_meaning
from ..core.ids import claim_key
from ..core.model import Briefing, Claim
from ..core.relations import aside
from ..core.rule import BASIS, BASIS_LABEL, SUPPORTING
from ..core.text import Block, blocks
from ..derive.guide import hedged, reading_guide, sentence_span
from .bottomline import bottom_line_html, claim_classes, filter_html
from .claimreview import claim_review, script_json
from .compare import compare_link
from .components import (
    BACKGROUND_LABEL,
    NOT_RECORDED,
    badge_html,
    badge_link,
    claims_from,
    excerpt,
    figure_text,
    front_matter,
    heading,
)
from .context import RenderContext
from .highlight import Highlight, render_article
from .history import history_html, status_line
from .svg import evidence_svg


def render_briefing(ctx: RenderContext, b: Briefing) -> str:
    here = urls.briefing_page(b.id)
    html = ctx.templates.html
    grounds = {c.id: ctx.grounds(b, c) for c in b.claims}   # each claim's verdict, worded once for the page
    out = [front_matter(b.title), bottom_line_html(ctx, b),
           f"{html('briefing/summary.html', summary=ctx.markdown_html(here, b.summary))}\n\n",
           briefing_meta(ctx, here, b), guide_html(ctx, b)]
    if b.warnings:
        cautions = html("briefing/cautions.html",
                        warnings=[(w.quote.strip(), ctx.markdown_html(here, w.note)) for w in b.warnings])
        out.append(f"{cautions}\n\n")
    out.append(heading(2, "Article", "_article", html=ctx.templates))
    out.append(filter_html(ctx, b))
    article = Markup(article_html(ctx, b, grounds))
    out.append(f"{html('briefing/article.html', article=article, excerpts=ctx.excerpts)}\n\n")
    if b.claims:
        out.append(heading(2, f"Claims ({len(b.claims)})", "_claims", html=ctx.templates))
    else:
        out.append(f"{html('briefing/no_claims.html')}\n\n")
    for number, c in enumerate(b.claims, start=1):
        out.append(claim_entry(ctx, here, b, c, number))
    out.append(related_section(ctx, here, b))
    if b.claims:
        data = script_json(claim_review(b, ctx.archive, ctx.addresses, ctx.publisher, standings=ctx.derived.standings,
                                        html=ctx.templates, verdicts=grounds, entered=ctx.entered.get(b.id),
                                        excerpts=ctx.excerpts, history=ctx.derived.history.claims))
        out.append(f"{html('briefing/claim_review.html', data=Markup(data))}\n")
    return "".join(out)


def article_html(ctx: RenderContext, b: Briefing, grounds: Mapping[str, str] | None = None) -> str:
    """The article (or its excerpts) with its claims, cautions and terms highlighted: the hot loop, in Python
    (:mod:`.highlight`), each mark's link rendered from its template. ``grounds``: each claim's verdict, when
    the page has it."""
    # each claim's tooltip worded once, for its quote and its badge
    verdicts = [claim_verdict(ctx, b, c, None if grounds is None else grounds[c.id]) for c in b.claims]
    highlights = [
        Highlight(c.span.start, c.span.end, c.id,
                  f"bx-claim bx-rel-{badge_code(c, ctx.archive.sources)[0].lower()} {claim_classes(ctx, b, c)}",
                  after=claim_ref(ctx, b, c, i + 1, verdicts[i]), order=i,
                  tooltip=claim_tip(ctx, b, c, verdicts[i]))
        for i, c in enumerate(b.claims)
    ] + [
        Highlight(w.span.start, w.span.end, f"_warned-{i + 1}", "bx-warning",
                  after=ctx.templates.html("briefing/warning_ref.html", number=i + 1,
                                           tip="The article warns: " + ctx.note_text(w.note, 300)),
                  order=1000 + i)
        for i, w in enumerate(b.warnings)
    ] + [
        Highlight(t.start, t.end, "", f"bx-term bx-{t.term.kind}", order=2000 + i, tag="abbr",
                  tooltip=t.term.meaning)
        for i, t in enumerate(b.terms)
    ]
    if ctx.excerpts:
        gap = ctx.templates.html("briefing/excerpt_gap.html")
        return render_article(b.article.text, excerpt_blocks(b), highlights, joiner=f"\n{gap}\n")
    return render_article(b.article.text, blocks(b.article.text), highlights)


def related_section(ctx: RenderContext, here: str, b: Briefing) -> str:
    """The briefings most related to this one; those whose claims relate to its claims lead to the two
    side by side. No section at all when none is related."""
    related = ctx.related.get(b.id, ())
    if not related:
        return ""
    items = [{"link": ctx.briefing_link(here, r.briefing), "words": related_words(r.relations, len(r.shared_entities)),
              "entities": [ctx.entity_link(here, e) for e in r.shared_entities],
              "compare": Markup(compare_link(ctx, here, b.id, r.briefing.id))} for r in related]
    return f"{heading(2, 'Related briefings', '_related', html=ctx.templates)}" \
           f"{ctx.templates.html('briefing/related.html', related=items)}\n\n"


def related_words(relations: int, entities: int) -> str:
    """``2 relations between claims; 1 shared entity``, leaving out what is none."""
    parts = []
    if relations:
        parts.append(f"{relations} relation{'' if relations == 1 else 's'} between claims")
    if entities:
        parts.append(f"{entities} shared entit{'y' if entities == 1 else 'ies'}")
    return "; ".join(parts)


def guide_html(ctx: RenderContext, b: Briefing) -> str:
    g = reading_guide(b, ctx.archive.sources)
    guide = ctx.templates.html(
        "briefing/guide.html", claims=g.claims, reports=g.reports, by_party=g.by_party, by_backer=g.by_backer,
        unnamed_officials=g.unnamed_officials, unattributed=g.unattributed, verdicts=verdict_counts(ctx, b),
        aside=aside(), hedged=g.hedged, warnings=g.warnings, profile=evidence_svg(g, html=ctx.templates) or None,
        profile_words=claims_from(g.claims, g.reports),
        legend=[(badge_html(code, html=ctx.templates), claims_from(k, g.reports_of(code))) for code, k in g.badges])
    return f"{guide}\n\n"


#: The three verdicts of independence, as the reading guide counts them (css class, words).
VERDICT_WORDS = (("bx-independent", "independent"), ("bx-dependent", "not independent"),
                 ("bx-unknown", "independence cannot be established"))


def verdict_counts(ctx: RenderContext, b: Briefing) -> list[tuple[str, int, str]]:
    """How many of the relations that touch the briefing's claims are independent, not, or cannot be
    established (each relation once, in the words the claim entries use); empty when there are none."""
    found: Counter[str] = Counter()
    seen: set[frozenset[str]] = set()
    for c in b.claims:
        here = claim_key(b.id, c.id)
        for label, other in ctx.links.relations.get(here, []):
            pair = frozenset((here, claim_key(other.briefing.id, other.claim.id)))
            verdict = ctx.verdict_text(c, other.claim, label)
            if verdict is not None and pair not in seen:
                seen.add(pair)
                found[verdict[0]] += 1
    return [(css, found[css], words) for css, words in VERDICT_WORDS] if found else []


def briefing_meta(ctx: RenderContext, here: str, b: Briefing) -> str:
    meta = ctx.templates.html(
        "briefing/meta.html", publisher=ctx.source_link(here, b.publisher) if b.publisher else None,
        published=b.published or None, not_recorded=NOT_RECORDED, file=b.article.file,
        file_href=None if ctx.excerpts else ctx.file_href(here, urls.seed_file(b.article.file)),
        claims=len(b.claims), tags=[(ctx.href(here, f"tags/{t}.md"), t) for t in b.tags],
        history=status_line(ctx.derived.history), changes_href=ctx.href(here, urls.CHANGES),
        misp_href=ctx.file_href(here, urls.misp_file(b.id)))
    return f"{meta}\n\n"


def claim_tip(ctx: RenderContext, b: Briefing, c: Claim, verdict: str | None = None) -> str:
    """The tooltip of a quote: the verdict first (both grade definitions, the chain, what its relations
    say and whether they are independent; ``verdict``, when the caller has it), then the start of the note, cut
    at the end of a sentence."""
    verdict = claim_verdict(ctx, b, c) if verdict is None else verdict
    return " ".join(filter(None, (verdict, ctx.note_text(c.note, 200))))


def claim_verdict(ctx: RenderContext, b: Briefing, c: Claim, grounds: str | None = None) -> str:
    """A claim's computed verdict in words: grade, chain, then each relation with its independence; ``grounds``,
    what its grade rests on (:meth:`RenderContext.grounds`), when the caller has it."""
    code = badge_code(c, ctx.archive.sources)
    grounds = ctx.grounds(b, c) if grounds is None else grounds   # the page's verdict (v1.2)
    verdict = f"{badge_meaning(code)}. {grounds[:1].upper()}{grounds[1:]}. Chain: {ctx.chain_text(c)}."
    return " ".join(filter(None, (verdict, relations_text(ctx, b, c))))


def relations_text(ctx: RenderContext, b: Briefing, c: Claim) -> str:
    """``Corroborated by \u201c...\u201d in <briefing> (independent).``: one sentence per relation."""
    out = []
    for label, other in ctx.links.relations.get(claim_key(b.id, c.id), []):
        where = "" if other.briefing.id == b.id else f" in \u2018{other.briefing.title}\u2019"
        verdict = ctx.verdict_text(c, other.claim, label)
        out.append(f"{label[:1].upper()}{label[1:]} \u201c{excerpt(other.claim.quote, 60)}\u201d{where}"
                   f"{f' ({verdict[1]})' if verdict else ''}.")
    return " ".join(out)


def claim_ref(ctx: RenderContext, b: Briefing, c: Claim, number: int, verdict: str | None = None) -> str:
    """The badge after a quote: a link to the note, numbered for print (endnote [n]).

    Its tooltip (shown on keyboard focus) gives the verdict (grade, chain, relations); the quote's own
    tooltip (on hover) adds the note, so the note's text is not repeated twice more.
    """
    verdict = claim_verdict(ctx, b, c) if verdict is None else verdict
    return badge_link(badge_code(c, ctx.archive.sources), f"#_note-{c.id}", css=" bx-ref", number=number,
                      tip=f"{verdict} Activate to read the note.", html=ctx.templates)


def claim_entry(ctx: RenderContext, here: str, b: Briefing, c: Claim, number: int) -> str:
    """A claim's entry under the article, from the ``claim.html`` template (a site may override it)."""
    judged = ctx.derived.standing(b, c)
    key = claim_key(b.id, c.id)
    return ctx.templates.html(
        "claim.html", claim=c, number=number, classes=claim_classes(ctx, b, c), badge=ctx.claim_badge(c),
        note=ctx.note_html(here, c.note),
        background=ctx.note_html(here, c.background), background_label=BACKGROUND_LABEL,
        chain=ctx.chain_html(here, c), history=history_html(ctx.templates, ctx.derived.history.claims.get(key)),
        ceiling=judged.ceiling if judged.below_ceiling else None,
        entities=[ctx.entity_link(here, e) for e in c.entities],
        figures=[(ctx.href(here, *ctx.ledger_row(b, c, i)), figure_text(f)) for i, f in enumerate(c.figures)],
        relations=[{"label": label, "claim": ctx.claim_link(here, other),
                    "briefing": None if other.briefing.id == b.id else ctx.briefing_link(here, other.briefing),
                    "verdict": ctx.verdict_text(c, other.claim, label)}
                   for label, other in ctx.links.relations.get(key, [])],
        basis=[(BASIS_LABEL[k], k in SUPPORTING, BASIS[k]) for k in c.basis],
        hedges=[{"kind": t.term.kind, "meaning": t.term.meaning, "text": t.text}
                for t in hedged(c, b.article.text, b.terms)],
    ) + "\n\n"


def excerpt_blocks(b: Briefing) -> tuple[Block, ...]:
    """The sentences around every claim and warning, merged where they touch, in text order."""
    spans = sorted(sentence_span(b.article.text, span.start, span.end) for span in b.spans)
    merged: list[list[int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    text = b.article.text
    out = []
    for start, end in merged:
        while start < end and text[start].isspace():
            start += 1
        out.append(Block("p", start, end))
    return tuple(out)
