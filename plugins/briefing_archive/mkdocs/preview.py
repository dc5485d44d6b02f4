"""The live preview's dirty rebuilds: only pages whose output can have changed are rendered again.

MkDocs 1.6 renders every page on every change, and with ``--dirty`` still every generated page (a
generated file always counts as modified). The plugin regenerates the archive's Markdown on each
change anyway, so it knows which pages really changed: one whose Markdown and HTML blocks hash as in
the last build is handed to MkDocs as a :class:`Kept` file, which a dirty build skips (its HTML in
``site_dir`` is already right). What is derived from every page is kept whole: when the set of pages
changes (a briefing, tag or profile added or removed) every page is rendered again (the navigation may
differ) and the pages that went away are deleted; hand-written pages are always rendered again (they
may show archive figures); when what every page shows around its content changes (the navigation: a
hand-written page's title, a page added to docs/; or mkdocs.yml) the kept pages are read and rendered again
too; and Material's search index keeps the entries of the pages not rendered
(its own dirty mode assumes one page changed). Data files whose bytes did not change are not written again, and
the theme's compiled templates are kept from one rebuild to the next.

So MkDocs' warning on every dirty build, that it "will likely lead to inaccurate navigation and other links",
is not true of this preview, and the plugin filters it out (:data:`DIRTY_WARNING`, installed only for
`mkdocs serve --dirty`), saying instead how many pages it renders again.
"""
from __future__ import annotations

import hashlib
import logging
import os
from typing import Any

from jinja2.bccache import Bucket, BytecodeCache
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure import StructureItem
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page


class TemplateCache(BytecodeCache):
    """Compiled theme templates, kept across rebuilds (MkDocs makes a new Jinja environment for each, which
    would compile Material's templates again: a third of a second)."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])   # checked against the source's checksum

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


class _DirtyWarning(logging.Filter):
    """Drops MkDocs' "A 'dirty' build is being performed..." (mkdocs/commands/build.py, on its logger), only that."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.levelno == logging.WARNING and record.name == "mkdocs.commands.build"
                    and record.getMessage().startswith("A 'dirty' build is being performed"))


#: The filter the plugin puts on the "mkdocs.commands.build" logger while it serves a dirty preview.
DIRTY_WARNING = _DirtyWarning()


class Kept(File):
    """A generated page identical to the one a previous build of this preview wrote."""

    stale = False   # what surrounds its content changed after all (Preview.surroundings)

    def is_modified(self) -> bool:
        return self.stale


def _outline(items: list[StructureItem]) -> list[object]:
    """What the navigation shows of these items: kinds, titles, addresses (of pages and links), nesting."""
    return [(type(item).__name__, item.title,
             _outline(item.children) if isinstance(item, Section) else getattr(item, "url", None))
            for item in items]


def surroundings_digest(nav: Navigation, config: MkDocsConfig) -> bytes:
    """A digest of what every page shows around its content: the navigation (which also orders the previous
    and next links) and the site's settings (mkdocs.yml)."""
    h = hashlib.blake2b(repr(_outline(nav.items)).encode("utf-8", "surrogatepass"), digest_size=16)
    if config.config_file_path and os.path.isfile(config.config_file_path):
        with open(config.config_file_path, "rb") as f:
            h.update(f.read())
    return h.digest()


def page_digest(markdown: str, fragments: bytes) -> bytes:
    h = hashlib.blake2b(markdown.encode("utf-8", "surrogatepass"), digest_size=16)
    h.update(b"\0")
    h.update(fragments)   # packed: the same blocks always pack to the same bytes
    return h.digest()


class Preview:
    """What one `mkdocs serve --dirty` session remembers between rebuilds."""

    def __init__(self) -> None:
        self.digests: dict[str, bytes] = {}     # generated page path -> digest, as last written
        # page path -> the Markdown and blocks last hashed (held, so that identity means "the same page")
        self.seen: dict[str, tuple[str, bytes | None]] = {}
        self.outputs: dict[str, str] = {}       # generated page path -> its HTML file in site_dir
        self.search: list[dict[str, Any]] = []  # Material's search entries of the last build
        self.rendered: set[str] = set()         # URLs of the pages this build renders
        self.heads: dict[str, tuple[str | None, dict[str, Any]]] = {}   # page path -> title and metadata
        self.files: dict[str, bytes] = {}       # generated data file path -> its content, as last written
        self.templates = TemplateCache()
        self.surrounding = b""                  # surroundings_digest of the last build

    def unchanged(self, pages: dict[str, str], fragments: dict[str, bytes]) -> set[str]:
        """The generated pages to keep as written; remembers this build's digests.

        A page the core handed over as the very same objects as last time (kept, not rendered again) is not
        hashed again."""
        def same(path: str, md: str) -> bool:
            was = self.seen.get(path)
            return was is not None and was[0] is md and was[1] is fragments.get(path)

        digests = {path: self.digests[path] if same(path, md) else page_digest(md, fragments.get(path, b""))
                   for path, md in pages.items()}
        self.seen = {path: (md, fragments.get(path)) for path, md in pages.items()}
        same_set = digests.keys() == self.digests.keys()
        kept = {p for p, d in digests.items() if self.digests.get(p) == d} if same_set else set()
        self.digests = digests
        return kept

    def unchanged_files(self, files: dict[str, bytes]) -> set[str]:
        """The generated data files (articles, exports, assets) to keep as written: those whose bytes are the
        same as last time, while the set of files is the same."""
        same_set = files.keys() == self.files.keys()
        kept = {p for p, data in files.items() if data is self.files.get(p) or data == self.files.get(p)} \
            if same_set else set()
        self.files = dict(files)
        return kept

    def prune(self, files: Files) -> None:
        """Delete the HTML of generated pages that are gone; make hand-written pages render again."""
        now = {f.src_uri: f.abs_dest_path for f in files.documentation_pages() if f.generated_by}
        for path, dest in self.outputs.items():
            if path not in now and os.path.isfile(dest):
                os.remove(dest)
        self.outputs = now
        for f in files.documentation_pages():
            if not f.generated_by and os.path.isfile(f.abs_dest_path):
                os.utime(f.abs_dest_path, (0, 0))   # older than its source: MkDocs renders it again
        # A page's URL as its search entries give it (the home page's file URL is "./", its page URL "")
        self.rendered = {"" if f.url == "./" else f.url for f in files.documentation_pages() if f.is_modified()}

    def remember(self, page: Page) -> None:
        """A rendered page's title and metadata, which the navigation of later rebuilds shows."""
        self.heads[page.file.src_uri] = (page.title, dict(page.meta))

    def restore(self, files: Files) -> None:
        """Kept pages are not read again, so give them the title and metadata they were rendered with."""
        for f in files.documentation_pages():
            if isinstance(f, Kept) and f.page is not None and f.src_uri in self.heads:
                f.page.title, f.page.meta = self.heads[f.src_uri][0], dict(self.heads[f.src_uri][1])

    def surroundings(self, nav: Navigation, config: MkDocsConfig, files: Files) -> int:
        """Once every page has its title: when the navigation or mkdocs.yml changed, read and render again the
        kept pages too (MkDocs skipped reading them), as MkDocs reads a page; how many."""
        digest = surroundings_digest(nav, config)
        changed, self.surrounding = digest != self.surrounding and bool(self.surrounding), digest
        if not changed:
            return 0
        count = 0
        for f in files.documentation_pages():
            if isinstance(f, Kept) and f.page is not None:
                f.stale = True
                page = config.plugins.on_pre_page(f.page, config=config, files=files)
                page.read_source(config)
                page.markdown = config.plugins.on_page_markdown(page.markdown or "", page=page, config=config,
                                                                files=files)
                page.render(config, files)
                page.content = config.plugins.on_page_content(page.content or "", page=page, config=config,
                                                              files=files)
                self.rendered.add("" if f.url == "./" else f.url)
                count += 1
        return count

    def seed_search(self, search: BasePlugin[Any] | None) -> None:
        """Before pages are rendered: give Material's index the entries of the pages that will not be."""
        index = getattr(search, "search_index", None)
        if index is None:
            return
        index.entries = [e for e in self.search if e["location"].split("#", 1)[0] not in self.rendered]
        search.search_index_prev = None   # type: ignore[union-attr]  # its own merge assumes one changed page

    def keep_search(self, search: BasePlugin[Any] | None) -> None:
        index = getattr(search, "search_index", None)
        if index is not None:
            self.search = list(index.entries)

