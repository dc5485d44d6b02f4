"""Each briefing as a MISP event (``misp/<briefing-id>.json``, MISP's JSON format ``{"Event": {...}}``), for
analysts who work in MISP: import a file, or point a feed at the folder.

- The event: ``info`` is the briefing's title; ``date`` its recorded ``published`` date (a year or a month reads
  as its first day), else the day its file entered the archive (first commit, else file time: never the build's
  clock); ``timestamp`` when the file last changed, so that MISP takes a re-import of an edited briefing as an
  update. Each object keeps that timestamp too, not its claim's last re-grade (issue 27): MISP skips an object
  whose timestamp did not move, and a claim's note or figures change without any history of their own.
  Fixed values (:data:`FIXED`): threat level 4 (undefined: the archive grades information, not threats),
  analysis 2 (completed: the briefing is published), distribution 3 (all communities: the site is public),
  ``published`` false (the importing analyst publishes), tag ``tlp:clear``. The article and the briefing's page
  are ``link`` attributes.
- Each claim an ``intelligence-source-assessment`` object (MISP's template for the Admiralty source reliability
  and information credibility of a report): its grade (``source-reliability``, ``information-credibility``,
  ``evaluation``), its chain with the role of each link (``source-summary``), its originators (``source-id``), the
  claim's page (``related-report``), and its quote and note as ``comment`` attributes. Every attribute is one of
  the template's, so MISP and PyMISP load the object without a template warning. The quote carries the
  ``admiralty-scale`` tags of the badge and, where the article hedges the claim, an ``estimative-language`` tag
  (:func:`estimative_tags`).
- Each relation a claim writes an object reference (``relationship_type`` the archive's kind) to the other claim's
  object, in this event or, named so in its comment, in the other briefing's event.

Uuids are name-based (UUIDv5) under :data:`MISP_NAMESPACE`: an event's from its briefing id, a claim's object's from
its claim key, so a reference to another briefing's claim names the object its own event holds. Author text is
JSON data; keys are sorted, so the same archive gives the same bytes.
"""
from __future__ import annotations

import json
import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from hashlib import sha1
from typing import Any

from ..core import urls
from ..core.credibility import badge_code, badge_meaning
from ..core.dates import period_start
from ..core.ids import claim_key, split_claim_key
from ..core.independence import verdict_words
from ..core.lexicon import Occurrence, Term
from ..core.model import ORIGINATOR, REPORTER, Archive, Briefing, Claim
from ..core.relations import role
from ..core.rule import BASIS, Related
from ..core.urls import Addresses, misp_file
from ..derive.guide import hedged
from .references import Target, linked, targets, within

#: The namespace of every uuid of the MISP export (fixed and random: the same archive gets the same uuids anywhere).
MISP_NAMESPACE = uuid.UUID("ba184d7f-cb3c-43c0-b0a0-ba7de4a4a99e")
#: The folder of the events in the site.
#: The object template of a claim (MISP/misp-objects ``objects/intelligence-source-assessment``, version 1).
TEMPLATE = {"name": "intelligence-source-assessment", "meta-category": "misc",
            "template_uuid": "2d3a5895-6c54-50b5-bd25-ce33e974c50a", "template_version": "1",
            "description": ("Object template to capture source reliability, information credibility and evaluation "
                            "details supporting an INTREP or similar intelligence report.")}
#: The event's fixed values, as MISP spells them.
FIXED = {"threat_level_id": "4", "analysis": "2", "distribution": "3", "published": False}
EVENT_TAGS = ("tlp:clear",)
#: The template's values for the Admiralty letters and numbers (its ``values_list``).
RELIABILITY_VALUE = {"A": "A - Completely reliable", "B": "B - Usually reliable", "C": "C - Fairly reliable",
                     "D": "D - Not usually reliable", "E": "E - Unreliable", "F": "F - Reliability cannot be judged"}
CREDIBILITY_VALUE = {1: "1 - Confirmed by other sources", 2: "2 - Probably true", 3: "3 - Possibly true",
                     4: "4 - Doubtfully true", 5: "5 - Improbable", 6: "6 - Truth cannot be judged"}
#: The lexicons' estimative terms (by label, both built-in lexicons) as values of the ``estimative-language``
#: taxonomy's ``likelihood-probability`` predicate. A term of a custom lexicon is placed by the middle of its range
#: (:func:`likelihood`), which gives the same value for every term here.
LIKELIHOOD = {
    "almost no chance / remote": "almost-no-chance", "remote chance": "almost-no-chance",
    "very unlikely / highly improbable": "very-unlikely", "highly unlikely": "very-unlikely",
    "unlikely / improbable": "unlikely", "unlikely": "unlikely",
    "roughly even chance / roughly even odds": "roughly-even-chance", "realistic possibility": "roughly-even-chance",
    "likely / probable": "likely", "likely / probably": "likely",
    "very likely / highly probable": "very-likely", "highly likely": "very-likely",
    "almost certain / nearly certain": "almost-certain", "almost certain": "almost-certain",
}
#: The upper bound of each ``likelihood-probability`` value, in percent (the last has none).
_BOUNDS = ((5.0, "almost-no-chance"), (20.0, "very-unlikely"), (45.0, "unlikely"), (55.0, "roughly-even-chance"),
           (80.0, "likely"), (95.0, "very-likely"))
#: A hedge ("reportedly", "may"): the writer does not vouch, which the taxonomy calls low confidence ("could, may").
HEDGE_TAG = 'estimative-language:confidence-in-analytic-judgment="low"'


@dataclass(frozen=True)
class MispPart:
    """One briefing's event, with what it was made from (the live preview reuses it while that is equal)."""

    inputs: tuple[object, ...]
    data: bytes


def name_uuid(namespace: str, name: str) -> str:
    """``str(uuid.uuid5(UUID(namespace), name))`` without the two UUID objects (a build makes ten a claim)."""
    digest = bytearray(sha1(bytes.fromhex(namespace.replace("-", "")) + name.encode("utf-8")).digest()[:16])
    digest[6] = (digest[6] & 0x0F) | 0x50   # version 5
    digest[8] = (digest[8] & 0x3F) | 0x80   # RFC 4122 variant
    h = digest.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def event_uuid(briefing_id: str) -> str:
    return name_uuid(str(MISP_NAMESPACE), briefing_id)


def object_uuid(key: str) -> str:
    """A claim's object's uuid, from its claim key (which no briefing id can equal: it holds a ``#``)."""
    return name_uuid(str(MISP_NAMESPACE), key)


def likelihood(term: Term) -> str | None:
    """The ``likelihood-probability`` value of an estimative term: from :data:`LIKELIHOOD`, else by the middle of
    the range its meaning states (``label: 20-45 %``); None for a term that states no number."""
    if term.label in LIKELIHOOD:
        return LIKELIHOOD[term.label]
    numbers = [float(n) for n in re.findall(r"\d+(?:\.\d+)?", term.meaning.rpartition(":")[2])]
    if not numbers:
        return None
    middle = (min(numbers) + max(numbers)) / 2
    return next((value for bound, value in _BOUNDS if middle < bound or (middle == bound and bound in (5.0, 55.0))),
                "almost-certain")


def estimative_tags(found: tuple[Occurrence, ...]) -> list[str]:
    """The tags of the article's words of doubt in a claim's sentence (:func:`~..derive.guide.hedged`): the first
    estimative term's likelihood (the predicate is exclusive: one value), and low confidence for any hedge."""
    tags = []
    value = next((v for o in found if o.term.kind == "estimate" and (v := likelihood(o.term))), None)
    if value:
        tags.append(f'estimative-language:likelihood-probability="{value}"')
    if any(o.term.kind == "hedge" for o in found):
        tags.append(HEDGE_TAG)
    return tags


def admiralty_tags(code: str) -> list[str]:
    """The ``admiralty-scale`` machine tags of a badge (``B2``)."""
    return [f'admiralty-scale:source-reliability="{code[0].lower()}"',
            f'admiralty-scale:information-credibility="{code[1:]}"']


def event_date(b: Briefing, added: datetime) -> str:
    """``published`` as a day (a year or month reads as its first day), else the day the briefing entered."""
    if not b.published:
        return added.astimezone(UTC).date().isoformat()
    return period_start(b.published).date().isoformat()


def misp_events(archive: Archive, at: Addresses, *, excerpts: bool, related: Mapping[str, list[Related]],
                dates: Mapping[str, tuple[datetime, datetime]],
                reuse: Mapping[str, MispPart] | None = None) -> dict[str, MispPart]:
    """Briefing id -> its event. ``archive``: with its terms found (``derive.terms.with_terms``); ``dates``:
    briefing id -> (entered the archive, last changed); ``reuse``: the last build's events with the same sources
    and settings (the live preview), each taken while its briefing, dates and relations are equal."""
    names = {sid: s.name for sid, s in archive.sources.items()}
    to = targets(archive, at)
    out = {}
    for b in archive.briefings:
        inputs = (dates[b.id], tuple(tuple(related.get(claim_key(b.id, c.id), ())) for c in b.claims),
                  tuple(to(bid, cid) for bid, cid in within(b)))
        part = reuse.get(b.id) if reuse is not None else None
        if part is None or part.inputs[1:] != inputs or not (part.inputs[0] is b or part.inputs[0] == b):
            doc = event(archive, b, at, excerpts=excerpts, related=related, names=names, when=dates[b.id],
                        target=to)
            part = MispPart((b, *inputs), (json.dumps(doc, separators=(",", ":"), sort_keys=True) + "\n").encode("ascii"))
        out[b.id] = part
    return out


def event(archive: Archive, b: Briefing, at: Addresses, *, excerpts: bool, related: Mapping[str, list[Related]],
          names: Mapping[str, str], when: tuple[datetime, datetime], target: Target | None = None) -> dict[str, Any]:
    """One briefing's ``{"Event": ...}``; ``target``: where its notes' references point
    (:func:`exports.references.targets`, from the site's root), by default from ``archive``."""
    ident = event_uuid(b.id)
    stamp = str(int(when[1].timestamp()))
    page = urls.briefing_page(b.id)
    up = "" if at.absolute else "../"   # relative addresses resolve from the event's file, one folder down
    article = at.page(page) if excerpts else at.file(urls.seed_file(b.article.file))
    links = [("article", up + article, f"The article ({b.article.file}){', excerpts only' if excerpts else ''}"),
             ("briefing", up + at.page(page), "The briefing: the archive's annotated page of the article")]
    attributes = [_attribute(name_uuid(ident, name), stamp, "link", value, comment=comment)
                  for name, value, comment in links]
    to = target or targets(archive, at)

    def from_here(bid: str, cid: str | None) -> tuple[str, str] | None:   # relative links: one folder down
        found = to(bid, cid)
        return found if found is None or at.absolute else ("../" + found[0], found[1])
    objects = [_claim_object(archive, b, c, at, stamp, related=related, names=names, target=from_here)
               for c in b.claims]
    return {"Event": {"uuid": ident, "info": b.title, "date": event_date(b, when[0]), "timestamp": stamp, **FIXED,
                      "Tag": [{"name": t} for t in EVENT_TAGS], "Attribute": attributes, "Object": objects}}


def _claim_object(archive: Archive, b: Briefing, c: Claim, at: Addresses, stamp: str, *,
                  related: Mapping[str, list[Related]], names: Mapping[str, str], target: Target) -> dict[str, Any]:
    key = claim_key(b.id, c.id)
    ident = object_uuid(key)
    up = "" if at.absolute else "../"
    code = badge_code(c, archive.sources)
    roles = {ORIGINATOR: "originator", REPORTER: "reporter"}
    chain = " \u2190 ".join(["the article", *(" + ".join(f"{names[s]} ({roles[r]})" for s in link)
                                              for r, link in c.roles())])
    evaluation = f"{badge_meaning(code)}." + "".join(f" Basis of the grade: {k} ({BASIS[k]})." for k in c.basis)
    values: list[tuple[str, str, str, str, list[str]]] = [   # relation, type, value, comment, tags
        ("comment", "comment", c.quote, "The claim: the article's words the grade applies to",
         admiralty_tags(code) + estimative_tags(hedged(c, b.article.text, b.terms))),
        ("source-reliability", "text", RELIABILITY_VALUE[code[0]], "Of the least reliable originator", []),
        ("information-credibility", "text", CREDIBILITY_VALUE[c.credibility], "", []),
        ("evaluation", "text", evaluation, "The archive's badge " + code, []),
        ("source-summary", "text", chain, "The attribution chain, from the article back to the originator", []),
        ("source-id", "text", " + ".join(c.originators), "The originators' ids in the archive's sources", []),
        ("source-type", "text", "OSINT", "", []),
        ("related-report", "text", up + at.page(urls.briefing_page(b.id), c.id), "The claim on the archive's page",
         [])]
    if c.note:
        values.append(("comment", "comment", linked(c.note.strip(), target), "The archive's note on the claim (Markdown)",
                       []))
    if c.background:
        values.append(("comment", "comment", linked(c.background.strip(), target),
                       "Background, from outside the archive's articles (Markdown)", []))
    seen: dict[str, int] = {}
    attributes = []
    for relation, kind, value, comment, tags in values:
        seen[relation] = seen.get(relation, 0) + 1
        name = relation if seen[relation] == 1 else f"{relation}-{seen[relation]}"
        attr = _attribute(name_uuid(ident, name), stamp, kind, value, comment=comment, tags=tags)
        attributes.append({"object_relation": relation, **attr})
    verdicts = {(r.kind, r.target): r.verdict for r in related.get(key, ())}
    references = []
    for rel in c.relations:
        other_b, _ = split_claim_key(rel.target)
        where = "this event" if other_b == b.id else f"the event of briefing '{other_b}' ({misp_file(other_b)})"
        comment = f"{rel.kind} claim {rel.target}, an object of {where}"
        verdict = verdicts.get((rel.kind, rel.target))
        if verdict is not None and role(rel.kind).judged:   # a source revising itself has no verdict
            comment += f"; independence: {verdict_words(verdict, names)}"
        references.append({"uuid": name_uuid(ident, f"{rel.kind} {rel.target}"),
                           "object_uuid": ident, "referenced_uuid": object_uuid(rel.target),
                           "relationship_type": rel.kind, "comment": comment, "timestamp": stamp})
    return {**TEMPLATE, "uuid": ident, "timestamp": stamp, "distribution": "5", "sharing_group_id": "0",
            "comment": f"Claim {c.id} of briefing {b.id}", "Attribute": attributes, "ObjectReference": references}


def _attribute(ident: str, stamp: str, kind: str, value: str, *, comment: str = "",
               tags: list[str] | None = None) -> dict[str, Any]:
    category = "External analysis" if kind == "link" else "Other"
    attr: dict[str, Any] = {"uuid": ident, "type": kind, "category": category, "value": value, "to_ids": False,
                            "distribution": "5", "timestamp": stamp, "comment": comment}
    if tags:
        attr["Tag"] = [{"name": t} for t in tags]
    return attr
