"""The commits replayed into each claim's and source's changes, and the working tree's changes on top.

Each commit's change of a file is read as its own before and after (the blobs ``git log --raw`` names), so a
branch merged later still shows its own changes with its own dates. A claim whose ``renamed_from`` names a claim
that is gone carries that claim's history on; a file version that is not valid YAML changes nothing.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from ...core.history import ArchiveHistory, Change, ClaimState, GitHistory, claim_changes, claim_state, resolve_renamed
from ...core.ids import claim_key, is_id
from ...core.model import Archive
from .git import Commit
from .summary import Summary

SHORT = 12   # a commit's short id: fixed, so the same commits always print the same


def kind_of(path: str, folder: str) -> tuple[str, str] | None:
    """("briefing" | "source", id) of a path under the briefings folder, None for any other file."""
    rest = path[len(folder) + 1:] if path.startswith(folder + "/") else None
    if rest is None or not rest.endswith(".yml"):
        return None
    parts = rest[:-4].split("/")
    if len(parts) == 1 and is_id(parts[0]):
        return "briefing", parts[0]
    if len(parts) == 2 and parts[0] == "sources" and is_id(parts[1]):
        return "source", parts[1]
    return None


class _Replay:
    def __init__(self) -> None:
        self.claims: dict[str, list[Change]] = {}
        self.sources: dict[str, list[Change]] = {}
        self.last: dict[str, ClaimState] = {}        # claim key -> its last state
        self.present: set[str] = set()                # claim keys in the archive after the commit so far
        self.good: dict[str, Summary] = {}            # path -> its last readable version
        self.entered: dict[str, str] = {}
        self.changed: dict[str, str] = {}

    def commit(self, c: Commit, folder: str, summaries: Mapping[str, Summary]) -> None:
        short, reason = c.sha[:SHORT], (c.subject if c.subject.strip() else None)
        appeared: list[tuple[str, str, ClaimState]] = []
        for f in c.files:
            found = kind_of(f.path, folder)
            if found is None:
                continue
            kind, ident = found
            if kind == "briefing":
                self.changed[ident] = c.date
                if f.new is not None:
                    self.entered.setdefault(ident, c.date)
            before = None if f.old is None else summaries.get(f.old)
            if f.old is not None and before is None:
                before = self.good.get(f.path)   # the version before was not readable: the last one that was
            after = summaries.get(f.new) if f.new is not None else None
            if f.new is not None and after is None:
                continue   # not readable: nothing changed that can be said
            self.good[f.path] = after
            if kind == "source":
                self._source(ident, before, after, c.date, short, reason)
                continue
            old = dict(before) if isinstance(before, tuple) else {}
            new = dict(after) if isinstance(after, tuple) else {}
            for cid in old.keys() - new.keys():
                self.present.discard(claim_key(ident, cid))
            for cid, state in new.items():
                key = claim_key(ident, cid)
                was = old.get(cid)
                if was is state:
                    pass   # the same item, read once: nothing changed (most claims of most commits)
                elif was is not None:
                    self.claims.setdefault(key, []).extend(claim_changes(was, state, c.date, short, reason))
                else:
                    appeared.append((key, ident, state))
                self.last[key] = state
        for key, ident, state in appeared:   # after every file: a claim may move to another file in one commit
            self.appear(key, ident, state, c.date, short, reason)
            self.present.add(key)

    def appear(self, key: str, ident: str, state: ClaimState, date: str | None, short: str | None,
               reason: str | None) -> None:
        former = resolve_renamed(state.renamed_from, ident) if state.renamed_from else None
        if former is not None and former != key and former in self.claims and former not in self.present:
            earlier = self.claims.pop(former)
            previous = self.last.get(former, state)
            self.claims[key] = [*earlier, *self.claims.get(key, []), Change(date, short, reason, "renamed", former, key),
                                *claim_changes(previous, state, date, short, reason)]
        else:
            self.claims.setdefault(key, []).append(Change(date, short, reason, "added", None, state.credibility))

    def _source(self, ident: str, before: Summary, after: Summary, date: str, short: str, reason: str | None) -> None:
        if not isinstance(after, str):
            return
        if not isinstance(before, str):
            self.sources.setdefault(ident, []).append(Change(date, short, reason, "added", None, after))
        elif before != after:
            self.sources.setdefault(ident, []).append(Change(date, short, reason, "reliability", before, after))


def replay(commits: list[Commit], folder: str, summaries: Mapping[str, Summary], head: Mapping[str, str],
           *, shallow: bool) -> GitHistory:
    """What the commits (oldest first) say; ``head``: path -> blob of each file at HEAD."""
    r = _Replay()
    for c in commits:
        r.commit(c, folder, summaries)
    head_claims: dict[str, ClaimState] = {}
    head_sources: dict[str, str | None] = {}
    for path, blob in sorted(head.items()):
        found = kind_of(path, folder)
        summary = summaries.get(blob)
        if found is None or summary is None:
            continue
        if found[0] == "source" and isinstance(summary, str):
            head_sources[found[1]] = summary
        elif found[0] == "briefing" and isinstance(summary, tuple):
            head_claims.update((claim_key(found[1], cid), state) for cid, state in summary)
    return GitHistory("shallow" if shallow else "full", commits[0].date if shallow and commits else None, None,
                      {k: tuple(v) for k, v in r.claims.items()}, {k: tuple(v) for k, v in r.sources.items()},
                      r.entered, r.changed, head_claims, head_sources)


def with_worktree(git: GitHistory, archive: Archive | None) -> ArchiveHistory:
    """The history with what the loaded archive changes since HEAD (commit and date None: not yet committed)."""
    history = ArchiveHistory(git.status, git.since, git.claims, git.sources, git.entered, git.why, git.changed, git)
    if archive is None or git.status == "none":
        return history
    claims = dict(git.claims)
    keys = {claim_key(b.id, c.id) for b in archive.briefings for c in b.claims}
    for b in archive.briefings:
        for c in b.claims:
            key, state = claim_key(b.id, c.id), claim_state(c)
            head = git.head_claims.get(key)
            if head is not None:
                if new := tuple(claim_changes(head, state, None, None, None)):
                    claims[key] = (*claims.get(key, ()), *new)
                continue
            former = resolve_renamed(c.renamed_from, b.id) if c.renamed_from else None
            if former is not None and former in git.head_claims and former not in keys:
                claims[key] = (*claims.pop(former, ()), *claims.get(key, ()), Change(None, None, None, "renamed", former, key),
                               *claim_changes(git.head_claims[former], state, None, None, None))
            else:
                claims[key] = (*claims.get(key, ()), Change(None, None, None, "added", None, c.credibility))
    sources = dict(git.sources)
    for sid, source in archive.sources.items():
        was = git.head_sources.get(sid)
        if was is None:
            sources[sid] = (*sources.get(sid, ()), Change(None, None, None, "added", None, source.reliability))
        elif was != source.reliability:
            sources[sid] = (*sources.get(sid, ()), Change(None, None, None, "reliability", was, source.reliability))
    return replace(history, claims=claims, sources=sources)
