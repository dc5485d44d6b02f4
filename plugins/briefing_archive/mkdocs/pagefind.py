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
import gzip
import json
import logging
import tempfile
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from mkdocs.exceptions import PluginError
from pagefind.index import IndexConfig, PagefindIndex

from ..core.search import WHOLE_INDEX_ADVICE_KB, index_advice
from ..core.urls import CLAIMS_SEARCH_IDS
from ..render.markup import esc
from ..render.searchrecords import SearchRecord

log = logging.getLogger("mkdocs.plugins.briefings")
#: A claim's entry under its article (templates/claim.html): indexed as the claim's own record instead.
CLAIM_ENTRY = ".bx-claim-note"
BOX = ('<div class="md-header__option bx-pagefind" data-pagefind-ignore>'
       '<div id="bx-pagefind-search" role="search" aria-label="Search"></div></div>')

#: A claim's record (:func:`record_page`) lands where its ``url`` meta says, under the site's base path; its one
#: sub-result (the whole record, whose excerpt the interface shows when it has the result's address) lands there too.
PROCESS_RESULT = ('function(r){var u=r.meta&&r.meta.url;if(u&&u.charAt(0)==="/"){'
                  'u=r.meta.url=BASE.replace(/\\/$/,"")+u;'
                  'r.sub_results=r.sub_results.slice(0,1).map(function(s){s.url=u;return s})}return r}')


def engine(configured: str, *, material: bool, offline: bool) -> str:
    """The search a build uses: ``configured``, except that an offline copy of a Pagefind site uses Material's
    search when it is enabled there (Pagefind cannot fetch its index from file://); Material's search enabled
    beside Pagefind on the site itself is an error (two search boxes, two indexes)."""
    if configured != "pagefind" or not material:
        return configured
    if not offline:
        raise PluginError("briefings: `search: pagefind` replaces Material's search; remove `- search` "
                          "from `plugins:` in mkdocs.yml, or keep it for the offline copy alone with "
                          "`- search: {enabled: !ENV [BRIEFINGS_OFFLINE, false]}`")
    log.info("briefings: the offline copy uses Material's search (Pagefind cannot run from file://); "
             "its claims explorer searches quotes, briefings, sources and entities, not notes")
    return "material"


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
    process = PROCESS_RESULT.replace("BASE", json.dumps(base_path))
    head = (f'<link rel="stylesheet" href="{root}pagefind/pagefind-ui.css">'
            f'<script src="{root}pagefind/pagefind-ui.js"></script>'
            '<script>addEventListener("DOMContentLoaded",function(){new PagefindUI({element:'
            f'"#bx-pagefind-search",baseUrl:{json.dumps(base_path)},showSubResults:true,showImages:false,'
            f'showEmptyFilters:false,resetStyles:false,processResult:{process}}})}})</script>')
    return html.replace("</head>", head + "</head>", 1)


def build_index(site_dir: Path, records: Iterable[SearchRecord] = (), *, language: str = "en") -> None:
    """Index the built site's pages and each claim's record (:mod:`render.searchrecords`); a PluginError says
    what Pagefind said when it fails. Claims' entries on the pages (:data:`CLAIM_ENTRY`) are left out of the pages'
    text, so a claim is found once, as its own record with its grade, not again as a part of its briefing.

    The records go to Pagefind as small HTML files in a folder of their own, indexed in one request like the
    site's folder (:func:`record_page`): the Python wrapper answers one request per tenth of a second, so a request
    per record (its ``add_custom_record``) took 25 minutes at 1,000 briefings. The folder is temporary, outside the
    site: nothing but the index is published."""
    try:
        with tempfile.TemporaryDirectory(prefix="bx-records-") as folder:
            records = tuple(records)
            width = len(str(len(records)))
            for n, record in enumerate(records):
                Path(folder, f"{n:0{width}}.html").write_text(record_page(record, language), encoding="utf-8")
            # In a thread of its own: MkDocs may be driven from a thread whose event loop is running (a program
            # that builds from async code), where asyncio.run refuses to start another.
            with ThreadPoolExecutor(max_workers=1) as pool:
                pool.submit(asyncio.run, _index(site_dir, Path(folder) if records else None)).result()
        ids = site_dir / CLAIMS_SEARCH_IDS
        ids.parent.mkdir(parents=True, exist_ok=True)
        ids.write_bytes(record_ids(site_dir / "pagefind", records))
    except Exception as exc:   # the service raises plain Exceptions with its message (or a missing binary's error)
        raise PluginError(f"briefings: Pagefind could not index the site: {str(exc)[-2000:]}") from exc


def record_page(record: SearchRecord, language: str) -> str:
    """A claim's record as the page Pagefind reads: its text in the body, its meta and filters in an element
    left out of the text. ``url`` meta is where the result lands (Pagefind's interface links ``meta.url`` over
    the file's own address; the search box's ``processResult`` drops the file's one sub-result). Everything is
    escaped once for Pagefind's HTML reader (which decodes text, not attributes). A filter's value is kept
    escaped once: the interface shows it as HTML, so a source's name shows as written and never runs; Pagefind
    decodes a filter's text twice (1.5.2: the reader, then the filter), so it is written escaped three times
    (``tests/test_pagefind.py`` reads the values back from the index)."""
    tags = "".join(f'<span data-pagefind-meta="{_name(key)}">{esc(value)}</span>' for key, value in
                   (("url", record.url), *record.meta))
    tags += "".join(f'<span data-pagefind-filter="{_name(name)}">{esc(esc(esc(value)))}</span>'
                    for name, values in record.filters for value in values)
    body = "".join(f"<p>{esc(line)}</p>" for line in record.content.split("\n"))
    return (f'<!doctype html><html lang="{esc(language)}"><head><meta charset="utf-8"><title></title></head>'
            f"<body><main data-pagefind-body><div data-pagefind-ignore>{tags}</div>{body}</main></body></html>\n")


#: What Pagefind writes before a fragment's JSON (inside its gzip).
FRAGMENT_HEAD = b"pagefind_dcd"


def record_ids(index: Path, records: tuple[SearchRecord, ...]) -> bytes:
    """Each record's id in Pagefind's ``index`` (its fragment's name, which a search returns for it), in the order
    of ``records`` (the claims explorer's rows): the explorer asks Pagefind for words and shows the rows whose ids
    come back, so its words find notes without loading them."""
    row = {r.url: n for n, r in enumerate(records)}
    ids = [""] * len(records)
    for fragment in (index / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(fragment.read_bytes())
        meta = json.loads(data.removeprefix(FRAGMENT_HEAD)).get("meta") or {}
        if (n := row.get(str(meta.get("url", "")))) is not None:
            ids[n] = fragment.name.removesuffix(".pf_fragment")
    return (json.dumps(ids, separators=(",", ":")) + "\n").encode("ascii")


def _name(key: str) -> str:
    """A meta or filter name, which Pagefind reads from an attribute as written (the archive's own constants)."""
    if any(ch in key for ch in '"&<>:'):
        raise ValueError(f"a search name must not hold '\"', '&', '<', '>' or ':' ({key!r})")
    return key


async def _index(site_dir: Path, records: Path | None) -> None:
    # written as the context closes (into the folder the pages load the search from)
    config = IndexConfig(exclude_selectors=[CLAIM_ENTRY], output_path=str(site_dir / "pagefind"))
    async with PagefindIndex(config) as index:
        await index.add_directory(str(site_dir))
        if records is not None:
            await index.add_directory(str(records))


def advise_on_whole_index(index: Path, briefings: int) -> None:
    """Say once, at the end of a build, when Material's search index has outgrown it (:func:`index_advice`)."""
    try:
        raw = index.read_bytes() if index.stat().st_size > WHOLE_INDEX_ADVICE_KB * 1024 else b""
    except OSError:   # no index: Material's search is not on, or wrote elsewhere
        return
    if raw and (advice := index_advice(len(gzip.compress(raw, 6)), briefings)):
        log.info(advice)
