"""The Atom feed of briefings (RFC 4287), through feedgen.

- Ids never change when the site moves (RFC 4287, 4.2.6): they are ``urn:uuid:`` name-based UUIDs
  (RFC 9562, version 5), the feed's from the site's name and each entry's from the feed's UUID and the
  briefing id, not from the site's URL. Renaming the site or a briefing file gives new ids.
- The feed has an ``author`` (4.1.1: a feed whose entries have none must have one): the archive itself,
  by the plugin's ``author`` setting (default: the site name), with the site's home page as its ``uri``
  when the site URL is known.
- A summary's references to briefings and claims read as their titles (or the link's own words), as the
  pages show them, never as the ids the authors write.
- Links are absolute from the site URL when it is set (and not local), else relative to the feed,
  which sits at the site's root.
"""
from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, datetime

from feedgen.feed import FeedGenerator

from ..core import urls
from ..core.model import Archive
from ..core.urls import Addresses
from .references import targets, unlinked

#: The namespace of the feed UUIDs (a fixed, random UUID: the same archive gets the same ids anywhere).
FEED_NAMESPACE = uuid.UUID("6b0f3e62-5c1d-4c55-9a43-8f7d2a9e41b7")


def feed_id(site_name: str) -> str:
    """The feed's Atom id: the same wherever and under whatever URL the site is published."""
    return uuid.uuid5(FEED_NAMESPACE, site_name).urn


def entry_id(site_name: str, briefing_id: str) -> str:
    """A briefing's Atom id, stable like :func:`feed_id`."""
    return uuid.uuid5(uuid.uuid5(FEED_NAMESPACE, site_name), briefing_id).urn


def published_time(value: str) -> datetime:
    """A YYYY, YYYY-MM or YYYY-MM-DD date as a UTC time at the start of that period."""
    parts = [int(p) for p in value.split("-")] + [1, 1]
    return datetime(parts[0], parts[1], parts[2], tzinfo=UTC)


def atom_feed(archive: Archive, at: Addresses, site_name: str, changed: dict[str, datetime],
              author: str = "", *, summary_html: Callable[[str], str]) -> bytes:
    """Briefings dated by ``published``, else by ``changed`` (last commit or file time), newest first;
    ``author`` names the archive as the feed's author (empty: the site name); ``summary_html`` renders a
    summary's Markdown as safe HTML (the render stage's: exports do not import it)."""
    feed = FeedGenerator()
    home = at.file("")
    feed.id(feed_id(site_name))
    feed.title(site_name)
    feed.author({"name": author or site_name, **({"uri": home} if at.absolute else {})})
    feed.link(href=at.file("feed.xml"), rel="self")
    feed.link(href=home or "./", rel="alternate")
    feed.language("en")
    words = targets(archive, at)
    dated = sorted(((published_time(b.published) if b.published else changed[b.id], b) for b in archive.briefings),
                   key=lambda pair: (pair[0], pair[1].id))
    if dated:
        feed.updated(dated[-1][0])
    else:
        feed.updated(datetime(1970, 1, 1, tzinfo=UTC))
    for when, b in dated:  # feedgen lists entries newest first when added oldest first
        entry = feed.add_entry()
        entry.id(entry_id(site_name, b.id))
        entry.title(b.title)
        entry.link(href=at.page(urls.briefing_page(b.id)))
        entry.updated(when)
        if b.published:
            entry.published(when)
        # A reference reads as its words (the target's title when it has none): a feed reader shows no slug
        entry.summary(summary_html(unlinked(b.summary, words)), type="html")
        for tag in b.tags:
            entry.category(term=tag)
    return feed.atom_str(pretty=True)
