"""The Admiralty scales and the claim badge: one table that code, pages and tooltips share."""
from __future__ import annotations

from typing import Iterable, Mapping

from .model import Claim, Source

RELIABILITY: dict[str, str] = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "reliability cannot be judged",
}

CREDIBILITY: dict[int, str] = {
    1: "confirmed by other sources",
    2: "probably true",
    3: "possibly true",
    4: "doubtful",
    5: "improbable",
    6: "truth cannot be judged",
}


def claim_reliability(claim: Claim, sources: Mapping[str, Source]) -> str:
    """The least reliable originator's letter: a claim is no stronger than its weakest named origin."""
    return max(sources[s].reliability for s in claim.originators)


def badge(claim: Claim, sources: Mapping[str, Source]) -> str:
    """E.g. ``B2``: originator reliability followed by information credibility."""
    return f"{claim_reliability(claim, sources)}{claim.credibility}"


def badge_meaning(code: str) -> str:
    """Both definitions of a badge, for tooltips and text alternatives."""
    return f"{code}: source {RELIABILITY[code[0]]}; information {CREDIBILITY[int(code[1:])]}"


def originator_closure(source_ids: Iterable[str], sources: Mapping[str, Source]) -> frozenset[str]:
    """Sources plus everything they depend on, directly or through a chain of ``depends_on``."""
    seen: set[str] = set()
    todo = list(source_ids)
    while todo:
        sid = todo.pop()
        if sid in seen or sid not in sources:
            continue
        seen.add(sid)
        todo.extend(sources[sid].depends_on)
    return frozenset(seen)


def independent(a: Claim, b: Claim, sources: Mapping[str, Source]) -> bool:
    """True when the two claims' originators share no source, directly or through ``depends_on``."""
    return not (originator_closure(a.originators, sources) & originator_closure(b.originators, sources))
