"""Profile pages: a source (its grade, its rubric line, what rests on it) and an entity (what names it).

What they read beyond their own profile is listed in :mod:`.inputs`: a new read here must be added there.
"""
from __future__ import annotations

from collections import Counter, defaultdict

from ..core import urls
from ..core.credibility import CREDIBILITY, RELIABILITY, RUBRIC_BY_ID, badge_code
from ..core.model import Entity, Source
from ..derive.links import ClaimRef
from .components import (
    NOT_RECORDED,
    SIDE_LABEL,
    background_html,
    badge_html,
    compact_badge,
    fact,
    front_matter,
    heading,
    or_not_recorded,
)
from .context import RenderContext
from .markup import SEARCH_EXCLUDE, esc, render_markdown

COMPACT_AFTER = 60   # claim lists longer than this show badges only (see claims_by_briefing)
SOURCE_KINDS = {"government": "government", "military": "military", "intelligence": "intelligence service",
                "state-media": "state media", "news-outlet": "news outlet", "officials": "officials",
                "analyst": "analyst(s)", "unattributed": "unattributed", "other": "other"}


def claims_by_briefing(ctx: RenderContext, here: str, refs: list[tuple[ClaimRef, str]]) -> str:
    """Claims grouped by briefing: quotes in full for a short list, badges only for a long one.

    Long lists (more than ``COMPACT_AFTER`` claims) show one line per briefing with a badge per
    claim linking to its permalink, so a profile page stays small however large the archive.
    """
    if not refs:
        return "<p>No claim in the archive rests on it yet.</p>\n\n"
    grouped: dict[str, list[tuple[ClaimRef, str]]] = defaultdict(list)
    for ref, role in refs:
        grouped[ref.briefing.id].append((ref, role))
    out = []
    if len(refs) > COMPACT_AFTER:
        for bid in sorted(grouped):
            b = grouped[bid][0][0].briefing
            badges = " ".join(
                compact_badge(badge_code(ref.claim, ctx.archive.sources),
                              urls.link(here, urls.briefing_page(bid), directory_urls=ctx.directory_urls,
                                        fragment=ref.claim.id),
                              role)
                for ref, role in grouped[bid])
            out.append(f"<li>{ctx.briefing_link(here, b)}: {badges}</li>")
        return f'<ul class="bx-claim-list bx-compact" {SEARCH_EXCLUDE}>{"".join(out)}</ul>\n\n'
    for bid in sorted(grouped):
        b = grouped[bid][0][0].briefing
        items = "".join(
            f"<li>{ctx.claim_badge(ref.claim)} {ctx.claim_link(here, ref)}"
            f"{f' <small>({esc(role)})</small>' if role else ''}</li>"
            for ref, role in grouped[bid])
        out.append(f"<h3>{ctx.briefing_link(here, b)}</h3>\n<ul class=\"bx-claim-list\" {SEARCH_EXCLUDE}>"
                   f"{items}</ul>\n")
    return "\n".join(out) + "\n"


def render_source(ctx: RenderContext, s: Source) -> str:
    here = urls.source_page(s.id)
    refs = ctx.links.by_source.get(s.id, [])
    rubric = RUBRIC_BY_ID.get(s.rubric) if s.rubric else None
    rubric_html = (f"{esc(rubric.who)} ({esc(rubric.why)})" if rubric  # its words: the id is for authors
                   else f"<em>{NOT_RECORDED}</em>")
    facts = [
        fact("Reliability", f"{badge_html(s.reliability)} {esc(RELIABILITY[s.reliability])}"),
        fact("Rubric line", f'{rubric_html} <a href="{ctx.href(here, "methodology.md", "_rubric")}">see the rubric</a>'),
        fact("Kind", esc(SOURCE_KINDS[s.kind])),
        fact(SIDE_LABEL.get(s.role or "", "Party to the conflict"), or_not_recorded(s.party)),
    ]
    if not s.identified:
        facts.append(fact("Identified", "no: a catch-all profile; claims resting only on it cannot be shown "
                          "independent of any other"))
    if s.url:
        facts.append(fact("Address", f'<a href="{esc(s.url)}" rel="noopener noreferrer">{esc(s.url)}</a>'))
    if s.depends_on:
        assumed = dict(s.assumed)
        facts.append(fact("Relays or shares with", "<ul>" + "".join(
            f"<li>{ctx.source_link(here, d)}"
            + (f" \u2014 <em>an assumption from outside the articles:</em>{ctx.note_html(here, assumed[d])}"
               if d in assumed else " (the articles show it)") + "</li>"
            for d in s.depends_on) + "</ul>"))
    dependants = [o.id for o in ctx.archive.sources.values() if s.id in o.depends_on]
    if dependants:
        facts.append(fact("Relayed by", ", ".join(ctx.source_link(here, d) for d in dependants)))
    published = ctx.links.publishes.get(s.id, [])
    if published:
        facts.append(fact("Published", ", ".join(ctx.briefing_link(here, b) for b in published)))
    counts = Counter(ref.claim.credibility for ref, _ in refs)
    count_text = ", ".join(f"{counts[k]} \u00d7 {k} ({CREDIBILITY[k]})" for k in sorted(counts))
    note = f"{ctx.note_html(here, s.note)}{background_html(render_markdown(s.background))}"
    return "".join([
        front_matter(s.name),
        f'<dl class="bx-profile">{"".join(facts)}</dl>\n\n',
        (heading(2, "Assessment", "_assessment") + f'<div class="bx-note">{note}</div>\n\n') if note else "",
        (heading(2, f"Claims that rest on it ({len(refs)})", "_claims") + f"<p>By credibility: {count_text}.</p>\n\n"
         + claims_by_briefing(ctx, here, refs)) if refs else "",   # no empty sections: none is left out
    ])


def render_entity(ctx: RenderContext, e: Entity) -> str:
    here = urls.entity_page(e.id)
    refs = ctx.links.by_entity.get(e.id, [])
    facts = [fact("Kind", esc(e.kind))]
    if e.aliases:
        facts.append(fact("Also named", ", ".join(esc(a) for a in e.aliases)))
    together = Counter(other for ref in refs for other in ref.claim.entities if other != e.id)
    if together:
        facts.append(fact("Named with", ", ".join(
            f"{ctx.entity_link(here, other)} ({n})"
            for other, n in sorted(together.items(), key=lambda kv: (-kv[1], kv[0])))))
    dated = sorted((ref for ref in refs if ref.claim.date), key=lambda r: (r.claim.date, r.briefing.id, r.claim.id))
    if len(dated) > COMPACT_AFTER:
        by_date = "".join(
            f"<li><time>{esc(ref.claim.date)}</time> " + compact_badge(
                badge_code(ref.claim, ctx.archive.sources),
                urls.link(here, urls.briefing_page(ref.briefing.id), directory_urls=ctx.directory_urls,
                          fragment=ref.claim.id))
            + "</li>" for ref in dated)
    else:
        by_date = "".join(f"<li><time>{esc(ref.claim.date)}</time> {ctx.claim_badge(ref.claim)} "
                          f"{ctx.claim_link(here, ref)}</li>" for ref in dated)
    return "".join([
        front_matter(e.name),
        f'<dl class="bx-profile">{"".join(facts)}</dl>\n\n',
        (f"<div class=\"bx-note\">{ctx.note_html(here, e.note, (e.id,))}"
         f"{background_html(render_markdown(e.background))}</div>\n\n") if e.note or e.background else "",
        (heading(2, f"Claims that name it, by briefing ({len(refs)})", "_claims")
         + claims_by_briefing(ctx, here, [(ref, "") for ref in refs])) if refs else "",
        (heading(2, f"Dated claims, by date ({len(dated)})", "_by-date")
         + f'<ul class="bx-timeline" {SEARCH_EXCLUDE}>{by_date}</ul>\n\n') if dated else "",
    ])
