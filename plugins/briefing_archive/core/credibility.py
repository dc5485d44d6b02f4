"""The Admiralty scales, the grading rubric and the claim badge.

One set of tables that the code, the methodology page and every tooltip share, so
what the site explains and what it computes cannot diverge.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .model import Claim, Source

RELIABILITY: dict[str, str] = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "reliability cannot be judged",
}

#: A shape per letter, so a grade never relies on colour alone: the fuller, the more reliable.
RELIABILITY_ICON: dict[str, str] = {"A": "\u25cf", "B": "\u25d5", "C": "\u25d1", "D": "\u25d4", "E": "\u25cb",
                                    "F": "\u25cc"}

CREDIBILITY: dict[int, str] = {
    1: "confirmed by other sources",
    2: "probably true",
    3: "possibly true",
    4: "doubtful",
    5: "improbable",
    6: "truth cannot be judged",
}


@dataclass(frozen=True)
class RubricLine:
    """What earns a source its reliability letter; the same line applies to every side."""

    id: str
    letter: str
    who: str
    why: str


RUBRIC: tuple[RubricLine, ...] = (
    RubricLine("independent-record", "A", "an independent source with a long, checked record of accuracy",
               "reserved for sources whose reports have repeatedly been confirmed; no party to the conflict earns it"),
    RubricLine("neutral-monitor", "B", "a neutral monitor that publishes its method",
               "not a party; its method can be checked, but its access on the ground is limited"),
    RubricLine("accountable-estimative", "B", "a named government or intelligence service that states its "
               "confidence in checkable terms and reports points against its own side",
               "accountable and checkable, but a party to the information war, so never A"),
    RubricLine("outlet-relaying", "B", "an established news outlet with editorial standards, relaying others",
               "graded on its own record as a relay; the officials it cites are graded separately and set the badge"),
    RubricLine("party-named", "C", "a named government, military, commander or state medium of a party "
               "to the conflict that states no confidence",
               "accountable for its words, but with a direct stake and claims that cannot be checked from outside"),
    RubricLine("paraphrased", "D", "a named source as an article words it beyond anything it quotes of the "
               "source (the article's own summary, with a figure or scope the quoted words do not have)",
               "the attribution cannot be checked against the source's words, and the article's writer is "
               "unknown; never the named source's own letter"),
    RubricLine("party-unnamed", "D", "unnamed officials, personnel or soldiers of an identified party",
               "cannot be held to their words and have a stake; the same for every side"),
    RubricLine("record-of-falsehood", "E", "a source shown in the archive to have spread false reports",
               "its record, not its side, puts it here"),
    RubricLine("unknown", "F", "unnamed outlets, analysts or estimates whose affiliation is not known",
               "who they are and what they rest on cannot be known"),
    RubricLine("unattributed", "F", "statements an article makes without naming anyone",
               "whoever stands behind them cannot be known: reliability cannot be judged"),
)
RUBRIC_BY_ID: dict[str, RubricLine] = {line.id: line for line in RUBRIC}


def claim_reliability(claim: Claim, sources: Mapping[str, Source]) -> str:
    """The least reliable originator's letter: a claim is no stronger than its weakest named origin."""
    return max(sources[s].reliability for s in claim.originators)


def badge_code(claim: Claim, sources: Mapping[str, Source]) -> str:
    """E.g. ``B2``: originator reliability followed by information credibility."""
    return f"{claim_reliability(claim, sources)}{claim.credibility}"


def badge_meaning(code: str) -> str:
    """Both definitions of a badge, for tooltips and text alternatives."""
    return f"{code}: source {RELIABILITY[code[0]]}; information {CREDIBILITY[int(code[1:])]}"
