"""Every claim's and source's history, read from the archive's own git history (issue 27).

:func:`read_history` runs git four times whatever the number of commits (a probe, one ``git log`` of the
briefings folder, one ``git ls-tree`` of HEAD, one ``git cat-file --batch`` for every blob not summarized
before), replays the commits (:mod:`.replay`) and adds what the working tree changes since HEAD. The live
preview hands the last result back: git is read again only when HEAD moves; the working tree, every time.
"""
from __future__ import annotations

from pathlib import Path

from ...core.history import ArchiveHistory, GitHistory
from ...core.model import Archive
from .git import Commit, GitUnavailable, Repository, cat_blobs, head_key, log, probe, tree
from .replay import kind_of, replay, with_worktree
from .summary import Summary, SummaryCache, assemble, items_of, read_items, summarize

__all__ = ["read_git", "read_history"]


def read_history(root: Path, briefings_dir: Path, archive: Archive | None = None, *,
                 previous: ArchiveHistory | None = None) -> ArchiveHistory:
    """The archive's history, with ``archive``'s uncommitted changes (the working tree as loaded) on top.

    ``previous``: the last result of this session (the preview's); its commits are taken again unless HEAD moved.
    """
    git = previous.git if previous is not None else None
    if git is None or _moved(git):
        git = read_git(root, briefings_dir)
    return with_worktree(git, archive)


def _moved(git: GitHistory) -> bool:
    if git.repository is None:
        return False   # no repository when the session started: none is looked for on every edit
    return head_key(Repository(*git.repository)) != git.head


def read_git(root: Path, briefings_dir: Path) -> GitHistory:
    """What the commits say about the briefings folder (status "none", with why, when they cannot be read)."""
    try:
        folder = briefings_dir.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return _none("the briefings folder is outside the archive's folder")
    try:
        repo = probe(root)
        head = head_key(repo)
        commits = log(root, folder)
        at_head = tree(root, folder)
        summaries = _summaries(root, folder, commits, at_head)
    except GitUnavailable as exc:
        return _none(str(exc))
    git = replay(commits, folder, summaries, at_head, shallow=repo.shallow)
    return GitHistory(git.status, git.since, None, git.claims, git.sources, git.entered, git.changed,
                      git.head_claims, git.head_sources, head, (repo.shallow, repo.gitdir, repo.commondir))


def _none(why: str) -> GitHistory:
    return GitHistory("none", None, why, {}, {}, {}, {})


def _summaries(root: Path, folder: str, commits: list[Commit], at_head: dict[str, str]) -> dict[str, Summary]:
    """Blob -> summary of every version the replay reads: from the cache, else all read by one ``cat-file``."""
    kinds: dict[str, str] = {}
    for c in commits:
        for f in c.files:
            found = kind_of(f.path, folder)
            if found is not None:
                kinds.update((blob, found[0]) for blob in (f.old, f.new) if blob is not None)
    for path, blob in at_head.items():
        if (found := kind_of(path, folder)) is not None:
            kinds[blob] = found[0]
    cache = SummaryCache(root)
    out: dict[str, Summary] = {}
    missing = []
    for blob, kind in sorted(kinds.items()):
        hit, summary = cache.get((kind, blob))
        if hit:
            out[blob] = summary
        else:
            missing.append(blob)
    # Read each blob once; a briefing's claims item by item, each distinct item once for the whole run (a commit
    # that changes one claim adds one item to read), in every core when there are many.
    split: dict[str, list[str]] = {}
    texts: dict[str, str] = {}

    def each(blob: str, data: bytes) -> None:
        items = items_of(data) if kinds[blob] == "briefing" else None
        if items is None:
            out[blob] = summarize(kinds[blob], data)
        else:
            split[blob] = [texts.setdefault(t, t) for t in items]
    cat_blobs(root, missing, each)
    unique = list(texts)
    read = dict(zip(unique, read_items(unique), strict=True))
    whole = []
    for blob, items in split.items():
        summary = assemble(items, read)
        if summary is None:
            whole.append(blob)   # rare: an item that needs its file (an anchor, a merge key): read it whole
        out[blob] = summary
    cat_blobs(root, whole, lambda blob, data: out.__setitem__(blob, summarize(kinds[blob], data)))
    for blob in missing:
        if blob in out:
            cache.put((kinds[blob], blob), out[blob])
    cache.save()
    return out
