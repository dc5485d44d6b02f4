"""The shipped JSON Schemas as text: the single definition of the format's shape.

Editors read them through the modeline, the loader validates with them and the
site publishes them; reading them needs no validator, so this stays in the core.
The relation kinds in them (a briefing's relation keys, ``archive.json``'s kind enum) are
written from the registry of :mod:`core.relations`, and ``archive.json``'s fields of a change from
:data:`core.history.FIELDS`, so validation and the published schema follow them; the shipped files are the editors' copy of the same text
(``python -m briefing_archive.core.schemas`` writes them again, and a test holds them equal).
"""
from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from .history import FIELDS
from .relations import RelationKind, kinds

#: The archive's file kinds, in the order they are loaded ("lexicon" and "archive" have schemas too).
KINDS = ("briefing", "source", "entity")
#: Every shipped schema.
ALL = (*KINDS, "lexicon", "archive")


def shipped_text(kind: str) -> str:
    """The schema file of one kind as shipped in the package (what an editor's modeline reads)."""
    return resources.files("briefing_archive").joinpath(f"schema/{kind}.schema.json").read_text("utf-8")


def schema_text(kind: str) -> str:
    """The JSON Schema of one kind of file, with the registered relation kinds (validated, published)."""
    return _generated(kind, kinds())


@cache
def _generated(kind: str, registered: tuple[RelationKind, ...]) -> str:
    text = shipped_text(kind)
    if kind not in ("briefing", "archive"):
        return text
    shipped: dict[str, Any] = json.loads(text)
    schema: dict[str, Any] = json.loads(text)
    relations = schema["$defs"]["claim"]["properties"]["relations"]
    if kind == "briefing":
        glosses = "; ".join(f"{k.name}: {k.meaning}" if k.meaning else k.name for k in registered)
        relations["description"] = ("Links to claims in this or other briefings: <briefing-id>#<claim-id>. "
                                    f"{glosses}. Every relation counts in both directions.")
        relations["items"]["properties"] = {k.name: {"description": _kind_description(k), "$ref": "#/$defs/target"}
                                            for k in registered}
    else:
        relations["items"]["properties"]["kind"]["enum"] = [k.name for k in registered]
        schema["$defs"]["change"]["properties"]["field"]["enum"] = list(FIELDS)
    # The file as it is when it says the same (its layout kept), else the registry's version written out.
    return text if schema == shipped else json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def _kind_description(kind: RelationKind) -> str:
    """A relation key's description in the schema (editors show it): when to use it, as the authoring guide says."""
    when = kind.use_when.replace("**", "").replace("`", "")
    return f"The other claim, <briefing-id>#<claim-id>, when this claim {kind.name} it: use it when {when}."


if __name__ == "__main__":   # write the editors' copy again after a kind is registered
    for name in ALL:
        path = resources.files("briefing_archive").joinpath(f"schema/{name}.schema.json")
        with resources.as_file(path) as file:
            if (text := schema_text(name)) != shipped_text(name):
                file.write_text(text, encoding="utf-8")
