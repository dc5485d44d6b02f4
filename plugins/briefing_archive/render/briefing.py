"""The briefing page: the summary, the reading guide, the article with its claims highlighted,
then each claim's note, chain and relations.

What it reads beyond its own briefing is listed in :mod:`.inputs` (the live preview keeps a page whose inputs
did not change): a new read of the render context here must be added there.
"""
from __future__ import annotations

from collections import Counter

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
    badge_classes,
    badge_html,
    badge_inner,
    claims_from,
    excerpt,
    figure_text,
    front_matter,
    heading,
)
from .context import RenderContext
from .highlight import Highlight, render_article
from .markup import SEARCH_EXCLUDE, esc, tip
from .svg import evidence_svg


def render_briefing(ctx: RenderContext, b: Briefing) -> str:
    here = urls.briefing_page(b.id)
    out = [front_matter(b.title), bottom_line_html(ctx, b)]
    out.append(f'<div class="bx-summary">{ctx.markdown_html(here, b.summary)}</div>\n\n')
    out.append(briefing_meta(ctx, here, b))
    out.append(guide_html(ctx, b))
    if b.warnings:
        items = "".join(
            f'<li id="_warning-{i + 1}"><a href="#_warned-{i + 1}">\u201c{esc(w.quote.strip())}\u201d</a>'
            f"{ctx.markdown_html(here, w.note)}</li>"
            for i, w in enumerate(b.warnings))
        out.append('<div class="admonition warning bx-warnings"><p class="admonition-title">'
                   "The article\u2019s own cautions</p>"
                   f"<ul>{items}</ul></div>\n\n")
    out.append(heading(2, "Article", "_article"))
    out.append(filter_html(ctx, b))
    highlights = [
        Highlight(c.span.start, c.span.end, c.id,
                  f"bx-claim bx-rel-{badge_code(c, ctx.archive.sources)[0].lower()} {claim_classes(ctx, b, c)}",
                  after=claim_ref(ctx, b, c, i + 1), order=i, tooltip=claim_tip(ctx, b, c))
        for i, c in enumerate(b.claims)
    ] + [
        Highlight(w.span.start, w.span.end, f"_warned-{i + 1}", "bx-warning",
                  after=f'<a class="bx-ref bx-warning-ref" href="#_warning-{i + 1}"'
                        f'{tip("The article warns: " + ctx.note_text(w.note, 300))}>\u26a0</a>',
                  order=1000 + i)
        for i, w in enumerate(b.warnings)
    ] + [
        Highlight(t.start, t.end, "", f"bx-term bx-{t.term.kind}", order=2000 + i, tag="abbr",
                  tooltip=t.term.meaning)
        for i, t in enumerate(b.terms)
    ]
    if ctx.excerpts:
        out.append("<p><em>Excerpts: this archive publishes only the annotated passages, each with its "
                   "sentence, not the whole article.</em></p>\n\n")
        article_html = render_article(b.article.text, excerpt_blocks(b), highlights, joiner="\n<p>\u2026</p>\n")
    else:
        article_html = render_article(b.article.text, blocks(b.article.text), highlights)
    out.append(f'<div class="bx-article" lang="en">\n{article_html}\n</div>\n\n')
    if b.claims:
        out.append(heading(2, f"Claims ({len(b.claims)})", "_claims"))
    else:
        out.append("<p>No claims are annotated in this briefing yet.</p>\n\n")
    for number, c in enumerate(b.claims, start=1):
        out.append(claim_entry(ctx, here, b, c, number))
    out.append(related_section(ctx, here, b))
    if b.claims:
        out.append(f'<script type="application/ld+json">{script_json(claim_review(b, ctx.archive, ctx.addresses, ctx.publisher, standings=ctx.derived.standings))}'
                   "</script>\n")
    return "".join(out)


def related_section(ctx: RenderContext, here: str, b: Briefing) -> str:
    """The briefings most related to this one; those whose claims relate to its claims lead to the two
    side by side. No section at all when none is related."""
    related = ctx.related.get(b.id, ())
    if not related:
        return ""
    items = "".join(
        f"<li>{ctx.briefing_link(here, r.briefing)} <small>({related_words(r.relations, len(r.shared_entities))}"
        + (": " + ", ".join(ctx.entity_link(here, e) for e in r.shared_entities) if r.shared_entities else "")
        + ")</small>" + compare_link(ctx, here, b.id, r.briefing.id) + "</li>" for r in related)
    return heading(2, "Related briefings", "_related") + f"<ol {SEARCH_EXCLUDE}>{items}</ol>\n\n"


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
    n = g.claims
    parties = "; ".join(f"{esc(p)}: {k}" for p, k in g.by_party) or "none"
    backers = "; ".join(f"{esc(p)}: {k}" for p, k in g.by_backer) or "none"
    items = [
        (f"<li><strong>{n}</strong> claim{'' if n == 1 else 's'} from <strong>{g.reports}</strong> "
         f"report{'' if g.reports == 1 else 's'} (claims that rest on the same chain of identified sources are one report), "
         "graded as shown below.</li>"),
        f"<li>Originating with a party to the conflict: {parties}.</li>",
        f"<li>Originating with a government or body that backs a party (a party to the information war): {backers}.</li>",
        f"<li>Originating with unnamed officials: <strong>{g.unnamed_officials}</strong> of {n}.</li>",
        (f"<li>Resting on no identified source at all (the article's own statements, or unnamed analysts, "
         f"estimates or media): <strong>{g.unattributed}</strong> of {n}.</li>"),
        verdicts_item(ctx, b),
        (f"<li>Hedged in the article's own words (a hedge or estimative term in the claim's sentence): "
         f"<strong>{g.hedged}</strong> of {n}.</li>"),
        (f"<li>The article's own cautions: <strong>{g.warnings}</strong>"
         f"{' (below)' if g.warnings else ''}.</li>"),
    ]
    legend = ", ".join(f"{badge_html(code)}&nbsp;\u00d7&nbsp;{claims_from(k, g.reports_of(code))}"
                       for code, k in g.badges)
    profile = (f'<figure class="bx-profile-figure">{evidence_svg(g)}'
               f"<figcaption>Evidence profile, {claims_from(n, g.reports)}: {legend}</figcaption></figure>") if n else ""
    return (f'<div class="admonition info bx-guide" {SEARCH_EXCLUDE}><p class="admonition-title">Reading guide</p>'
            f'<ul>{"".join(items)}</ul>{profile}</div>\n\n')


def verdicts_item(ctx: RenderContext, b: Briefing) -> str:
    """How many of the relations that touch the briefing's claims are independent, not, or cannot be
    established (each relation once, in the words the claim entries use)."""
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
    if not found:
        return "<li>Relations with other claims: none.</li>"
    words = (("bx-independent", "independent"), ("bx-dependent", "not independent"),
             ("bx-unknown", "independence cannot be established"))
    return (f"<li>Relations with other claims ({esc(aside())} aside): "
            + ", ".join(f'<span class="{css}">{found[css]} {text}</span>' for css, text in words) + ".</li>")


def briefing_meta(ctx: RenderContext, here: str, b: Briefing) -> str:
    publisher = ctx.source_link(here, b.publisher) if b.publisher else f"<em>publisher {NOT_RECORDED}</em>"
    published = esc(b.published) if b.published else f"<em>date {NOT_RECORDED}</em>"
    seed = (f"{esc(b.article.file)} <em>(excerpts only)</em>" if ctx.excerpts else
            f'<a href="{ctx.file_href(here, urls.seed_file(b.article.file))}">{esc(b.article.file)}</a>')
    tags = ""
    if b.tags:
        tags = '<li>Tags: ' + " ".join(f'<a class="bx-tag" href="{ctx.href(here, f"tags/{t}.md")}">{esc(t)}</a>'
                                       for t in b.tags) + "</li>"
    return (f'<ul class="bx-meta" {SEARCH_EXCLUDE}>'
            f"<li>Publisher: {publisher}</li><li>Published: {published}</li>"
            f"<li>Article text: {seed}</li><li>{len(b.claims)} claims</li>{tags}</ul>\n\n")


def claim_tip(ctx: RenderContext, b: Briefing, c: Claim) -> str:
    """The tooltip of a quote: the verdict first (both grade definitions, the chain, what its relations
    say and whether they are independent), then the start of the note, cut at the end of a sentence."""
    return " ".join(filter(None, (claim_verdict(ctx, b, c), ctx.note_text(c.note, 200))))


def claim_verdict(ctx: RenderContext, b: Briefing, c: Claim) -> str:
    """A claim's computed verdict in words: grade, chain, then each relation with its independence."""
    code = badge_code(c, ctx.archive.sources)
    grounds = ctx.grounds(b, c)   # the page's verdict (v1.2)
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


def claim_ref(ctx: RenderContext, b: Briefing, c: Claim, number: int) -> str:
    """The badge after a quote: a link to the note, numbered for print (endnote [n]).

    Its tooltip (shown on keyboard focus) gives the verdict (grade, chain, relations); the quote's own
    tooltip (on hover) adds the note, so the note's text is not repeated twice more.
    """
    code = badge_code(c, ctx.archive.sources)
    text = f"{claim_verdict(ctx, b, c)} Activate to read the note."
    return (f'<a class="{badge_classes(code)} bx-ref" href="#_note-{esc(c.id)}" data-n="{number}"'
            f'{tip(text)}>{badge_inner(code)}</a>')


def claim_entry(ctx: RenderContext, here: str, b: Briefing, c: Claim, number: int) -> str:
    """A claim's entry under the article, from the ``claim.html`` template (a site may override it)."""
    judged = ctx.derived.standing(b, c)
    return ctx.templates.html(
        "claim.html", claim=c, number=number, classes=claim_classes(ctx, b, c), badge=ctx.claim_badge(c),
        note=ctx.note_html(here, c.note), no_note=Markup("<p><em>No note.</em></p>"),
        background=ctx.note_html(here, c.background), background_label=BACKGROUND_LABEL,
        chain=ctx.chain_html(here, c), ceiling=judged.ceiling if judged.below_ceiling else None,
        entities=[ctx.entity_link(here, e) for e in c.entities],
        figures=[(ctx.href(here, *ctx.ledger_row(b, c, i)), figure_text(f)) for i, f in enumerate(c.figures)],
        relations=[{"label": label, "claim": ctx.claim_link(here, other),
                    "briefing": None if other.briefing.id == b.id else ctx.briefing_link(here, other.briefing),
                    "verdict": ctx.verdict_text(c, other.claim, label)}
                   for label, other in ctx.links.relations.get(claim_key(b.id, c.id), [])],
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
