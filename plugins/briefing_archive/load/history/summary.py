"""One version of a briefing or source file reduced to what its history follows, cached by blob on disk.

A blob never changes, so its summary is kept in the user's cache folder under the blob's id, by the rules of
:mod:`..diskcache` (``$BRIEFINGS_CACHE_DIR``, ``off`` turns it off, one file per archive folder, started afresh
when the code that makes summaries changes): a second build reads no blob again. Only the summaries are kept.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor

from ...core.history import ClaimState, chain_pairs
from ..diskcache import cache_folder, write_whole

#: A briefing version: (claim id, state) in file order. A source version: its reliability.
BriefingSummary = tuple[tuple[str, ClaimState], ...]
Summary = BriefingSummary | str | None
#: A claim item as read: (its id, its state), None for an item that is no claim, WHOLE to read its file whole.
Item = tuple[str, ClaimState] | str | None
WHOLE = "whole"
#: Items to read before the work is shared among the cores.
PARALLEL_AFTER = 4000
_FIRST = re.compile(r"\n( *)[^ #\n]")             # the list's first line (not blank, not a comment)
_NEXT_KEY = re.compile(r"\n[^ #\n]")                # the next top-level key, after a list indented under claims:
_NEXT_KEY_FLUSH = re.compile(r"\n(?!- )[^ #\n]")    # ... after a list written flush with it
_VERSION = 1
#: The keys of a claim its history reads (the rest of an item is parsed, never built).
_READ = frozenset({"id", "quote", "sources", "credibility", "relations", "renamed_from", "regraded"})
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


def items_of(data: bytes) -> list[str] | None:
    """The text of each item of a block ``claims:`` list, in order; None for any other layout (then the whole
    file is read). Each item is read alone, so an item that refers to another's anchor fails and falls back."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    text = "\n" + text   # every line, the first too, follows a line break: each search below starts at one
    at = text.find("\nclaims:")
    line_end = text.find("\n", at + 1)
    if at < 0 or text.find("\nclaims:", at + 1) >= 0 or "\t" in text or "\r" in text or line_end < 0 \
            or text[at + 8:line_end].strip():
        return None
    first = _FIRST.search(text, line_end)
    if first is None:
        return []
    if not text.startswith("- ", first.end(1)):
        return None
    indent = first.group(1)
    end = (_NEXT_KEY if indent else _NEXT_KEY_FLUSH).search(text, first.start())
    section = text[first.start():end.start() if end else len(text)]
    starts = [m.start() + 1 for m in re.finditer(f"\n{indent}- ", section)]
    return [section[a:b] for a, b in zip(starts, [*starts[1:], len(section)], strict=True)]


def read_item(text: str) -> Item:
    """One claim item: (its id, its state), None when it is no claim, or :data:`WHOLE` when it must be read in its
    file. Only the keys a claim's history reads are built into values: the C parser makes the nodes, and notes,
    figures and the rest are never constructed (a merge key ``<<`` asks for the whole file's reading)."""
    try:
        node = yaml.compose(text, Loader=yaml.CSafeLoader)
        if not isinstance(node, yaml.SequenceNode) or len(node.value) != 1:
            return WHOLE
        claim = node.value[0]
        if not isinstance(claim, yaml.MappingNode):
            return None
        build = SafeConstructor()
        raw: dict[str, Any] = {}
        for key_node, value_node in claim.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                return WHOLE
            key = build.construct_object(key_node, deep=True)
            if key in _READ:
                raw[key] = build.construct_object(value_node, deep=True)
    except (yaml.YAMLError, ValueError, TypeError, RecursionError):
        return WHOLE
    return (raw["id"], _claim(raw)) if isinstance(raw.get("id"), str) else None


def read_items(texts: list[str]) -> list[Item]:
    """:func:`read_item` of each text: in every core when there are many (the first read of a long history)."""
    if len(texts) >= PARALLEL_AFTER and (os.cpu_count() or 1) > 1:
        import multiprocessing  # here: a warm run, which reads none, does not pay for importing it
        from concurrent.futures import ProcessPoolExecutor

        workers = min(os.cpu_count() or 1, 4)
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            return list(pool.map(read_item, texts, chunksize=max(1, len(texts) // (workers * 4))))
    return [read_item(text) for text in texts]


def assemble(items: list[str], read: Mapping[str, Item]) -> BriefingSummary | None:
    """A briefing version's summary from its items as read; None when one of them asks for the whole file."""
    claims: dict[str, ClaimState] = {}
    for item in items:
        found = read[item]
        if isinstance(found, str):
            return None
        if found is not None and found[0] not in claims:
            claims[found[0]] = found[1]
    return tuple(claims.items())


def summarize_by_items(data: bytes) -> Summary:
    """A briefing version read item by item, else whole: what the history reads, in one call (for tests)."""
    items = items_of(data)
    found = assemble(items, {t: read_item(t) for t in items}) if items is not None else None
    return found if found is not None else summarize("briefing", data)


def summarize(kind: str, data: bytes) -> Summary:
    """The summary of one file version (``kind`` briefing or source), the file read whole; None when it cannot be
    read as YAML."""
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
        write_whole(self.file, (self.fingerprint, self.new))
