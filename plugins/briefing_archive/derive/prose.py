"""Whether two archives differ in prose alone: the derive stage's cheap test before it derives again.

Prose is what authors write to explain (a briefing's summary, its claims' notes and background, its cautions'
notes; a source's or entity's note and background). Nothing the derive stage computes reads it, so after an edit
to prose alone (the commonest edit in the live preview) every derived table is as it was.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import TypeVar

from ..core.model import Archive, Briefing

T = TypeVar("T")


def prose_only(old: Archive, new: Archive) -> bool:
    """Whether ``new`` equals ``old`` but for prose (ids, order, lexicon and every other field equal)."""
    if old is new:
        return True
    if old.lexicon != new.lexicon:
        return False
    return (_same(old.sources, new.sources, lambda s: replace(s, note="", background=None))
            and _same(old.entities, new.entities, lambda e: replace(e, note=None, background=None))
            and _same({b.id: b for b in old.briefings}, {b.id: b for b in new.briefings}, without_prose))


def without_prose(b: Briefing) -> Briefing:
    """Briefing ``b`` with its prose emptied."""
    return replace(b, summary="", warnings=tuple(replace(w, note="") for w in b.warnings),
                   claims=tuple(replace(c, note=None, background=None) for c in b.claims))


def _same(old: Mapping[str, T], new: Mapping[str, T], bare: Callable[[T], T]) -> bool:
    if list(old) != list(new):
        return False
    for key, now in new.items():
        was = old[key]
        if was is not now and was != now and bare(was) != bare(now):
            return False
    return True
