"""The derive stage: one call turns the checked archive into everything the pages and exports read.

:func:`derive_archive` computes each table once per build (the relations both ways with their verdicts, each
claim's standing under the v1.2 rule, the links, the ledger, related briefings, the compare pairs, the claims
explorer's rows, the bottom lines) into a frozen :class:`Derived`; render and exports only read it.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from functools import cached_property

from ..core.history import NO_HISTORY, ArchiveHistory
from ..core.ids import claim_key
from ..core.independence import Verdict
from ..core.model import Archive, Briefing, Claim
from ..core.rule import Judgement, Related, Standing, judge
from .bottomline import BottomLine, bottom_line
from .claims import ClaimRow, claim_rows
from .compare import Pair, compare_pairs
from .latest import Latest, latest_order
from .layout import compare_layout, ledger_layout
from .ledger import Metric, Row, build_ledger
from .links import Links, build_links
from .prose import prose_only
from .related import RelatedBriefing, related_briefings
from .sides import SideRow, side_table


@dataclass(frozen=True)
class Derived:
    """What the archive implies, computed once: read, never changed, by every page and export."""

    archive: Archive
    links: Links
    judged: Judgement                                    # verdicts, relations both ways, standings: the check's
    ledger: tuple[Metric, ...]
    ledger_pages: Mapping[str, str]                      # metric -> the page that shows it
    ledger_rows: Mapping[tuple[str, str, int], Row]      # (briefing, claim, figure index) -> its row
    related: Mapping[str, tuple[RelatedBriefing, ...]]   # briefing id -> its most related briefings
    compare: tuple[Pair, ...]                            # pairs of briefings whose claims relate
    compare_layout: Mapping[tuple[str, str], str]        # a pair's key -> the page that shows it
    claim_rows: tuple[ClaimRow, ...]                     # the claims explorer's rows
    bottom_lines: Mapping[str, BottomLine]               # briefing id -> its bottom line
    sides: tuple[SideRow, ...]                           # the per-side table (the methodology page's)
    history: ArchiveHistory = NO_HISTORY                 # every claim's and source's dated changes (from git)

    @cached_property
    def latest(self) -> Latest:
        """The briefings newest first, as the home page and the feed both list them (:mod:`.latest`)."""
        return latest_order(self.archive, self.history.entered, history=self.history.status != "none")

    @property
    def related_claims(self) -> Mapping[str, list[Related]]:
        """Claim key -> its relations both ways, with their verdicts."""
        return self.judged.related

    @property
    def standings(self) -> Mapping[str, Standing]:
        """Claim key -> what bears on it (v1.2 rule, its ceiling)."""
        return self.judged.standings

    @property
    def verdicts(self) -> Callable[[Claim, Claim], Verdict]:
        """Whether two claims are independent: the build's one memo (every source's closure computed once)."""
        return self.judged.verdict

    def standing(self, b: Briefing, c: Claim) -> Standing:
        return self.standings[claim_key(b.id, c.id)]


def derive_archive(archive: Archive, judged: Judgement | None = None, *, previous: Derived | None = None,
                   history: ArchiveHistory = NO_HISTORY) -> Derived:
    """Everything derived from ``archive`` (give it its terms first: see ``with_terms``), each piece once.

    ``judged``: the check's judgement of it (:class:`~briefing_archive.load.archive.Checked`; the archive before
    ``with_terms`` is the same, terms change no claim or source); judged here only for a caller with no check.
    ``previous``: the live preview's last result; when ``archive`` differs from its archive in prose alone
    (:func:`.prose.prose_only`), nothing derived reads prose, so its tables are kept (the explorer's rows, which
    hold the briefings, are made again). ``history``: the load stage's, handed on as it is."""
    judged = judge(archive) if judged is None else judged
    if previous is not None and prose_only(previous.archive, archive):
        return replace(previous, archive=archive, judged=judged, claim_rows=claim_rows(archive, judged.related),
                       history=history)
    links = build_links(archive)
    ledger = build_ledger(archive)
    pairs = compare_pairs(archive, links)
    return Derived(archive, links, judged, ledger, ledger_layout(ledger),
                   {(r.briefing.id, r.claim.id, r.index): r for m in ledger for r in m.rows},
                   related_briefings(archive), pairs, compare_layout(pairs), claim_rows(archive, judged.related),
                   {b.id: bottom_line(b, judged, archive.sources) for b in archive.briefings},
                   side_table(archive, judged.standings), history)
