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
- Each committed re-grade of a claim or a source is an entry too (issue 27), dated by its commit, with an id from
  the claim's key (or the source's id) and the commit: a rebuild updates the feed, never duplicates an entry.
  Briefings are listed in the home page's order (``order``: :mod:`briefing_archive.derive.latest`), re-grades
  among them by date: the latest :data:`REGRADES` of them (every re-grade is on ``/changes/``; a feed of every
  re-grade ever made grew to 7,186 entries, 3 MB, at 1,000 briefings with 5,000 commits).
"""
from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from feedgen.feed import FeedGenerator

from ..core import urls
from ..core.dates import instant, period_start
from ..core.history import NO_REASON, ArchiveHistory
from ..core.ids import claim_key, split_claim_key
from ..core.model import Archive, Briefing
from ..core.urls import Addresses
from .references import targets, unlinked

#: How many re-grades the feed carries, the newest.
REGRADES = 100
#: The namespace of the feed UUIDs (a fixed, random UUID: the same archive gets the same ids anywhere).
FEED_NAMESPACE = uuid.UUID("6b0f3e62-5c1d-4c55-9a43-8f7d2a9e41b7")


def feed_id(site_name: str) -> str:
    """The feed's Atom id: the same wherever and under whatever URL the site is published."""
    return uuid.uuid5(FEED_NAMESPACE, site_name).urn


def entry_id(site_name: str, briefing_id: str) -> str:
    """A briefing's Atom id, stable like :func:`feed_id`."""
    return uuid.uuid5(uuid.uuid5(FEED_NAMESPACE, site_name), briefing_id).urn


def regrade_id(site_name: str, subject: str, commit: str) -> str:
    """A re-grade's Atom id: from the claim's key (``briefing#claim``) or ``source:<id>``, and the commit."""
    return uuid.uuid5(uuid.uuid5(FEED_NAMESPACE, site_name), f"regrade {subject} {commit}").urn


@dataclass(frozen=True)
class Regrade:
    """A committed re-grade, as the feed announces it (its words made by the render stage's history)."""

    subject: str          # the claim's key, or ``source:<id>``
    commit: str
    date: datetime
    title: str            # e.g. "Re-graded 3 -> 2: “40 drones ...”"
    page: str             # the page it links to
    fragment: str | None  # the claim's anchor on that page
    reason: str           # why, or "re-graded; no reason given"


def atom_feed(archive: Archive, at: Addresses, site_name: str, changed: dict[str, datetime],
              author: str = "", *, summary_html: Callable[[str], str], order: Sequence[str] | None = None,
              sort_times: Mapping[str, datetime | None] | None = None, regrades: Sequence[Regrade] = ()) -> bytes:
    """Briefings dated by ``published``, else by ``changed`` (last commit or file time), newest first;
    ``author`` names the archive as the feed's author (empty: the site name); ``summary_html`` renders a
    summary's Markdown as safe HTML (the render stage's: exports do not import it).

    ``order``: briefing ids newest first (the home page's), with ``sort_times`` (id -> the instant each sorts by;
    None: first when before the dated ones, else last); ``regrades`` go among them by date, newest first."""
    feed = FeedGenerator()
    home = at.file("")
    feed.id(feed_id(site_name))
    feed.title(site_name)
    feed.author({"name": author or site_name, **({"uri": home} if at.absolute else {})})
    feed.link(href=at.file("feed.xml"), rel="self")
    feed.link(href=home or "./", rel="alternate")
    feed.language("en")
    words = targets(archive, at)
    dated = sorted(((period_start(b.published) if b.published else changed[b.id], b) for b in archive.briefings),
                   key=lambda pair: (pair[0], pair[1].id))
    times = {b.id: when for when, b in dated}
    newest = [*(r.date for r in regrades), *times.values()]
    feed.updated(max(newest) if newest else datetime(1970, 1, 1, tzinfo=UTC))
    by_id = {b.id: b for b in archive.briefings}
    briefings = [by_id[bid] for bid in order] if order is not None else [b for _, b in reversed(dated)]
    keys = sort_times if sort_times is not None else times
    latest = sorted(regrades, key=lambda r: (r.date, r.subject, r.commit), reverse=True)[:REGRADES]
    items = _merged(briefings, keys, latest)
    for item in reversed(items):  # feedgen lists entries newest first when added oldest first
        if isinstance(item, Regrade):
            _regrade_entry(feed, at, site_name, item)
            continue
        b, when = item, times[item.id]
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


def _merged(briefings: list[Briefing], keys: Mapping[str, datetime | None],
            regrades: list[Regrade]) -> list[Briefing | Regrade]:
    """Briefings in their order, re-grades (newest first) among them: before the first briefing whose time is older.
    A briefing without a time sorts first while no dated briefing came before it (not yet committed), else last."""
    out: list[Briefing | Regrade] = []
    rest = list(regrades)
    seen_dated = False
    for b in briefings:
        when = keys.get(b.id)
        if when is not None:
            seen_dated = True
            while rest and rest[0].date > when:
                out.append(rest.pop(0))
        elif seen_dated:
            out.extend(rest)
            rest = []
        out.append(b)
    return [*out, *rest]


def _regrade_entry(feed: FeedGenerator, at: Addresses, site_name: str, r: Regrade) -> None:
    entry = feed.add_entry()
    entry.id(regrade_id(site_name, r.subject, r.commit))
    entry.title(r.title)
    entry.link(href=at.page(r.page, r.fragment))
    entry.updated(r.date)
    entry.summary(r.reason)   # plain text: feedgen escapes it; a reader shows it as text
    entry.category(term="re-grade")


def _short(text: str, limit: int = 80) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rsplit(" ", 1)[0] + "\u2026"


def regrades_of(archive: Archive, history: ArchiveHistory) -> list[Regrade]:
    """Every committed re-grade of a claim (credibility) or a source (reliability), as feed entries: linking to
    the claim or source as it is now (to the corrections log when it is gone)."""
    claims = {claim_key(b.id, c.id): c for b in archive.briefings for c in b.claims}
    out = []
    for key, changes in sorted(history.claims.items()):
        for ch in changes:
            if ch.field != "credibility" or ch.commit is None or ch.date is None:
                continue
            claim = claims.get(key)
            bid, cid = split_claim_key(key)
            words = f"\u201c{_short(claim.quote)}\u201d" if claim is not None else key
            out.append(Regrade(key, ch.commit, instant(ch.date), f"Re-graded {ch.before} \u2192 "
                               f"{ch.after}: {words}", urls.briefing_page(bid) if claim else urls.CHANGES,
                               cid if claim else None, ch.reason if ch.reason and ch.reason.strip() else NO_REASON))
    for sid, changes in sorted(history.sources.items()):
        for ch in changes:
            if ch.field != "reliability" or ch.commit is None or ch.date is None:
                continue
            source = archive.sources.get(sid)
            out.append(Regrade(f"source:{sid}", ch.commit, instant(ch.date),
                               f"{source.name if source else sid} re-graded {ch.before} \u2192 {ch.after}",
                               urls.source_page(sid) if source else urls.CHANGES, None,
                               ch.reason if ch.reason and ch.reason.strip() else NO_REASON))
    return out
