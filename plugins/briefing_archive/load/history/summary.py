"""One version of a briefing or source file reduced to what its history follows, cached by blob on disk.

A blob never changes, so its summary is kept in the user's cache folder under the blob's id, by the rules of
:mod:`..diskcache` (``$BRIEFINGS_CACHE_DIR``, ``off`` turns it off, one file per archive folder, started afresh
when the code that makes summaries changes): a second build reads no blob again. Only the summaries are kept.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path
from typing import Any

import yaml

from ...core.history import ClaimState, chain_pairs
from ..diskcache import cache_folder

#: A briefing version: (claim id, state) in file order. A source version: its reliability.
BriefingSummary = tuple[tuple[str, ClaimState], ...]
Summary = BriefingSummary | str | None
#: A run's parsed claim items: an item's text -> (its id, its state), None for an item that is no claim.
Memo = dict[str, tuple[str, ClaimState] | None]
_VERSION = 1
_CODE = (Path(__file__), Path(__file__).resolve().parents[2] / "core" / "history.py")


def _text(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) else None


def _claim(raw: dict[str, Any]) -> ClaimState:
    links: list[Any] = raw["sources"] if isinstance(raw.get("sources"), list) else []
    chain = tuple(tuple(s for s in link if isinstance(s, str)) if isinstance(link, list) else
                  ((link,) if isinstance(link, str) else ()) for link in links)
    relations = sorted((str(k), v) for rel in raw.get("relations") or () if isinstance(rel, dict)
                       for k, v in rel.items() if isinstance(v, str)) if isinstance(raw.get("relations"), list) else []
    credibility = raw.get("credibility")
    return ClaimState(credibility if isinstance(credibility, int) and not isinstance(credibility, bool) else None,
                      raw.get("quote") if isinstance(raw.get("quote"), str) else None, chain_pairs(chain),
                      tuple(relations), _text(raw.get("renamed_from")), _text(raw.get("regraded")))


def _items(text: str) -> list[str] | None:
    """The text of each item of a block ``claims:`` list, in order; None for any other layout (then the whole
    file is read). Each item is read alone, so an item that refers to another's anchor fails and falls back."""
    lines = text.split("\n")
    starts = [i for i, line in enumerate(lines) if line.startswith("claims:")]
    if len(starts) != 1 or lines[starts[0]].rstrip() != "claims:" or "\t" in text:
        return None
    items: list[list[str]] = []
    indent: str | None = None
    for line in lines[starts[0] + 1:]:
        if indent is None:
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            head = len(line) - len(line.lstrip(" "))
            if not line[head:].startswith("- "):
                return None
            indent = line[:head]
        if line.startswith(indent + "- "):
            items.append([line])
        elif line and line[0] not in " #" and not (indent == "" and line.startswith("- ")):
            break   # the next top-level key
        elif items:
            items[-1].append(line)
    return ["\n".join(item) for item in items]


def _fast(data: bytes, memo: Memo) -> BriefingSummary | None:
    """The claims of a briefing version read item by item, each item's text parsed once per run: a commit that
    changes one claim costs one claim's parse. None when the file is not laid out so (it is then read whole)."""
    try:
        items = _items(data.decode("utf-8"))
    except UnicodeDecodeError:
        return None
    if items is None:
        return None
    claims: dict[str, ClaimState] = {}
    for item in items:
        if item not in memo:
            try:
                parsed = yaml.load(item, Loader=yaml.CSafeLoader)
            except (yaml.YAMLError, ValueError, RecursionError):
                return None
            if not isinstance(parsed, list) or len(parsed) != 1:
                return None
            raw = parsed[0]
            memo[item] = (raw["id"], _claim(raw)) if isinstance(raw, dict) and isinstance(raw.get("id"), str) \
                else None
        if (found := memo[item]) is not None and found[0] not in claims:
            claims[found[0]] = found[1]
    return tuple(claims.items())


def summarize(kind: str, data: bytes, memo: Memo | None = None) -> Summary:
    """The summary of one file version (``kind`` briefing or source); None when it cannot be read as YAML."""
    if kind == "briefing" and memo is not None and (fast := _fast(data, memo)) is not None:
        return fast
    try:
        doc = yaml.load(data, Loader=yaml.CSafeLoader)
    except (yaml.YAMLError, ValueError, RecursionError):
        return None
    if not isinstance(doc, dict):
        return None
    if kind == "source":
        reliability = doc.get("reliability")
        return reliability if isinstance(reliability, str) else ""
    claims: dict[str, ClaimState] = {}
    for raw in doc.get("claims") or () if isinstance(doc.get("claims"), list) else ():
        if isinstance(raw, dict) and isinstance(raw.get("id"), str) and raw["id"] not in claims:
            claims[raw["id"]] = _claim(raw)
    return tuple(claims.items())


class SummaryCache:
    """Blob id -> summary, from the last run; :meth:`save` keeps this run's (the blobs it needed)."""

    def __init__(self, root: Path) -> None:
        folder = cache_folder()
        name = hashlib.blake2b(str(root).encode(), digest_size=12).hexdigest()
        self.file = folder / f"{name}.history.pickle" if folder is not None else None
        code = [(p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in _CODE]
        self.fingerprint = hashlib.blake2b(repr((_VERSION, code)).encode(), digest_size=16).digest()
        self.old: dict[tuple[str, str], Summary] = {}
        self.new: dict[tuple[str, str], Summary] = {}
        if self.file is not None:
            try:
                with open(self.file, "rb") as handle:
                    fingerprint, entries = pickle.load(handle)   # the user's own cache folder, never the archive
                if fingerprint == self.fingerprint and isinstance(entries, dict):
                    self.old = entries
            except (OSError, EOFError, ValueError, TypeError, pickle.UnpicklingError, AttributeError,
                    ImportError, IndexError):
                self.old = {}

    def get(self, key: tuple[str, str]) -> tuple[bool, Summary]:
        if key in self.old:
            self.new[key] = self.old[key]
            return True, self.old[key]
        return False, None

    def put(self, key: tuple[str, str], summary: Summary) -> None:
        self.new[key] = summary

    def save(self) -> None:
        if self.file is None or self.new.keys() == self.old.keys():
            return
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.file.parent, prefix=".tmp-")
            with os.fdopen(fd, "wb") as handle:
                pickle.dump((self.fingerprint, self.new), handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self.file)
        except OSError:
            pass   # a cache that cannot be written only costs the next run its time
