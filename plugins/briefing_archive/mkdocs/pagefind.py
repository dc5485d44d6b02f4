"""The Pagefind search backend, for archives too large for a search index fetched whole.

Pagefind (``pagefind[extended]`` on PyPI ships its binary, so nothing downloads) indexes
the built site into small fragments and a reader's browser fetches only those a query
needs. Pages say what to index with ``data-pagefind-body``; parts excluded from search
carry ``data-pagefind-ignore`` from the core (:data:`markup.SEARCH_EXCLUDE`); the search box goes
where Material's own would be, in the header. Only the theme's own elements are touched here: the
first ``<article class="md-content__inner md-typeset">``, ``</nav>`` after the header and
``</head>`` come before any content, the headings' permalinks (``<a class="headerlink"``) are the Markdown
engine's, and author text, always escaped, can never spell them. Each claim is a result of its own, landing on
its permalink, with its grade shown and filters for its grade, sides, sources and status
(:mod:`render.searchrecords`); the pages' other headings stay sub-results of their page."""
from __future__ import annotations

import asyncio
import json
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from mkdocs.exceptions import PluginError
from pagefind.index import IndexConfig, PagefindIndex

from ..render.markup import esc
from ..render.searchrecords import SearchRecord

#: A claim's entry under its article (templates/claim.html): indexed as the claim's own record instead.
CLAIM_ENTRY = ".bx-claim-note"
BOX = ('<div class="md-header__option bx-pagefind" data-pagefind-ignore>'
       '<div id="bx-pagefind-search" role="search" aria-label="Search"></div></div>')


def prepare_page(html: str, root: str, *, searchable: bool, base_path: str = "/") -> str:
    """Mark a built page for Pagefind and give it the search box; ``root`` is the relative path
    from the page to the site root (``../../``), ``base_path`` the site's path on its host."""
    if searchable:
        html = html.replace('<article class="md-content__inner md-typeset">',
                            '<article class="md-content__inner md-typeset" data-pagefind-body>', 1)
        # A heading's permalink sign is no word of its title ("Article", not "Article¶", in sub-results).
        html = html.replace('<a class="headerlink" ', '<a class="headerlink" data-pagefind-ignore ')
    inner = html.find('class="md-header__inner')
    end = html.find("</nav>", inner)
    if inner != -1 and end != -1:
        html = html[:end] + BOX + html[end:]
    head = (f'<link rel="stylesheet" href="{root}pagefind/pagefind-ui.css">'
            f'<script src="{root}pagefind/pagefind-ui.js"></script>'
            '<script>addEventListener("DOMContentLoaded",function(){new PagefindUI({element:'
            f'"#bx-pagefind-search",baseUrl:{json.dumps(base_path)},showSubResults:true,showImages:false,'
            'showEmptyFilters:false,resetStyles:false})})</script>')
    return html.replace("</head>", head + "</head>", 1)


def build_index(site_dir: Path, records: Iterable[SearchRecord] = (), *, language: str = "en") -> None:
    """Index the built site's pages and each claim's record (:mod:`render.searchrecords`); a PluginError says
    what Pagefind said when it fails. Claims' entries on the pages (:data:`CLAIM_ENTRY`) are left out of the pages'
    text, so a claim is found once, as its own record with its grade, not again as a part of its briefing."""
    try:
        # In a thread of its own: MkDocs may be driven from a thread whose event loop is running (a program that
        # builds from async code), where asyncio.run refuses to start another.
        with ThreadPoolExecutor(max_workers=1) as pool:
            pool.submit(asyncio.run, _index(site_dir, tuple(records), language)).result()
    except Exception as exc:   # the service raises plain Exceptions with its message (or a missing binary's error)
        raise PluginError(f"briefings: Pagefind could not index the site: {str(exc)[-2000:]}") from exc


async def _index(site_dir: Path, records: tuple[SearchRecord, ...], language: str) -> None:
    # written as the context closes (into the folder the pages load the search from)
    config = IndexConfig(exclude_selectors=[CLAIM_ENTRY], output_path=str(site_dir / "pagefind"))
    async with PagefindIndex(config) as index:
        await index.add_directory(str(site_dir))
        for r in records:
            # A record's text and meta are shown as text (its excerpt with "<" and ">" escaped by Pagefind), but
            # Pagefind's interface shows a filter's values as HTML: they are escaped here, so a source's name
            # shows as written and never runs.
            await index.add_custom_record(url=r.url, content=r.content, language=language, meta=dict(r.meta),
                                          filters={name: [esc(v) for v in values]
                                                   for name, values in r.filters if values})
