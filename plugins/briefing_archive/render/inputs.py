"""What a briefing, source or entity page reads, so that the live preview renders again only the pages whose inputs
changed.

A briefing page (:func:`.briefing.render_briefing`) shows its own briefing whole and, from the rest of the archive:

- every source and every entity (badges, chains, independence verdicts, the entity links of notes, the
  ClaimReview's authors): :func:`shared_inputs`, the same for every page;
- its related briefings, their shared entities and the compare view's place for each pair;
- the claims its claims relate to, both ways, with their briefings (titles, quotes): from these and the sources
  come the credibility rule's facets and the bottom line too;
- the ledger's page and row of each of its figures;
- the briefings and claims its summary, notes, background and cautions refer to.

A source's or entity's page (:mod:`.profiles`) shows its profile, the claims that rest on it or name it with their
briefings, the briefings a source publishes, and what its notes refer to (with the shared inputs). A part of the
compare view (:mod:`.compare`) shows its pairs of briefings: their titles, their matched claims (grades, words,
chains) and the verdicts, all from the pairs themselves and the shared inputs.

:func:`page_inputs` gathers exactly these values (no copies: the objects themselves, which a rebuild keeps for
every file that did not change); two builds whose values are equal render the same page, so the previous one is
kept. A new read in these renderers must be added here: ``tests/test_inputs.py`` edits every kind of field of a
synthetic archive and holds each kept page to a fresh render.
"""
from __future__ import annotations

from collections.abc import Collection, Mapping

from ..core import urls
from ..core.ids import claim_key
from ..core.markdown import references
from ..core.model import Briefing
from .compare import compare_parts
from .context import RenderContext

#: What a briefing page reads beyond its own briefing, as comparable values (see the module's docstring).
Inputs = tuple[object, ...]


def shared_inputs(ctx: RenderContext) -> Inputs:
    """What every briefing page reads from the archive as a whole, and how the build links and publishes."""
    return (ctx.archive.sources, ctx.archive.entities, ctx.publisher, ctx.directory_urls, ctx.excerpts,
            ctx.addresses.base)


def page_inputs(ctx: RenderContext, only: Collection[str] | None = None) -> dict[str, Inputs]:
    """What each briefing, source and entity page reads (:func:`shared_inputs` aside), by the page's path; with
    ``only``, of those pages alone."""
    found = {}
    for b in ctx.archive.briefings:
        if only is None or urls.briefing_page(b.id) in only:
            found[urls.briefing_page(b.id)] = briefing_inputs(ctx, b)
    for s in ctx.archive.sources.values():
        if only is None or urls.source_page(s.id) in only:
            found[urls.source_page(s.id)] = (s, ctx.links.by_source.get(s.id), ctx.links.publishes.get(s.id),
                                             _referred(ctx, s.note, *(why for _, why in s.assumed)))
    for e in ctx.archive.entities.values():
        if only is None or urls.entity_page(e.id) in only:
            found[urls.entity_page(e.id)] = (e, ctx.links.by_entity.get(e.id), _referred(ctx, e.note))
    if only is None:   # (a prose edit renders no part of the compare view: its pairs show no prose)
        for page, pairs in compare_parts(ctx).items():
            if page != urls.COMPARE:   # the view's first page lists every pair: rendered every time
                found[page] = tuple(pairs)
    return found


def briefing_inputs(ctx: RenderContext, b: Briefing) -> Inputs:
    """Everything briefing ``b``'s page reads, its own briefing first (:func:`shared_inputs` aside)."""
    keys = [claim_key(b.id, c.id) for c in b.claims]
    here = urls.briefing_page(b.id)
    related = ctx.related.get(b.id, ())
    texts = (b.summary, *(w.note for w in b.warnings), *(c.note for c in b.claims), *(c.background for c in b.claims))
    return (b,
            related,
            tuple(ctx.compare_href(here, b.id, r.briefing.id) for r in related),
            # the relations both ways: with the sources (shared), all that the credibility rule's facets and the
            # bottom line read too (ctx.related_claims is derived from exactly these)
            tuple(ctx.links.relations.get(k) for k in keys),
            tuple(ctx.ledger_row(b, c, i) for c in b.claims for i in range(len(c.figures))),
            _referred(ctx, *texts))


def _referred(ctx: RenderContext, *texts: str | None) -> tuple[tuple[str, object], ...]:
    """The briefings that Markdown texts (notes, summaries) refer to, each once in order, with their ids (a
    reference shows the briefing's title, or a claim's words and badge)."""
    ids = {bid: None for text in texts if text for bid, _ in references(text)}
    return tuple((bid, ctx.briefings_by_id.get(bid)) for bid in ids)


def unchanged(before: Mapping[str, Inputs], now: Mapping[str, Inputs]) -> set[str]:
    """The pages whose inputs are equal in both builds (mostly the same objects: tuples compare those by identity
    before value)."""
    return {key for key, value in now.items() if key in before and before[key] == value}
