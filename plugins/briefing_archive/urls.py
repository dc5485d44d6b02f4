"""Page paths and the links between them, for directory-style and file-style URLs.

Generated pages link to one another from raw HTML, which no engine rewrites, so
the core computes each link relative to the page it sits on, the way the site
will serve it (``briefings/x/`` with directory URLs, ``briefings/x.html`` without).
"""
from __future__ import annotations

import posixpath


def page_url(page: str, directory_urls: bool) -> str:
    """Site-relative URL of a Markdown page path such as ``briefings/x.md``."""
    stem = page[:-3] if page.endswith(".md") else page
    if not directory_urls:
        return stem + ".html" if page.endswith(".md") else page
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/" if page.endswith(".md") else page


def link(from_page: str, to_page: str, directory_urls: bool, fragment: str | None = None) -> str:
    """Relative href from one page (or file) to another, with an optional ``#fragment``."""
    if from_page == to_page and fragment:
        return f"#{fragment}"
    src = page_url(from_page, directory_urls)
    dst = page_url(to_page, directory_urls)
    base = src.rstrip("/") if src.endswith("/") or not src else posixpath.dirname(src)
    rel = posixpath.relpath(dst or ".", base or ".")
    if (not dst or dst.endswith("/")) and not rel.endswith("/"):
        rel = "./" if rel == "." else rel + "/"
    return rel + (f"#{fragment}" if fragment else "")


def briefing_page(bid: str) -> str:
    return f"briefings/{bid}.md"


def source_page(sid: str) -> str:
    return f"sources/{sid}.md"


def entity_page(eid: str) -> str:
    return f"entities/{eid}.md"


def seed_file(name: str) -> str:
    return f"seeds/{name}"
