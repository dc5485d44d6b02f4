"""Checks across files: every id a file names exists, grades follow their rubric line and the
credibility rule, and corroboration is independent.

They run once every file's own shape is valid, so a message here is never a consequence of
a file that could not be read.
"""
from __future__ import annotations

from collections.abc import Mapping

from ..core.credibility import CREDIBILITY, RUBRIC_BY_ID
from ..core.independence import NOT_INDEPENDENT, remembered, verdict_words
from ..core.model import Archive, Relation
from ..core.problems import Problem, did_you_mean
from ..core.rule import both_ways, missing_evidence
from .build import dep_id
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
        for i, entry in enumerate(d.data.get("depends_on") or ()):
            dep = dep_id(entry)
            where: KeyPath = ("depends_on", i, "source") if isinstance(entry, dict) else ("depends_on", i)
            _ref(d, where, dep, sources, "source", "briefings/sources", problems)
            if dep == d.id:
                problems.append(d.problem(where, f"source '{d.id}' depends on itself; remove it"))
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


def grade_problems(archive: Archive, docs_by_id: Mapping[str, Document]) -> list[Problem]:
    """The credibility rule and the independence a relation kind claims, for every claim.

    ``corroborates`` between claims that are not shown to be independent is an error (circular
    reporting is not corroboration); ``echoes`` between independent claims undersells them (a
    warning); a grade without the evidence the rule needs is a warning naming what would justify it.
    """
    out = []
    names = {sid: s.name for sid, s in archive.sources.items()}
    claims = {f"{b.id}#{c.id}": c for b in archive.briefings for c in b.claims}
    related = both_ways(archive)
    independence = remembered(archive.sources)
    for b in archive.briefings:
        doc = docs_by_id[b.id]
        for c in b.claims:
            for rel in c.relations:
                verdict = independence(c, claims[rel.target])
                where = _relation_path(doc, c.id, rel)
                if rel.kind == "corroborates" and not verdict.independent:
                    refusal = (f"the two are {verdict_words(verdict, names)}; circular reporting is not corroboration"
                           if verdict.value == NOT_INDEPENDENT else
                           f"{verdict_words(verdict, names)}; corroboration needs claims shown to be independent")
                    out.append(doc.problem(where, (
                        f"claim '{c.id}' corroborates {rel.target}, but {refusal}: write `echoes` instead of "
                        "`corroborates`")))
                elif rel.kind == "echoes" and verdict.independent:
                    out.append(doc.problem(where, (
                        f"claim '{c.id}' echoes {rel.target}, but the two are independent (they share no origin); "
                        "independent agreement is corroboration: write `corroborates` instead of `echoes`"),
                        "warning"))
            lacking = missing_evidence(c, related[f"{b.id}#{c.id}"], archive.sources)
            if lacking is not None:
                index = next(i for i, raw in enumerate(doc.data["claims"]) if raw["id"] == c.id)
                out.append(doc.problem(("claims", index, "credibility"), (
                    f"claim '{c.id}' is graded {c.credibility} ({CREDIBILITY[c.credibility]}), but {lacking} "
                    "(see the credibility rule on the methodology page)"), "warning"))
    return out


def _relation_path(doc: Document, claim_id: str, rel: Relation) -> KeyPath:
    index = next(i for i, raw in enumerate(doc.data["claims"]) if raw["id"] == claim_id)
    r_index = next(i for i, raw in enumerate(doc.data["claims"][index].get("relations") or ())
                   if raw.get(rel.kind) == rel.target)
    return ("claims", index, "relations", r_index, rel.kind)
