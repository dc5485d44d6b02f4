"""The engine-agnostic build, the whole pipeline in one call: load -> derive -> render -> export.

An adapter for a site engine calls :func:`build_site` once per build and hands the
results to its engine; nothing here knows which engine that is.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import TypeVar

from .core.config import ArchiveConfig
from .core.lexicon import Occurrence
from .core.model import Archive, Briefing
from .core.problems import ArchiveError, Problem
from .core.rule import Judgement
from .core.schemas import KINDS, schema_text
from .core.urls import CLAIMS_DATA, CLAIMS_SCRIPT, Addresses, briefing_page, public_base
from .derive.stage import derive_archive
from .derive.terms import with_terms
from .exports.assembled import Part, exports
from .exports.feed import atom_feed
from .exports.history import last_changed
from .exports.seeds import seed_files
from .load.archive import check_archive
from .load.templates import read_overrides
from .render.claimdata import claims_data
from .render.context import RenderContext
from .render.fragments import pack
from .render.fragments import split as split_fragments
from .render.home import HOME_PLACEHOLDER, home_html
from .render.inputs import Inputs, page_inputs, shared_inputs, unchanged
from .render.markup import render_markdown
from .render.pages import iter_pages, prose_pages
from .render.placeholders import SIDES, rendered_placeholders, sides_markdown
from .render.templates import OverrideFailed, Templates, templates

T = TypeVar("T")

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


@dataclass(frozen=True)
class SiteOutput:
    archive: Archive
    pages: dict[str, str]        # docs-tree path -> Markdown
    files: dict[str, bytes]      # docs-tree path -> bytes (seeds, schemas)
    problems: tuple[Problem, ...]  # warnings only (errors raise)
    default_pages: dict[str, str]  # docs-tree path -> Markdown, used where docs/ has no such page
    fragments: dict[str, bytes]   # docs-tree path -> its HTML blocks to put back after rendering (packed)
    root: Path                             # the archive folder this output was built from
    snippets: dict[str, str] = field(default_factory=dict)  # placeholder -> HTML rendered with the archive
    inputs: tuple[object, ...] = ()        # the build's settings: a later build may reuse pages only with the same
    reused: int = 0                        # briefing pages taken from the previous output, not rendered again
    # Kept for the live preview's next build only (empty otherwise, to spare a one-off build the memory):
    parts: dict[str, Part] = field(default_factory=dict)   # briefing id -> its share of the JSON exports
    terms: dict[tuple[str, str], tuple[Occurrence, ...]] = field(default_factory=dict)  # article -> its terms
    context: RenderContext | None = None   # what the pages were rendered with
    page_inputs: dict[str, Inputs] = field(default_factory=dict)   # page -> what it read (briefings, profiles)
    shared: Inputs = ()                    # what every briefing page read (sources, entities, settings)


def build_site(config: ArchiveConfig, *, directory_urls: bool = True, strict: bool = False,
               site_url: str | None = None, site_name: str = "Briefing archive",
               previous: SiteOutput | None = None) -> SiteOutput:
    """Load and check the archive, then render it; raise ArchiveError with every problem on failure.

    With ``strict``, warnings fail the build here too, before anything is written. The exports' addresses
    are absolute from ``site_url``, or relative when it is absent or local (``http://127.0.0.1:8000/``):
    a build never writes a loopback address into its data.

    ``previous`` (the live preview's last output): when only briefings' prose changed since (see
    :func:`prose_edits`), only the pages that show their prose are rendered again and only their share of the
    exports serialised again; everything else is taken from it. After any other edit, every page is rendered
    again but the briefing, source, entity and compare-part pages whose inputs are unchanged (see
    :mod:`.render.inputs`). Articles' terms are found again only for articles that changed.
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
                      site_name=site_name, previous=previous)
    except OverrideFailed as exc:   # a site's template failed on a page: said at its line, never a traceback
        raise ArchiveError([exc.problem(shown)]) from None


def _build(config: ArchiveConfig, archive: Archive, judged: Judgement, problems: list[Problem], html: Templates, *,
           directory_urls: bool, site_url: str | None, site_name: str, previous: SiteOutput | None) -> SiteOutput:
    """:func:`build_site` once the archive and the site's templates are checked."""
    excerpts = config.excerpts
    at = Addresses(public_base(site_url), directory_urls=directory_urls)
    inputs = (config, directory_urls, site_url, site_name, html.overrides)
    same = previous is not None and previous.inputs == inputs
    edited = prose_edits(previous.archive, archive) if previous is not None and same else None
    terms = dict(previous.terms) if previous is not None and same and previous.archive.lexicon == archive.lexicon else {}
    termed = with_terms(archive, terms)
    if previous is not None and previous.context is not None and edited is not None:
        ctx = previous.context.with_prose_of(termed)
    else:
        ctx = RenderContext.build(derive_archive(termed, judged), directory_urls=directory_urls, excerpts=excerpts,
                                  addresses=at, publisher=config.settings.author or site_name, html=html)
    files = {} if excerpts else seed_files(archive)
    for kind in (*KINDS, "archive"):
        files[f"schema/{kind}.schema.json"] = schema_text(kind).encode("utf-8")
    keep = config.reuse   # only the live preview builds again from this output
    shared = shared_inputs(ctx) if keep else ()
    same_shared = previous is not None and same and previous.shared == shared   # sources, entities, settings
    # The exports' parts of the last build, for the briefings whose part is made from the same (the sources are
    # the same, or only their prose changed): none for a one-off build
    usable = same_shared or edited is not None
    reuse = (previous.parts if previous is not None and usable else {}) if keep else None
    changed = last_changed([config.briefings_dir / f"{b.id}.yml" for b in archive.briefings])
    files["feed.xml"] = atom_feed(archive, at, site_name,
                                  {b.id: changed[config.briefings_dir / f"{b.id}.yml"] for b in archive.briefings},
                                  config.settings.author, summary_html=render_markdown)
    package = resources.files("briefing_archive")
    for path in (STYLESHEET, SCRIPT, WORKER_SHIM, CLAIMS_SCRIPT):
        files[path] = package.joinpath("assets", path.rsplit("/", 1)[1]).read_bytes()
    defaults = {path: package.joinpath(f"defaults/{path}").read_text("utf-8") for path in DEFAULT_PAGES}
    pages: dict[str, str] = {}
    fragments: dict[str, bytes] = {}
    if previous is not None and edited is not None:
        # The claims explorer's data holds no prose: as it was. The pages that show the edited prose are new.
        reused = len(archive.briefings) - len(edited.briefings)
        files[CLAIMS_DATA] = previous.files[CLAIMS_DATA]
        pages, fragments = dict(previous.pages), dict(previous.fragments)
        for path, markdown in prose_pages(ctx, edited.briefings, edited.sources, edited.entities):
            pages[path], fragments[path] = _split(markdown)
        # a page kept holds what it was rendered from: its inputs as they were (a next build that finds them
        # again may keep it again); the pages rendered now, with their inputs now
        signatures = {**previous.page_inputs, **page_inputs(ctx, {p for p in pages if pages[p] is not previous.pages.get(p)})}
    else:
        signatures = page_inputs(ctx) if keep else {}
        # Any other edit: every page again, but the briefing, source, entity and compare-part pages whose inputs
        # did not change (kept as they were).
        kept = unchanged(previous.page_inputs, signatures) if previous is not None and same_shared else set()
        reused = sum(1 for b in archive.briefings if briefing_page(b.id) in kept)
        files[CLAIMS_DATA] = claims_data(ctx.archive, ctx.claim_rows)
        for path, page in iter_pages(ctx, kept):
            if page is None:   # kept: there is a previous build
                assert previous is not None
                pages[path], fragments[path] = previous.pages[path], previous.fragments[path]
            else:
                pages[path], fragments[path] = _split(page)
    snippets = {HOME_PLACEHOLDER: home_html(ctx), SIDES: sides_markdown(ctx.derived.sides, ctx.templates),
                **rendered_placeholders(archive, ctx.templates)}
    # The exports last: a one-off build lets the render context's tables go first (all but the two the exports
    # read), so that they and the exports are never alive together.
    derived, context = ctx.derived, ctx if keep else None
    ledger, judged = derived.ledger, derived.judged
    del ctx, derived
    data, notes, parts = exports(archive, at, excerpts=excerpts, ledger=ledger, reuse=reuse,
                                 judged=judged)   # no parts for a one-off build
    files["annotations.jsonld"], files["archive.json"] = notes, data
    return SiteOutput(archive, pages, files, tuple(problems), defaults, fragments, config.root, snippets, inputs,
                      reused, parts, {k: terms[k] for k in _articles(archive)} if keep else {},
                      context, signatures, shared)


def _split(markdown: str) -> tuple[str, bytes]:
    """A page's Markdown with markers, and its HTML blocks packed (see :mod:`.render.fragments`)."""
    text, blocks = split_fragments(markdown)
    return text, pack(blocks)


def _articles(archive: Archive) -> set[tuple[str, str]]:
    return {(b.article.file, b.article.sha256) for b in archive.briefings}


@dataclass(frozen=True)
class ProseEdits:
    """What changed between two builds when only prose did: ids of briefings, sources and entities."""

    briefings: frozenset[str]
    sources: frozenset[str]
    entities: frozenset[str]


def prose_edits(old: Archive, new: Archive) -> ProseEdits | None:
    """What of ``new`` changed since ``old`` in its prose alone, or None when anything else changed.

    A briefing's prose (its summary, its claims' notes and background, its cautions' notes) is shown on its own
    page, the briefings index, the home page and in the exports; a source's or entity's (its note and
    background) on its own page and in ``archive.json`` (``render.pages.prose_pages``); nowhere else, and
    nothing is derived from it. So when nothing but prose changed, every other page is as it was.
    """
    if old.lexicon != new.lexicon:
        return None
    sources = _changed(old.sources, new.sources, lambda s: replace(s, note="", background=None))
    entities = _changed(old.entities, new.entities, lambda e: replace(e, note=None, background=None))
    briefings = _changed({b.id: b for b in old.briefings}, {b.id: b for b in new.briefings}, _without_prose)
    if sources is None or entities is None or briefings is None:
        return None
    return ProseEdits(briefings, sources, entities)


def _changed(old: Mapping[str, T], new: Mapping[str, T], without_prose: Callable[[T], T]) -> frozenset[str] | None:
    """Ids whose item changed in prose only, or None when the ids, their order or anything else changed."""
    if list(old) != list(new):
        return None
    edited = set()
    for key, now in new.items():
        was = old[key]
        if was is now or was == now:
            continue
        if without_prose(was) != without_prose(now):
            return None
        edited.add(key)
    return frozenset(edited)


def _without_prose(b: Briefing) -> Briefing:
    return replace(b, summary="", warnings=tuple(replace(w, note="") for w in b.warnings),
                   claims=tuple(replace(c, note=None, background=None) for c in b.claims))

