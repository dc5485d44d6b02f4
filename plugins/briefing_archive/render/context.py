"""What every page of one build shares: the archive, what was derived from it, and how to link.

One :class:`RenderContext` is made per build and passed to each page function
explicitly. It reads what the derive stage made once (:class:`~briefing_archive.derive.stage.Derived`: the
links between claims, the relations both ways, the ledger, the related briefings...) and holds the small
renderers that need the archive: a source's name as a link, a claim's badge, a chain with its roles, a note
with its entities linked.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property

from markupsafe import Markup

from ..core import relations, urls
from ..core.chains import ARROW, ARTICLE, chain_text
from ..core.credibility import badge_code, badge_meaning
from ..core.ids import claim_key
from ..core.independence import CANNOT_BE_ESTABLISHED, INDEPENDENT, Verdict, verdict_words
from ..core.model import Archive, Briefing, Claim
from ..core.rule import Related
from ..derive.claims import ClaimRow
from ..derive.compare import Pair
from ..derive.grounds import grounds
from ..derive.ledger import Metric
from ..derive.links import ClaimRef, Links
from ..derive.related import RelatedBriefing
from ..derive.stage import Derived
from .components import badge_html, excerpt
from .entitylinks import EntityLinker
from .markup import Resolve, esc, plain_text, render_markdown
from .templates import Templates, templates
from .verdict import verdict


@dataclass(frozen=True)
class RenderContext:
    derived: Derived                                   # everything derived from the archive, computed once
    directory_urls: bool
    excerpts: bool
    addresses: urls.Addresses
    linker: EntityLinker
    publisher: str = ""                                # who publishes the archive: its reviews' author
    templates: Templates = field(default_factory=templates)   # the HTML templates, with the site's overrides
    #: briefing id -> the day (YYYY-MM-DD) it entered the archive (its first commit, else its file's time): the
    #: ClaimReview's datePublished when the briefing records no ``published``
    entered: Mapping[str, str] = field(default_factory=dict)
    #: the site's search (``material`` or ``pagefind``): with Pagefind's index, the claims explorer's words search
    #: the notes too
    search: str = "material"
    _chains: dict[tuple[str, tuple[tuple[str, ...], ...]], Markup] = field(default_factory=dict, repr=False)
    #: HTML derived from what is not prose (a briefing's grade mix...), by (kind, id): computed once a build
    memo: dict[tuple[str, str], str] = field(default_factory=dict, repr=False)

    @classmethod
    def build(cls, derived: Derived, *, directory_urls: bool = True, excerpts: bool = False,
              addresses: urls.Addresses | None = None, publisher: str = "", html: Templates | None = None,
              entered: Mapping[str, str] | None = None, search: str = "material") -> RenderContext:
        """How the pages of the derive stage's archive render (:func:`~briefing_archive.derive.stage.derive_archive`;
        give the archive its terms first: see ``with_terms``)."""
        return cls(derived, directory_urls, excerpts, addresses or urls.Addresses(None, directory_urls=directory_urls),
                   EntityLinker(derived.archive.entities), publisher, html or templates(), dict(entered or {}), search)

    # What the derive stage made, read by name (see :class:`Derived`).
    @property
    def archive(self) -> Archive:
        return self.derived.archive

    @property
    def links(self) -> Links:
        return self.derived.links

    @property
    def ledger(self) -> tuple[Metric, ...]:
        return self.derived.ledger

    @property
    def related(self) -> Mapping[str, tuple[RelatedBriefing, ...]]:
        return self.derived.related

    @property
    def related_claims(self) -> Mapping[str, list[Related]]:
        """Every claim's relations in both directions, with their verdicts (keyed ``briefing#claim``)."""
        return self.derived.related_claims

    @property
    def compare(self) -> tuple[Pair, ...]:
        """The pairs of briefings whose claims relate, for the compare view."""
        return self.derived.compare

    @property
    def compare_layout(self) -> Mapping[tuple[str, str], str]:
        """The page that shows each pair of briefings (by its key, first briefing first)."""
        return self.derived.compare_layout

    @property
    def claim_rows(self) -> tuple[ClaimRow, ...]:
        """Every claim as a row of the claims explorer (its page and its data file both read them)."""
        return self.derived.claim_rows

    def grounds(self, b: Briefing, c: Claim) -> str:
        """What claim ``c`` of ``b``'s grade rests on, in words: the one wording the page, the tooltips and the
        ClaimReview share (the facts of :func:`~briefing_archive.derive.grounds.grounds` worded by the
        ``verdict.txt`` template, which a site may override)."""
        return verdict(grounds(self.derived.standing(b, c), self.archive.sources), self.templates)

    def ledger_row(self, b: Briefing, c: Claim, i: int) -> tuple[str, str]:
        """(ledger page, row anchor) of a claim's i-th figure."""
        row = self.derived.ledger_rows[(b.id, c.id, i)]
        return self.derived.ledger_pages[row.figure.metric], row.anchor

    # The helpers below return HTML as Markup: a template writes it as it is (and escapes anything else).
    def href(self, here: str, page: str, fragment: str | None = None) -> Markup:
        return Markup(esc(urls.link(here, page, directory_urls=self.directory_urls, fragment=fragment)))

    def file_href(self, here: str, path: str) -> Markup:
        return Markup(esc(urls.file_link(here, path, directory_urls=self.directory_urls)))

    def note_html(self, here: str, text: str | None, skip: tuple[str, ...] = ()) -> Markup:
        """A note rendered safely, with its references linked and the first mention of each entity linked
        to its page."""
        return Markup(self.linker.link(
            self.markdown_html(here, text),
            lambda eid: urls.link(here, urls.entity_page(eid), directory_urls=self.directory_urls), frozenset(skip)))

    def markdown_html(self, here: str, text: str | None) -> Markup:
        """A note or summary rendered safely, its references to briefings and claims linked."""
        return Markup(render_markdown(text, self.resolver(here)))

    def note_text(self, text: str | None, limit: int | None = None) -> str:
        """A note as one line of plain text for a tooltip (references read as their targets' titles),
        cut at the end of a sentence (see :func:`markup.shorten`)."""
        return plain_text(text, limit, self.resolver("index.md"))

    def resolver(self, here: str) -> Resolve:
        """How the notes of page ``here`` link a reference: see :meth:`reference`."""
        return lambda bid, cid: self.reference(here, bid, cid)

    @property
    def verdicts(self) -> Callable[[Claim, Claim], Verdict]:
        """Whether two claims are independent: the build's one memo (:attr:`Derived.verdicts`)."""
        return self.derived.verdicts

    @cached_property
    def source_names(self) -> dict[str, str]:
        return {sid: s.name for sid, s in self.archive.sources.items()}

    @cached_property
    def _compare_places(self) -> dict[tuple[str, str], tuple[str, str]]:
        places = {p.key: (self.compare_layout[p.key], p.anchor) for p in self.compare}
        return {**places, **{(b, a): place for (a, b), place in places.items()}}

    def compare_href(self, here: str, one: str, other: str) -> str | None:
        """Link to two briefings side by side (either order), or None when no claims of theirs relate."""
        place = self._compare_places.get((one, other))
        return None if place is None else self.href(here, *place)

    @cached_property
    def briefings_by_id(self) -> dict[str, Briefing]:
        return {b.id: b for b in self.archive.briefings}

    def reference(self, here: str, bid: str, cid: str | None) -> tuple[str, str, str] | None:
        """A note's reference to a briefing (``cid`` None) or to one of its claims: (href, the text shown
        when the author gave none: the briefing's title, and the claim's words, tooltip), or None when
        there is no such briefing or claim (the loader refuses those)."""
        b = self.briefings_by_id.get(bid)
        if b is None:
            return None
        href = urls.link(here, urls.briefing_page(bid), directory_urls=self.directory_urls, fragment=cid)
        if cid is None:
            return href, b.title, f"Briefing: {b.title}"
        ref = self.links.claims.get(claim_key(bid, cid))
        if ref is None:
            return None
        label = f"{b.title}: \u201c{excerpt(ref.claim.quote, 70)}\u201d"
        return href, label, f"{label} ({badge_meaning(badge_code(ref.claim, self.archive.sources))})"

    def claim_badge(self, claim: Claim, extra: str = "") -> Markup:
        return badge_html(badge_code(claim, self.archive.sources), extra, html=self.templates)

    def source_link(self, here: str, sid: str) -> Markup:
        s = self.archive.sources[sid]
        return Markup(f'<a href="{self.href(here, urls.source_page(sid))}">{esc(s.name)}</a>')

    def entity_link(self, here: str, eid: str) -> Markup:
        return Markup(f'<a href="{self.href(here, urls.entity_page(eid))}">{esc(self.archive.entities[eid].name)}</a>')

    def claim_link(self, here: str, ref: ClaimRef, text: str | None = None) -> Markup:
        label = esc(text) if text is not None else f"\u201c{esc(excerpt(ref.claim.quote))}\u201d"
        return Markup(f'<a href="{self.href(here, urls.briefing_page(ref.briefing.id), ref.claim.id)}">{label}</a>')

    def briefing_link(self, here: str, b: Briefing) -> Markup:
        return Markup(f'<a href="{self.href(here, urls.briefing_page(b.id))}">{esc(b.title)}</a>')

    def chain_html(self, here: str, claim: Claim) -> Markup:
        """The attribution chain with each role said in words: reporters, then originator(s).

        Cached by chain and page depth: the same chains recur across thousands of claims.
        """
        key = (urls.link(here, "index.md", directory_urls=self.directory_urls), claim.chain)
        cached = self._chains.get(key)
        if cached is None:
            cached = self._chains[key] = Markup(self._chain_html(here, claim))
        return cached

    def _chain_html(self, here: str, claim: Claim) -> str:
        parts = []
        for role, link in claim.roles():
            names = " + ".join(self.source_link(here, sid) for sid in link)
            parts.append(f'<span class="bx-chain-link bx-{role}">{names} <small>({role})</small></span>')
        return f'<span class="bx-chain">{ARTICLE}{ARROW}' + ARROW.join(parts) + "</span>"

    def chain_text(self, claim: Claim) -> str:
        return chain_text(claim, self.archive.sources)

    def verdict_text(self, a: Claim, other: Claim, label: str) -> tuple[str, str] | None:
        """Whether two related claims are independent, in the three verdicts of v1.1, as (CSS class,
        words); None for a kind whose role is not judged (``updates``, where a source revises itself). The
        one place the verdict is worded: claim entries, tooltips and the relations table all read it."""
        if not relations.role(label).judged:
            return None
        verdict = self.verdicts(a, other)
        names = self.source_names
        css = {INDEPENDENT: "bx-independent", CANNOT_BE_ESTABLISHED: "bx-unknown"}.get(verdict.value, "bx-dependent")
        return css, verdict_words(verdict, names)
