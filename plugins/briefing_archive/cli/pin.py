"""``briefings pin``'s edit: the top-level ``article_sha256`` of a briefing file, found by the YAML parser.

A line pattern cannot tell a key from the same words inside a value written over several lines, a block
or a comment; the parser can. Its events give where the top-level ``article_sha256`` value (or, when
there is none, the ``article`` value) starts and ends, in code points; only that span changes, so
comments, quoting and line ends elsewhere stay as written. The edited text is parsed again and written
only when it reads as the same document with the new hash.
"""
from __future__ import annotations

from pathlib import Path

import yaml
from yamlcore import CCoreLoader

from ..load.yamlfile import load_yaml

KEY = "article_sha256"
_BREAKS = "\r\n"
_BOM = "\ufeff"


class PinError(ValueError):
    """The file cannot be pinned as it stands (it does not parse, or has no top-level ``article``)."""


def set_sha256(path: Path, sha256: str) -> bool:
    """Set the top-level ``article_sha256`` of the briefing at ``path``; True when the file changed."""
    raw = path.read_bytes()
    text = raw.decode("utf-8-sig")
    new = with_sha256(text, sha256)
    if new == text:
        return False
    path.write_bytes(((_BOM if raw.startswith(_BOM.encode()) else "") + new).encode("utf-8"))
    return True


def with_sha256(text: str, sha256: str) -> str:
    """``text`` (a briefing's YAML) with its top-level ``article_sha256`` set to ``sha256``."""
    spans = _top_level_values(text)
    value = _plain_or_quoted(sha256)
    if KEY in spans:
        start, end, _ = spans[KEY]
        old = text[start:end]
        kept = old[len(old.rstrip(_BREAKS)):]   # a block value ends with the line breaks after it
        new = text[:start] + value + kept + text[end:]
    elif "article" in spans:
        new = _insert_after_article(text, spans["article"], value)
    else:
        raise PinError("the file has no top-level `article` key to pin; add `article: <file>.txt` first")
    _same_but_hash(text, new, sha256)
    return new


def _top_level_values(text: str) -> dict[str, tuple[int, int, int]]:
    """Start and end (code points) of each top-level value, and the column of its key (from 0), by key.

    The key column is -1 when the top is a flow mapping (``{article: a.txt, ...}``): pairs follow commas.
    """
    loader = CCoreLoader(text)
    spans: dict[str, tuple[int, int, int]] = {}
    depth, flow, expecting_key, key, key_col, value_start = 0, False, True, "", 0, 0
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                if depth == 0:
                    flow = bool(event.flow_style)
                elif depth == 1:
                    if expecting_key:
                        raise PinError("a top-level key of the file is not a plain word; run `briefings check`")
                    value_start = _index(event.start_mark)
                depth += 1
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
                if depth == 1:
                    spans.setdefault(key, (value_start, _index(event.end_mark), key_col))
                    expecting_key = True
            elif isinstance(event, (yaml.ScalarEvent, yaml.AliasEvent)) and depth == 1:
                start = _index(event.start_mark)
                if expecting_key:
                    key = str(getattr(event, "value", ""))
                    key_col = -1 if flow else start - (max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1)
                else:
                    spans.setdefault(key, (start, _index(event.end_mark), key_col))
                expecting_key = not expecting_key
    except yaml.YAMLError as exc:
        raise PinError(f"the file does not parse as YAML ({getattr(exc, 'problem', None) or exc}); "
                       "run `briefings check`") from None
    finally:
        loader.dispose()
    return spans


def _index(mark: yaml.Mark | yaml._yaml.Mark | None) -> int:
    """A parser mark's offset in code points (libyaml's events always carry their marks)."""
    if mark is None:
        raise PinError("the YAML parser gave no position; run `briefings check`")
    return mark.index


def _plain_or_quoted(sha256: str) -> str:
    """The hash as a plain scalar when YAML reads that as text, else in single quotes (``1e5...`` is a number)."""
    tag = CCoreLoader("").resolve(yaml.ScalarNode, sha256, (True, False))
    return sha256 if tag == "tag:yaml.org,2002:str" else f"'{sha256}'"


def _insert_after_article(text: str, span: tuple[int, int, int], value: str) -> str:
    start, end, col = span
    if col < 0:   # a flow mapping: one more pair after the article's
        return f"{text[:end]}, {KEY}: {value}{text[end:]}"
    pair = " " * col + f"{KEY}: {value}"
    newline = _newline(text)
    if text[start:end].endswith(tuple(_BREAKS)):   # a block value: the next line starts at its end
        return text[:end] + pair + newline + text[end:]
    # After the article's line (past any comment on it): the first line end after its value.
    ends = [i for i in (text.find("\n", end), text.find("\r", end)) if i >= 0]
    at = min(ends) if ends else len(text)
    return text[:at] + newline + pair + text[at:]


def _newline(text: str) -> str:
    """The line end the file uses (its first), LF when it has none."""
    for i, char in enumerate(text):
        if char == "\r":
            return "\r\n" if text[i + 1:i + 2] == "\n" else "\r"
        if char == "\n":
            return "\n"
    return "\n"


def _same_but_hash(old: str, new: str, sha256: str) -> None:
    """Refuse an edit after which the file does not read as the same document with the new hash."""
    before, _ = load_yaml(old.encode("utf-8"), "", len(old.encode("utf-8")) + 1)
    after, _ = load_yaml(new.encode("utf-8"), "", len(new.encode("utf-8")) + 1)
    if before is None or after is None or not isinstance(before.data, dict) or not isinstance(after.data, dict):
        raise PinError("the file does not parse as YAML; run `briefings check`")
    expected = dict(before.data)
    expected[KEY] = sha256
    if after.data != expected:
        raise PinError(f"`{KEY}` could not be set without changing the rest of the file; set it by hand")
