"""Open exports of the archive: W3C Web Annotations, the archive as JSON, schema.org ClaimReview.

All are built from the model alone; URLs are made from the site's base URL when
one is configured, else relative to the site root, so the files still resolve.
"""
from __future__ import annotations

import json
from typing import Any, Mapping

from . import urls
from .credibility import CREDIBILITY, RELIABILITY, badge, badge_meaning
from .ledger import build_ledger
from .markup import plain_text
from .model import Archive, Briefing, Claim, Source

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"


class Addresses:
    """Absolute (with a base URL) or root-relative addresses of pages and files of the site."""

    def __init__(self, base_url: str | None, directory_urls: bool) -> None:
        self.base = (base_url.rstrip("/") + "/") if base_url else ""
        self.directory_urls = directory_urls

    def page(self, page: str, fragment: str | None = None) -> str:
        return self.base + urls.page_url(page, self.directory_urls) + (f"#{fragment}" if fragment else "")

    def file(self, path: str) -> str:
        return self.base + urls.page_url(path, self.directory_urls)


def chain_data(claim: Claim, sources: Mapping[str, Source]) -> list[dict[str, Any]]:
    return [{"role": "originator" if i == len(claim.chain) - 1 else "reporter",
             "sources": [{"id": s, "name": sources[s].name, "reliability": sources[s].reliability} for s in link]}
            for i, link in enumerate(claim.chain)]


def web_annotations(archive: Archive, at: Addresses, excerpts: bool) -> dict[str, Any]:
    """Every claim and warning as a W3C Web Annotation (motivation ``assessing``)."""
    items = []
    for b in archive.briefings:
        page = urls.briefing_page(b.id)
        source = at.page(page) if excerpts else at.file(urls.seed_file(b.article.file))
        for c in b.claims:
            code = badge(c, archive.sources)
            bodies = [{"type": "TextualBody", "purpose": "assessing", "format": "text/plain", "value":
                       f"{code}: {badge_meaning(code).split(': ', 1)[1]}"},
                      {"type": "TextualBody", "purpose": "describing", "format": "text/plain",
                       "value": "Chain: the article \u2190 " + " \u2190 ".join(
                           " + ".join(archive.sources[s].name for s in link) for link in c.chain)}]
            if c.note:
                bodies.append({"type": "TextualBody", "purpose": "commenting", "format": "text/markdown",
                               "value": c.note.strip()})
            items.append(_annotation(at.page(page, c.id), b, c.span, c.quote, source, at.page(page), bodies,
                                     excerpts))
        for i, w in enumerate(b.warnings):
            bodies = [{"type": "TextualBody", "purpose": "assessing", "format": "text/plain",
                       "value": "The article's own caution about the information war"}]
            if w.note:
                bodies.append({"type": "TextualBody", "purpose": "commenting", "format": "text/markdown",
                               "value": w.note.strip()})
            items.append(_annotation(at.page(page, f"_warned-{i + 1}"), b, w.span, w.quote, source, at.page(page),
                                     bodies, excerpts))
    return {"@context": ANNO_CONTEXT, "id": at.file("annotations.jsonld"), "type": "AnnotationCollection",
            "label": "Claims and cautions of the briefing archive", "total": len(items),
            "first": {"type": "AnnotationPage", "items": items}}


def _annotation(ident: str, b: Briefing, span, quote: str, source: str, scope: str, bodies: list,
                excerpts: bool) -> dict[str, Any]:
    text = b.article.text
    exact = text[span.start:span.end]
    selectors: list[dict[str, Any]] = [{"type": "TextQuoteSelector", "exact": exact,
                                        "prefix": text[max(0, span.start - 32):span.start],
                                        "suffix": text[span.end:span.end + 32]}]
    if not excerpts:
        selectors.append({"type": "TextPositionSelector", "start": span.start, "end": span.end})
    return {"id": ident, "type": "Annotation", "motivation": "assessing", "body": bodies,
            "target": {"source": source, "scope": scope, "selector": selectors}}


def archive_data(archive: Archive, at: Addresses, excerpts: bool) -> dict[str, Any]:
    """The whole archive as plain data (validated by ``schema/archive.schema.json``)."""
    def claim(b: Briefing, c: Claim) -> dict[str, Any]:
        return {"id": c.id, "url": at.page(urls.briefing_page(b.id), c.id),
                "quote": b.article.text[c.span.start:c.span.end], "start": c.span.start, "end": c.span.end,
                "chain": chain_data(c, archive.sources), "credibility": c.credibility,
                "badge": badge(c, archive.sources), "note": c.note, "entities": list(c.entities), "date": c.date,
                "relations": [{"kind": r.kind, "target": r.target} for r in c.relations],
                "figures": [{"metric": f.metric, "value": f.value, "unit": f.unit, "qualifier": f.qualifier,
                             "period": f.period} for f in c.figures]}

    return {
        "format": "briefing-archive/1",
        "scales": {"reliability": RELIABILITY, "credibility": {str(k): v for k, v in CREDIBILITY.items()}},
        "briefings": [{"id": b.id, "url": at.page(urls.briefing_page(b.id)), "title": b.title,
                       "article": b.article.file, "article_sha256": b.article.sha256,
                       "text_url": None if excerpts else at.file(urls.seed_file(b.article.file)),
                       "publisher": b.publisher, "published": b.published, "summary": b.summary,
                       "tags": list(b.tags),
                       "warnings": [{"quote": b.article.text[w.span.start:w.span.end], "note": w.note}
                                    for w in b.warnings],
                       "claims": [claim(b, c) for c in b.claims]} for b in archive.briefings],
        "sources": [{"id": s.id, "url": at.page(urls.source_page(s.id)), "name": s.name, "kind": s.kind,
                     "party": s.party, "reliability": s.reliability, "rubric": s.rubric, "note": s.note,
                     "web": s.url, "depends_on": list(s.depends_on)} for s in archive.sources.values()],
        "entities": [{"id": e.id, "url": at.page(urls.entity_page(e.id)), "name": e.name, "kind": e.kind,
                      "aliases": list(e.aliases), "note": e.note} for e in archive.entities.values()],
        "figures": [{"metric": m.metric, "disagreements": len(m.disagreements),
                     "rows": [{"briefing": r.briefing.id, "claim": r.claim.id, "value": r.figure.value,
                               "unit": r.figure.unit, "qualifier": r.figure.qualifier, "period": r.period}
                              for r in m.rows]} for m in build_ledger(archive)],
    }


def claim_review(b: Briefing, archive: Archive, at: Addresses) -> dict[str, Any]:
    """schema.org ClaimReview for each graded claim of one briefing (the Admiralty label as alternateName).

    Kept lean (it is in every briefing page): the quote, the grade, the originators, the permalink.
    """
    reviews = []
    for c in b.claims:
        code = badge(c, archive.sources)
        reviews.append({
            "@type": "ClaimReview",
            "url": at.page(urls.briefing_page(b.id), c.id),
            "claimReviewed": " ".join(b.article.text[c.span.start:c.span.end].split()),
            "itemReviewed": {"@type": "Claim", "author": [{"@type": "Organization", "name": archive.sources[s].name}
                                                          for s in c.originators]},
            "reviewRating": {"@type": "Rating", "ratingValue": 7 - c.credibility, "bestRating": 6, "worstRating": 1,
                             "alternateName": code, "ratingExplanation": plain_text(c.note, 160)
                             or badge_meaning(code)},
        })
    return {"@context": "https://schema.org", "@graph": reviews}


def script_json(data: Any) -> str:
    """JSON safe inside a ``<script>`` element: no ``</script>``, ``<!--`` or ``&`` can break out."""
    return (json.dumps(data, ensure_ascii=False, sort_keys=False)
            .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))
