"""What a build's page families read: the render context, and views of the archive that are cheap to compare.

A page that shows another briefing (its title, a claim's words and badge) does not show its prose (summary,
notes, background, cautions' notes): :meth:`Reads.bare` is that briefing without its prose, so an edit to prose
renders again only the pages that show it. A view is carried from the last build while its briefing is equal, so
that two builds' views of an unchanged briefing are one object and compare at once.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Protocol

from ...core.markdown import references
from ...core.model import Briefing, Claim, Entity, Source
from ...derive.compare import Pair
from ...derive.timeline import Group, claim_groups
from ..changes import Logged, logged
from ..compare import compare_parts
from ..context import RenderContext
from ..tags import tagged_briefings

#: briefing id -> (the briefing, the same without its prose)
Views = dict[str, tuple[Briefing, Briefing]]


class Shown(Protocol):
    """A claim with its briefing, as the derive stage's tables hold it (a link, a ledger row, an explorer row)."""

    @property
    def briefing(self) -> Briefing: ...

    @property
    def claim(self) -> Claim: ...


@dataclass
class Reads:
    ctx: RenderContext
    carried: Mapping[str, tuple[Briefing, Briefing]] = field(default_factory=dict)   # the last build's views
    views: Views = field(default_factory=dict)                                          # this build's

    @cached_property
    def sources(self) -> dict[str, Source]:
        """Every source without its prose (note, background): what pages other than its own read of it."""
        return {sid: replace(s, note="", background=None) for sid, s in self.ctx.archive.sources.items()}

    @cached_property
    def entities(self) -> dict[str, Entity]:
        """Every entity without its prose (names link notes on every page; notes show on its own page alone)."""
        return {eid: replace(e, note=None, background=None) for eid, e in self.ctx.archive.entities.items()}

    def bare(self, b: Briefing) -> Briefing:
        """Briefing ``b`` without its prose (nor its article's terms, which only its own page shows)."""
        view = self.views.get(b.id)
        if view is not None and view[0] is b:
            return view[1]
        was = self.carried.get(b.id)
        if was is not None and (was[0] is b or was[0] == b):
            bare = was[1]
        else:
            bare = replace(b, summary="", terms=(), warnings=tuple(replace(w, note="") for w in b.warnings),
                           claims=tuple(replace(c, note=None, background=None) for c in b.claims))
        self.views[b.id] = (b, bare)
        return bare

    def ref(self, ref: Shown) -> tuple[Briefing, str]:
        """A claim as another page shows it: its briefing without prose, and its id."""
        return self.bare(ref.briefing), ref.claim.id

    def referred(self, *texts: str | None) -> tuple[tuple[str, Briefing | None], ...]:
        """The briefings Markdown texts refer to (a reference shows a briefing's title, or a claim's words and
        badge), each once in order, with their ids."""
        ids = {bid: None for text in texts if text for bid, _ in references(text)}
        found = self.ctx.briefings_by_id
        return tuple((bid, self.bare(found[bid]) if bid in found else None) for bid in ids)

    @cached_property
    def everything(self) -> tuple[Briefing, ...]:
        """Every briefing without its prose, in archive order (for pages that list the whole archive)."""
        return tuple(self.bare(b) for b in self.ctx.archive.briefings)

    @cached_property
    def groups(self) -> tuple[Group, ...]:
        """The timeline's dated claims by month."""
        return claim_groups(self.ctx.archive)

    @cached_property
    def tagged(self) -> dict[str, list[Briefing]]:
        """Each tag with its briefings."""
        return tagged_briefings(self.ctx)

    @cached_property
    def compare_parts(self) -> dict[str, list[Pair]]:
        """The pairs each page of the compare view shows."""
        return compare_parts(self.ctx)

    @cached_property
    def changes(self) -> tuple[Logged, ...]:
        """Every re-grade and correction of the history, newest first (the corrections log's rows)."""
        return logged(self.ctx.derived.history)
