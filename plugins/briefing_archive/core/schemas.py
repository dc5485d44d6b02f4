"""The shipped JSON Schemas as text: the single definition of the format's shape.

Editors read them through the modeline, the loader validates with them and the
site publishes them; reading them needs no validator, so this stays in the core.
"""
from __future__ import annotations

from functools import cache
from importlib import resources

#: The archive's file kinds, in the order they are loaded ("lexicon" and "archive" have schemas too).
KINDS = ("briefing", "source", "entity")


@cache
def schema_text(kind: str) -> str:
    """The JSON Schema of one kind of file, as shipped (and published on the site)."""
    return resources.files("briefing_archive").joinpath(f"schema/{kind}.schema.json").read_text("utf-8")
