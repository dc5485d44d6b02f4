"""The archive's exports, each with what it carries and what it loses: the methodology page's list.

One entry per encoding, in the order the page lists them. An export added to the site adds its entry here.
"""
from __future__ import annotations

from dataclasses import dataclass

#: Stands for a briefing's id in a path of one file per briefing.
PER_BRIEFING = "{briefing}"


@dataclass(frozen=True)
class Encoding:
    name: str      # what the encoding is, as the page names it
    where: str     # where the site publishes it (Markdown)
    carries: str   # what a reader of it gets (Markdown)
    loses: str     # what it leaves out of the archive (Markdown)
    path: str | None = None         # its file from the site's root (``{briefing}``: one per briefing); None: in pages
    media_type: str = "application/json"
    schema: str | None = None       # its JSON Schema's file from the site's root, when the archive publishes one


ENCODINGS: list[Encoding] = [
    Encoding("W3C Web Annotations", "`/annotations.jsonld`, one Annotation Collection",
             "every claim and caution anchored in its article by quote (and by position, counted in code points, "
             "when the text is published); the badge, the chain, the basis of the grade, each relation with its "
             "independence verdict, the note and any background as bodies",
             "the grades as numbers (they are words in bodies), the source profiles and entities, the figures",
             "annotations.jsonld", "application/ld+json"),
    Encoding("schema.org ClaimReview", "embedded in each briefing page as JSON-LD",
             "each claim's quote, its originators as authors where they are a person or an organisation, the "
             "rating (see the table below) with the verdict's words, the article it appears in, a date",
             "the chain beyond a line of text, the source's reliability (only in the rating's name), relations, "
             "notes, figures; credibility 6 has no rating value"),
    Encoding("Archive data", "`/archive.json`, described by `/schema/archive.schema.json`",
             "everything: briefings, claims with positions and chains, grades and ceilings, relations with their "
             "verdicts, sources, entities, the figures' ledger; notes as Markdown with their references as links",
             "only what the pages derive for reading (tooltips, reading guides, the bottom line)",
             "archive.json", "application/json", "schema/archive.schema.json"),
    Encoding("Atom feed", "`/feed.xml`",
             "each briefing's title, summary, tags and date, newest first",
             "the claims, their grades and everything below the briefing", "feed.xml", "application/atom+xml"),
    Encoding("STIX 2.1", "`/stix.json`, one bundle; its extension described by `/schema/stix-extension.schema.json`",
             "each briefing a `report` with its article as an external reference, each source an `identity`, each "
             "claim a `note` whose `confidence` follows STIX's Admiralty credibility mapping (1: 90, 2: 70, 3: 50, "
             "4: 30, 5: 10; 6 has none), relations as `relationship` objects of the archive's kind; the reliability "
             "letter, the attribution chain with its roles, the ceiling and the independence verdict in a property "
             "extension declared in the bundle",
             "the notes' and summaries' prose, figures, entities, the dates of events, the article's text",
             "stix.json", "application/stix+json;version=2.1", "schema/stix-extension.schema.json"),
    Encoding("MISP", "`/misp/<briefing-id>.json`, one event per briefing",
             "each claim an `intelligence-source-assessment` object with its quote, chain (with roles) and grade; "
             "the quote tagged `admiralty-scale:source-reliability` and `admiralty-scale:information-credibility` "
             "as its badge reads and, where its sentence hedges, `estimative-language` (the lexicon's likelihood "
             "words as `likelihood-probability`, other hedges as `confidence-in-analytic-judgment=\"low\"`); "
             "notes with their references as links; relations as object references named by their kind, the "
             "independence verdict in their comment",
             "the page's wording of why a grade holds (its ceiling and what supports it), the cautions, figures",
             f"misp/{PER_BRIEFING}.json"),
]
