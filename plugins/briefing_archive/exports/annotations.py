"""Every claim and caution as a W3C Web Annotation (motivation ``assessing``), anchored by quote
and, when the full text is published, by position."""
from __future__ import annotations

from typing import Any

from ..core.chains import chain_text
from ..core.credibility import badge_code, badge_meaning
from ..core.model import Archive, Briefing, Span
from ..render import urls
from ..render.urls import Addresses

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"


def web_annotations(archive: Archive, at: Addresses, excerpts: bool) -> dict[str, Any]:
    """Every claim and warning as a W3C Web Annotation (motivation ``assessing``)."""
    items = []
    for b in archive.briefings:
        page = urls.briefing_page(b.id)
        source = at.page(page) if excerpts else at.file(urls.seed_file(b.article.file))
        for c in b.claims:
            code = badge_code(c, archive.sources)
            bodies = [{"type": "TextualBody", "purpose": "assessing", "format": "text/plain", "value":
                       f"{code}: {badge_meaning(code).split(': ', 1)[1]}"},
                      {"type": "TextualBody", "purpose": "describing", "format": "text/plain",
                       "value": "Chain: " + chain_text(c, archive.sources)}]
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


def _annotation(ident: str, b: Briefing, span: Span, quote: str, source: str, scope: str, bodies: list,
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
