"""The engine-agnostic build, the whole pipeline in one call: load -> derive -> render -> export.

An adapter for a site engine calls :func:`build_site` once per build and hands the
results to its engine; nothing here knows which engine that is.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path

from .core.config import ArchiveConfig
from .core.history import ArchiveHistory
from .core.lexicon import Occurrence
from .core.model import Archive, Briefing
from .core.problems import ArchiveError, Problem
from .core.rule import Judgement
from .core.schemas import KINDS, schema_text
from .core.urls import CLAIMS_SCRIPT, Addresses, misp_file, public_base
from .derive.stage import derive_archive
from .derive.terms import with_terms
from .exports.assembled import Part, exports
from .exports.feed import atom_feed, regrades_of
from .exports.history import file_times
from .exports.misp import MispPart, misp_events
from .exports.seeds import seed_files
from .exports.stix import SCHEMA_FILE, extension_schema, stix_bundle
from .load.archive import check_archive
from .load.history import read_history
from .load.templates import read_overrides
from .render.context import RenderContext
from .render.families.articles import BRIEFING
from .render.families.loop import Rendered, render_families
from .render.families.reads import Reads, Views
from .render.markup import render_markdown
from .render.placeholders import SIDES, rendered_placeholders, sides_markdown
from .render.searchrecords import SearchRecord, claim_records
from .render.templates import OverrideFailed, Templates, templates

#: The stylesheet and script of the generated pages, published at these paths of the site.
STYLESHEET = "assets/briefings/briefings.css"
SCRIPT = "assets/briefings/briefings.js"
#: The worker shim that lets Material's search run from file:// (the offline copy), shipped so that the copy
#: never asks a CDN for it; published always (1.4 kB), loaded only by an offline build.
WORKER_SHIM = "assets/briefings/iframe-worker-shim.js"
#: The theme feature left off whatever the site's config asks: Material's (and Zensical's) tooltips build their
#: content from an element's ``title`` as HTML, and the theme itself copies author text into titles (a page title
#: the header cuts short), so any title could turn an author's text into markup. The archive's own tooltips are
#: built as text by its script from ``data-bx-tip`` (render/markup.py TIP; assets/briefings.js).
THEME_TOOLTIPS = "content.tooltips"


def without_theme_tooltips(features: object) -> list[object]:
    """A theme's ``features`` list with :data:`THEME_TOOLTIPS` left out (anything not a list reads as none)."""
    return [f for f in features if f != THEME_TOOLTIPS] if isinstance(features, list) else []


#: Pages the archive needs; a hand-written page at the same path replaces the default.
DEFAULT_PAGES = ("methodology.md",)


@dataclass(frozen=True, kw_only=True)
class Preview:
    """What the live preview's next build reuses (kept only when the config asks to reuse: ``config.reuse``)."""

    settings: tuple[object, ...]   # the build's settings: a later build reuses anything only with the same
    rendered: Rendered             # every page, snippet and generated file, with what each read
    views: Views                   # the briefings without prose, carried while equal (see render.families.reads)
    parts: dict[str, Part]         # briefing id -> its share of the JSON exports
    terms: dict[tuple[str, str], tuple[Occurrence, ...]]   # article -> its terms
    termed: dict[str, tuple[Briefing, Briefing]]           # briefing id -> (as loaded, with its terms)
    context: RenderContext         # what the pages were rendered with
    profiles: object               # the sources and entities without prose, which the exports' parts read
    misp: dict[str, MispPart] = field(default_factory=dict)   # briefing id -> its MISP event


@dataclass(frozen=True, kw_only=True)
class SiteOutput:
    archive: Archive
    pages: dict[str, str]          # docs-tree path -> Markdown
    files: dict[str, bytes]        # docs-tree path -> bytes (seeds, schemas)
    problems: tuple[Problem, ...]  # warnings only (errors raise)
    default_pages: dict[str, str]  # docs-tree path -> Markdown, used where docs/ has no such page
    fragments: dict[str, bytes]    # docs-tree path -> its HTML blocks to put back after rendering (packed)
    root: Path                     # the archive folder this output was built from
    snippets: dict[str, str] = field(default_factory=dict)   # placeholder -> HTML rendered with the archive
    reused: int = 0                # briefing pages taken from the previous output, not rendered again
    preview: Preview | None = None   # for the live preview's next build only (None spares a one-off build memory)
    search_records: tuple[SearchRecord, ...] = ()   # each claim's search record (``search: pagefind`` only)
    history: ArchiveHistory | None = None   # every claim's and source's dated changes (None: not read)


def build_site(config: ArchiveConfig, *, directory_urls: bool = True, strict: bool = False,
               site_url: str | None = None, site_name: str = "Briefing archive",
               previous: SiteOutput | None = None, history: ArchiveHistory | None = None) -> SiteOutput:
    """Load and check the archive, then render it; raise ArchiveError with every problem on failure.

    With ``strict``, warnings fail the build here too, before anything is written. The exports' addresses
    are absolute from ``site_url``, or relative when it is absent or local (``http://127.0.0.1:8000/``):
    a build never writes a loopback address into its data.

    ``previous`` (the live preview's last output): each page whose declared inputs are unchanged since is taken
    from it, any other rendered again (:mod:`.render.families`); each briefing's share of the exports likewise.
    Articles' terms are found again only for articles that changed. ``history``: the last build's in this preview
    session (git is read again only when HEAD moved since; the working tree's changes are found every build).
    """
    archive, problems, judged = check_archive(config)
    overrides, more = read_overrides(config)
    html = templates(overrides)
    shown = {} if config.templates_dir is None else {n: config.display(config.templates_dir / n) for n, _ in overrides}
    problems = [*problems, *more, *html.problems(shown)]
    if archive is None or judged is None or (strict and problems) or any(p.severity == "error" for p in problems):
        raise ArchiveError(problems)
    try:
        return _build(config, archive, judged, problems, html, directory_urls=directory_urls, site_url=site_url,
                      site_name=site_name, previous=previous, history=history)
    except OverrideFailed as exc:   # a site's template failed on a page: said at its line, never a traceback
        raise ArchiveError([exc.problem(shown)]) from None


def _build(config: ArchiveConfig, archive: Archive, judged: Judgement, problems: list[Problem], html: Templates, *,
           directory_urls: bool, site_url: str | None, site_name: str, previous: SiteOutput | None,
           history: ArchiveHistory | None) -> SiteOutput:
    """:func:`build_site` once the archive and the site's templates are checked."""
    excerpts = config.excerpts
    at = Addresses(public_base(site_url), directory_urls=directory_urls)
    settings = (config, directory_urls, site_url, site_name, html.overrides, archive.lexicon)
    keep = config.reuse   # only the live preview builds again from this output
    last = previous.preview if previous is not None and previous.preview is not None else None
    if last is not None and last.settings != settings:
        last = None
    terms = dict(last.terms) if last is not None else {}
    memo = dict(last.termed) if last is not None else {}
    termed = with_terms(archive, terms, memo)
    before = last.context.derived if last is not None and last.context is not None else None
    # The live preview keeps the commits it read (git runs again only when HEAD moves); any other build reads them.
    read = read_history(config.root, config.briefings_dir, archive, previous=history)
    changed, entered = file_times(config.briefings_dir, archive, read)
    when = {bid: (entered[bid], changed[bid]) for bid in changed}   # (entered, changed)
    ctx = RenderContext.build(derive_archive(termed, judged, previous=before, history=read),
                              directory_urls=directory_urls, excerpts=excerpts,
                              addresses=at, publisher=config.settings.author or site_name, html=html,
                              entered={bid: moment.date().isoformat() for bid, moment in entered.items()},
                              search=config.settings.search)
    files = {} if excerpts else seed_files(archive)
    for kind in (*KINDS, "archive"):
        files[f"schema/{kind}.schema.json"] = schema_text(kind).encode("utf-8")
    latest = ctx.derived.latest   # the home page's order of briefings: the feed's too
    files["feed.xml"] = atom_feed(archive, at, site_name, changed, config.settings.author,
                                  summary_html=render_markdown, order=latest.order, sort_times=latest.when,
                                  regrades=regrades_of(archive, read))
    package = resources.files("briefing_archive")
    for path in (STYLESHEET, SCRIPT, WORKER_SHIM, CLAIMS_SCRIPT):
        files[path] = package.joinpath("assets", path.rsplit("/", 1)[1]).read_bytes()
    defaults = {path: package.joinpath(f"defaults/{path}").read_text("utf-8") for path in DEFAULT_PAGES}
    reads = Reads(ctx, last.views if last is not None else {})
    rendered = render_families(reads, last.rendered if last is not None else None, remember=keep)
    files.update(rendered.files)
    profiles = (reads.sources, reads.entities) if keep else None
    # The exports' parts of the last build, for the briefings whose part is made from the same (the sources and
    # entities are the same but for their prose): none for a one-off build
    reuse = (last.parts if last is not None and last.profiles == profiles else {}) if keep else None
    # The exports last: a one-off build lets the render context's tables go first (all but the two the exports
    # read), so that they and the exports are never alive together.
    snippets = {**rendered.snippets, SIDES: sides_markdown(ctx.derived.sides, ctx.templates),
                **rendered_placeholders(archive, ctx.templates)}
    derived = ctx.derived
    records = claim_records(archive, derived.claim_rows, directory_urls=directory_urls) \
        if config.settings.search == "pagefind" else ()
    ledger, judged = derived.ledger, derived.judged
    events = misp_events(termed, at, excerpts=excerpts, related=judged.related, dates=when,
                         reuse=(last.misp if last is not None and last.profiles == profiles else {}) if keep else None)
    files.update((misp_file(bid), part.data) for bid, part in events.items())
    preview = Preview(settings=settings, rendered=rendered, views=reads.views, parts={}, context=ctx,
                      terms={k: terms[k] for k in _articles(archive)}, profiles=profiles,
                      termed={b.id: memo[b.id] for b in archive.briefings if b.id in memo}) if keep else None
    del ctx, derived, reads
    data, notes, parts = exports(archive, at, excerpts=excerpts, ledger=ledger, reuse=reuse,
                                 judged=judged, history=read)   # no parts for a one-off build
    files["annotations.jsonld"], files["archive.json"] = notes, data
    files["stix.json"] = stix_bundle(archive, at, excerpts=excerpts, judged=judged, site_name=site_name,
                                     entered={bid: first for bid, (first, _) in when.items()}, history=read)
    files[SCHEMA_FILE] = extension_schema()
    return SiteOutput(archive=archive, pages=rendered.pages, files=files, problems=tuple(problems),
                      default_pages=defaults, fragments=rendered.fragments, root=config.root,
                      snippets=snippets, reused=rendered.kept.get(BRIEFING.name, 0), search_records=records,
                      history=read,
                      preview=None if preview is None else replace(preview, parts=parts, misp=events))


def _articles(archive: Archive) -> set[tuple[str, str]]:
    return {(b.article.file, b.article.sha256) for b in archive.briefings}
