"""Checks across files: every id a file names exists, grades follow their rubric line and the
credibility rule, and corroboration is independent.

They run on the files whose own shape is valid; a file that exists but could not be read
(``broken``) is still known by its id, and nothing is said about references to it, so a
message here is never a consequence of another file's error.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..core.credibility import CREDIBILITY, RUBRIC_BY_ID
from ..core.history import resolve_renamed
from ..core.ids import claim_key, split_claim_key
from ..core.independence import NOT_INDEPENDENT, remembered, verdict_words
from ..core.model import Archive, Claim, Relation, Source
from ..core.problems import Problem, did_you_mean
from ..core.relations import Role, named, role
from ..core.rule import Judgement
from .documents import Document, claim_ids
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
                       entities: Mapping[str, object], broken: Mapping[str, set[str]]) -> list[Problem]:
    """Every id named by a source or a briefing: sources, entities, relation targets.

    ``broken`` (per kind): ids of files that exist but have errors of their own; a reference to one
    is neither missing nor checked further (its claim ids, say) until it is fixed.
    """
    problems: list[Problem] = []
    known_sources = _known(sources, broken.get("source", set()))
    known_entities = _known(entities, broken.get("entity", set()))
    for d in docs["source"]:
        _dependency_refs(d, known_sources, problems)
    claims_of = {d.id: claim_ids(d) for d in docs["briefing"]}
    for d in docs["briefing"]:
        publisher = d.get(("publisher",), str)
        if publisher is not None:
            _ref(d, ("publisher",), publisher, known_sources, "source", "briefings/sources", problems)
        for ci, cwhere, _ in d.items(("claims",)):
            cid = d.get(cwhere + ("id",), str)
            claim_label = f"claim '{cid}'" if cid is not None else f"claim #{ci + 1}"
            _chain_refs(d, cwhere, claim_label, known_sources, problems)
            for _, where, eid in d.items(cwhere + ("entities",)):
                if isinstance(eid, str):
                    _ref(d, where, eid, known_entities, "entity", "briefings/entities", problems, claim_label)
            for _, rwhere, rel in d.items(cwhere + ("relations",)):
                if isinstance(rel, dict) and len(rel) == 1:
                    problems += _relation_problems(d, rwhere, rel, cid, claim_label, claims_of,
                                                   broken.get("briefing", set()))
            renamed = d.get(cwhere + ("renamed_from",), str)
            if renamed is not None:
                problems += _renamed_problems(d, cwhere + ("renamed_from",), renamed, claim_label, claims_of)
    return problems


def _renamed_problems(d: Document, where: KeyPath, renamed: str, claim_label: str,
                      claims_of: Mapping[str, set[str] | None]) -> list[Problem]:
    """A claim's former id is gone: a history cannot go on under two ids at once."""
    key = resolve_renamed(renamed, d.id)
    if key is None:
        return [d.problem(where, f"{claim_label}: `renamed_from` is '{renamed}', which is no claim id; write the "
                                 "former id as <briefing-id>#<claim-id>, or as a claim id alone for this briefing "
                                 "(lowercase letters, digits and hyphens)")]
    briefing, claim = split_claim_key(key)
    if claim in (claims_of.get(briefing) or ()):
        return [d.problem(where, f"{claim_label}: `renamed_from` names '{key}', which is still a claim of the "
                                 "archive; name the claim's former id, which no claim may keep, or remove "
                                 "`renamed_from`")]
    return []


def _dependency_refs(d: Document, known_sources: set[str], problems: list[Problem]) -> None:
    """The sources a source depends on exist, and are not the source itself."""
    for _, where, entry in d.items(("depends_on",)):
        dep = d.get(where + ("source",), str) if isinstance(entry, dict) else d.get(where, str)
        if dep is None:
            continue
        if isinstance(entry, dict):
            where += ("source",)
        _ref(d, where, dep, known_sources, "source", "briefings/sources", problems, besides=d.id)
        if dep == d.id:
            problems.append(d.problem(where, f"source '{d.id}' depends on itself; remove it"))


def _chain_refs(d: Document, cwhere: KeyPath, claim_label: str, known_sources: set[str],
                problems: list[Problem]) -> None:
    """The sources of a claim's chain exist; only its last link is a list (the originators cited together)."""
    last = len(d.get(cwhere + ("sources",), list) or ()) - 1
    for li, where, link in d.items(cwhere + ("sources",)):
        if isinstance(link, list):
            if li != last:
                problems.append(d.problem(where, f"{claim_label}: only the last element of `sources` (the "
                                                 "originators cited together) may be a list; move the list "
                                                 "to the end of the chain"))
            for _, swhere, sid in d.items(where):
                if isinstance(sid, str):
                    _ref(d, swhere, sid, known_sources, "source", "briefings/sources", problems, claim_label)
        elif isinstance(link, str):
            _ref(d, where, link, known_sources, "source", "briefings/sources", problems, claim_label)


def _relation_problems(d: Document, rwhere: KeyPath, rel: dict[str, Any], cid: str | None, claim_label: str,
                       claims_of: Mapping[str, set[str] | None], broken_briefings: set[str]) -> list[Problem]:
    """A relation's target claim exists and is not the claim itself."""
    ((kind, _),) = rel.items()
    where = rwhere + (kind,)
    target = d.get(where, str)
    if target is None or "#" not in target:
        return []
    bid, target_cid = split_claim_key(target)
    ids = claims_of.get(bid)
    if bid not in claims_of and bid not in broken_briefings:
        near = did_you_mean(bid, claims_of.keys() | broken_briefings, besides=d.id)
        return [d.problem(where, f"{claim_label} `{kind}`: relation target briefing '{bid}' does not exist"
                                 f"{near}; name a file of briefings/ without .yml")]
    if ids is None:
        return []   # it exists, but not all its claim ids are known: checked once it is fixed
    if target_cid not in ids:
        return [d.problem(where, f"{claim_label} `{kind}`: briefing '{bid}' has no claim '{target_cid}'"
                                 f"{did_you_mean(target_cid, ids)}; use one of its claim ids")]
    if bid == d.id and target_cid == cid:
        return [d.problem(where, f"{claim_label} relates to itself; remove the relation")]
    return []


def _known(valid: Mapping[str, object], broken: set[str]) -> set[str]:
    """Every id a reference may name: the valid files' and the broken ones' (which exist)."""
    return set(valid) | broken


def _ref(doc: Document, where: KeyPath, ident: str, known: set[str], kind: str, folder: str,
         problems: list[Problem], label: str = "", besides: str | None = None) -> None:
    if ident not in known:
        who = f"{label}: " if label else ""
        problems.append(doc.problem(where, f"{who}unknown {kind} '{ident}'{did_you_mean(ident, known, besides)}; "
                                           f"use an existing id or create {folder}/{ident}.yml"))


def grade_problems(archive: Archive, docs_by_id: Mapping[str, Document], judged: Judgement | None) -> list[Problem]:
    """The credibility rule and the independence a relation kind claims, for every claim.

    ``corroborates`` between claims that are not shown to be independent is an error (circular
    reporting is not corroboration); ``echoes`` between independent claims undersells them (a
    warning); a grade without the evidence the rule needs is a warning naming what would justify it.

    ``judged``: the rule's judgement of the whole archive (:func:`~briefing_archive.core.rule.judge`; the
    derive stage keeps it). None when other files have errors (``archive`` holds only what could be built): only
    the relations whose two claims and every source they rest on are known are judged, and the credibility rule
    waits (a broken briefing's relations, unknown yet, may be what supports a grade).
    """
    out = []
    complete = judged is not None
    names = {sid: s.name for sid, s in archive.sources.items()}
    claims = {claim_key(b.id, c.id): c for b in archive.briefings for c in b.claims}
    independence = remembered(archive.sources) if judged is None else judged.verdict
    known = set() if complete else _known_sources(archive.sources)
    for b in archive.briefings:
        doc = docs_by_id[b.id]
        positions: dict[str, int] = {}   # each claim id's first place in the file
        for i, raw in enumerate(doc.data["claims"]):
            if isinstance(raw, dict) and isinstance(raw.get("id"), str):
                positions.setdefault(raw["id"], i)
        for c in b.claims:
            for rel in c.relations:
                if not complete and not (rel.target in claims and _rests_on_known(c, claims[rel.target], known)):
                    continue
                verdict = independence(c, claims[rel.target])
                where = _relation_path(doc, positions[c.id], rel)
                counts = role(rel.kind)
                if counts is Role.INDEPENDENT_AGREEMENT and not verdict.independent:
                    refusal = (f"the two are {verdict_words(verdict, names)}; circular reporting is not corroboration"
                           if verdict.value == NOT_INDEPENDENT else
                           f"{verdict_words(verdict, names)}; corroboration needs claims shown to be independent")
                    out.append(doc.problem(where, (
                        f"claim '{c.id}' {rel.kind} {rel.target}, but {refusal}: write `{named(Role.AGREEMENT)}` "
                        f"instead of `{rel.kind}`")))
                elif counts is Role.AGREEMENT and verdict.independent:
                    out.append(doc.problem(where, (
                        f"claim '{c.id}' {rel.kind} {rel.target}, but the two are independent (they share no "
                        f"origin); independent agreement is corroboration: write `{named(Role.INDEPENDENT_AGREEMENT)}` "
                        f"instead of `{rel.kind}`"),
                        "warning"))
            if judged is None:
                continue
            standing = judged.standings[claim_key(b.id, c.id)]
            lacking = standing.missing(c.credibility)
            index = positions[c.id]
            if lacking is not None:
                out.append(doc.problem(("claims", index, "credibility"), (
                    f"claim '{c.id}' is graded {c.credibility} ({CREDIBILITY[c.credibility]}), but {lacking} "
                    "(see the credibility rule on the methodology page)"), "warning"))
            elif standing.below_ceiling and not (c.note or "").strip():
                out.append(doc.problem(("claims", index, "credibility"), (
                    f"claim '{c.id}' is graded {c.credibility}, below what its evidence allows "
                    f"({standing.ceiling}: {CREDIBILITY[standing.ceiling or 3]}), and has no note; caution is your right, "
                    "but say why in `note`, or grade it "
                    f"{standing.ceiling}"), "warning"))
    return out


def _known_sources(sources: Mapping[str, Source]) -> set[str]:
    """The sources that, with everything they depend on, are valid files: every source but those that depend,
    directly or through a chain, on one that is not. Once for the archive (a walk per relation cost a long
    chain of profiles its length squared)."""
    dependents: dict[str, list[str]] = {}
    for sid, source in sources.items():
        for dep in source.depends_on:
            dependents.setdefault(dep, []).append(sid)
    broken: set[str] = set()
    todo = [dep for dep in dependents if dep not in sources]
    while todo:
        for sid in dependents.get(todo.pop(), ()):
            if sid not in broken:
                broken.add(sid)
                todo.append(sid)
    return set(sources) - broken


def _rests_on_known(a: Claim, b: Claim, known: set[str]) -> bool:
    """Every source the two claims' chains name, and every source those depend on, is a valid file."""
    return all(sid in known for claim in (a, b) for link in claim.chain for sid in link)


def _relation_path(doc: Document, index: int, rel: Relation) -> KeyPath:
    r_index = next(i for i, raw in enumerate(doc.data["claims"][index].get("relations") or ())
                   if raw.get(rel.kind) == rel.target)
    return ("claims", index, "relations", r_index, rel.kind)
