"""``archive.json`` and ``annotations.jsonld`` serialised one briefing at a time.

The bytes are exactly those of ``json.dumps`` of the whole document (compact, ASCII): the document is dumped
with its list of briefings (or of annotations) as a marker, and the briefings' own JSON is put in the marker's
place. The live preview keeps each briefing's part, so an edit to one briefing's prose re-serialises that
briefing alone, and still writes what a full build writes.
"""
from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass

from ..core.history import NO_HISTORY, ArchiveHistory
from ..core.ids import claim_key
from ..core.model import Archive, Briefing, Claim
from ..core.rule import Judgement, Related
from ..core.urls import Addresses
from ..derive.ledger import Metric
from .annotations import briefing_annotations, collection
from .archive_data import archive_frame, briefing_data, claim_index
from .references import Target, targets, within

#: Stands for the list of parts while the rest of a document is dumped: a lone NUL, which no key or constant
#: that precedes the list in either document can hold, so its first occurrence is always the marker.
_MARK = "\x00"
_MARK_JSON = json.dumps(_MARK)


@dataclass(frozen=True)
class Part:
    """One briefing's share of the two exports."""

    briefing: Briefing   # what it was made from
    data: bytes          # its entry in archive.json
    annotations: bytes   # its annotations, comma-separated (b"" when it has none)
    count: int           # how many annotations
    inputs: tuple[object, ...] = ()   # what else it was made from: see :func:`part_inputs`


def part_inputs(b: Briefing, claims: Mapping[str, Claim], related: Mapping[str, list[Related]],
                target: Target, history: ArchiveHistory = NO_HISTORY) -> tuple[object, ...]:
    """What a briefing's part reads beyond the briefing itself and the sources: the claims its relations name
    (their independence verdicts), its claims' relations both ways (annotations link them), what its notes'
    references show (the titles and quotes of the briefings and claims they name), and its claims' history and
    the day it entered (``history``: a commit changes them without changing the briefing)."""
    return (tuple(claims.get(r.target) for c in b.claims for r in c.relations),
            tuple(related.get(claim_key(b.id, c.id)) for c in b.claims),
            tuple(target(bid, cid) for bid, cid in within(b)),
            tuple(history.claims.get(claim_key(b.id, c.id)) for c in b.claims), history.entered.get(b.id))


def dumps(data: object) -> str:
    # Compact separators keep json on its C encoder (an indent makes it pure Python, 5x slower);
    # ASCII output keeps the string at one byte a character (tens of MB for a large archive).
    return json.dumps(data, separators=(",", ":"))


def exports(archive: Archive, at: Addresses, *, excerpts: bool, ledger: tuple[Metric, ...], judged: Judgement,
            reuse: Mapping[str, Part] | None = None,
            history: ArchiveHistory = NO_HISTORY) -> tuple[bytes, bytes, dict[str, Part]]:
    """(archive.json, annotations.jsonld, each briefing's part).

    ``reuse``: parts of a previous build with the same sources and settings (the live preview); a part is taken
    only for a briefing equal to the one it was made from, whose other inputs (:func:`part_inputs`) are equal
    too. ``judged``: the verdicts, relations both ways and standings the check made and the derive stage keeps
    (:attr:`~briefing_archive.derive.stage.Derived.judged`); ``history``: the build's (the claims' and sources'
    changes, when each briefing entered).
    """
    claims = claim_index(archive)
    related, standings, verdict = judged.related, judged.standings, judged.verdict
    names = {sid: s.name for sid, s in archive.sources.items()}
    to = targets(archive, at)
    frame = dumps(archive_frame(archive, at, ledger, to, history) | {"briefings": _MARK})

    def data_of(b: Briefing) -> bytes:
        return dumps(briefing_data(archive, b, at, excerpts=excerpts, claims=claims, verdict=verdict,
                                   standings=standings, target=to, history=history)).encode("ascii")

    def annotations_of(b: Briefing) -> tuple[bytes, int]:
        items = briefing_annotations(archive, b, at, excerpts=excerpts, related=related, names=names,
                                     target=to, history=history)
        return ",".join(dumps(item) for item in items).encode("ascii"), len(items)

    if reuse is None:
        # Nothing to keep (a one-off build): each export's pieces are alive only while it is joined, so the
        # largest transient is one export twice, not both exports' pieces and both documents (150 MB at 10,000).
        data = _fill(frame, [data_of(b) for b in archive.briefings])
        pieces, total = [], 0
        for b in archive.briefings:
            piece, count = annotations_of(b)
            if count:
                pieces.append(piece)
                total += count
        return data, _annotations(at, total, pieces), {}
    parts: dict[str, Part] = {}
    for b in archive.briefings:
        part = reuse.get(b.id)
        inputs = part_inputs(b, claims, related, to, history)
        if part is None or not (part.briefing is b or part.briefing == b) or part.inputs != inputs:
            part = Part(b, data_of(b), *annotations_of(b), inputs)
        parts[b.id] = part
    data = _fill(frame, [p.data for p in parts.values()])
    total = sum(p.count for p in parts.values())
    return data, _annotations(at, total, [p.annotations for p in parts.values() if p.count]), parts


def _annotations(at: Addresses, total: int, pieces: list[bytes]) -> bytes:
    """annotations.jsonld: the collection of ``total`` annotations, their JSON ``pieces`` in place."""
    doc = collection(at, total)
    if total:
        doc["first"]["items"] = _MARK
    return _fill(dumps(doc), pieces)


def _fill(text: str, pieces: list[bytes]) -> bytes:
    """The document with the pieces in the marker's place, joined once (the exports are hundreds of MB at
    10,000 briefings: no intermediate copy of the whole)."""
    head, mark, tail = text.partition(_MARK_JSON)
    if not mark:
        return (text + "\n").encode("ascii")
    return b"".join((head.encode("ascii"), b"[", b",".join(pieces), b"]", tail.encode("ascii"), b"\n"))

