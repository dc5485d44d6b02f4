"""The families of a page per briefing, source and entity.

A briefing page shows its own briefing whole and, from the rest of the archive: every source and entity (badges,
chains, independence verdicts, entity links in notes, the ClaimReview's authors: the shared inputs); its related
briefings, their shared entities and the compare view's place for each pair; the claims its claims relate to, both
ways (from these and the sources come the credibility rule's facets and the bottom line too); the ledger's page and
row of each figure; the briefings and claims its texts refer to; its claims' history and what the history lacks. A
source's or entity's page shows its profile, the claims that rest on it or name it, the briefings a source
publishes, what its notes refer to, and a source's history.
"""
from __future__ import annotations

from collections.abc import Iterator

from ...core import urls
from ...core.ids import claim_key
from ..briefing import render_briefing
from ..history import status_line
from ..profiles import render_entity, render_source
from .base import Family
from .reads import Reads


def profiles(r: Reads) -> object:
    """What every briefing, source and entity page reads alike: the sources and entities, without prose."""
    return r.sources, r.entities


def briefing_pages(r: Reads) -> Iterator[tuple[str, str]]:
    return ((urls.briefing_page(b.id), b.id) for b in r.ctx.archive.briefings)


def briefing_inputs(r: Reads, bid: str) -> object:
    ctx = r.ctx
    b = ctx.briefings_by_id[bid]
    here = urls.briefing_page(b.id)
    related = ctx.related.get(b.id, ())
    texts = (b.summary, *(w.note for w in b.warnings), *(c.note for c in b.claims), *(c.background for c in b.claims))
    return (b,
            tuple((r.bare(x.briefing), x.shared_entities, x.relations) for x in related),
            tuple(ctx.compare_href(here, b.id, x.briefing.id) for x in related),
            tuple(tuple((label, *r.ref(ref)) for label, ref in ctx.links.relations.get(claim_key(b.id, c.id), ()))
                  for c in b.claims),
            tuple(ctx.ledger_row(b, c, i) for c in b.claims for i in range(len(c.figures))),
            r.referred(*texts),
            status_line(ctx.derived.history), tuple(ctx.derived.history.claims.get(claim_key(b.id, c.id))
                                                    for c in b.claims))


def source_pages(r: Reads) -> Iterator[tuple[str, str]]:
    return ((urls.source_page(sid), sid) for sid in r.ctx.archive.sources)


def source_inputs(r: Reads, sid: str) -> object:
    s, links = r.ctx.archive.sources[sid], r.ctx.links
    return (s, tuple((*r.ref(ref), role) for ref, role in links.by_source.get(sid, ())),
            tuple(r.bare(b) for b in links.publishes.get(sid, ())),
            r.referred(s.note, s.background, *(why for _, why in s.assumed)), r.ctx.derived.history.sources.get(sid))


def entity_pages(r: Reads) -> Iterator[tuple[str, str]]:
    return ((urls.entity_page(eid), eid) for eid in r.ctx.archive.entities)


def entity_inputs(r: Reads, eid: str) -> object:
    e = r.ctx.archive.entities[eid]
    return e, tuple(r.ref(ref) for ref in r.ctx.links.by_entity.get(eid, ())), r.referred(e.note, e.background)


BRIEFING = Family("briefing", briefing_pages, briefing_inputs,
                  lambda r, bid: render_briefing(r.ctx, r.ctx.briefings_by_id[bid]), profiles)
SOURCE = Family("source", source_pages, source_inputs,
                lambda r, sid: render_source(r.ctx, r.ctx.archive.sources[sid]), profiles)
ENTITY = Family("entity", entity_pages, entity_inputs,
                lambda r, eid: render_entity(r.ctx, r.ctx.archive.entities[eid]), profiles)
