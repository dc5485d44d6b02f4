"""The families of the pages that list the whole archive: the indexes, the ledger, the timeline, the tags, the
relations page and the claims explorer.

Each declares what it shows of every briefing, source or entity (a title, a date, a count...), not the objects
whole: an edit renders again only the lists that show what it changed.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator

from ...core import urls
from ...derive.ledger import Metric
from ...derive.timeline import briefings_by_published
from ..changes import changes_layout, changes_part, subjects
from ..claims import STATIC_ROWS, claims_page
from ..figures import ledger_index, metric_page
from ..history import status_line
from ..indexes import briefings_index, entities_index, sources_index
from ..relations import LISTED_PAIRS, relations_page
from ..tags import tag_page, tags_index
from ..timeline import timeline_layout, timeline_part
from .base import Family
from .reads import Reads


def one(path: str) -> Callable[[Reads], Iterator[tuple[str, str]]]:
    """The pages of a family of one page."""
    def pages(_: Reads) -> Iterator[tuple[str, str]]:
        yield path, path
    return pages


def briefings_row(r: Reads, bid: str) -> object:
    b = r.ctx.briefings_by_id[bid]
    publisher = r.sources[b.publisher].name if b.publisher else None
    return b.id, b.title, b.published, publisher, b.summary, len(b.claims), r.ctx.derived.bottom_lines[b.id]


BRIEFINGS = Family("briefings index", one("briefings/index.md"),
                   lambda r, _: tuple(briefings_row(r, b.id) for b in r.ctx.archive.briefings),
                   lambda r, _: briefings_index(r.ctx))
SOURCES = Family("sources index", one("sources/index.md"),
                 lambda r, _: tuple((s.id, s.name, s.kind, s.party, s.reliability,
                                     len(r.ctx.links.by_source.get(s.id, ()))) for s in r.ctx.archive.sources.values()),
                 lambda r, _: sources_index(r.ctx))
ENTITIES = Family("entities index", one("entities/index.md"),
                  lambda r, _: tuple((e.id, e.name, e.kind, len(r.ctx.links.by_entity.get(e.id, ())))
                                     for e in r.ctx.archive.entities.values()),
                  lambda r, _: entities_index(r.ctx))


def metric_view(r: Reads, m: Metric) -> object:
    """What the ledger shows of a metric: its rows (figure, period, claim and briefing) and disagreements."""
    return (m.metric, m.label, m.pairs, m.disagreeing,
            tuple((row.anchor, row.figure, row.period, *r.ref(row)) for row in m.rows),
            tuple((d.a.anchor, d.b.anchor) for d in m.disagreements))


def ledger_pages(r: Reads) -> Iterator[tuple[str, str]]:
    layout = r.ctx.derived.ledger_pages
    yield from ((layout[m.metric], m.metric) for m in r.ctx.ledger if layout[m.metric] != urls.FIGURES)
    yield urls.FIGURES, ""


def ledger_inputs(r: Reads, metric: str) -> object:
    layout = r.ctx.derived.ledger_pages
    if metric:
        return next(metric_view(r, m) for m in r.ctx.ledger if m.metric == metric)
    return tuple((m.metric, m.label, len(m.rows), m.pairs, layout[m.metric],
                  metric_view(r, m) if layout[m.metric] == urls.FIGURES else None) for m in r.ctx.ledger)


LEDGER = Family("ledger", ledger_pages, ledger_inputs,
                lambda r, metric: (metric_page(r.ctx, next(m for m in r.ctx.ledger if m.metric == metric)) if metric
                                   else ledger_index(r.ctx)), lambda r: r.sources)


def timeline_inputs(r: Reads, page: str) -> object:
    layout = timeline_layout(r.groups)
    month = layout[page]
    if month is not None:
        return month.key, tuple((ref.claim.date, *r.ref(ref)) for ref in month.entries)
    dated, undated = briefings_by_published(r.ctx.archive)
    shown = ((b.id, b.title, b.published) for b in (*dated, *undated))
    if len(layout) > 1:
        return tuple((g.key, len(g.entries)) for g in r.groups), tuple(shown)
    return tuple((g.key, tuple((ref.claim.date, *r.ref(ref)) for ref in g.entries)) for g in r.groups), tuple(shown)


TIMELINE = Family("timeline", lambda r: ((page, page) for page in timeline_layout(r.groups)), timeline_inputs,
                  lambda r, page: timeline_part(r.ctx, r.groups, page), lambda r: r.sources)


def compare_list(r: Reads) -> object:
    """What the list of the compare view's pairs shows: each pair's place, titles and number of matches."""
    layout = r.ctx.compare_layout
    return tuple((p.key, layout[p.key], p.anchor, p.first.title, p.second.title, len(p.matches))
                 for p in r.ctx.compare)


RELATIONS = Family("relations", one(urls.RELATIONS),
                   lambda r, _: (r.everything, compare_list(r) if len(r.ctx.compare) <= LISTED_PAIRS
                                 else len(r.ctx.compare)),
                   lambda r, _: relations_page(r.ctx), lambda r: r.sources)


def tags_pages(r: Reads) -> Iterator[tuple[str, str]]:
    yield urls.TAGS, ""
    yield from ((f"tags/{tag}.md", tag) for tag in sorted(r.tagged))


def tags_inputs(r: Reads, tag: str) -> object:
    if tag:
        return tuple((b.id, b.title) for b in r.tagged[tag])
    return tuple((t, tuple((b.id, b.title) for b in r.tagged[t])) for t in sorted(r.tagged))


TAGS = Family("tags", tags_pages, tags_inputs,
              lambda r, tag: tag_page(r.ctx, tag, r.tagged[tag]) if tag else tags_index(r.ctx, r.tagged))


def claims_inputs(r: Reads) -> object:
    rows = r.ctx.claim_rows
    return (len(rows), sum(1 for b in r.ctx.archive.briefings if b.claims),
            tuple((*r.ref(row), row.code, row.sources, row.parties, row.status, row.verdicts, row.kinds)
                  for row in rows[:STATIC_ROWS]))


CLAIMS = Family("claims explorer", one(urls.CLAIMS), lambda r, _: claims_inputs(r),
                lambda r, _: claims_page(r.ctx), lambda r: (r.sources, r.entities))


def changes_inputs(r: Reads, page: str) -> object:
    """What a page of the log shows: the history's status, its pages, its changes and the claims they name as they
    are now (the sources' names are the family's shared input). Nothing else: an edit that changes no history
    leaves the log as it was."""
    entries = r.changes
    layout = changes_layout(entries)
    month = layout[page]
    if len(layout) == 1:
        shown = entries
    elif month is None:
        shown = tuple(e for e in entries if e.change.date is None)
    else:
        shown = tuple(e for e in entries if e.month == month)
    counts = tuple(e.month for e in entries) if len(layout) > 1 and month is None else ()
    return status_line(r.ctx.derived.history), tuple(layout), shown, counts, subjects(r.ctx, shown)


CHANGES = Family("changes", lambda r: ((page, page) for page in changes_layout(r.changes)), changes_inputs,
                 lambda r, page: changes_part(r.ctx, r.changes, page), lambda r: r.sources)
