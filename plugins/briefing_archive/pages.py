"""Render the archive into pages: ``{page path: markdown}``.

Each page is Markdown whose body is mostly raw HTML built here: author text is
escaped (or rendered by :mod:`markup` when it is Markdown), links are computed
by :mod:`urls`, and headings get explicit ids that start with ``_`` so they can
never collide with a claim's permalink. Titles go into front matter already
HTML-escaped, because themes print the page title without escaping it.
"""
from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import replace
from typing import Iterator

from . import urls
from .credibility import (CREDIBILITY, CREDIBILITY_RUBRIC, RELIABILITY, RELIABILITY_ICON, RUBRIC, RUBRIC_BY_ID,
                          badge, badge_meaning, shared_origins)
from .guide import evidence_svg, hedged, reading_guide
from .highlight import Highlight, render_article
from .lexicon import Lexicon
from .links import ClaimRef, Links, build_links
from .entitylinks import EntityLinker
from .exports import Addresses, claim_review, script_json
from .guide import sentence_span
from .ledger import build_ledger
from .markup import SEARCH_EXCLUDE, esc, plain_text, render_markdown, scroll_table
from .model import Archive, Briefing, Claim, Entity, Source
from .network import related_briefings
from .seeds import Block, blocks
from .views import RELATIONS, TAGS, CrossArchiveViews, figure_value, ledger_layout

NOT_RECORDED = "not recorded"
COMPACT_AFTER = 60   # claim lists longer than this show badges only (see claims_by_briefing)
SOURCE_KINDS = {"government": "government", "military": "military", "intelligence": "intelligence service",
                "state-media": "state media", "news-outlet": "news outlet", "officials": "officials",
                "analyst": "analyst(s)", "unattributed": "unattributed", "other": "other"}


def render_pages(archive: Archive, directory_urls: bool = True, excerpts: bool = False,
                 addresses: Addresses | None = None) -> dict[str, str]:
    """Every generated page of the archive, keyed by its path in the docs tree."""
    return dict(iter_pages(archive, directory_urls, excerpts, addresses))


def iter_pages(archive: Archive, directory_urls: bool = True, excerpts: bool = False,
               addresses: Addresses | None = None) -> Iterator[tuple[str, str]]:
    """The pages one at a time, so a caller that transforms each need not hold them all."""
    archive = with_terms(archive)
    r = _Renderer(archive, build_links(archive), directory_urls, excerpts,
                  addresses or Addresses(None, directory_urls))
    tag_index, tag_pages = r.tag_index()
    yield from {"briefings/index.md": r.briefings_index(),
                "sources/index.md": r.sources_index(),
                "entities/index.md": r.entities_index(),
                **r.ledger_pages(), **r.timeline_pages(), RELATIONS: r.relations_page(), TAGS: tag_index,
                **tag_pages}.items()
    for b in archive.briefings:
        yield urls.briefing_page(b.id), r.briefing(b)
    for s in archive.sources.values():
        yield urls.source_page(s.id), r.source(s)
    for e in archive.entities.values():
        yield urls.entity_page(e.id), r.entity(e)


def with_terms(archive: Archive) -> Archive:
    """The archive with each article's estimative terms and hedges found (a rendering concern:
    ``briefings check`` never needs them)."""
    if archive.lexicon is None or any(b.terms for b in archive.briefings):
        return archive
    found: dict[str, tuple] = {}
    briefings = tuple(replace(b, terms=found.setdefault(b.article.file, archive.lexicon.find(b.article.text)))
                      for b in archive.briefings)
    return replace(archive, briefings=briefings)


def seed_files(archive: Archive) -> dict[str, bytes]:
    """Each article as the archive holds it (UTF-8, LF, NFC, no BOM), at ``seeds/<file>``."""
    return {urls.seed_file(b.article.file): b.article.text.encode("utf-8") for b in archive.briefings}


def html_table(headers: tuple[str, ...], rows: list[tuple[str, ...]], css: str = "") -> str:
    """A table as one line of HTML (cells are HTML, already escaped), wrapped to scroll like Material's.

    Generated tables are HTML, never Markdown: a ``|`` or ``[x](y)`` in a cell stays text.
    """
    head = "".join(f"<th>{h}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    cls = f' class="{css}"' if css else ""
    return scroll_table(f"<table{cls}><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")


# The three tables below fill placeholders of hand-written pages: each is an HTML block between blank
# lines, so the page's Markdown engine passes it through as it is.

def scales_markdown() -> str:
    """The two Admiralty scales as tables, from the same tables the badges use."""
    reliability = html_table(("Grade", "Source reliability"),
                             [(f"{RELIABILITY_ICON[k]} <strong>{k}</strong>", v) for k, v in RELIABILITY.items()])
    credibility = html_table(("Grade", "Information credibility", "What earns it in this archive"),
                             [(f"<strong>{k}</strong>", v, CREDIBILITY_RUBRIC[k]) for k, v in CREDIBILITY.items()])
    return f"\n\n{reliability}\n\n{credibility}\n\n"


def rubric_markdown() -> str:
    """The grading rubric: what earns each reliability letter, the same for every side."""
    rows = [(f"<code>{r.id}</code>", f"{RELIABILITY_ICON[r.letter]} <strong>{r.letter}</strong>", esc(r.who),
             esc(r.why)) for r in RUBRIC]
    return f"\n\n{html_table(('Line', 'Grade', 'Who', 'Why'), rows)}\n\n"


def lexicon_markdown(lexicon: Lexicon | None) -> str:
    """The estimative-language lexicon in use: its yardstick and its hedges (text from a lexicon file is
    author text, so it is escaped like any other)."""
    if lexicon is None:
        return ""
    rows = [(esc(t.label), esc(t.meaning.split(": ", 1)[1]), ", ".join(esc(f) for f in t.forms))
            for t in lexicon.estimates]
    out = [f"<p>The lexicon in use: <strong>{esc(lexicon.name)}</strong>.</p>",
           html_table(("Term", "Probability", "Forms matched"), rows)]
    if lexicon.hedges:
        out.append(f"<p>Hedges ({esc(lexicon.hedges.meaning)}): "
                   + ", ".join(f"<em>{esc(f)}</em>" for f in lexicon.hedges.forms) + ".</p>")
    return "\n\n" + "\n\n".join(out) + "\n\n"


def badge_html(code: str, extra: str = "", href: str | None = None, css: str = "") -> str:
    """The one badge of the site: shape + letter(+number) as text, colour, and both definitions as tooltip.

    ``code`` is a claim badge (``B2``) or a bare reliability letter (``B``).
    """
    meaning = badge_meaning(code) if len(code) > 1 else f"{code}: source {RELIABILITY[code]}"
    classes = badge_classes(code) + css
    if href is not None:
        return f'<a class="{classes}" href="{esc(href)}" title="{esc(meaning + extra)}">{badge_inner(code)}</a>'
    return f'<abbr class="{classes}" title="{esc(meaning + extra)}">{badge_inner(code)}</abbr>'


def compact_badge(code: str, href: str, role: str = "") -> str:
    """A badge link for long lists: the grade as text and shape, no tooltip (the claim has it)."""
    label = f"{code} ({role})" if role else code
    return (f'<a class="bx-badge bx-rel-{code[0].lower()}" href="{esc(href)}" aria-label="{label}">'
            f"{RELIABILITY_ICON[code[0]]}{code}</a>")


def badge_classes(code: str) -> str:
    return f"bx-badge bx-rel-{code[0].lower()}" + (f" bx-cred-{code[1:]}" if len(code) > 1 else "")


def badge_inner(code: str) -> str:
    return f'<span class="bx-icon" aria-hidden="true">{RELIABILITY_ICON[code[0]]}</span>{code}'


def _front_matter(title: str, searchable: bool = True) -> str:
    # JSON is valid YAML; the value is HTML-escaped because themes print titles raw.
    search = "" if searchable else "search:\n  exclude: true\n"
    return f"---\ntitle: {json.dumps(esc(title))}\n{search}---\n\n"


def _heading(level: int, text: str, ident: str) -> str:
    return f"{'#' * level} {text} {{#{ident}}}\n\n"


class _Renderer(CrossArchiveViews):
    def __init__(self, archive: Archive, links: Links, directory_urls: bool, excerpts: bool,
                 addresses: Addresses) -> None:
        self.archive = archive
        self.links = links
        self.directory_urls = directory_urls
        self.excerpts = excerpts
        self.addresses = addresses
        self.linker = EntityLinker(archive.entities)
        self._chains: dict[tuple, str] = {}
        self.related = related_briefings(archive, links)
        metrics = build_ledger(archive)
        layout = ledger_layout(metrics)
        self.ledger_rows = {(r.briefing.id, r.claim.id, r.index): (layout[m.metric], r)
                            for m in metrics for r in m.rows}

    def ledger_row(self, b: Briefing, c: Claim, i: int) -> tuple[str, str]:
        """(ledger page, row anchor) of a claim's i-th figure."""
        page, row = self.ledger_rows[(b.id, c.id, i)]
        return page, row.anchor

    front_matter = staticmethod(lambda title, searchable=True: _front_matter(title, searchable))
    heading = staticmethod(lambda level, text, ident: _heading(level, text, ident))

    def note_html(self, here: str, text: str | None, skip: tuple[str, ...] = ()) -> str:
        """A note rendered safely, with the first mention of each entity linked to its page."""
        return self.linker.link(render_markdown(text), lambda eid: urls.link(here, urls.entity_page(eid),
                                                                             self.directory_urls),
                                frozenset(skip))

    # -- small pieces -------------------------------------------------------------------
    def href(self, here: str, page: str, fragment: str | None = None) -> str:
        return esc(urls.link(here, page, self.directory_urls, fragment))

    def badge_html(self, claim: Claim, extra: str = "") -> str:
        return badge_html(badge(claim, self.archive.sources), extra)

    def source_link(self, here: str, sid: str) -> str:
        s = self.archive.sources[sid]
        return f'<a href="{self.href(here, urls.source_page(sid))}">{esc(s.name)}</a>'

    def entity_link(self, here: str, eid: str) -> str:
        return f'<a href="{self.href(here, urls.entity_page(eid))}">{esc(self.archive.entities[eid].name)}</a>'

    def claim_link(self, here: str, ref: ClaimRef, text: str | None = None) -> str:
        label = esc(text) if text is not None else f"\u201c{esc(_excerpt(ref.claim.quote))}\u201d"
        return f'<a href="{self.href(here, urls.briefing_page(ref.briefing.id), ref.claim.id)}">{label}</a>'

    def chain_html(self, here: str, claim: Claim) -> str:
        """The attribution chain with each role said in words: reporters, then originator(s).

        Cached by chain and page depth: the same chains recur across thousands of claims.
        """
        key = (urls.link(here, "index.md", self.directory_urls), claim.chain)
        cached = self._chains.get(key)
        if cached is None:
            cached = self._chains[key] = self._chain_html(here, claim)
        return cached

    def _chain_html(self, here: str, claim: Claim) -> str:
        parts = []
        for i, link in enumerate(claim.chain):
            role = "originator" if i == len(claim.chain) - 1 else "reporter"
            names = " + ".join(self.source_link(here, sid) for sid in link)
            parts.append(f'<span class="bx-chain-link bx-{role}">{names} <small>({role})</small></span>')
        return '<span class="bx-chain">the article \u2190 ' + " \u2190 ".join(parts) + "</span>"

    def chain_text(self, claim: Claim) -> str:
        names = [" + ".join(self.archive.sources[s].name for s in link) for link in claim.chain]
        return "the article \u2190 " + " \u2190 ".join(names)

    # -- briefing ------------------------------------------------------------------------
    def briefing(self, b: Briefing) -> str:
        here = urls.briefing_page(b.id)
        out = [_front_matter(b.title)]
        out.append(f'<div class="bx-summary">{render_markdown(b.summary)}</div>\n\n')
        out.append(self.briefing_meta(here, b))
        out.append(self.reading_guide(b))
        if b.warnings:
            items = "".join(
                f'<li id="_warning-{i + 1}"><a href="#_warned-{i + 1}">\u201c{esc(w.quote.strip())}\u201d</a>'
                f"{render_markdown(w.note)}</li>"
                for i, w in enumerate(b.warnings))
            out.append('<div class="admonition warning bx-warnings"><p class="admonition-title">'
                       "The article\u2019s own cautions</p>"
                       f"<ul>{items}</ul></div>\n\n")
        out.append(_heading(2, "Article", "_article"))
        highlights = [
            Highlight(c.span.start, c.span.end, c.id,
                      f"bx-claim bx-rel-{badge(c, self.archive.sources)[0].lower()}",
                      after=self.claim_ref(c, i + 1), order=i, title=self.claim_tip(c))
            for i, c in enumerate(b.claims)
        ] + [
            Highlight(w.span.start, w.span.end, f"_warned-{i + 1}", "bx-warning",
                      after=f'<a class="bx-ref bx-warning-ref" href="#_warning-{i + 1}" '
                            f'title="{esc("The article warns: " + plain_text(w.note, 300))}">\u26a0</a>',
                      order=1000 + i)
            for i, w in enumerate(b.warnings)
        ] + [
            Highlight(t.start, t.end, "", f"bx-term bx-{t.term.kind}", order=2000 + i, tag="abbr",
                      title=t.term.meaning)
            for i, t in enumerate(b.terms)
        ]
        if self.excerpts:
            out.append("<p><em>Excerpts: this archive publishes only the annotated passages, each with its "
                       "sentence, not the whole article.</em></p>\n\n")
            article_html = render_article(b.article.text, _excerpt_blocks(b), highlights, joiner="\n<p>\u2026</p>\n")
        else:
            article_html = render_article(b.article.text, blocks(b.article.text), highlights)
        out.append(f'<div class="bx-article" lang="en">\n{article_html}\n</div>\n\n')
        out.append(_heading(2, f"Claims ({len(b.claims)})", "_claims"))
        if not b.claims:
            out.append("<p>No claims are annotated in this briefing yet.</p>\n\n")
        for number, c in enumerate(b.claims, start=1):
            out.append(self.claim_entry(here, b, c, number))
        out.append(self.related_section(here, b))
        if b.claims:
            out.append(f'<script type="application/ld+json">{script_json(claim_review(b, self.archive, self.addresses))}'
                       "</script>\n")
        return "".join(out)

    def related_section(self, here: str, b: Briefing) -> str:
        related = self.related.get(b.id, ())
        if not related:
            return _heading(2, "Related briefings", "_related") + "<p>No other briefing shares an entity or a " \
                "relation with this one yet.</p>\n\n"
        items = "".join(
            f"<li>{self.briefing_link(here, r.briefing)} <small>({r.relations} relation(s) between claims; "
            f"{len(r.shared_entities)} shared entities"
            + (": " + ", ".join(self.entity_link(here, e) for e in r.shared_entities) if r.shared_entities else "")
            + ")</small></li>" for r in related)
        return _heading(2, "Related briefings", "_related") + f"<ol {SEARCH_EXCLUDE}>{items}</ol>\n\n"

    def reading_guide(self, b: Briefing) -> str:
        g = reading_guide(b, self.archive.sources)
        n = g.claims
        parties = "; ".join(f"{esc(p)}: {k}" for p, k in g.by_party) or "none"
        items = [
            f"<li><strong>{n}</strong> claims, graded as shown below.</li>",
            f"<li>Originating with a party to the conflict: {parties}.</li>",
            f"<li>Originating with unnamed officials: <strong>{g.unnamed_officials}</strong> of {n}.</li>",
            f"<li>Resting on no named source at all (unattributed): <strong>{g.unattributed}</strong> of {n}.</li>",
            f"<li>Hedged in the article's own words (a hedge or estimative term in the claim's sentence): "
            f"<strong>{g.hedged}</strong> of {n}.</li>",
            f"<li>The article's own cautions: <strong>{g.warnings}</strong>"
            f"{' (below)' if g.warnings else ''}.</li>",
        ]
        legend = ", ".join(f"{badge_html(code)}&nbsp;\u00d7&nbsp;{k}" for code, k in g.badges)
        profile = (f'<figure class="bx-profile-figure">{evidence_svg(g)}'
                   f"<figcaption>Evidence profile: {legend or 'no claims'}</figcaption></figure>") if n else ""
        return (f'<div class="admonition info bx-guide" {SEARCH_EXCLUDE}><p class="admonition-title">Reading guide</p>'
                f'<ul>{"".join(items)}</ul>{profile}</div>\n\n')

    def briefing_meta(self, here: str, b: Briefing) -> str:
        publisher = self.source_link(here, b.publisher) if b.publisher else f"<em>publisher {NOT_RECORDED}</em>"
        published = esc(b.published) if b.published else f"<em>date {NOT_RECORDED}</em>"
        seed = (f"{esc(b.article.file)} <em>(excerpts only)</em>" if self.excerpts else
                f'<a href="{self.href(here, urls.seed_file(b.article.file))}">{esc(b.article.file)}</a>')
        tags = ""
        if b.tags:
            tags = '<li>Tags: ' + " ".join(f'<a class="bx-tag" href="{self.href(here, f"tags/{t}.md")}">{esc(t)}</a>'
                                           for t in b.tags) + "</li>"
        return (f'<ul class="bx-meta" {SEARCH_EXCLUDE}>'
                f"<li>Publisher: {publisher}</li><li>Published: {published}</li>"
                f"<li>Article text: {seed}</li><li>{len(b.claims)} claims</li>{tags}</ul>\n\n")

    def claim_tip(self, c: Claim) -> str:
        """The tooltip of a quote: both grade definitions, the chain, and the start of the note."""
        code = badge(c, self.archive.sources)
        tip = f"{badge_meaning(code)}. Chain: {self.chain_text(c)}."
        return tip + (" " + plain_text(c.note, 200) if c.note else "")

    def claim_ref(self, c: Claim, number: int) -> str:
        """The badge after a quote: a link to the note, numbered for print (endnote [n]).

        Its tooltip (shown on keyboard focus) gives the grade and the chain; the quote's own
        tooltip (on hover) adds the note, so the note's text is not repeated twice more.
        """
        code = badge(c, self.archive.sources)
        tip = f"{badge_meaning(code)}. Chain: {self.chain_text(c)}. Activate to read the note."
        return (f'<a class="{badge_classes(code)} bx-ref" href="#_note-{esc(c.id)}" data-n="{number}" '
                f'title="{esc(tip)}">{badge_inner(code)}</a>')

    def claim_entry(self, here: str, b: Briefing, c: Claim, number: int) -> str:
        rows = [f"<dt>Rests on</dt><dd>{self.chain_html(here, c)}</dd>"]
        if c.date:
            rows.append(f"<dt>Date of the event</dt><dd>{esc(c.date)}</dd>")
        if c.entities:
            rows.append("<dt>Names</dt><dd>" + ", ".join(self.entity_link(here, e) for e in c.entities) + "</dd>")
        if c.figures:
            figs = "".join(
                f'<li><a href="{self.href(here, *self.ledger_row(b, c, i))}">'
                f"{esc(_figure_text(f))}</a></li>" for i, f in enumerate(c.figures))
            rows.append(f"<dt>Figures (ledger)</dt><dd><ul>{figs}</ul></dd>")
        rels = self.links.relations.get(f"{b.id}#{c.id}", [])
        if rels:
            items = "".join(
                f"<li>{esc(label)} {self.claim_link(here, other)}"
                f"{'' if other.briefing.id == b.id else ' in ' + self.briefing_link(here, other.briefing)}"
                f"{self.independence(c, other.claim, label)}</li>"
                for label, other in rels)
            rows.append(f"<dt>Related claims</dt><dd><ul>{items}</ul></dd>")
        found = hedged(c, b.article.text, b.terms)
        if found:
            rows.append("<dt>Hedged by the article</dt><dd>" + ", ".join(
                f'<abbr class="bx-term bx-{t.term.kind}" title="{esc(t.term.meaning)}">{esc(t.text)}</abbr>'
                for t in found) + "</dd>")
        return (f'<section class="bx-claim-note">\n'
                f'<h3 id="_note-{esc(c.id)}" data-n="{number}">{self.badge_html(c)} <a href="#{esc(c.id)}">'
                f'\u201c{esc(c.quote.strip())}\u201d</a></h3>\n'
                f'{self.note_html(here, c.note) or "<p><em>No note.</em></p>"}\n'
                f'<dl class="bx-claim-facts">{"".join(rows)}</dl>\n'
                f'<p class="bx-permalink" {SEARCH_EXCLUDE}>Permalink: <a href="#{esc(c.id)}"><code>#{esc(c.id)}</code></a></p>\n'
                "</section>\n\n")

    def independence(self, a: Claim, other: Claim, label: str) -> str:
        """For agreeing claims, whether the agreement is independent (circular reporting is not)."""
        if not label.startswith(("corroborat", "echo")):
            return ""
        shared = shared_origins(a, other, self.archive.sources)
        if shared:
            names = ", ".join(esc(self.archive.sources[s].name) for s in sorted(shared))
            return f' <span class="bx-dependent">\u2014 not independent: both rest on {names}</span>'
        if label.startswith("echo"):
            return ' <span class="bx-dependent">\u2014 not shown to be independent</span>'
        return ' <span class="bx-independent">\u2014 independent</span>'

    def briefing_link(self, here: str, b: Briefing) -> str:
        return f'<a href="{self.href(here, urls.briefing_page(b.id))}">{esc(b.title)}</a>'

    # -- sources and entities -------------------------------------------------------------
    def claims_by_briefing(self, here: str, refs: list[tuple[ClaimRef, str]]) -> str:
        """Claims grouped by briefing: quotes in full for a short list, badges only for a long one.

        Long lists (more than ``COMPACT_AFTER`` claims) show one line per briefing with a badge per
        claim linking to its permalink, so a profile page stays small however large the archive.
        """
        if not refs:
            return "<p>No claim in the archive rests on it yet.</p>\n\n"
        grouped: dict[str, list[tuple[ClaimRef, str]]] = defaultdict(list)
        for ref, role in refs:
            grouped[ref.briefing.id].append((ref, role))
        out = []
        if len(refs) > COMPACT_AFTER:
            for bid in sorted(grouped):
                b = grouped[bid][0][0].briefing
                badges = " ".join(
                    compact_badge(badge(ref.claim, self.archive.sources),
                                  urls.link(here, urls.briefing_page(bid), self.directory_urls, ref.claim.id),
                                  role)
                    for ref, role in grouped[bid])
                out.append(f"<li>{self.briefing_link(here, b)}: {badges}</li>")
            return f'<ul class="bx-claim-list bx-compact" {SEARCH_EXCLUDE}>{"".join(out)}</ul>\n\n'
        for bid in sorted(grouped):
            b = grouped[bid][0][0].briefing
            items = "".join(
                f"<li>{self.badge_html(ref.claim)} {self.claim_link(here, ref)}"
                f"{f' <small>({esc(role)})</small>' if role else ''}</li>"
                for ref, role in grouped[bid])
            out.append(f"<h3>{self.briefing_link(here, b)}</h3>\n<ul class=\"bx-claim-list\" {SEARCH_EXCLUDE}>"
                       f"{items}</ul>\n")
        return "\n".join(out) + "\n"

    def source(self, s: Source) -> str:
        here = urls.source_page(s.id)
        refs = self.links.by_source.get(s.id, [])
        rubric = RUBRIC_BY_ID.get(s.rubric) if s.rubric else None
        rubric_html = (f"<code>{esc(rubric.id)}</code>: {esc(rubric.who)} ({esc(rubric.why)})" if rubric
                       else f"<em>{NOT_RECORDED}</em>")
        facts = [
            f"<dt>Reliability</dt><dd>{badge_html(s.reliability)} {esc(RELIABILITY[s.reliability])}</dd>",
            f'<dt>Rubric line</dt><dd>{rubric_html} <a href="{self.href(here, "methodology.md", "_rubric")}">'
            "see the rubric</a></dd>",
            f"<dt>Kind</dt><dd>{esc(SOURCE_KINDS[s.kind])}</dd>",
            f"<dt>Party to the conflict</dt><dd>{_or_not_recorded(s.party)}</dd>",
        ]
        if s.url:
            facts.append(f'<dt>Address</dt><dd><a href="{esc(s.url)}" rel="noopener noreferrer">{esc(s.url)}</a></dd>')
        if s.depends_on:
            facts.append("<dt>Relays or shares with</dt><dd>"
                         + ", ".join(self.source_link(here, d) for d in s.depends_on) + "</dd>")
        dependants = [o.id for o in self.archive.sources.values() if s.id in o.depends_on]
        if dependants:
            facts.append("<dt>Relayed by</dt><dd>" + ", ".join(self.source_link(here, d) for d in dependants) + "</dd>")
        published = self.links.publishes.get(s.id, [])
        if published:
            facts.append("<dt>Published</dt><dd>" + ", ".join(self.briefing_link(here, b) for b in published) + "</dd>")
        counts = Counter(ref.claim.credibility for ref, _ in refs)
        count_text = ", ".join(f"{counts[k]} \u00d7 {k} ({CREDIBILITY[k]})" for k in sorted(counts)) or "none"
        return "".join([
            _front_matter(s.name),
            f'<dl class="bx-profile">{"".join(facts)}</dl>\n\n',
            _heading(2, "Assessment", "_assessment"),
            f"<div class=\"bx-note\">{self.note_html(here, s.note)}</div>\n\n",
            _heading(2, f"Claims that rest on it ({len(refs)})", "_claims"),
            f"<p>By credibility: {count_text}.</p>\n\n",
            self.claims_by_briefing(here, refs),
        ])

    def entity(self, e: Entity) -> str:
        here = urls.entity_page(e.id)
        refs = self.links.by_entity.get(e.id, [])
        facts = [f"<dt>Kind</dt><dd>{esc(e.kind)}</dd>"]
        if e.aliases:
            facts.append("<dt>Also named</dt><dd>" + ", ".join(esc(a) for a in e.aliases) + "</dd>")
        together = Counter(other for ref in refs for other in ref.claim.entities if other != e.id)
        if together:
            facts.append("<dt>Named with</dt><dd>" + ", ".join(
                f"{self.entity_link(here, other)} ({n})"
                for other, n in sorted(together.items(), key=lambda kv: (-kv[1], kv[0]))) + "</dd>")
        dated = sorted((ref for ref in refs if ref.claim.date), key=lambda r: (r.claim.date, r.briefing.id, r.claim.id))
        if len(dated) > COMPACT_AFTER:
            by_date = "".join(
                f"<li><time>{esc(ref.claim.date)}</time> " + compact_badge(
                    badge(ref.claim, self.archive.sources),
                    urls.link(here, urls.briefing_page(ref.briefing.id), self.directory_urls, ref.claim.id))
                + "</li>" for ref in dated)
        else:
            by_date = "".join(f"<li><time>{esc(ref.claim.date)}</time> {self.badge_html(ref.claim)} "
                              f"{self.claim_link(here, ref)}</li>" for ref in dated)
        return "".join([
            _front_matter(e.name),
            f'<dl class="bx-profile">{"".join(facts)}</dl>\n\n',
            f"<div class=\"bx-note\">{self.note_html(here, e.note, (e.id,))}</div>\n\n" if e.note else "",
            _heading(2, f"Claims that name it, by briefing ({len(refs)})", "_claims"),
            self.claims_by_briefing(here, [(ref, "") for ref in refs]),
            _heading(2, f"Dated claims, by date ({len(dated)})", "_by-date"),
            f'<ul class="bx-timeline" {SEARCH_EXCLUDE}>{by_date}</ul>\n\n' if dated
            else "<p>None of its claims is dated.</p>\n\n",
        ])

    # -- indexes -------------------------------------------------------------------------
    def index_page(self, title: str, intro: str, headers: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
        """An index page: a short introduction and one table (cells are HTML, already escaped)."""
        return _front_matter(title) + f"<p>{intro}</p>\n\n" + html_table(headers, rows, "bx-index bx-sortable") + "\n"

    def briefings_index(self) -> str:
        here = "briefings/index.md"
        rows = [(self.briefing_link(here, b), _or_not_recorded(b.published),
                 self.source_link(here, b.publisher) if b.publisher else _or_not_recorded(None), str(len(b.claims)))
                for b in self.archive.briefings]
        return self.index_page("Briefings", f"{len(rows)} briefings: each is one article, annotated claim by claim.",
                               ("Title", "Published", "Publisher", "Claims"), rows)

    def sources_index(self) -> str:
        here = "sources/index.md"
        rows = [(self.source_link(here, s.id), esc(SOURCE_KINDS[s.kind]), _or_not_recorded(s.party),
                 badge_html(s.reliability), str(len(self.links.by_source.get(s.id, []))))
                for s in self.archive.sources.values()]
        return self.index_page("Sources", "Every source a claim rests on, as reporter or originator, with its "
                               "Admiralty reliability grade (A completely reliable \u2026 F cannot be judged).",
                               ("Name", "Kind", "Party", "Reliability", "Claims"), rows)

    def entities_index(self) -> str:
        here = "entities/index.md"
        rows = [(self.entity_link(here, e.id), esc(e.kind), str(len(self.links.by_entity.get(e.id, []))))
                for e in sorted(self.archive.entities.values(), key=lambda e: (e.kind, e.name.lower()))]
        return self.index_page("Entities", "People, organisations, places, units and events named in the claims.",
                               ("Name", "Kind", "Claims"), rows)


def _or_not_recorded(value: str | None) -> str:
    return esc(value) if value else f"<em>{NOT_RECORDED}</em>"


def _excerpt(quote: str, limit: int = 90) -> str:
    flat = " ".join(quote.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "\u2026"


def _figure_text(f) -> str:
    qualifier = {"exact": "", "about": "about ", "at-least": "at least ", "at-most": "at most "}[f.qualifier]
    period = f", period {f.period}" if f.period else ""
    return f"{f.metric}: {qualifier}{figure_value(f)} {f.unit}{period}"


def _excerpt_blocks(b: Briefing) -> tuple[Block, ...]:
    """The sentences around every claim and warning, merged where they touch, in text order."""
    spans = sorted(sentence_span(b.article.text, x.span.start, x.span.end) for x in (*b.claims, *b.warnings))
    merged: list[list[int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    text = b.article.text
    out = []
    for start, end in merged:
        while start < end and text[start].isspace():
            start += 1
        out.append(Block("p", start, end))
    return tuple(out)
