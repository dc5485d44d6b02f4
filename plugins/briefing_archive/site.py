"""The engine-agnostic build, the whole pipeline in one call: load -> derive -> render -> export.

An adapter for a site engine calls :func:`build_site` once per build and hands the
results to its engine; nothing here knows which engine that is.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path

from .core.config import ArchiveConfig
from .core.model import Archive, Briefing
from .core.problems import ArchiveError, Problem
from .core.schemas import KINDS, schema_text
from .derive.terms import with_terms
from .exports.annotations import web_annotations
from .exports.archive_data import archive_data
from .exports.feed import atom_feed
from .exports.history import last_changed
from .exports.seeds import seed_files
from .load.archive import load_archive
from .render.claimdata import claims_data
from .render.context import RenderContext
from .render.fragments import split as split_fragments
from .render.home import HOME_PLACEHOLDER, home_html
from .render.pages import iter_pages
from .render.urls import CLAIMS_DATA, CLAIMS_SCRIPT, Addresses, public_base

#: The stylesheet and script of the generated pages, published at these paths of the site.
STYLESHEET = "assets/briefings/briefings.css"
SCRIPT = "assets/briefings/briefings.js"
#: The worker shim that lets Material's search run from file:// (the offline copy), shipped so that the copy
#: never asks a CDN for it; published always (1.4 kB), loaded only by an offline build.
WORKER_SHIM = "assets/briefings/iframe-worker-shim.js"
#: Pages the archive needs; a hand-written page at the same path replaces the default.
DEFAULT_PAGES = ("methodology.md",)


@dataclass(frozen=True)
class SiteOutput:
    archive: Archive
    pages: dict[str, str]        # docs-tree path -> Markdown
    files: dict[str, bytes]      # docs-tree path -> bytes (seeds, schemas)
    problems: tuple[Problem, ...]  # warnings only (errors raise)
    default_pages: dict[str, str]  # docs-tree path -> Markdown, used where docs/ has no such page
    fragments: dict[str, tuple[str, ...]]  # docs-tree path -> HTML blocks to put back after rendering
    root: Path                             # the archive folder this output was built from
    snippets: dict[str, str] = field(default_factory=dict)  # placeholder -> HTML rendered with the archive
    inputs: tuple = ()                     # the build's settings: a later build may reuse pages only with the same
    reused: int = 0                        # briefing pages taken from the previous output, not rendered again


def build_site(config: ArchiveConfig, directory_urls: bool = True, strict: bool = False,
               site_url: str | None = None, site_name: str = "Briefing archive",
               previous: SiteOutput | None = None) -> SiteOutput:
    """Load and check the archive, then render it; raise ArchiveError with every problem on failure.

    With ``strict``, warnings fail the build here too, before anything is written. The exports' addresses
    are absolute from ``site_url``, or relative when it is absent or local (``http://127.0.0.1:8000/``):
    a build never writes a loopback address into its data.

    ``previous`` (the live preview's last output): a briefing page is taken from it, not rendered again, when
    only other briefings' prose changed since (see :func:`prose_edits`); every other page is rendered again.
    """
    archive, problems = load_archive(config)
    if archive is None or (strict and problems):
        raise ArchiveError(problems)
    excerpts = config.excerpts
    at = Addresses(public_base(site_url), directory_urls)
    ctx = RenderContext.build(with_terms(archive), directory_urls, excerpts, at, config.settings.author or site_name)
    files = {} if excerpts else seed_files(archive)
    for kind in (*KINDS, "archive"):
        files[f"schema/{kind}.schema.json"] = schema_text(kind).encode("utf-8")
    files["annotations.jsonld"] = _json(web_annotations(archive, at, excerpts))
    files["archive.json"] = _json(archive_data(archive, at, excerpts, ctx.ledger))
    changed = last_changed([config.briefings_dir / f"{b.id}.yml" for b in archive.briefings])
    files["feed.xml"] = atom_feed(archive, at, site_name,
                                  {b.id: changed[config.briefings_dir / f"{b.id}.yml"] for b in archive.briefings},
                                  config.settings.author)
    package = resources.files("briefing_archive")
    files[CLAIMS_DATA] = claims_data(ctx.archive, ctx.claim_rows)
    for path in (STYLESHEET, SCRIPT, WORKER_SHIM, CLAIMS_SCRIPT):
        files[path] = package.joinpath("assets", path.rsplit("/", 1)[1]).read_bytes()
    defaults = {path: package.joinpath(f"defaults/{path}").read_text("utf-8") for path in DEFAULT_PAGES}
    inputs = (config, directory_urls, site_url, site_name)
    edited = prose_edits(previous.archive, archive) if previous is not None and previous.inputs == inputs else None
    kept = frozenset() if edited is None else frozenset(b.id for b in archive.briefings) - edited
    pages, fragments = {}, {}
    for path, markdown in iter_pages(ctx, kept):
        if markdown or previous is None:
            pages[path], fragments[path] = split_fragments(markdown)
        else:
            pages[path], fragments[path] = previous.pages[path], previous.fragments[path]
    snippets = {HOME_PLACEHOLDER: home_html(ctx)}
    return SiteOutput(archive, pages, files, tuple(problems), defaults, fragments, config.root, snippets, inputs, len(kept))


def prose_edits(old: Archive, new: Archive) -> frozenset[str] | None:
    """The briefings of ``new`` whose prose alone changed since ``old``, or None when anything else changed.

    A briefing's prose (its summary, its claims' notes and background, its cautions' notes) is shown on its own
    page and on pages that are not briefing pages (home, claims explorer, compare...), never on another
    briefing's page; so when nothing but prose changed, every other briefing's page is as it was.
    """
    if old.sources != new.sources or old.entities != new.entities or old.lexicon != new.lexicon:
        return None
    if [b.id for b in old.briefings] != [b.id for b in new.briefings]:
        return None
    edited = set()
    for was, now in zip(old.briefings, new.briefings, strict=True):
        if was is now or was == now:
            continue
        if _without_prose(was) != _without_prose(now):
            return None
        edited.add(now.id)
    return frozenset(edited)


def _without_prose(b: Briefing) -> Briefing:
    return replace(b, summary="", warnings=tuple(replace(w, note="") for w in b.warnings),
                   claims=tuple(replace(c, note=None, background=None) for c in b.claims))


def _json(data: object) -> bytes:
    # Compact separators keep json on its C encoder (an indent makes it pure Python, 5x slower);
    # ASCII output keeps the string at one byte a character (tens of MB for a large archive).
    return (json.dumps(data, separators=(",", ":")) + "\n").encode("ascii")
