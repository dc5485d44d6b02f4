"""``stix.json``: the archive as one STIX 2.1 bundle, for analysts' platforms (OpenCTI, MISP's STIX import).

- each briefing is a ``report`` (its article an external reference, with the seed's SHA-256);
- each source is an ``identity`` (:data:`IDENTITY_CLASS` maps its kind), the archive itself another (``site_name``),
  which creates every object;
- each claim is a ``note``, not an ``opinion``. An opinion (STIX 2.1, 4.14) is an entity's assessment of the
  correctness of *another* STIX object; the archive's claim is no such object: it is the article's words
  (``content``), reported by the chain of sources and graded by the archive. A note (4.13) is "added context" on
  the objects it refers to (the briefing's report, the chain's identities), and its ``confidence`` is the
  archive's in the information it carries: the Admiralty credibility digit by the specification's mapping
  (appendix A, "Admiralty Credibility": :data:`CONFIDENCE`; 6 "truth cannot be judged" has no value, so no
  ``confidence``);
- what STIX has no property for (the reliability letter, the chain with each link's role, the ceiling of the
  credibility rule, the independence verdict of a relation) is carried by one property extension, declared in
  the bundle by an ``extension-definition`` whose ``schema`` is the JSON Schema published next to the bundle
  (:data:`SCHEMA_FILE`, :func:`extension_schema`);
- each relation is a ``relationship`` from the claim that writes it to its target, ``relationship_type`` the
  archive's kind (``corroborates``, ``echoes``, ``contradicts``, ``updates``).

Ids are UUIDv5 under :data:`NAMESPACE` from the briefing id, the source id and the claim key. Timestamps come from
the briefings' recorded ``published`` date (``2025`` and ``2025-03`` read as their first day, midnight UTC); a
briefing without one takes the date it entered the archive (``entered``: its file's first commit, the same in
every full clone; without git, the file's modification time). Never the build's clock. Markdown prose (summaries,
notes) is left out: its note references would need the pages' resolver.

A note's ``modified`` (issue 27) is the latest of its ``created``, the claim's last committed change of grade, quote,
chain or relations, and the last committed reliability change of an originator (the note's ``reliability`` and
``badge`` are theirs), from the build's one read of git: a consumer that keeps versions by ``modified`` takes the
re-graded note as the newer version. Not followed: a ceiling that moves because another claim changed. Every other
object keeps ``modified`` equal to ``created``. Author text is JSON data only: ASCII,
``<``, ``>`` and ``&`` written as ``\\u`` escapes.
"""
from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from ..core import urls
from ..core.changelog import last_modified
from ..core.credibility import claim_reliability
from ..core.dates import instant, period_start
from ..core.history import NO_HISTORY, ArchiveHistory
from ..core.ids import claim_key
from ..core.model import Archive, Briefing, Claim, Source
from ..core.relations import KINDS
from ..core.rule import Judgement
from ..core.urls import Addresses
from .archive_data import claim_index

#: Every id of the bundle is a UUIDv5 under this namespace (fixed: a rebuild and every clone give the same ids).
NAMESPACE = uuid.UUID("5b1e7a34-6c1f-4d2e-9a57-0f3c2b8d4e61")
_NAMESPACE_BYTES = NAMESPACE.bytes
#: STIX 2.1 appendix A, Admiralty Credibility -> STIX confidence; 6 ("truth cannot be judged") has no value.
CONFIDENCE: dict[int, int] = {1: 90, 2: 70, 3: 50, 4: 30, 5: 10}
#: A source's kind -> the identity's ``identity_class`` (identity-class-ov). Kinds name institutions or outlets
#: (organization), a set of people without one voice (group), or say nothing of who speaks (unknown).
IDENTITY_CLASS: dict[str, str] = {
    "government": "organization", "military": "organization", "intelligence": "organization",
    "state-media": "organization", "news-outlet": "organization", "officials": "group",
    "analyst": "unknown", "unattributed": "unknown", "other": "unknown"}
#: The JSON Schema of the extension's properties, published with the site next to the other schemas.
SCHEMA_FILE = "schema/stix-extension.schema.json"
#: When version 1.0 of the extension was defined: its definition's own timestamps.
EXTENSION_DATE = "2026-12-07T00:00:00.000Z"
EXTENSION_VERSION = "1.0"


def stix_id(kind: str, name: str) -> str:
    """``kind--<UUIDv5 of name>``: ``name`` is prefixed with the kind of archive object it names (``briefing:``,
    ``source:``, ``claim:``...), so a source and a briefing of the same id never share a UUID."""
    # uuid.uuid5's own steps, without its two UUID objects a call (a third of the export's time at 1,000 briefings)
    digest = bytearray(hashlib.sha1(_NAMESPACE_BYTES + name.encode("utf-8"), usedforsecurity=False).digest()[:16])
    digest[6] = (digest[6] & 0x0F) | 0x50   # version 5
    digest[8] = (digest[8] & 0x3F) | 0x80   # RFC 4122 variant
    x = digest.hex()
    return f"{kind}--{x[:8]}-{x[8:12]}-{x[12:16]}-{x[16:20]}-{x[20:]}"


def stamp(moment: datetime) -> str:
    """A STIX timestamp: UTC, millisecond precision (what 2.1 asks of ``created`` and ``modified``)."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def stix_bundle(archive: Archive, at: Addresses, *, excerpts: bool, judged: Judgement, site_name: str,
                entered: Mapping[str, datetime], history: ArchiveHistory = NO_HISTORY) -> bytes:
    """``stix.json``: the bundle's bytes (sorted keys, objects in a fixed order, ASCII). ``entered``: briefing id
    -> when it entered the archive, read only for a briefing without a ``published`` date; ``history``: the
    build's, for the notes' ``modified``."""
    when = {b.id: stamp(period_start(b.published) if b.published else entered[b.id]) for b in archive.briefings}
    creator = stix_id("identity", f"archive:{site_name}")
    ext = stix_id("extension-definition", f"extension:{site_name}")
    first = min(when.values(), default=EXTENSION_DATE)
    objects: list[dict[str, Any]] = [
        _sdo("identity", creator, first, None, name=site_name, identity_class="organization",
             description="The briefing archive that annotates, grades and publishes these articles."),
        _sdo("extension-definition", ext, EXTENSION_DATE, creator, name="Briefing archive grading",
             description=("The Admiralty grading of the briefing archive: a source's reliability letter, a claim's "
                          "attribution chain and the best credibility its evidence allows, and the independence "
                          "of two related claims."),
             schema=at.file(SCHEMA_FILE), version=EXTENSION_VERSION, extension_types=["property-extension"])]
    cited = _first_cited(archive, when, first)
    who = {sid: stix_id("identity", f"source:{sid}") for sid in archive.sources}
    objects += [_identity(archive.sources[sid], at, cited[sid], creator, ext, who) for sid in sorted(archive.sources)]
    keys = {claim_key(b.id, c.id): b.id for b in archive.briefings for c in b.claims}
    claims = claim_index(archive)
    for b in archive.briefings:
        notes = [_note(archive, b, c, at, when[b.id], creator, ext, judged, who,
                       modified=_modified(b.id, c, when[b.id], history)) for c in b.claims]
        relationships: dict[str, dict[str, Any]] = {}
        for c in b.claims:
            here = claim_key(b.id, c.id)
            for r in c.relations:
                rel = _relationship(here, c, r.kind, r.target, max(when[b.id], when[keys[r.target]]), creator,
                                    ext, judged, claims, who)
                relationships.setdefault(rel["id"], rel)
        refs = sorted({who[s] for c in b.claims for link in c.chain for s in link}
                      | ({who[b.publisher]} if b.publisher else set()))
        refs = [n["id"] for n in notes] + list(relationships) + refs
        objects.append(_report(archive, b, at, when[b.id], creator, refs or [creator], excerpts=excerpts))
        objects += notes
        objects += relationships.values()
    bundle = {"type": "bundle", "id": stix_id("bundle", f"archive:{site_name}"), "objects": objects}
    text = json.dumps(bundle, sort_keys=True, separators=(",", ":"))
    # ASCII, and no <, > or & even escaped as JSON allows: nothing in the file reads as markup, wherever it lands
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") + "\n").encode("ascii")


def _sdo(kind: str, ident: str, created: str, creator: str | None, **fields: Any) -> dict[str, Any]:
    """The common properties of every object (``created_by_ref`` but for the archive's own identity)."""
    out = {"type": kind, "spec_version": "2.1", "id": ident, "created": created, "modified": created, **fields}
    if creator is not None:
        out["created_by_ref"] = creator
    return out


def _reference(at: Addresses, address: str, **fields: Any) -> dict[str, Any]:
    """An external reference to a page or file of the site: ``url`` when the site's address is known; else (STIX
    asks a URI, and a relative address is none) the address relative to the site, said in its description."""
    if at.absolute:
        return {**fields, "url": address}
    said = f"{address} (relative to the archive's site)"
    return {**fields, "description": f"{fields['description']}: {said}" if "description" in fields else said}


def _first_cited(archive: Archive, when: Mapping[str, str], default: str) -> dict[str, str]:
    """Each source's date: that of the earliest briefing citing it (chain or publisher), else ``default``."""
    out = dict.fromkeys(archive.sources, default)
    seen: set[str] = set()
    for b in sorted(archive.briefings, key=lambda b: when[b.id]):
        for sid in [s for c in b.claims for link in c.chain for s in link] + ([b.publisher] if b.publisher else []):
            if sid not in seen:
                seen.add(sid)
                out[sid] = when[b.id]
    return out


def _identity(s: Source, at: Addresses, created: str, creator: str, ext: str, who: Mapping[str, str]
              ) -> dict[str, Any]:
    extension: dict[str, Any] = {"extension_type": "property-extension", "source_id": s.id, "kind": s.kind,
                                 "reliability": s.reliability, "identified": s.identified}
    if s.party:
        extension["party"] = s.party
    references = [_reference(at, at.page(urls.source_page(s.id)), source_name="briefing archive", external_id=s.id)]
    if s.url:
        references.append({"source_name": s.name, "url": s.url})
    return _sdo("identity", who[s.id], created, creator, name=s.name,
                identity_class=IDENTITY_CLASS.get(s.kind, "unknown"), external_references=references,
                extensions={ext: extension})


def _report(archive: Archive, b: Briefing, at: Addresses, created: str, creator: str, refs: list[str], *,
            excerpts: bool) -> dict[str, Any]:
    publisher = archive.sources[b.publisher].name if b.publisher else None
    said = f"The article {b.article.file}" + (f", published {b.published}" if b.published else "") \
        + (f" by {publisher}" if publisher else "")
    article: dict[str, Any] = {"source_name": publisher or "article", "description": said,
                               "hashes": {"SHA-256": b.article.sha256}}
    if not excerpts:   # the full text is published with the site
        article = _reference(at, at.file(urls.seed_file(b.article.file)), **article)
    page = _reference(at, at.page(urls.briefing_page(b.id)), source_name="briefing archive", external_id=b.id)
    fields: dict[str, Any] = {"name": b.title, "published": created, "object_refs": refs,
                              "external_references": [article, page]}
    if b.tags:
        fields["labels"] = list(b.tags)
    return _sdo("report", stix_id("report", f"briefing:{b.id}"), created, creator, **fields)


def _modified(bid: str, c: Claim, created: str, history: ArchiveHistory) -> str:
    """A note's ``modified``: its ``created``, or the claim's or an originator's last committed change if later."""
    dates = [last_modified(history.claims.get(claim_key(bid, c.id), ())),
             *(last_modified(history.sources.get(s, ())) for s in c.originators)]
    return max([created, *(stamp(instant(d)) for d in dates if d is not None)])   # fixed-width UTC: sorts as text


def _note(archive: Archive, b: Briefing, c: Claim, at: Addresses, created: str, creator: str, ext: str,
          judged: Judgement, who: Mapping[str, str], *, modified: str | None = None) -> dict[str, Any]:
    key = claim_key(b.id, c.id)
    reliability = claim_reliability(c, archive.sources)
    extension: dict[str, Any] = {
        "extension_type": "property-extension", "claim_key": key, "reliability": reliability,
        "credibility": c.credibility, "badge": f"{reliability}{c.credibility}",
        "chain": [{"role": role, "source_refs": [who[s] for s in link]}
                  for role, link in c.roles()]}
    ceiling = judged.standings[key].ceiling
    if ceiling is not None:
        extension["ceiling"] = ceiling
    chain = list(dict.fromkeys(who[s] for link in c.chain for s in link))
    fields: dict[str, Any] = {
        "content": c.quote, "object_refs": [stix_id("report", f"briefing:{b.id}"), *chain],
        "external_references": [_reference(at, at.page(urls.briefing_page(b.id), c.id),
                                           source_name="briefing archive", external_id=key)],
        "extensions": {ext: extension}}
    if c.credibility in CONFIDENCE:
        fields["confidence"] = CONFIDENCE[c.credibility]
    note = _sdo("note", stix_id("note", f"claim:{key}"), created, creator, **fields)
    if modified is not None:
        note["modified"] = modified
    return note


def _relationship(here: str, c: Claim, kind: str, target: str, created: str, creator: str, ext: str,
                  judged: Judgement, claims: Mapping[str, Claim], who: Mapping[str, str]) -> dict[str, Any]:
    extension: dict[str, Any] = {"extension_type": "property-extension"}
    if KINDS[kind].role.judged:   # a source revising itself (updates) has no independence verdict
        verdict = judged.verdict(c, claims[target])
        extension["independence"] = verdict.value
        if verdict.shared:
            extension["shared_refs"] = [who[s] for s in sorted(verdict.shared)]
            extension["assumed"] = verdict.assumed
    return _sdo("relationship", stix_id("relationship", f"relation:{here}|{kind}|{target}"), created, creator,
                relationship_type=kind, source_ref=stix_id("note", f"claim:{here}"),
                target_ref=stix_id("note", f"claim:{target}"), extensions={ext: extension})


def _property(description: str, **schema: Any) -> dict[str, Any]:
    return {"description": description, **schema}


def extension_schema() -> bytes:
    """:data:`SCHEMA_FILE`: the JSON Schema of the properties the extension adds to identities, notes and
    relationships (each object carries the ones that apply to it; every one is described)."""
    ref = {"type": "string", "pattern": "^identity--[0-9a-f-]{36}$"}
    letter = {"enum": sorted("ABCDEF")}
    doc = {
        "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "stix-extension.schema.json",
        "title": "Briefing archive grading (STIX 2.1 property extension)",
        "description": ("The properties the briefing archive adds to the identities (sources), notes (claims) and "
                        "relationships (relations between claims) of stix.json."),
        "type": "object", "required": ["extension_type"],
        "properties": {
            "extension_type": _property("Always property-extension.", const="property-extension"),
            "source_id": _property("Identity: the source's id in the archive.", type="string"),
            "kind": _property("Identity: the source's kind as the archive records it (government, military, "
                              "intelligence, state-media, news-outlet, officials, analyst, unattributed, other).",
                              type="string"),
            "party": _property("Identity: the side of the conflict the source belongs to or serves.", type="string"),
            "identified": _property("Identity: false for a catch-all profile (unnamed or unattributed statements), "
                                    "which is never a shared origin.", type="boolean"),
            "reliability": _property("Identity: the source's Admiralty reliability; note: the claim's, that of its "
                                     "least reliable originator (the badge's letter).", **letter),
            "claim_key": _property("Note: the claim's key in the archive, briefing-id#claim-id.", type="string"),
            "credibility": _property("Note: the Admiralty information credibility, 1 (confirmed) to 6 (truth cannot "
                                     "be judged); confidence carries 1-5 by STIX's mapping, 6 has none.",
                                     type="integer", minimum=1, maximum=6),
            "badge": _property("Note: reliability letter and credibility digit, as the pages show it (B2).",
                               type="string", pattern="^[A-F][1-6]$"),
            "chain": _property(
                "Note: the attribution chain as the article gives it, from the reporting source to the originator.",
                type="array", minItems=1, items={
                    "type": "object", "required": ["role", "source_refs"], "additionalProperties": False,
                    "properties": {
                        "role": _property("reporter (relays the claim) or originator (the last link).",
                                          enum=["reporter", "originator"]),
                        "source_refs": _property("The identities of the link: one source, or several cited "
                                                 "together.", type="array", minItems=1, items=ref)}}),
            "ceiling": _property("Note: the best credibility of 1, 2 and 3 the claim's evidence allows under the "
                                 "archive's rule; absent when only 4 to 6 are allowed.", enum=[1, 2, 3]),
            "independence": _property("Relationship: whether the two claims are independent; absent for updates "
                                      "(a source revising itself).",
                                      enum=["independent", "not independent", "cannot be established"]),
            "shared_refs": _property("Relationship: the nearest sources both claims rest on, when not independent.",
                                     type="array", minItems=1, items=ref),
            "assumed": _property("Relationship: true when they are not independent only through a dependence known "
                                 "from outside the articles.", type="boolean")}}
    return (json.dumps(doc, indent=2) + "\n").encode("ascii")
