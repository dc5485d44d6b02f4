"""Render the archive into pages: ``{page path: markdown}``.

Each page is Markdown whose body is mostly raw HTML built here: author text is
escaped (or rendered by :mod:`.markup` when it is Markdown), links are computed
by :mod:`.urls`, and headings get explicit ids that start with ``_`` so they can
never collide with a claim's permalink. Titles go into front matter already
HTML-escaped, because themes print the page title without escaping it.
"""
from __future__ import annotations

from collections.abc import Collection, Iterator

from ..core import urls
from ..core.model import Archive
from ..core.rule import Judgement
from ..derive.stage import derive_archive
from ..derive.terms import with_terms
from .briefing import render_briefing
from .claims import claims_page
from .compare import compare_pages
from .context import RenderContext
from .figures import ledger_pages
from .indexes import briefings_index, entities_index, sources_index
from .profiles import render_entity, render_source
from .relations import relations_page
from .tags import tag_pages
from .timeline import timeline_pages


def render_pages(archive: Archive, *, directory_urls: bool = True, excerpts: bool = False,
                 addresses: urls.Addresses | None = None, judged: Judgement | None = None) -> dict[str, str]:
    """Every generated page of the archive, keyed by its path in the docs tree (``judged``: the check's, if any)."""
    ctx = RenderContext.build(derive_archive(with_terms(archive), judged), directory_urls=directory_urls, excerpts=excerpts,
                              addresses=addresses)
    return {path: markdown for path, markdown in iter_pages(ctx) if markdown is not None}


def iter_pages(ctx: RenderContext, kept: Collection[str] = ()) -> Iterator[tuple[str, str | None]]:
    """The pages one at a time, so a caller that transforms each need not hold them all. A briefing, source,
    entity or compare part page whose path is in ``kept`` comes as None, in its place: the live preview keeps it
    from its last build (see :mod:`.inputs`)."""
    tag_index, tags = tag_pages(ctx)
    yield from {"briefings/index.md": briefings_index(ctx),
                "sources/index.md": sources_index(ctx),
                "entities/index.md": entities_index(ctx),
                **ledger_pages(ctx), **timeline_pages(ctx), urls.RELATIONS: relations_page(ctx),
                **compare_pages(ctx, kept),
                urls.TAGS: tag_index, **tags, urls.CLAIMS: claims_page(ctx)}.items()
    for b in ctx.archive.briefings:
        path = urls.briefing_page(b.id)
        yield path, None if path in kept else render_briefing(ctx, b)
    for s in ctx.archive.sources.values():
        path = urls.source_page(s.id)
        yield path, None if path in kept else render_source(ctx, s)
    for e in ctx.archive.entities.values():
        path = urls.entity_page(e.id)
        yield path, None if path in kept else render_entity(ctx, e)


def prose_pages(ctx: RenderContext, briefings: Collection[str], sources: Collection[str] = (),
                entities: Collection[str] = ()) -> Iterator[tuple[str, str]]:
    """The generated pages that show the prose (summary, notes, background) of the given briefings, sources and
    entities: the briefings' own pages and the briefings index (a line of each summary), the sources' and
    entities' own pages. The live preview renders only these after an edit to prose alone;
    ``tests/test_preview.py`` holds it to a full build."""
    if briefings:
        yield "briefings/index.md", briefings_index(ctx)
    for b in ctx.archive.briefings:
        if b.id in briefings:
            yield urls.briefing_page(b.id), render_briefing(ctx, b)
    for sid in sources:
        yield urls.source_page(sid), render_source(ctx, ctx.archive.sources[sid])
    for eid in entities:
        yield urls.entity_page(eid), render_entity(ctx, ctx.archive.entities[eid])
