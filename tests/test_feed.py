"""feed: the Atom feed of briefings (feedgen), parsed back with xml.etree: entries and their order,
dates, absolute links, summaries and escaping."""
from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing_archive.core import model
from briefing_archive.core.config import ArchiveConfig
from briefing_archive.core.dates import period_start
from briefing_archive.core.urls import Addresses
from briefing_archive.exports import feed
from briefing_archive.load.archive import load_archive
from briefing_archive.render.markup import render_markdown

from conftest import Archive, write_fixture

ATOM = "{http://www.w3.org/2005/Atom}"
BASE = "https://example.test/archive"
HOSTILE = '</title><script>alert(1)</script> & "q" ]]>'


def briefing(title: str, extra: str = "", summary: str = "S.") -> str:
    return (f"article: b.txt\ntitle: '{title.replace(chr(39), chr(39) * 2)}'\nsummary: '{summary}'\n{extra}"
            "claims:\n  - id: rain\n    quote: rain fell\n    sources: [agency]\n    credibility: 3\n")


@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    """a-test (no date), b-test (a bare year, tags, hostile title and summary), c-test (a day), d-test and
    e-test (the same month)."""
    a = write_fixture(Archive(tmp_path_factory.mktemp("feed") / "archive"), site_config=False)
    a.write("seeds/b.txt", "The agency said rain fell.\n")
    a.write("briefings/b-test.yml", briefing(HOSTILE, "published: 2024\ntags: [drones, kursk]\n",
                                             "A *marked* <b>raw</b> & [link](https://example.org/?a=1&b=2)."))
    a.write("briefings/c-test.yml", briefing("C", "published: 2025-03-09\n"))
    a.write("briefings/d-test.yml", briefing("D", "published: 2025-03\n"))
    a.write("briefings/e-test.yml", briefing("E", "published: 2025-03\n"))
    archive, problems = load_archive(ArchiveConfig.at(a.root))
    assert archive is not None, problems
    assert problems == [], problems
    return archive


# What `changed` says (last commit or file time): used only for a briefing without a published date.
CHANGED = {"a-test": datetime(2025, 3, 5, 12, 30, tzinfo=UTC), "b-test": datetime(2030, 1, 1, tzinfo=UTC),
           "c-test": datetime(2030, 1, 1, tzinfo=UTC), "d-test": datetime(2030, 1, 1, tzinfo=UTC),
           "e-test": datetime(2030, 1, 1, tzinfo=UTC)}


def atom(archive, base: str | None = BASE, *, directory_urls: bool = True, name: str = "Briefs & <co>",
         changed=None) -> ET.Element:
    xml = feed.atom_feed(archive, Addresses(base, directory_urls=directory_urls), name,
                         CHANGED if changed is None else changed, summary_html=render_markdown)
    assert xml.startswith(b"<?xml version='1.0' encoding='UTF-8'?>")
    return ET.fromstring(xml)


def entries(root: ET.Element) -> list[dict]:
    out = []
    for e in root.findall(f"{ATOM}entry"):
        published = e.find(f"{ATOM}published")
        summary = e.find(f"{ATOM}summary")
        href = e.find(f"{ATOM}link").get("href")
        out.append({"id": e.findtext(f"{ATOM}id"), "title": e.findtext(f"{ATOM}title"),
                    "bid": href.removesuffix(".html").rstrip("/").rsplit("/", 1)[-1],
                    "links": [(link.get("href"), link.get("rel")) for link in e.findall(f"{ATOM}link")],
                    "updated": e.findtext(f"{ATOM}updated"),
                    "published": published.text if published is not None else None,
                    "summary": (summary.get("type"), summary.text),
                    "tags": [c.get("term") for c in e.findall(f"{ATOM}category")]})
    return out


def test_entries_newest_first_dated_by_published_else_changed(loaded) -> None:
    found = entries(atom(loaded))
    assert [(e["bid"], e["updated"], e["published"]) for e in found] == [
        ("c-test", "2025-03-09T00:00:00+00:00", "2025-03-09T00:00:00+00:00"),
        ("a-test", "2025-03-05T12:30:00+00:00", None),    # no published: its change time
        ("e-test", "2025-03-01T00:00:00+00:00", "2025-03-01T00:00:00+00:00"),  # same date:
        ("d-test", "2025-03-01T00:00:00+00:00", "2025-03-01T00:00:00+00:00"),  # by id
        ("b-test", "2024-01-01T00:00:00+00:00", "2024-01-01T00:00:00+00:00"),
    ]
    assert [e["id"] for e in found] == [feed.entry_id("Briefs & <co>", e["bid"]) for e in found]


def test_feed_head_names_the_site_and_its_links(loaded) -> None:
    root = atom(loaded)
    assert root.tag == f"{ATOM}feed"
    assert root.findtext(f"{ATOM}id") == feed.feed_id("Briefs & <co>")   # not the address: ids outlive moves
    assert root.findtext(f"{ATOM}title") == "Briefs & <co>"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    assert sorted((link.get("rel"), link.get("href")) for link in root.findall(f"{ATOM}link")) == [
        ("alternate", f"{BASE}/"), ("self", f"{BASE}/feed.xml")]
    assert root.findtext(f"{ATOM}updated") == "2025-03-09T00:00:00+00:00"   # the newest entry


def test_each_entry_links_to_its_page_in_both_url_styles(loaded) -> None:
    for directory_urls, page in ((True, "briefings/c-test/"), (False, "briefings/c-test.html")):
        first = entries(atom(loaded, directory_urls=directory_urls))[0]
        assert first["id"] == feed.entry_id("Briefs & <co>", "c-test")   # the same in both URL styles
        assert first["links"] == [(f"{BASE}/{page}", None)]   # no rel: "alternate" in Atom


def test_titles_summaries_and_tags_are_escaped_text(loaded) -> None:
    root = atom(loaded)
    b = next(e for e in entries(root) if e["bid"] == "b-test")
    assert b["title"] == HOSTILE                       # read back exactly: it was escaped, not markup
    kind, html = b["summary"]
    assert kind == "html"
    # the summary is the site's sanitised Markdown rendering, carried as escaped HTML
    assert html == ('<p>A <em>marked</em> &lt;b&gt;raw&lt;/b&gt; &amp; <a href="https://example.org/?a=1&amp;b=2" '
                    'rel="noopener noreferrer">link</a>.</p>')
    assert b["tags"] == ["drones", "kursk"]
    assert {e["bid"]: e["tags"] for e in entries(root)} == {
        "a-test": ["test"], "b-test": ["drones", "kursk"], "c-test": [], "d-test": [], "e-test": []}
    xml = feed.atom_feed(loaded, Addresses(BASE, directory_urls=True), "x", CHANGED, summary_html=render_markdown)
    assert b"<script>" not in xml
    assert b"<b>raw" not in xml


def test_feed_is_deterministic(loaded) -> None:
    one = feed.atom_feed(loaded, Addresses(BASE, directory_urls=True), "Site", CHANGED, summary_html=render_markdown)
    assert one == feed.atom_feed(loaded, Addresses(BASE, directory_urls=True), "Site", dict(reversed(CHANGED.items())),
                                 summary_html=render_markdown)


def test_change_times_in_other_zones_are_compared_as_instants(loaded) -> None:
    plus_two = timezone(timedelta(hours=2))
    changed = {**CHANGED, "a-test": datetime(2025, 3, 9, 1, 0, tzinfo=plus_two)}   # 2025-03-08T23:00Z
    found = entries(atom(loaded, changed=changed))
    assert [e["bid"] for e in found][:2] == ["c-test", "a-test"]
    assert found[1]["updated"] == "2025-03-09T01:00:00+02:00"


def test_without_a_base_url_links_are_site_relative(loaded) -> None:
    root = atom(loaded, base=None)
    assert root.findtext(f"{ATOM}id") == feed.feed_id("Briefs & <co>")   # the same as with a base URL
    assert sorted((link.get("rel"), link.get("href")) for link in root.findall(f"{ATOM}link")) == [
        ("alternate", "./"), ("self", "feed.xml")]
    assert entries(root)[0]["links"] == [("briefings/c-test/", None)]


def test_an_empty_archive_has_a_valid_feed_with_no_entries() -> None:
    root = atom(model.Archive(briefings=()), changed={})
    assert root.findall(f"{ATOM}entry") == []
    assert root.findtext(f"{ATOM}updated") == "1970-01-01T00:00:00+00:00"


@pytest.mark.parametrize(("value", "expected"), [
    ("2025", datetime(2025, 1, 1, tzinfo=UTC)),
    ("2025-07", datetime(2025, 7, 1, tzinfo=UTC)),
    ("2025-07-19", datetime(2025, 7, 19, tzinfo=UTC)),
    ("0001", datetime(1, 1, 1, tzinfo=UTC)),
])
def test_published_time_is_the_start_of_the_period_in_utc(value, expected) -> None:
    assert period_start(value) == expected   # the feed's dates (core.dates, read the same way by every export)
    assert period_start(value).utcoffset() == timedelta(0)


def test_entry_ids_are_absolute_iris_without_a_base_url(loaded) -> None:
    from urllib.parse import urlsplit

    for e in entries(atom(loaded, base=None)):
        assert urlsplit(e["id"]).scheme, e["id"]


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.integers(0, 2 * feed.REGRADES + 5))
def test_the_feed_carries_the_newest_regrades_only(loaded, count) -> None:
    """However many re-grades the history holds, the feed announces the newest :data:`feed.REGRADES` of them (all
    are on /changes/), each once."""
    start = datetime(2025, 1, 1, tzinfo=UTC)
    regrades = [feed.Regrade(f"b#c{n}", f"{n:012x}", start + timedelta(hours=n), f"Re-graded {n}", "briefings/b.md",
                             f"c{n}", "why") for n in range(count)]
    xml = feed.atom_feed(loaded, Addresses(BASE, directory_urls=True), "Site", CHANGED,
                         summary_html=render_markdown, regrades=regrades)
    titles = [e.findtext(f"{ATOM}title") for e in ET.fromstring(xml).iter(f"{ATOM}entry")]
    announced = [t for t in titles if t and t.startswith("Re-graded ")]
    assert sorted(announced) == sorted(f"Re-graded {n}" for n in range(max(0, count - feed.REGRADES), count))
