"""Profile pages: a source (its grade, its rubric line, what rests on it) and an entity (what names it).

What they read beyond their own profile is listed in :mod:`.inputs`: a new read here must be added there.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from markupsafe import Markup

from ..core import urls
from ..core.credibility import CREDIBILITY, RELIABILITY, RUBRIC_BY_ID, badge_code
from ..core.model import Entity, Source
from ..derive.links import ClaimRef
from .components import SIDE_LABEL, background_html, badge_html, compact_badge, front_matter, heading
from .context import RenderContext
from .history import history_html
from .markup import render_markdown

COMPACT_AFTER = 60   # claim lists longer than this show badges only (see claims_by_briefing)
SOURCE_KINDS = {"government": "government", "military": "military", "intelligence": "intelligence service",
                "state-media": "state media", "news-outlet": "news outlet", "officials": "officials",
                "analyst": "analyst(s)", "unattributed": "unattributed", "other": "other"}


def claims_by_briefing(ctx: RenderContext, here: str, refs: list[tuple[ClaimRef, str]]) -> Markup:
    """Claims grouped by briefing (``profiles/claims_by_briefing.html``): quotes in full for a short list,
    badges only for a long one.

    Long lists (more than ``COMPACT_AFTER`` claims) show one line per briefing with a badge per
    claim linking to its permalink, so a profile page stays small however large the archive.
    """
    grouped: dict[str, list[tuple[ClaimRef, str]]] = defaultdict(list)
    for ref, role in refs:
        grouped[ref.briefing.id].append((ref, role))
    compact = len(refs) > COMPACT_AFTER
    groups = []
    for bid in sorted(grouped):
        claims: object
        if compact:   # a line of badges, joined here: thousands of them on a large archive's source
            claims = Markup(" ".join(compact_badge(
                badge_code(ref.claim, ctx.archive.sources),
                urls.link(here, urls.briefing_page(bid), directory_urls=ctx.directory_urls, fragment=ref.claim.id),
                role) for ref, role in grouped[bid]))
        else:
            claims = ((ctx.claim_badge(ref.claim), ctx.claim_link(here, ref), role) for ref, role in grouped[bid])
        groups.append((ctx.briefing_link(here, grouped[bid][0][0].briefing), claims))
    return ctx.templates.html("profiles/claims_by_briefing.html", groups=groups, compact=compact)


def render_source(ctx: RenderContext, s: Source) -> str:
    here = urls.source_page(s.id)
    refs = ctx.links.by_source.get(s.id, [])
    assumed = dict(s.assumed)
    counts = Counter(ref.claim.credibility for ref, _ in refs)
    body = ctx.templates.html(
        "profiles/source.html", source=s, badge=Markup(badge_html(s.reliability)),
        reliability=RELIABILITY[s.reliability],
        history=history_html(ctx.templates, ctx.derived.history.sources.get(s.id)),
        rubric=RUBRIC_BY_ID.get(s.rubric) if s.rubric else None,   # its words: the id is for authors
        rubric_href=ctx.href(here, "methodology.md", "_rubric"), kind=SOURCE_KINDS[s.kind],
        side_label=SIDE_LABEL.get(s.role or "", "Party to the conflict"),
        relays=[(ctx.source_link(here, d), ctx.note_html(here, assumed[d]) if d in assumed else None)
                for d in s.depends_on],
        relayed_by=[ctx.source_link(here, o.id) for o in ctx.archive.sources.values() if s.id in o.depends_on],
        published=[ctx.briefing_link(here, b) for b in ctx.links.publishes.get(s.id, [])],
        note=ctx.note_html(here, s.note), background=Markup(background_html(render_markdown(s.background))),
        assessment_heading=Markup(heading(2, "Assessment", "_assessment")),
        # no empty sections: none is left out
        counts=[(k, counts[k], CREDIBILITY[k]) for k in sorted(counts)],
        claims_heading=Markup(heading(2, f"Claims that rest on it ({len(refs)})", "_claims")),
        claims=claims_by_briefing(ctx, here, refs) if refs else "")
    return f"{front_matter(s.name)}{body}"


def render_entity(ctx: RenderContext, e: Entity) -> str:
    here = urls.entity_page(e.id)
    refs = ctx.links.by_entity.get(e.id, [])
    together = Counter(other for ref in refs for other in ref.claim.entities if other != e.id)
    dated = sorted((ref for ref in refs if ref.claim.date), key=lambda r: (r.claim.date, r.briefing.id, r.claim.id))
    by_date: Iterable[tuple[str | None, Markup, Markup | None]]
    if len(dated) > COMPACT_AFTER:   # the badge alone, linking to the claim
        by_date = ((ref.claim.date, Markup(compact_badge(
            badge_code(ref.claim, ctx.archive.sources),
            urls.link(here, urls.briefing_page(ref.briefing.id), directory_urls=ctx.directory_urls,
                      fragment=ref.claim.id))), None) for ref in dated)
    else:
        by_date = ((ref.claim.date, ctx.claim_badge(ref.claim), ctx.claim_link(here, ref)) for ref in dated)
    body = ctx.templates.html(
        "profiles/entity.html", entity=e,
        named_with=[(ctx.entity_link(here, other), n)
                    for other, n in sorted(together.items(), key=lambda kv: (-kv[1], kv[0]))],
        show_note=bool(e.note or e.background), note=ctx.note_html(here, e.note, (e.id,)),
        background=Markup(background_html(render_markdown(e.background))),
        claims_heading=Markup(heading(2, f"Claims that name it, by briefing ({len(refs)})", "_claims")),
        claims=claims_by_briefing(ctx, here, [(ref, "") for ref in refs]) if refs else "",
        dated_heading=Markup(heading(2, f"Dated claims, by date ({len(dated)})", "_by-date")) if dated else None,
        dated=by_date)
    return f"{front_matter(e.name)}{body}"
