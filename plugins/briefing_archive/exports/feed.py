"""The Atom feed of briefings, through feedgen, with absolute links from the site's base URL."""
from __future__ import annotations

from datetime import UTC, datetime

from feedgen.feed import FeedGenerator

from ..core.model import Archive
from ..render import urls
from ..render.markup import render_markdown
from ..render.urls import Addresses


def published_time(value: str) -> datetime:
    """A YYYY, YYYY-MM or YYYY-MM-DD date as a UTC time at the start of that period."""
    parts = [int(p) for p in value.split("-")] + [1, 1]
    return datetime(parts[0], parts[1], parts[2], tzinfo=UTC)


def atom_feed(archive: Archive, at: Addresses, site_name: str, changed: dict[str, datetime]) -> bytes:
    """Briefings dated by ``published``, else by ``changed`` (last commit or file time), newest first."""
    feed = FeedGenerator()
    home = at.file("")
    feed.id(home or "urn:briefing-archive")
    feed.title(site_name)
    feed.link(href=at.file("feed.xml"), rel="self")
    feed.link(href=home or "./", rel="alternate")
    feed.language("en")
    dated = sorted(((published_time(b.published) if b.published else changed[b.id], b) for b in archive.briefings),
                   key=lambda pair: (pair[0], pair[1].id))
    if dated:
        feed.updated(dated[-1][0])
    else:
        feed.updated(datetime(1970, 1, 1, tzinfo=UTC))
    for when, b in dated:  # feedgen lists entries newest first when added oldest first
        entry = feed.add_entry()
        url = at.page(urls.briefing_page(b.id))
        entry.id(url)
        entry.title(b.title)
        entry.link(href=url)
        entry.updated(when)
        if b.published:
            entry.published(when)
        entry.summary(render_markdown(b.summary), type="html")
        for tag in b.tags:
            entry.category(term=tag)
    return feed.atom_str(pretty=True)
