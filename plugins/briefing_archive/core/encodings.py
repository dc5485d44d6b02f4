"""The archive's exports, each with what it carries and what it loses: the methodology page's list.

One entry per encoding, in the order the page lists them. An export added to the site adds its entry here (the
STIX 2.1 bundle and the MISP events of issue 26 append theirs below the marked line).
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Encoding:
    name: str      # what the encoding is, as the page names it
    where: str     # where the site publishes it (Markdown)
    carries: str   # what a reader of it gets (Markdown)
    loses: str     # what it leaves out of the archive (Markdown)


ENCODINGS: list[Encoding] = [
    Encoding("W3C Web Annotations", "`/annotations.jsonld`, one Annotation Collection",
             "every claim and caution anchored in its article by quote (and by position, counted in code points, "
             "when the text is published); the badge, the chain, the basis of the grade, each relation with its "
             "independence verdict, the note and any background as bodies",
             "the grades as numbers (they are words in bodies), the source profiles and entities, the figures"),
    Encoding("schema.org ClaimReview", "embedded in each briefing page as JSON-LD",
             "each claim's quote, its originators as authors where they are a person or an organisation, the "
             "rating (see the table below) with the verdict's words, the article it appears in, a date",
             "the chain beyond a line of text, the source's reliability (only in the rating's name), relations, "
             "notes, figures; credibility 6 has no rating value"),
    Encoding("Archive data", "`/archive.json`, described by `/schema/archive.schema.json`",
             "everything: briefings, claims with positions and chains, grades and ceilings, relations with their "
             "verdicts, sources, entities, the figures' ledger; notes as Markdown with their references as links",
             "only what the pages derive for reading (tooltips, reading guides, the bottom line)"),
    Encoding("Atom feed", "`/feed.xml`",
             "each briefing's title, summary, tags and date, newest first",
             "the claims, their grades and everything below the briefing"),
    # Issue 26 items 2-3: the STIX 2.1 bundle and the MISP events add their Encoding here.
]
