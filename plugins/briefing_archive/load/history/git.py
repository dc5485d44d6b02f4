"""The few git processes the history needs: one probe, one ``git log``, one ``git ls-tree``, one ``git cat-file``.

Git runs as a subprocess (``-C`` the archive's folder, pathspecs relative to it, ``--relative`` paths), never once
per file or per commit, with every option that could change its output for a user's configuration turned off.
Only paths under the archive's briefings folder are asked for: nothing else of the repository is read.
"""
from __future__ import annotations

import os
import re
import subprocess
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import NamedTuple

#: Settings that would otherwise change what ``git log`` prints (signatures, renames, a user's pager).
_CONFIG = ("-c", "log.showSignature=false", "-c", "diff.renames=false", "-c", "core.quotePath=false")
_ENV = {**os.environ, "LC_ALL": "C", "GIT_TERMINAL_PROMPT": "0", "GIT_PAGER": "cat", "GIT_OPTIONAL_LOCKS": "0"}
_SHA = re.compile(r"[0-9a-f]{40}(?:[0-9a-f]{24})?")
_NULL = re.compile(r"0+")


class GitUnavailable(Exception):
    """Why there is no history to read (no git, not a repository, no commit yet)."""


class Repository(NamedTuple):
    shallow: bool
    gitdir: Path
    commondir: Path


class FileChange(NamedTuple):
    path: str               # relative to the archive's folder
    old: str | None         # blob before the commit (None: the file is new)
    new: str | None         # blob after it (None: the file was deleted)


class Commit(NamedTuple):
    sha: str
    date: str               # committer date, ISO 8601 strict
    subject: str
    files: tuple[FileChange, ...]


def _git(root: Path, *args: str, timeout: float = 600) -> bytes:
    try:
        done = subprocess.run(["git", *_CONFIG, "-C", str(root), *args], capture_output=True, env=_ENV,
                              timeout=timeout, check=False)
    except FileNotFoundError:
        raise GitUnavailable("git is not installed") from None
    except (OSError, subprocess.SubprocessError) as exc:
        raise GitUnavailable(f"git could not run ({exc})") from None
    if done.returncode != 0:
        first = (done.stderr.decode("utf-8", "replace").strip().splitlines() or ["failed"])[0]
        raise GitUnavailable(f"git {args[0]} failed: {first}")
    return done.stdout


def probe(root: Path) -> Repository:
    """The repository the archive's folder is in; GitUnavailable when none, or when it has no commit yet."""
    try:
        out = _git(root, "rev-parse", "--is-shallow-repository", "--absolute-git-dir", "--git-common-dir",
                   timeout=30).decode("utf-8", "surrogateescape").splitlines()
    except GitUnavailable as exc:
        raise GitUnavailable("the archive's folder is not in a git repository" if "not a git repository" in str(exc)
                             else str(exc)) from None
    try:
        _git(root, "rev-parse", "--verify", "-q", "HEAD^{commit}", timeout=30)
    except GitUnavailable:
        raise GitUnavailable("the repository has no commit yet") from None
    gitdir = Path(out[1])
    common = Path(out[2]) if Path(out[2]).is_absolute() else (root / out[2]).resolve()
    return Repository(out[0] == "true", gitdir, common)


def head_key(repo: Repository) -> str:
    """What HEAD points at, read from git's own files (no process): when it changes, the history is read again."""
    def read(path: Path) -> str:
        try:
            return path.read_text("utf-8", "replace").strip()
        except OSError:
            return ""
    head = read(repo.gitdir / "HEAD")
    if not head.startswith("ref: "):
        return head
    ref = head[5:]
    target = read(repo.gitdir / ref) or read(repo.commondir / ref)
    if not target:   # a packed ref: the file's state says enough
        try:
            stat = (repo.commondir / "packed-refs").stat()
            target = f"packed {stat.st_mtime_ns} {stat.st_size}"
        except OSError:
            target = "?"
    return f"{head} {target}"


def log(root: Path, folder: str) -> list[Commit]:
    """Every commit that touched ``folder`` (relative to ``root``), oldest first, with the blobs of its files."""
    out = _git(root, "log", "--reverse", "-z", "--raw", "--no-abbrev", "--no-renames", "--no-ext-diff",
               "--no-textconv", "--relative", "--format=%H%x00%cI%x00%s", "--", f":(literal){folder}")
    tokens = out.decode("utf-8", "surrogateescape").split("\0")
    commits: list[Commit] = []
    i, n = 0, len(tokens)
    while i < n:
        token = tokens[i].lstrip("\n")
        if not token:
            i += 1
            continue
        if not _SHA.fullmatch(token) or i + 2 >= n:
            raise GitUnavailable(f"git log printed something unexpected: {token[:40]!r}")
        sha, date, subject = token, tokens[i + 1], tokens[i + 2]
        i += 3
        files: list[FileChange] = []
        while i < n and tokens[i].lstrip("\n").startswith(":") and i + 1 < n:
            meta = tokens[i].lstrip("\n")[1:].split(" ")
            old, new = meta[2], meta[3]
            files.append(FileChange(tokens[i + 1], None if _NULL.fullmatch(old) else old,
                                    None if _NULL.fullmatch(new) else new))
            i += 2
        commits.append(Commit(sha, date, subject, tuple(files)))
    return commits


def tree(root: Path, folder: str) -> dict[str, str]:
    """Path (relative to ``root``) -> blob of every file under ``folder`` at HEAD."""
    out = _git(root, "ls-tree", "-r", "-z", "HEAD", "--", f":(literal){folder}").decode("utf-8", "surrogateescape")
    found = {}
    for entry in out.split("\0"):
        meta, _, path = entry.partition("\t")
        parts = meta.split(" ")
        if len(parts) == 3 and parts[1] == "blob":
            found[path] = parts[2]
    return found


def cat_blobs(root: Path, blobs: Iterable[str], each: Callable[[str, bytes], None]) -> None:
    """Call ``each(blob, bytes)`` for every blob, all read by one ``git cat-file --batch``, streamed (the blobs of
    thousands of commits are never all in memory at once)."""
    wanted = list(blobs)
    if not wanted:
        return
    try:
        proc = subprocess.Popen(["git", *_CONFIG, "-C", str(root), "cat-file", "--batch"], stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=_ENV)
    except OSError as exc:
        raise GitUnavailable(f"git could not run ({exc})") from None
    stdin, stdout = proc.stdin, proc.stdout
    assert stdin is not None
    assert stdout is not None

    def feed() -> None:
        try:
            stdin.write("".join(f"{b}\n" for b in wanted).encode("ascii"))
            stdin.close()
        except OSError:
            pass
    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    try:
        for _ in wanted:
            header = stdout.readline().split()
            if len(header) != 3:   # "<sha> missing": a shallow or partial clone lacks it
                continue
            data = stdout.read(int(header[2]))
            stdout.read(1)
            each(header[0].decode("ascii"), data)
    finally:
        writer.join()
        stdout.close()
        proc.wait()
