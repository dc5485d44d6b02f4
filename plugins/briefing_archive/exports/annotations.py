"""Every claim and caution as a W3C Web Annotation (motivation ``assessing``), anchored by quote
and, when the full text is published, by position.

The file is one Annotation Collection (Web Annotation Data Model, section 5) with its one page
embedded: the collection has ``id``, ``type``, ``label``, ``total``, ``first`` and ``last``; the page has
``id`` (the collection's IRI with ``#page-1``), ``type``, ``partOf`` (the collection described by its ``id``,
``label`` and ``total``, as the model's examples describe it), ``startIndex`` 0
and ``items``. Each annotation carries the ``@context`` itself, so one taken out of the collection is
still a complete annotation (section 3.1), and its target is a ``SpecificResource`` (section 4) whose
``source`` is the published article and whose ``scope`` is the briefing page. Every key and every
``motivation``/``purpose`` value is a term of the ``http://www.w3.org/ns/anno.jsonld`` context.

A claim's bodies: its badge (``assessing``), its chain, the basis of its grade and each relation
with its three-valued independence verdict (``describing``), its note and, labelled as such, any
background from outside the articles (``commenting``).

The claim's history (issue 27), from the build's one read of git: the annotation's ``modified`` (WADM 3.3.5) is the
date of the claim's last committed change of grade, quote, chain or relations, absent when none is known; each
change of its history, oldest first, is one more ``describing`` body, in words ("History: 2025-03-04: re-graded
from 3 to 2: echoed by the ministry", :func:`~briefing_archive.core.changelog.change_words`), its ``created`` the
change's commit date (absent for a change not yet committed, which the preview shows as such). Bodies rather than a
property of our own: every key stays a term of the anno context, and any client that shows bodies shows the
history; the structured changes (before, after, commit) are in ``archive.json``.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..core import urls
from ..core.chains import chain_text
from ..core.changelog import change_words, last_modified
from ..core.credibility import badge_code, badge_meaning
from ..core.history import NO_HISTORY, ArchiveHistory
from ..core.ids import claim_key, split_claim_key
from ..core.independence import verdict_words
from ..core.model import Archive, Briefing, Span
from ..core.rule import BASIS, Judgement, Related
from ..core.urls import Addresses
from .references import Target, linked, targets

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
#: The collection's label (its pages repeat it in ``partOf``).
LABEL = "Claims and cautions of the briefing archive"
#: Characters of context on each side of a quote in its TextQuoteSelector.
CONTEXT_CHARS = 32


def web_annotations(archive: Archive, at: Addresses, *, excerpts: bool, judged: Judgement,
                    history: ArchiveHistory = NO_HISTORY) -> dict[str, Any]:
    """Every claim and warning as a W3C Web Annotation (motivation ``assessing``); ``judged``: the rule's judgement
    of the archive (:func:`~briefing_archive.core.rule.judge`), for the relations both ways; ``history``: the
    build's, for each claim's ``modified`` and history."""
    related = judged.related
    names = {sid: s.name for sid, s in archive.sources.items()}
    to = targets(archive, at)
    items = [a for b in archive.briefings for a in briefing_annotations(archive, b, at, excerpts=excerpts,
                                                                        related=related, names=names, target=to,
                                                                        history=history)]
    doc = collection(at, len(items))
    if items:
        doc["first"]["items"] = items
    return doc


def briefing_annotations(archive: Archive, b: Briefing, at: Addresses, *, excerpts: bool,
                         related: Mapping[str, list[Related]], names: dict[str, str],
                         target: Target, history: ArchiveHistory = NO_HISTORY) -> list[dict[str, Any]]:
    """One briefing's annotations: its claims', then its cautions' (the live preview serialises them per
    briefing, so that an edit re-serialises only the briefing edited); ``target``: where the notes' references
    point (:func:`.references.targets`); ``history``: the build's."""
    items = []
    page = urls.briefing_page(b.id)
    source = at.page(page) if excerpts else at.file(urls.seed_file(b.article.file))
    for c in b.claims:
        code = badge_code(c, archive.sources)
        bodies = [_body("assessing", f"{code}: {badge_meaning(code).split(': ', 1)[1]}"),
                  _body("describing", "Chain: " + chain_text(c, archive.sources))]
        bodies += [_body("describing", f"Basis of the grade: {k} ({BASIS[k]})") for k in c.basis]
        for r in related[claim_key(b.id, c.id)]:
            other_b, other_c = split_claim_key(r.target)
            bodies.append(_body("describing", f"Related ({r.kind}) to {at.page(urls.briefing_page(other_b), other_c)}"
                                              f": {verdict_words(r.verdict, names)}"))
        if c.note:
            bodies.append(_body("commenting", linked(c.note.strip(), target), "text/markdown"))
        if c.background:
            bodies.append(_body("commenting", "Background, from outside the archive\u2019s articles: "
                                + linked(c.background.strip(), target), "text/markdown"))
        changes = history.claims.get(claim_key(b.id, c.id), ())
        for change in changes:
            body = _body("describing", "History: " + change_words(change))
            if change.date is not None:
                body["created"] = change.date
            bodies.append(body)
        items.append(_annotation(at.page(page, c.id), b, c.span, source, at.page(page), bodies, excerpts=excerpts,
                                 modified=last_modified(changes)))
    for i, w in enumerate(b.warnings):
        bodies = [_body("assessing", "The article's own caution about the information war")]
        if w.note:
            bodies.append(_body("commenting", linked(w.note.strip(), target), "text/markdown"))
        items.append(_annotation(at.page(page, f"_warned-{i + 1}"), b, w.span, source, at.page(page), bodies,
                                 excerpts=excerpts))
    return items


def collection(at: Addresses, total: int) -> dict[str, Any]:
    """The Annotation Collection of ``total`` annotations; its first page's ``items`` are left to the caller."""
    ident = at.file("annotations.jsonld")
    doc: dict[str, Any] = {"@context": ANNO_CONTEXT, "id": ident, "type": "AnnotationCollection",
                           "label": LABEL, "total": total}
    if total:   # a collection with annotations must have its first page (5.1); an empty one has none
        page_id = f"{ident}#page-1"
        # The page says what it is part of as the model's examples do (5.2): the collection's id, label and total.
        part_of = {"id": ident, "label": LABEL, "total": total}
        doc["first"] = {"id": page_id, "type": "AnnotationPage", "partOf": part_of, "startIndex": 0, "items": []}
        doc["last"] = page_id
    return doc


def _body(purpose: str, value: str, media_type: str = "text/plain") -> dict[str, str]:
    return {"type": "TextualBody", "purpose": purpose, "format": media_type, "value": value}


def _annotation(ident: str, b: Briefing, span: Span, source: str, scope: str, bodies: list[dict[str, str]],
                *, excerpts: bool, modified: str | None = None) -> dict[str, Any]:
    text = b.article.text
    quote = {"type": "TextQuoteSelector", "exact": text[span.start:span.end]}
    prefix, suffix = text[max(0, span.start - CONTEXT_CHARS):span.start], text[span.end:span.end + CONTEXT_CHARS]
    if prefix:   # empty at the start or end of the article: left out rather than given as ""
        quote["prefix"] = prefix
    if suffix:
        quote["suffix"] = suffix
    selectors: list[dict[str, Any]] = [quote]
    if not excerpts:
        selectors.append({"type": "TextPositionSelector", "start": span.start, "end": span.end})
    return {"@context": ANNO_CONTEXT, "id": ident, "type": "Annotation", "motivation": "assessing",
            **({"modified": modified} if modified is not None else {}), "body": bodies,
            "target": {"type": "SpecificResource", "source": source, "scope": scope, "selector": selectors}}
