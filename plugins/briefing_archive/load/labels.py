"""How a message names what it is about: ``claim 'x' `key```, ``warning #2 `note```, ```summary```.

Every message about a value of a claim names the claim (its id, or its place in the list when the id is
not usable text) and the key, wherever the problem is found (the YAML reader, the schema, the checks
after it), so an author can find it in a long file without counting.
"""
from __future__ import annotations

from typing import Any

from ..core.characters import not_text


def label(data: Any, where: tuple[str | int, ...]) -> str:
    """The prefix naming the value at ``where`` of ``data`` (a loaded document): claim or warning, and key."""
    parts = []
    if len(where) >= 2 and where[0] in ("claims", "warnings") and isinstance(where[1], int):
        items = data.get(where[0]) if isinstance(data, dict) else None
        item = items[where[1]] if isinstance(items, list) and where[1] < len(items) else None
        if where[0] == "claims":
            cid = item.get("id") if isinstance(item, dict) else None
            usable = isinstance(cid, str) and not_text(cid) is None
            parts.append(f"claim '{cid}'" if usable else f"claim #{where[1] + 1}")
        else:
            parts.append(f"warning #{where[1] + 1}")
        where = where[2:]
    keys = [k for k in where if isinstance(k, str)]
    if keys:
        parts.append(f"`{keys[-1]}`")
    return " ".join(parts) if parts else "the file"
