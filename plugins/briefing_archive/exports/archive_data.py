"""The whole archive as plain data (``archive.json``, validated by ``schema/archive.schema.json``).

URLs are made from the site's base URL when one is configured, else relative to the
site root, so the file still resolves wherever it is read.

The history (issue 27), from the build's one read of git (:class:`~briefing_archive.core.history.ArchiveHistory`):
each claim's ``history`` is every change the history knows (its entry, grade, quote, chain, relations, id), oldest
first, the uncommitted ones of a preview included with ``date`` and ``commit`` null; its ``modified`` is the date of
the last *committed* change of its grade, quote, chain or relations, null when none is known (never changed since it
entered, or no git). A source likewise (its reliability); a briefing's ``entered`` is its file's first commit, null
when not known (no git, not yet committed): never a file time, so that the same commits give the same bytes.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from ..core import urls
from ..core.changelog import change_data, last_modified
from ..core.credibility import CREDIBILITY, RELIABILITY, badge_code
from ..core.encodings import ENCODINGS, PER_BRIEFING, Encoding
from ..core.history import NO_HISTORY, ArchiveHistory, Change
from ..core.ids import claim_key
from ..core.independence import Verdict
from ..core.model import Archive, Briefing, Claim, Source
from ..core.rule import Judgement, Standing
from ..core.urls import Addresses
from ..derive.ledger import Metric
from .references import Target, linked, targets

#: Where ``archive.json``'s schema is published with the site.
SCHEMA_FILE = "schema/archive.schema.json"


def chain_data(claim: Claim, sources: Mapping[str, Source]) -> list[dict[str, Any]]:
    """The chain as data: each link's role and its sources with their grades."""
    return [{"role": role,
             "sources": [{"id": s, "name": sources[s].name, "reliability": sources[s].reliability} for s in link]}
            for role, link in claim.roles()]


def archive_data(archive: Archive, at: Addresses, *, excerpts: bool, ledger: tuple[Metric, ...],
                 judged: Judgement, history: ArchiveHistory = NO_HISTORY) -> dict[str, Any]:
    """The whole archive as plain data (validated by ``schema/archive.schema.json``); ``judged``: the rule's
    judgement of it (:func:`~briefing_archive.core.rule.judge`), for its verdicts and ceilings; ``history``: the
    build's (none known without it)."""
    claims = claim_index(archive)
    target = targets(archive, at)
    doc = archive_frame(archive, at, ledger, target, history)
    doc["briefings"] = [briefing_data(archive, b, at, excerpts=excerpts, claims=claims, verdict=judged.verdict,
                                      standings=judged.standings, target=target, history=history)
                        for b in archive.briefings]
    return doc


def history_data(changes: tuple[Change, ...]) -> dict[str, Any]:
    """A claim's or source's ``modified`` and ``history``."""
    return {"modified": last_modified(changes), "history": [change_data(c) for c in changes]}


def claim_index(archive: Archive) -> dict[str, Claim]:
    """Every claim by its ``briefing#claim`` reference (what relations name)."""
    return {claim_key(b.id, c.id): c for b in archive.briefings for c in b.claims}


def briefing_data(archive: Archive, b: Briefing, at: Addresses, *, excerpts: bool, claims: Mapping[str, Claim],
                  verdict: Callable[[Claim, Claim], Verdict], standings: Mapping[str, Standing],
                  target: Target, history: ArchiveHistory = NO_HISTORY) -> dict[str, Any]:
    """One briefing as data (the live preview serialises briefings one at a time, and again only when edited);
    ``verdict`` and ``standings``: the rule's judgement of the archive (:class:`~briefing_archive.core.rule.Judgement`),
    for the relations' verdicts and each claim's ceiling; ``target``: where the notes' references point
    (:func:`.references.targets`, made once for the archive); ``history``: the build's, for the claims' changes
    and the briefing's ``entered``."""
    to = target

    def relation(c: Claim, kind: str, target: str) -> dict[str, Any]:
        judged = verdict(c, claims[target])
        return {"kind": kind, "target": target, "independence": judged.value,
                "shared_origins": sorted(judged.shared), "assumed": judged.assumed}

    def claim(c: Claim) -> dict[str, Any]:
        return {"id": c.id, "url": at.page(urls.briefing_page(b.id), c.id),
                "quote": b.article.text[c.span.start:c.span.end], "start": c.span.start, "end": c.span.end,
                "chain": chain_data(c, archive.sources), "credibility": c.credibility,
                "badge": badge_code(c, archive.sources),
                "ceiling": standings[claim_key(b.id, c.id)].ceiling, "key": c.key,
                "note": linked(c.note, to), "entities": list(c.entities), "date": c.date,
                "basis": list(c.basis), "background": linked(c.background, to),
                "relations": [relation(c, r.kind, r.target) for r in c.relations],
                "figures": [{"metric": f.metric, "value": f.value, "unit": f.unit, "qualifier": f.qualifier,
                             "period": f.period} for f in c.figures],
                **history_data(history.claims.get(claim_key(b.id, c.id), ()))}

    return {"id": b.id, "url": at.page(urls.briefing_page(b.id)), "title": b.title,
            "article": b.article.file, "article_sha256": b.article.sha256,
            "text_url": None if excerpts else at.file(urls.seed_file(b.article.file)),
            "publisher": b.publisher, "published": b.published, "entered": history.entered.get(b.id),
            "summary": linked(b.summary, to),
            "tags": list(b.tags),
            "warnings": [{"quote": b.article.text[w.span.start:w.span.end], "note": linked(w.note, to)}
                         for w in b.warnings],
            "claims": [claim(c) for c in b.claims]}


def archive_frame(archive: Archive, at: Addresses, ledger: tuple[Metric, ...], target: Target,
                  history: ArchiveHistory = NO_HISTORY) -> dict[str, Any]:
    """Everything but the briefings, with ``briefings`` in its place (empty) so the keys keep their order;
    ``target``: where the notes' references point (:func:`.references.targets`); ``history``: the sources'."""
    to = target
    return {
        "$schema": at.file(SCHEMA_FILE),
        "format": "briefing-archive/1",
        "scales": {"reliability": RELIABILITY, "credibility": {str(k): v for k, v in CREDIBILITY.items()}},
        "exports": [_export(e, at) for e in ENCODINGS if e.path],
        "briefings": [],
        "sources": [{"id": s.id, "url": at.page(urls.source_page(s.id)), "name": s.name, "kind": s.kind,
                     "party": s.party, "reliability": s.reliability, "rubric": s.rubric, "note": linked(s.note, to),
                     "web": s.url, "depends_on": list(s.depends_on), "role": s.role, "identified": s.identified,
                     "background": linked(s.background, to),
                     "assumed_dependences": [{"source": dep, "note": linked(why, to)} for dep, why in s.assumed],
                     **history_data(history.sources.get(s.id, ()))}
                    for s in archive.sources.values()],
        "entities": [{"id": e.id, "url": at.page(urls.entity_page(e.id)), "name": e.name, "kind": e.kind,
                      "aliases": list(e.aliases), "note": linked(e.note, to),
                      "background": linked(e.background, to)}
                     for e in archive.entities.values()],
        "figures": [{"metric": m.metric, "disagreements": len(m.disagreements),
                     "rows": [{"briefing": r.briefing.id, "claim": r.claim.id, "value": r.figure.value,
                               "unit": r.figure.unit, "qualifier": r.figure.qualifier, "period": r.period}
                              for r in m.rows]} for m in ledger],
    }


def _export(e: Encoding, at: Addresses) -> dict[str, Any]:
    """An export as ``archive.json`` lists it: its address (a template with ``{briefing}`` for one file per
    briefing), media type and schema."""
    path = e.path or ""
    head, per_briefing, tail = path.partition(PER_BRIEFING)
    where = {"urlTemplate": at.file(head) + per_briefing + tail} if per_briefing else {"url": at.file(path)}
    return {"name": e.name, **where, "mediaType": e.media_type, "schema": at.file(e.schema) if e.schema else None}
