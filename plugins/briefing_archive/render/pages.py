"""Render the archive into pages: ``{page path: markdown}``.

Each page is Markdown whose body is mostly raw HTML built here: author text is
escaped (or rendered by :mod:`.markup` when it is Markdown), links are computed
by :mod:`.urls`, and headings get explicit ids that start with ``_`` so they can
never collide with a claim's permalink. Titles go into front matter already
HTML-escaped, because themes print the page title without escaping it.
"""
from __future__ import annotations

from ..core import urls
from ..core.model import Archive
from ..core.rule import Judgement
from ..derive.stage import derive_archive
from ..derive.terms import with_terms
from .context import RenderContext
from .families import FAMILIES
from .families.reads import Reads


def render_pages(archive: Archive, *, directory_urls: bool = True, excerpts: bool = False,
                 addresses: urls.Addresses | None = None, judged: Judgement | None = None) -> dict[str, str]:
    """Every generated page of the archive, keyed by its path in the docs tree, whole (its HTML blocks in place;
    ``judged``: the check's, if any)."""
    ctx = RenderContext.build(derive_archive(with_terms(archive), judged), directory_urls=directory_urls, excerpts=excerpts,
                              addresses=addresses)
    reads = Reads(ctx)
    return {path: str(family.render(reads, key)) for family in FAMILIES if family.target == "page"
            for path, key in family.pages(reads)}
