"""The format reference, generated from the JSON Schemas so the guide and the loader cannot drift."""
from __future__ import annotations

import html
import json
from typing import Any

from ..core.ids import ID_PATTERN
from ..core.schemas import schema_text

#: Said of every Markdown field: how it refers to a briefing or a claim (see the authoring guide).
MARKDOWN_NOTE = (" May refer to a briefing or claim by id: `[](<briefing-id>)`, `[](<briefing-id>#<claim-id>)` or "
                 "`[your words](<briefing-id>#<claim-id>)` ([references](#_references)).")

FILES = (("briefing", "A briefing: `briefings/<id>.yml`"), ("source", "A source: `briefings/sources/<id>.yml`"),
         ("entity", "An entity: `briefings/entities/<id>.yml`"))


def _resolve(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        node = {**schema["$defs"][node["$ref"].rsplit("/", 1)[1]], **{k: v for k, v in node.items() if k != "$ref"}}
    return node


def _kind(schema: dict[str, Any], node: dict[str, Any]) -> str:
    node = _resolve(schema, node)
    pattern = node.get("pattern", "")
    if pattern.startswith("^[0-9]{4}"):
        return "a date: YYYY, YYYY-MM or YYYY-MM-DD (or null)"
    if node.get("type") == ["string", "array"]:
        return "an id, or (last in the chain) a list of ids"
    if "oneOf" in node:
        return ", or ".join(_kind(schema, alternative) for alternative in node["oneOf"])
    if "enum" in node:
        return "one of " + ", ".join(f"`{v}`" for v in node["enum"])
    types = node.get("type", "any")
    types = [types] if isinstance(types, str) else types
    names = {"string": "text", "integer": "whole number", "number": "number", "array": "list", "object": "mapping",
             "null": "null", "boolean": "true/false"}
    text = " or ".join(names[t] for t in types)
    if "minimum" in node and "maximum" in node and "integer" in types:
        text += f" {node['minimum']}..{node['maximum']}"
    if node.get("pattern") == f"^{ID_PATTERN}$":
        text += " (an id)"
    if "object" in types and node.get("properties"):
        text += " of " + ", ".join(f"`{key}`" for key in node["properties"])
    items = node.get("items")
    if isinstance(items, dict) and "array" in types:
        text += " of " + _kind(schema, items)
    return text


def _table(schema: dict[str, Any], node: dict[str, Any], title: str, out: list[str]) -> None:
    node = _resolve(schema, node)
    required = set(node.get("required", ()))
    out += [f"**{title}**", "", "| key | required | value | what |", "| --- | --- | --- | --- |"]
    nested = []
    for key, sub in node.get("properties", {}).items():
        sub_r = _resolve(schema, sub)
        what = html.escape(sub_r.get("description", ""), quote=False).replace("|", "\\|")
        if what.startswith("Markdown"):
            what += MARKDOWN_NOTE
        out.append(f"| `{key}` | {'yes' if key in required else 'no'} | {_kind(schema, sub)} | {what} |")
        items = sub_r.get("items")
        if isinstance(items, dict) and _resolve(schema, items).get("properties"):
            nested.append((key, items))
    out.append("")
    for key, items in nested:
        _table(schema, items, f"{title}: each item of `{key}`", out)


def reference_markdown() -> str:
    out: list[str] = []
    for kind, title in FILES:
        schema: dict[str, Any] = json.loads(schema_text(kind))
        out += [f"### {title} {{#_ref-{kind}}}", ""]
        _table(schema, schema, f"{kind} file", out)
    return "\n".join(out) + "\n"
