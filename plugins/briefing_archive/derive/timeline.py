"""The timeline: dated claims in order, grouped by month, and the briefings by publication.

ISO dates of any precision sort correctly as text, and a partial date sorts
before the full dates of its period: ``2025`` < ``2025-01`` < ``2025-01-05``.
A claim dated by year only is grouped under its year, before that year's months.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..core.model import Archive, Briefing
from .links import ClaimRef


@dataclass(frozen=True)
class Group:
    key: str                    # "2025-01", or "2025" for year-only dates
    entries: tuple[ClaimRef, ...]


def claim_groups(archive: Archive) -> tuple[Group, ...]:
    dated = sorted((ClaimRef(b, c) for b in archive.briefings for c in b.claims if c.date),
                   key=lambda r: (r.claim.date, r.briefing.id, r.claim.id))
    groups: dict[str, list[ClaimRef]] = {}
    for ref in dated:
        groups.setdefault((ref.claim.date or '')[:7], []).append(ref)   # every claim here is dated
    return tuple(Group(k, tuple(v)) for k, v in groups.items())


def briefings_by_published(archive: Archive) -> tuple[tuple[Briefing, ...], tuple[Briefing, ...]]:
    """(dated briefings in order of publication, briefings whose date is not recorded)."""
    dated = tuple(sorted((b for b in archive.briefings if b.published), key=lambda b: (b.published, b.id)))
    return dated, tuple(b for b in archive.briefings if not b.published)
