"""Page paths and the links between them, for directory-style and file-style URLs.

Generated pages link to one another from raw HTML, which no engine rewrites, so
the core computes each link relative to the page it sits on, the way the site
will serve it (``briefings/x/`` with directory URLs, ``briefings/x.html`` without).
Every URL is percent-encoded: ids are slugs, but an article's file name may hold
``#``, ``?``, ``%`` or spaces, which would otherwise end or change the link.
"""
from __future__ import annotations

import ipaddress
from functools import cache, lru_cache
from urllib.parse import quote, urlsplit

#: The cross-archive pages.
FIGURES, TIMELINE, RELATIONS, TAGS = "figures/index.md", "timeline/index.md", "relations/index.md", "tags/index.md"
#: Briefings side by side: every pair of briefings whose claims relate.
COMPARE = "compare/index.md"
#: The corrections log: every re-grade and correction of the archive, newest first (split by month when long).
CHANGES = "changes/index.md"
#: The claims explorer, the data it loads with a plain ``<script src>`` (``fetch`` fails from ``file://``),
#: and its script (loaded by that page only).
CLAIMS = "claims/index.md"
CLAIMS_DATA, CLAIMS_SCRIPT = "assets/briefings/claims-data.js", "assets/briefings/claims.js"
#: With Pagefind (``search: pagefind``): its library, and each claim's record's id in Pagefind's index, in the
#: explorer's row order (written once the site is indexed), so typing words finds claims by their notes too.
PAGEFIND_SCRIPT, CLAIMS_SEARCH_IDS = "pagefind/pagefind.js", "assets/briefings/claims-search.json"
#: The MISP export: one event per briefing in this folder.
MISP_DIR = "misp"


def misp_file(briefing_id: str) -> str:
    """A briefing's MISP event, from the site's root."""
    return f"{MISP_DIR}/{briefing_id}.json"
#: Beyond this many rows, the ledger, the timeline, the compare view and the changes are split into pages.
PAGE_ROWS = 300


@lru_cache(maxsize=65536)
def page_url(page: str, *, directory_urls: bool) -> str:
    """Site-relative URL (percent-encoded) of a Markdown page path such as ``briefings/x.md``."""
    stem = page.removesuffix(".md")
    if not directory_urls:
        url = stem + ".html" if page.endswith(".md") else page
    elif stem == "index" or stem.endswith("/index"):
        url = stem[: -len("index")]
    else:
        url = stem + "/" if page.endswith(".md") else page
    return quote(url, safe="/")


def link(from_page: str, to_page: str, *, directory_urls: bool, fragment: str | None = None) -> str:
    """Relative href from one page (or file) to another, with an optional ``#fragment``.

    Goes up to the site root and down again (``../../sources/x/``): as correct as the shortest
    path, and computed without path arithmetic, since it runs for every link of every page.
    """
    if from_page == to_page and fragment:
        return f"#{fragment}"
    href = _root_prefix(from_page, directory_urls=directory_urls) + page_url(to_page, directory_urls=directory_urls)
    return (href or "./") + (f"#{fragment}" if fragment else "")


def file_link(from_page: str, path: str, *, directory_urls: bool) -> str:
    """Relative href from a page to a file copied into the site as it is (a seed, a data file):
    unlike a page, a file keeps its name, even one that ends in ``.md``."""
    return _root_prefix(from_page, directory_urls=directory_urls) + file_url(path)


def file_url(path: str) -> str:
    """Site-relative URL (percent-encoded) of a file copied into the site under ``path``."""
    return quote(path, safe="/")


@cache
def _root_prefix(page: str, *, directory_urls: bool) -> str:
    return "../" * page_url(page, directory_urls=directory_urls).count("/")


def briefing_page(bid: str) -> str:
    return f"briefings/{bid}.md"


def source_page(sid: str) -> str:
    return f"sources/{sid}.md"


def entity_page(eid: str) -> str:
    return f"entities/{eid}.md"


def seed_file(name: str) -> str:
    return f"seeds/{name}"


def is_local_address(url: str | None) -> bool:
    """Whether a site URL is absent or names this machine (``localhost``, ``127.0.0.0/8``, ``::1``,
    ``0.0.0.0``): an address no reader of a published site can follow."""
    if not url:
        return True
    host = (urlsplit(url).hostname or "").rstrip(".").lower()
    if not host or host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        return False
    return ip.is_loopback or ip.is_unspecified


def public_base(site_url: str | None) -> str | None:
    """The base URL of the exports' addresses: the site URL, or ``None`` (relative addresses) when it is
    absent or local, so that no build, wherever it ends up, carries a loopback address in its data."""
    return None if is_local_address(site_url) else site_url


class Addresses:
    """Absolute (with a base URL) or relative addresses of pages and files of the site, for exports
    and feeds that are read away from the page that links them.

    Without a base URL, :meth:`page` and :meth:`file` are relative to the site root (right in a file at
    the root, such as ``annotations.jsonld``); data embedded in a page passes ``on`` to get addresses
    relative to that page instead, which is how JSON-LD resolves them.
    """

    def __init__(self, base_url: str | None, *, directory_urls: bool) -> None:
        self.base = (base_url.rstrip("/") + "/") if base_url else ""
        self.directory_urls = directory_urls

    @property
    def absolute(self) -> bool:
        return bool(self.base)

    def page(self, page: str, fragment: str | None = None, on: str | None = None) -> str:
        if on is not None and not self.base:
            return link(on, page, directory_urls=self.directory_urls, fragment=fragment)
        return self.base + page_url(page, directory_urls=self.directory_urls) + (f"#{fragment}" if fragment else "")

    def file(self, path: str) -> str:
        return self.base + file_url(path)
