"""Checks across files: every id a file names exists, grades follow their rubric line, and
corroboration is independent.

They run once every file's own shape is valid, so a message here is never a consequence of
a file that could not be read.
"""
from __future__ import annotations

from collections.abc import Mapping

from ..core.credibility import RUBRIC_BY_ID, shared_origins
from ..core.model import Archive, Relation
from ..core.problems import Problem, did_you_mean
from .documents import Document
from .yamlfile import KeyPath


def rubric_problems(sources: list[Document]) -> list[Problem]:
    """A source graded otherwise than the rubric line it names."""
    out = []
    for d in sources:
        line = RUBRIC_BY_ID.get(d.data.get("rubric"))  # type: ignore[arg-type]
        if line is not None and line.letter != d.data["reliability"]:
            out.append(d.problem(("reliability",), f"source '{d.id}' is graded {d.data['reliability']}, but its "
                                 f"rubric line '{line.id}' gives {line.letter}; use {line.letter}, or the rubric "
                                 "line that fits the source", "warning"))
    return out


def reference_problems(docs: Mapping[str, list[Document]], sources: Mapping[str, object],
                       entities: Mapping[str, object]) -> list[Problem]:
    """Every id named by a source or a briefing: sources, entities, relation targets."""
    problems: list[Problem] = []
    for d in docs["source"]:
        for i, dep in enumerate(d.data.get("depends_on") or ()):
            _ref(d, ("depends_on", i), dep, sources, "source", "briefings/sources", problems)
            if dep == d.id:
                problems.append(d.problem(("depends_on", i), f"source '{d.id}' depends on itself; remove it"))
    claims_of = {d.id: {c["id"] for c in d.data.get("claims") or ()} for d in docs["briefing"]}
    for d in docs["briefing"]:
        if d.data.get("publisher") is not None:
            _ref(d, ("publisher",), d.data["publisher"], sources, "source", "briefings/sources", problems)
        for ci, raw in enumerate(d.data.get("claims") or ()):
            claim_label = f"claim '{raw['id']}'"
            for li, link in enumerate(raw["sources"]):
                if isinstance(link, list):
                    if li != len(raw["sources"]) - 1:
                        problems.append(d.problem(("claims", ci, "sources", li),
                                                  f"{claim_label}: only the last element of `sources` (the originators "
                                                  "cited together) may be a list; move the list to the end of the chain"))
                    for si, sid in enumerate(link):
                        _ref(d, ("claims", ci, "sources", li, si), sid, sources, "source", "briefings/sources",
                             problems, claim_label)
                else:
                    _ref(d, ("claims", ci, "sources", li), link, sources, "source", "briefings/sources",
                         problems, claim_label)
            for ei, eid in enumerate(raw.get("entities") or ()):
                _ref(d, ("claims", ci, "entities", ei), eid, entities, "entity", "briefings/entities",
                     problems, claim_label)
            for ri, rel in enumerate(raw.get("relations") or ()):
                ((kind, target),) = rel.items()
                bid, cid = target.split("#", 1)
                where = ("claims", ci, "relations", ri, kind)
                if bid not in claims_of:
                    problems.append(d.problem(where, f"{claim_label}: relation target briefing '{bid}' does not exist"
                                                     f"{did_you_mean(bid, claims_of)}; name a file of briefings/ "
                                                     "without .yml"))
                elif cid not in claims_of[bid]:
                    problems.append(d.problem(where, f"{claim_label}: briefing '{bid}' has no claim '{cid}'"
                                                     f"{did_you_mean(cid, claims_of[bid])}; use one of its claim ids"))
                elif bid == d.id and cid == raw["id"]:
                    problems.append(d.problem(where, f"{claim_label} relates to itself; remove the relation"))
    return problems


def _ref(doc: Document, where: KeyPath, ident: str, known: Mapping[str, object], kind: str, folder: str,
         problems: list[Problem], label: str = "") -> None:
    if ident not in known:
        who = f"{label}: " if label else ""
        problems.append(doc.problem(where, f"{who}unknown {kind} '{ident}'{did_you_mean(ident, known)}; "
                                           f"use an existing id or create {folder}/{ident}.yml"))


def corroboration_problems(archive: Archive, docs_by_id: Mapping[str, Document]) -> list[Problem]:
    """Circular reporting: corroboration between claims that are not independent, and 1s without any."""
    claims = {(b.id, c.id): c for b in archive.briefings for c in b.claims}
    independent_support: set[tuple[str, str]] = set()
    out = []
    for b in archive.briefings:
        for c in b.claims:
            for rel in c.relations:
                if rel.kind != "corroborates":
                    continue
                other = claims[(rel.briefing, rel.claim)]
                shared = shared_origins(c, other, archive.sources)
                if not shared:
                    independent_support |= {(b.id, c.id), (rel.briefing, rel.claim)}
                    continue
                names = ", ".join(archive.sources[s].name for s in sorted(shared))
                where = _relation_path(docs_by_id[b.id], c.id, rel)
                out.append(docs_by_id[b.id].problem(where, (
                    f"claim '{c.id}' corroborates {rel.target}, but the two are not independent: both rest on "
                    f"{names}; circular reporting is not corroboration: write `echoes` instead of `corroborates`"),
                    "warning"))
    for b in archive.briefings:
        for c in b.claims:
            if c.credibility == 1 and (b.id, c.id) not in independent_support:
                doc = docs_by_id[b.id]
                index = next(i for i, raw in enumerate(doc.data["claims"]) if raw["id"] == c.id)
                out.append(doc.problem(("claims", index, "credibility"), (
                    f"claim '{c.id}' is graded 1 (confirmed by other sources) but no independent claim corroborates "
                    "it; add a `corroborates` relation to or from an independent claim, or grade it 2"), "warning"))
    return out


def _relation_path(doc: Document, claim_id: str, rel: Relation) -> KeyPath:
    index = next(i for i, raw in enumerate(doc.data["claims"]) if raw["id"] == claim_id)
    r_index = next(i for i, raw in enumerate(doc.data["claims"][index].get("relations") or ())
                   if raw.get(rel.kind) == rel.target)
    return ("claims", index, "relations", r_index, rel.kind)
