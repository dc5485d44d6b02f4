"""Page families: every kind of generated page, each declared once (see :mod:`.base`), in publishing order.

A new kind of page is one :class:`~.base.Family` added to :data:`FAMILIES`: its pages, what each reads, how it
renders. The live preview's loop (:mod:`.loop`) and a full build both go through this tuple.
"""
from __future__ import annotations

from .articles import BRIEFING, ENTITY, SOURCE
from .base import Family
from .lists import BRIEFINGS, CHANGES, CLAIMS, ENTITIES, LEDGER, RELATIONS, SOURCES, TAGS, TIMELINE
from .views import CLAIMS_DATA, COMPARE, COMPARE_PARTS, HOME

FAMILIES: tuple[Family, ...] = (BRIEFINGS, SOURCES, ENTITIES, LEDGER, TIMELINE, RELATIONS, COMPARE_PARTS, COMPARE,
                                TAGS, CLAIMS, CHANGES, BRIEFING, SOURCE, ENTITY, HOME, CLAIMS_DATA)

__all__ = ["FAMILIES", "Family"]
