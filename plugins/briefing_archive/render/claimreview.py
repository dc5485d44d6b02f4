"""schema.org ClaimReview of a briefing's claims, embedded in its page as JSON-LD.

Structured data for search engines and fact-check aggregators; it is part of the page,
so it is rendered here rather than written as a file of the site like the other exports.
"""
from __future__ import annotations

import json
from typing import Any

from ..core.credibility import badge_code, badge_meaning
from ..core.model import Archive, Briefing
from . import urls
from .markup import plain_text
from .urls import Addresses


def claim_review(b: Briefing, archive: Archive, at: Addresses) -> dict[str, Any]:
    """schema.org ClaimReview for each graded claim of one briefing (the Admiralty label as alternateName).

    Kept lean (it is in every briefing page): the quote, the grade, the originators, the permalink.
    """
    reviews = []
    for c in b.claims:
        code = badge_code(c, archive.sources)
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
