"""Validation against the shipped JSON Schemas, with messages written for authors.

The schemas in ``schema/`` are the single definition of the format's shape: editors
use them through the modeline, and the loader uses them here, so the two cannot
drift. jsonschema reports every violation; each becomes a :class:`Problem` that
points at the key or value concerned and says how to fix it.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from collections.abc import Set as AbstractSet
from functools import cache
from typing import TYPE_CHECKING, Any

import fastjsonschema

from ..core.characters import BIDI, describe
from ..core.ids import ID_PATTERN
from ..core.problems import Problem, did_you_mean
from ..core.relations import kinds
from ..core.schemas import schema_text
from .labels import label as _label
from .yamlfile import KeyPath, Loaded, Positions

if TYPE_CHECKING:   # jsonschema only explains files with errors: not imported by a run that finds none
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError

_BIDI_CLASS = "\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069"
#: The pattern of a one-line field (``$defs/line``): its message is chosen by what is wrong with the value.
LINE_PATTERN = f"^(?=.*\\S)[^\\n\\r{_BIDI_CLASS}]+\\n?$"
_PATTERN_HINTS = {
    f"^{ID_PATTERN}$": "an id uses only lower-case letters a-z, digits and '-', starts with a letter "
                                 "or digit and has at most 64 characters (e.g. `uk-mod`)",
    f"^(?!\\.)[^\\n\\r{_BIDI_CLASS}]+\\.txt$": "an article is a plain-text file: name a .txt file of seeds/ "
                                               "(not a hidden file; no line breaks or direction controls in the name)",
    f"^https?://[^\\s{_BIDI_CLASS}]+$": "only http:// and https:// addresses are allowed, without spaces or "
                                       "invisible direction controls",
    "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$": "write a date as YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2025-01-30)",
    f"^{ID_PATTERN}#{ID_PATTERN}$": "write a relation target as <briefing-id>#<claim-id>",
    "^[^/\\\\]+$": "give the bare file name of the article in seeds/, without folders",
    "^[0-9a-fA-F]{64}$": "give the 64 hex digits of the seed file's SHA-256 (e.g. from `sha256sum`)",
    "\\S": "write some text, or remove the key",
}
_JSON_TYPES = {"string": "text", "integer": "a whole number", "number": "a number", "array": "a list",
               "object": "a mapping of keys", "null": "null", "boolean": "true or false"}


def python_dialect(node: Any) -> Any:
    """The schema with each pattern's final ``$`` written ``\\Z``.

    Schemas follow ECMA-262 regular expressions (editors read them), where ``$`` matches only at the
    very end; Python's ``$`` also matches before a final line break, so ``"drones\\n"`` would pass as
    an id. The validators here get the Python spelling of the same rule.
    """
    if isinstance(node, dict):
        return {k: (v[:-1] + "\\Z" if k == "pattern" and isinstance(v, str) and v.endswith("$")
                    and not v.endswith("\\$") else python_dialect(v)) for k, v in node.items()}
    if isinstance(node, list):
        return [python_dialect(v) for v in node]
    return node


def _schema(text: str) -> dict[str, Any]:
    return python_dialect(json.loads(text))


def _fast(kind: str) -> Callable[[Any], Any]:
    return _compiled(schema_text(kind))


@cache
def _compiled(text: str) -> Callable[[Any], Any]:
    """A compiled validator for the common case of a valid file (fastjsonschema stops at the first
    error, so on any error jsonschema runs to report them all). Our schemas use only keywords that
    draft 7 shares with 2020-12, so they compile as draft 7. Keyed by the schema's text, which follows
    the registry of relation kinds."""
    schema = _schema(text)
    schema["$schema"] = "http://json-schema.org/draft-07/schema#"
    return fastjsonschema.compile(schema)


def _validator(kind: str) -> Draft202012Validator:
    return _full(schema_text(kind))


@cache
def _full(text: str) -> Draft202012Validator:
    from jsonschema import Draft202012Validator

    schema = _schema(text)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def _kind_names() -> str:
    """The relation kinds an author may write, as a message lists them: "a, b, c or d"."""
    names = [k.name for k in kinds()]
    return ", ".join(names[:-1]) + " or " + names[-1] if len(names) > 1 else names[0]


def check(kind: str, data: Any, positions: Positions, path: str) -> list[Problem]:
    """Every schema violation of one loaded document, as problems."""
    if not isinstance(data, dict):
        what = "a list" if isinstance(data, list) else "a single value"
        return [Problem(path, 1, 1, "error",
                        f"the file holds {what}, but a {kind} file must be a mapping of keys "
                        f"(`key: value` lines); see the format contract")]
    try:
        _fast(kind)(data)
        return []
    except fastjsonschema.JsonSchemaException:
        pass
    return check_parts(kind, data, positions, path)[0]


def check_parts(kind: str, data: Any, positions: Positions, path: str,
                faults: AbstractSet[KeyPath] = frozenset()) -> tuple[list[Problem], frozenset[KeyPath]]:
    """Every schema violation of one document, and the paths of the values they leave unusable.

    Nothing is said at or under a path of ``faults`` (already reported: one cause, one message). The
    values at the returned paths are of the wrong shape; the rest of the document may still be checked
    (its quotes anchored, its ids looked up), so one run reports all of a file's problems.
    """
    if not isinstance(data, dict):
        return check(kind, data, positions, path), frozenset({()})
    try:
        _fast(kind)(data)
        return [], frozenset()
    except fastjsonschema.JsonSchemaException:
        pass
    problems: list[Problem] = []
    bad: set[KeyPath] = set()
    for error in _validator(kind).iter_errors(data):
        where = tuple(error.absolute_path)
        if under(where, faults):
            continue
        if error.validator == "additionalProperties" and isinstance(error.instance, dict):
            known = error.schema.get("properties", {}) if isinstance(error.schema, Mapping) else {}
            unknown = {where + (key,) for key in error.instance if key not in known}
            if all(under(u, faults) for u in unknown):
                continue
            bad |= unknown
        elif error.validator == "required" and isinstance(error.instance, dict):
            # A missing key leaves what is there usable; its own path is the fault.
            bad |= {where + (key,) for key in error.validator_value if key not in error.instance}
        else:
            bad.add(where)
        problems.extend(p for p in _explain(error, data, positions, path))
    return problems, frozenset(bad)


def under(where: KeyPath, paths: AbstractSet[KeyPath]) -> bool:
    """True when ``where`` is one of ``paths`` or inside one of them."""
    return bool(paths) and any(where[:i] in paths for i in range(len(where) + 1))


def checked(kind: str, loaded: Loaded, path: str) -> tuple[dict[str, Any] | None, list[Problem]]:
    """The document as a mapping when it follows the schema of ``kind``; else None and its problems."""
    problems = check(kind, loaded.data, loaded.positions, path)
    if problems or not isinstance(loaded.data, dict):   # check() has said why it is not a mapping
        return None, problems
    return loaded.data, []


def _explain(error: ValidationError, data: Any, positions: Positions, path: str) -> list[Problem]:
    where = tuple(error.absolute_path)
    label = _label(data, where)
    # Errors from iter_errors always carry their schema and rule (the types allow "unset" for errors
    # made by hand).
    kind = str(error.validator)
    value: Any = error.instance
    schema: Mapping[str, Any] = error.schema if isinstance(error.schema, Mapping) else {}
    rule: Any = error.validator_value
    if kind == "additionalProperties":
        known = sorted(schema.get("properties", {}))
        out = []
        for key in sorted(k for k in value if k not in schema.get("properties", {})):
            line, col = positions.of_key(where + (key,))
            hint = did_you_mean(key, known)
            out.append(Problem(path, line, col, "error",
                               f"unknown key '{key}' in {label}{hint}; the known keys are {', '.join(known)}"))
        return out
    if kind == "required":
        missing = [k for k in rule if k not in value]
        line, col = positions.of_key(where) if where else (1, 1)
        return [Problem(path, line, col, "error", f"{label} lacks the required key '{k}'; add it") for k in missing]
    if kind == "oneOf":
        # Explain the value by the alternative of its own shape (a mapping by the mapping form, ...).
        shape = ("object" if isinstance(value, dict) else "string" if isinstance(value, str)
                 else "array" if isinstance(value, list) else None)
        for i, alternative in enumerate(rule):
            if isinstance(alternative, Mapping) and alternative.get("type") == shape:
                subs = [e for e in error.context or () if e.relative_schema_path and e.relative_schema_path[0] == i]
                if subs:
                    return [p for e in subs for p in _explain(e, data, positions, path)]
    line, col = positions.of_value(where)
    return [Problem(path, line, col, "error", _value_message(error, kind, label, value, schema, rule))]


def _value_message(error: ValidationError, kind: str, label: str, value: Any, schema: Mapping[str, Any],
                   rule: Any) -> str:
    """What is wrong with the value itself (``kind``: the schema's rule it breaks), and how to fix it."""
    if kind == "type":
        wanted = rule if isinstance(rule, list) else [rule]
        names = " or ".join(_JSON_TYPES[t] for t in wanted if t != "null")
        fix = ("put the value in quotes" if "string" in wanted and isinstance(value, (int, float, bool))
               else "fix the value")
        return f"{label} must be {names}, not {_describe(value)}; {fix}"
    if kind == "enum":
        options = [str(o) for o in rule]
        hint = did_you_mean(str(value), options)
        return f"{label} is {_describe(value)}, which is not allowed{hint}; use one of {', '.join(options)}"
    if kind == "pattern":
        return _pattern_message(label, value, rule)
    if kind in ("minimum", "maximum"):
        low, high = schema.get("minimum"), schema.get("maximum")
        if schema.get("type") == "number":
            return f"{label} is {value:g}, out of range; use a number from {low:g} to {high:g}"
        return f"{label} is {value}, out of range; use a whole number from {low} to {high}"
    if kind == "minItems":
        return f"{label} is an empty list; give at least {rule} item, or remove the key"
    if kind == "uniqueItems":
        return _repeat_message(label, value)
    if kind == "minLength":
        return f"{label} is empty; write some text, or remove the key"
    if kind == "oneOf":
        forms = " or ".join(_JSON_TYPES[a["type"]] for a in rule if isinstance(a, Mapping) and a.get("type") in _JSON_TYPES)
        return (f"{label} is {_describe(value)}; write {forms or 'one of the forms the format allows'} "
                "(see the format reference)")
    if kind in ("minProperties", "maxProperties"):
        return (f"{label}: a relation is one `kind: <briefing-id>#<claim-id>` pair, with kind "
                f"{_kind_names()}; write one pair per list item")
    return f"{label}: {error.message}; see the format contract"


def _pattern_message(label: str, value: Any, pattern: str) -> str:
    if pattern.endswith("\\Z"):
        pattern = pattern[:-2] + "$"   # the schema's own (ECMA-262) spelling, see python_dialect
    if pattern == LINE_PATTERN:
        return _line_message(label, value)
    hint = _PATTERN_HINTS.get(pattern, f"match the pattern {pattern}")
    if isinstance(value, str) and value.endswith("\n") and pattern.startswith("^"):
        hint += "; remove the line break at its end"
    return f"{label} is {_describe(value)}, which is not valid; {hint}"


def _repeat_message(label: str, value: list[Any]) -> str:
    seen, twice = set(), []
    for item in value:
        key = json.dumps(item, sort_keys=True)
        if key in seen:
            twice.append(item)
        seen.add(key)
    return f"{label} lists {_describe(twice[0]) if twice else 'an item'} more than once; remove the repeat"


def _line_message(label: str, value: str) -> str:
    """Why a one-line field is refused: a line break, a direction control, or no text at all."""
    bidi = BIDI.search(value)
    if bidi is not None:
        return (f"{label} contains the invisible direction control {describe(bidi.group())}, which would make the "
                "text around it show in another order than it is written; remove it")
    if value.strip() and ("\n" in value.strip() or "\r" in value):
        return f"{label} is on several lines, but it is one line of text; join its lines into one"
    return f"{label} is {_describe(value)}, which has no text; write some text, or remove the key"


def _describe(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a true/false value"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return repr(value) if len(value) <= 60 else repr(value[:57] + "...")
    if isinstance(value, list):
        return "a list"
    return "a mapping"
