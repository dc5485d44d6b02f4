"""The archive's history as plain data: every dated change of a claim or a source, read from git by the load stage.

A claim's history is what a corrections log shows: when it entered the archive (``added``), each change of its
grade, quote, chain or relations, and an id change (``renamed``), each with the commit's date and reason. Nothing
here reads git or a file: :mod:`briefing_archive.load.history` builds these, pages and exports only read them.
"""
from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from .ids import claim_key, is_id, split_claim_key
from .model import Claim

#: What a change may be about: the registry every page, feed and export names changes by.
FIELDS = ("credibility", "quote", "chain", "relations", "reliability", "added", "renamed")
Field = Literal["credibility", "quote", "chain", "relations", "reliability", "added", "renamed"]
#: A value before or after a change: a grade, a quote, a reliability letter, a claim key, or a chain or relations
#: as sorted pairs ((source, role) or (kind, target)).
Value = int | str | tuple[tuple[str, str], ...] | None
Status = Literal["full", "shallow", "none"]
#: What a re-grade with no reason (no ``regraded``, an empty commit message) says wherever it is shown: never hidden.
NO_REASON = "re-graded; no reason given"
#: What a change not yet committed (the preview's) reads in place of its date.
PENDING = "not yet committed"


@dataclass(frozen=True)
class Change:
    """One change of one claim or source. ``commit`` and ``date`` are None for a change not yet committed."""

    date: str | None          # the commit's committer date, ISO 8601 with its offset (when it entered the archive)
    commit: str | None        # the commit's short id
    reason: str | None        # the claim's `regraded` or the commit's first line; None when neither says anything
    field: Field
    before: Value
    after: Value


@dataclass(frozen=True)
class ClaimState:
    """What the history follows of one claim (from one version of its YAML, or from the loaded model)."""

    credibility: int | None
    quote: str | None
    chain: tuple[tuple[str, str], ...]
    relations: tuple[tuple[str, str], ...]
    renamed_from: str | None = None
    regraded: str | None = None


@dataclass(frozen=True)
class GitHistory:
    """What the commits say, before any uncommitted change: read once, reused while HEAD stays where it was."""

    status: Status
    since: str | None
    why: str | None                                   # for status "none": why history is not available
    claims: Mapping[str, tuple[Change, ...]]          # claim key -> its changes, oldest first
    sources: Mapping[str, tuple[Change, ...]]         # source id -> its changes, oldest first
    entered: Mapping[str, str]                        # briefing id -> date of its first commit
    changed: Mapping[str, str]                        # briefing id -> date of the last commit that touched its file
    head_claims: Mapping[str, ClaimState] = field(default_factory=dict)   # claim key -> its state at HEAD
    head_sources: Mapping[str, str | None] = field(default_factory=dict)  # source id -> its reliability at HEAD
    head: str | None = None                           # what HEAD pointed at when read (to know when to read again)
    repository: tuple[bool, Path, Path] | None = None  # (shallow, git dir, common git dir) when there is one


@dataclass(frozen=True)
class ArchiveHistory:
    """Every claim's and source's changes, committed and not yet committed, and when each briefing entered."""

    status: Status                                    # full | shallow (history since ``since``) | none
    since: str | None                                 # shallow: the oldest commit's date
    claims: Mapping[str, tuple[Change, ...]]
    sources: Mapping[str, tuple[Change, ...]]
    entered: Mapping[str, str]
    why: str | None = None
    changed: Mapping[str, str] = field(default_factory=dict)
    git: GitHistory | None = field(default=None, compare=False, repr=False)   # the committed part, for reuse

    @property
    def line(self) -> str | None:
        """What the build says once about the history, or None when it is whole."""
        if self.status == "none":
            return f"history not available: {self.why}"
        if self.status == "shallow":
            return f"history since {(self.since or '')[:10]} (a shallow clone: older commits are not here)"
        return None


NO_HISTORY = ArchiveHistory("none", None, {}, {}, {}, "not read")


def resolve_renamed(value: str, briefing: str) -> str | None:
    """The claim key a ``renamed_from`` names (a bare id means the same briefing); None when malformed."""
    if "#" in value:
        b, c = split_claim_key(value)
        return value if is_id(b) and is_id(c) else None
    return claim_key(briefing, value) if is_id(value) else None


def chain_pairs(chain: tuple[tuple[str, ...], ...]) -> tuple[tuple[str, str], ...]:
    """A chain as (source, role) pairs, in order: every link reports, the last originates."""
    last = len(chain) - 1
    return tuple((s, "originator" if i == last else "reporter") for i, link in enumerate(chain) for s in link)


def claim_state(claim: Claim) -> ClaimState:
    """The state of a loaded claim, comparable with one read from a commit."""
    return ClaimState(claim.credibility, claim.quote, chain_pairs(claim.chain),
                      tuple(sorted((r.kind, r.target) for r in claim.relations)), claim.renamed_from, claim.regraded)


def claim_changes(before: ClaimState, after: ClaimState, date: str | None, commit: str | None,
                  subject: str | None) -> Iterator[Change]:
    """The changes from ``before`` to ``after``. A new grade's reason is the claim's ``regraded`` when this same
    change sets or changes it, else ``subject`` (a ``regraded`` left from an earlier re-grade explains nothing)."""
    pairs: tuple[tuple[Field, Value, Value], ...] = (
        ("credibility", before.credibility, after.credibility), ("quote", before.quote, after.quote),
        ("chain", before.chain, after.chain), ("relations", before.relations, after.relations))
    for name, old, new in pairs:
        if old != new:
            reason = subject
            if name == "credibility" and after.regraded and after.regraded != before.regraded:
                reason = after.regraded
            yield Change(date, commit, reason, name, old, new)
