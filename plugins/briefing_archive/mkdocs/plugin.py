"""MkDocs adapter: translates MkDocs events into calls of the engine-agnostic core.

Validation runs in ``on_pre_build`` (before MkDocs cleans ``site_dir``, so a bad
annotation leaves the last good site untouched), generated pages are added in
``on_files``, and ``seeds/`` and ``briefings/`` are watched in ``on_serve``, where the preview's pages also get
the banner that lists the archive's problems while the last edit left it with errors (see banner.py).
"""
from __future__ import annotations

import gc
import logging
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment
from mkdocs.config import base
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from ..core.config import SETTINGS, ArchiveConfig, Settings
from ..core.problems import ArchiveError, Problem
from ..core.urls import is_local_address
from ..load.docs import docs_files, taken_pages
from ..load.guard import refusal
from ..load.templates import templates_dir
from ..render.fragments import fill as fill_fragments
from ..render.fragments import unpack
from ..render.placeholders import fill_placeholders
from ..site import SCRIPT, STYLESHEET, THEME_TOOLTIPS, SiteOutput, build_site, without_theme_tooltips
from . import pagefind
from .banner import banner, with_banner
from .options import option
from .preview import DIRTY_WARNING, Kept, Preview
from .public import drop_sitemap, without_canonical, without_sitemap
from .released import Released
from .searchsetup import offline_without_cdn, plugin_named, split_words_at_punctuation

log = logging.getLogger("mkdocs.plugins.briefings")


class BriefingsConfig(base.Config):
    """The plugin's options; names, types and defaults come from :class:`~briefing_archive.core.config.Settings`,
    which documents each (the command line validates ``mkdocs.yml`` with the same table)."""

    seeds_dir: str = option("seeds_dir")
    """Folder of the articles (plain UTF-8 text), relative to mkdocs.yml."""
    briefings_dir: str = option("briefings_dir")
    """Folder of the briefing YAML files, with `sources/` and `entities/` inside, relative to mkdocs.yml."""
    max_yaml_bytes: int = option("max_yaml_bytes")
    """YAML files larger than this many bytes are refused."""
    max_seed_bytes: int = option("max_seed_bytes")
    """Articles (seeds) larger than this many bytes are refused."""
    publish_text: str = option("publish_text")
    """`full` or `excerpts` (only the annotated passages with their sentences)."""
    search: str = option("search")
    """`material` (Material's search) or `pagefind` (remove `search` from `plugins:` then)."""
    lexicon: str = option("lexicon")
    """Estimative-language lexicon: `phia`, `icd203`, or a YAML file's path relative to mkdocs.yml."""
    author: str = option("author")
    """Who publishes the archive, the Atom feed's author; empty: the site name."""

    def settings(self) -> Settings:
        return Settings(**{name: self[name] for name in SETTINGS})


class BriefingsPlugin(BasePlugin[BriefingsConfig]):
    def __init__(self) -> None:
        self.output: SiteOutput | None = None
        self.serving = False
        self.told_local = False   # the exports' local addresses: said once a build, once in a preview
        self.told_history: str | None = None   # the history's line ("not available", "since"): said once likewise
        self.preview: Preview | None = None   # `mkdocs serve --dirty`: render again only pages that changed
        self.blocks: tuple[str, ...] = ()     # the HTML blocks of the page being rendered (see on_page_context)
        self.banner = b""                     # the preview's problem banner (HTML), while the archive has errors
        self.nav: Navigation | None = None    # this build's navigation, in the preview

    def _archive_config(self, config: MkDocsConfig) -> ArchiveConfig:
        root = Path(config.config_file_path or ".").resolve().parent
        archive = ArchiveConfig.at(root, self.config.settings())
        # the preview re-reads only the files that changed; the theme's custom_dir may override the templates
        return replace(archive, reuse=self.serving, templates_dir=templates_dir(config.theme.custom_dir))

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"
        self.preview = Preview() if self.serving and dirty else None
        if self.preview:
            # MkDocs' own warning on each dirty build is not true of this preview (see preview.py): it says
            # instead what it renders again (on_files).
            logging.getLogger("mkdocs.commands.build").addFilter(DIRTY_WARNING)

    def on_shutdown(self) -> None:
        # MkDocs keeps plugins that have on_startup for the whole process: start the next one clean.
        self.serving, self.output, self.told_local, self.preview, self.banner = False, None, False, None, b""
        self.told_history = None
        self.nav = None
        logging.getLogger("mkdocs.commands.build").removeFilter(DIRTY_WARNING)

    # Before Material's search and offline plugins read their settings (their on_config), so the defaults
    # set here are the ones they use.
    @event_priority(50)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.config["search"] = pagefind.engine(self.config.search, material=plugin_named(config, "search") is not None,
                                                offline=plugin_named(config, "offline") is not None)
        split_words_at_punctuation(config)
        offline_without_cdn(config, self.config.search)
        # Generated headings carry explicit `{#_id}` ids so they never collide with claim permalinks.
        if "attr_list" not in config.markdown_extensions:
            config.markdown_extensions.append("attr_list")
        if STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        if SCRIPT not in config.extra_javascript:
            config.extra_javascript.append(SCRIPT)
        without_sitemap(config)   # no public address: no sitemap, no canonical links (said in on_pre_build)
        features = config.theme.get("features")
        if isinstance(features, list) and THEME_TOOLTIPS in features:
            config.theme["features"] = without_theme_tooltips(features)
            log.info(f"briefings: the theme's `{THEME_TOOLTIPS}` is left off: it builds tooltips from titles as HTML, "
                     "which would run an author's text; the archive's tooltips are its own, built as text")
        return config

    # Runs before every other plugin's pre_build, so nothing is done for an archive that fails.
    @event_priority(100)
    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        archive = self._archive_config(config)
        began = time.perf_counter()
        if self.preview:
            # The last build's output (kept to build from) is as large as the new one: no full pass of the cyclic
            # collector should walk it while the core builds (a quarter of a rebuild's core time at 1,000).
            gc.freeze()
        # docs/ is published as MkDocs finds it, links followed: check it here, with the archive, before site_dir
        # is cleaned (on_files checks MkDocs' own list again).
        hand, refused = docs_files(Path(config.docs_dir), archive.root, archive.display)
        if config.theme.custom_dir:   # the theme's override folder is published (and its templates read) too
            refused += docs_files(Path(config.theme.custom_dir), archive.root, archive.display)[1]
        try:
            output = build_site(archive, directory_urls=config.use_directory_urls, strict=config.strict,
                                site_url=config.site_url,
                                site_name=config.site_name, previous=self.output if self.preview else None,
                                history=self.output.history if self.serving and self.output is not None
                                and self.output.root == archive.root else None)
        except ArchiveError as exc:
            self._failed([*refused, *exc.problems], archive)
            return
        problems = [*refused, *taken_pages(hand, output.pages, directory_urls=config.use_directory_urls,
                                           shown=archive.display)]
        if problems:
            self._failed([*problems, *output.problems], archive)
            return
        self.output = output
        self.banner = b""
        for problem in self.output.problems:
            log.warning(problem.format())
        # The archive's millions of objects live to the end of the build: exempt them from the cyclic garbage
        # collector's full passes (which would walk them again and again while MkDocs renders: seconds at
        # 10,000 briefings), until on_post_build (or on_build_error) hands them back.
        gc.freeze()
        log.info(f"briefings: the archive was checked and rendered in {time.perf_counter() - began:.2f} seconds"
                 + (f" ({self.output.reused} briefing pages unchanged, kept)" if self.output.reused else ""))
        line = self.output.history.line if self.output.history is not None else None
        # once a build, and once a preview while it stays (a plugin lives on across one-off builds of a process)
        if line is not None and not (self.serving and line == self.told_history):
            self.told_history = line
            log.info(f"briefings: {line}")
        if is_local_address(config.site_url) and not (self.serving and self.told_local):
            self.told_local = True
            where = f"is local ({config.site_url})" if config.site_url else "is not set"
            log.info(f"briefings: site_url {where}, so the exports (annotations.jsonld, archive.json, feed.xml, stix.json, misp/ and "
                     "the pages' ClaimReview) use relative addresses, and the pages have no canonical link and the "
                     "site no sitemap; set SITE_URL (or site_url) to the published address when building the site "
                     "to deploy")

    def _failed(self, problems: list[Problem], archive: ArchiveConfig) -> None:
        """Say every problem; stop a build, but keep the preview serving its last valid archive."""
        for problem in problems:
            (log.error if problem.severity == "error" else log.warning)(problem.format())
        if not self.serving or self.output is None or self.output.root != archive.root:
            raise PluginError(f"{len(problems)} problem(s) in the briefing archive; nothing was written "
                              "(see the messages above)")
        log.warning("Keeping the last valid archive in the preview until the problems are fixed (its pages "
                    "list them at the top).")
        self.banner = banner(problems)

    # Late, so pages other plugins generate are already there and ours never replace a hand-written one.
    @event_priority(-50)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.output is not None
        self._guard(files, config)
        drop_sitemap(files, config)
        kept = self.preview.unchanged(self.output.pages, self.output.fragments) if self.preview else set()
        for path, markdown in self.output.pages.items():
            if (hand := files.get_file_from_path(path)) is not None:
                # Reported in on_pre_build; the preview keeps serving its last valid archive, generated page first.
                files.remove(hand)
            inclusion = InclusionLevel.UNDEFINED if path.endswith("index.md") else InclusionLevel.NOT_IN_NAV
            kind = Kept if path in kept else File
            files.append(kind.generated(config, path, content=markdown, inclusion=inclusion))
        same = self.preview.unchanged_files(self.output.files) if self.preview else set()
        for path, content in self.output.files.items():
            if files.get_file_from_path(path) is None:
                kind = Kept if path in same else File if self.serving else Released
                files.append(kind.generated(config, path, content=content))
        if not self.serving:
            self.output.files.clear()   # MkDocs holds them now, each until it is written (see Released)
        for path, markdown in self.output.default_pages.items():
            if files.get_file_from_path(path) is None:
                files.append(File.generated(config, path, content=markdown))
        if self.preview:
            self.preview.prune(files)
            log.info(f"briefings: rendering {len(self.preview.rendered)} changed page(s) again; the other pages "
                     "and their search entries are as last built")
        return files

    def _guard(self, files: Files, config: MkDocsConfig) -> None:
        """Drop from MkDocs' own list of docs/ any file the guard refuses (a link out of docs/ or into a hidden
        folder): on_pre_build reported them, and a preview serving its last valid archive must not publish them."""
        docs = Path(config.docs_dir)
        for file in list(files):
            if file.generated_by is None and file.abs_src_path and Path(file.abs_src_path).is_relative_to(docs) \
                    and refusal(Path(file.abs_src_path), docs, str):
                files.remove(file)

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        self.nav = nav if self.preview else None   # the preview compares it in on_env, with every title read
        return nav

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        if self.preview:
            env.bytecode_cache = self.preview.templates
            self.preview.restore(files)
            if self.nav is not None and (again := self.preview.surroundings(self.nav, config, files)):
                log.info(f"briefings: the navigation or mkdocs.yml changed, so the other {again} page(s) are "
                         "rendered again too")
            self.preview.seed_search(plugin_named(config, "search"))
        return env

    def on_pre_page(self, page: Page, *, config: MkDocsConfig, files: Files) -> Page:
        without_canonical(page, config)
        return page

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        assert self.output is not None
        return fill_placeholders(markdown, self.output.archive, self.output.snippets)

    # Before Material's search (priority 0) indexes the page in its own on_page_context: it must read the
    # page with the HTML blocks it indexes in place.
    @event_priority(50)
    def _fill_searchable(self, context: TemplateContext, *, page: Page, config: MkDocsConfig,
                         nav: Navigation) -> TemplateContext:
        # Generated pages reach MkDocs with their HTML blocks as markers (fast to render); they are put back only
        # now, one page at a time, so that MkDocs, which renders every page's Markdown before writing any, never
        # holds them all. Popped, not read, in a one-off build; the live preview keeps them, to serve the last
        # valid archive again. The blocks search skips whole (data-search-exclude on their first element: a
        # profile's list of claims, a briefing's reading guide) wait for _fill_skipped: parsing them only to
        # skip them was a quarter of the HTML search parsed.
        assert self.output is not None
        fragments = self.output.fragments
        if self.preview:
            self.preview.remember(page)
        packed = fragments.get(page.file.src_uri, b"") if self.serving else fragments.pop(page.file.src_uri, b"")
        self.blocks = unpack(packed)
        page.content = fill_fragments(page.content or "", self.blocks, searchable=True)
        return context

    # After search indexed the page, before its template is rendered: every block is in place for the theme
    # and every other plugin from here on.
    @event_priority(-50)
    def _fill_skipped(self, context: TemplateContext, *, page: Page, config: MkDocsConfig,
                      nav: Navigation) -> TemplateContext:
        page.content = fill_fragments(page.content or "", self.blocks)
        self.blocks = ()
        return context

    on_page_context = CombinedEvent(_fill_searchable, _fill_skipped)

    # Last, so every other plugin has seen the page's content before a one-off build lets it go.
    @event_priority(-100)
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if not self.serving and page.file.generated_by:
            page.content = None   # written once this returns; MkDocs would hold every page's HTML to the end
        if self.config.search == "pagefind":
            searchable = not (page.meta.get("search") or {}).get("exclude")
            base_path = urlsplit(config.site_url or "/").path or "/"
            return pagefind.prepare_page(output, "../" * page.url.count("/"), searchable=searchable,
                                         base_path=base_path)
        # Material's search dialog has no accessible name (axe: aria-dialog-name); give it one.
        return output.replace('data-md-component="search" role="dialog">',
                              'data-md-component="search" role="dialog" aria-label="Search">', 1)

    # Last, so every other plugin has written its files before the site is indexed.
    @event_priority(-100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        gc.unfreeze()
        if self.preview:
            self.preview.keep_search(plugin_named(config, "search"))
        if self.config.search == "pagefind":
            records = self.output.search_records if self.output is not None else ()
            pagefind.build_index(Path(config.site_dir), records, language=str(config.theme.get("language") or "en"))
        elif not self.serving and self.output is not None:
            index = Path(config.site_dir) / "search" / "search_index.json"
            pagefind.advise_on_whole_index(index, len(self.output.archive.briefings))

    def on_build_error(self, *, error: Exception) -> None:
        gc.unfreeze()

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Callable[..., Any]) -> LiveReloadServer:
        archive = self._archive_config(config)
        lexicon = archive.root / archive.lexicon   # a custom lexicon file, when one is configured
        for path in (archive.seeds_dir, archive.briefings_dir, lexicon):
            if path.exists():
                server.watch(str(path))
        app = server.get_app()   # MkDocs' live-reload server is a wsgiref WSGIServer serving its own app
        if self.serving and app is not None:
            server.set_app(with_banner(app, lambda: self.banner))
        return server
