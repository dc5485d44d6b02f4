"""Exports as format v1.2 says (issue 26 item 1): references resolved, no loopback address anywhere in a default
build, the archive naming its schema, every schema property described, the ClaimReview's explanation the page's
verdict with a date and the claim's appearance."""
from __future__ import annotations

import gzip
import json
import re
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import material
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing_archive.core.config import ArchiveConfig
from briefing_archive.core.encodings import ENCODINGS
from briefing_archive.core.markdown import markdown_parser
from briefing_archive.core.schemas import ALL, schema_text
from briefing_archive.derive.stage import derive_archive
from briefing_archive.load.archive import load_archive
from briefing_archive.render.claimreview import claim_review
from briefing_archive.render.context import RenderContext

from conftest import MKDOCS_YML, Archive, write_fixture

SITE = "https://example.test/archive/"
LOOPBACK = re.compile(rb"127\.\d{1,3}\.\d{1,3}\.\d{1,3}|localhost|\[::1\]", re.IGNORECASE)
#: Notes and a summary that refer to briefings and claims, with and without words of their own.
REFERRING = {
    "note: Probably true; see [the ministry](../../sources/ministry/).":
        "note: 'Probably true; see [](a-test#twice), [the other claim](a-test#twice) and [](b-other).'",
    "summary: A *small* briefing.": "summary: 'A *small* briefing; compare [](b-other#gone).'",
}
OTHER = """\
article: b.txt
title: "Another [briefing] *title*"
summary: Back to [](a-test).
claims:
  - id: gone
    quote: the ministry said it was gone
    sources: [ministry]
    credibility: 3
    note: See [](a-test#drones).
"""


def referring(archive: Archive, site_url: str | None) -> Archive:
    """The fixture archive, its notes and summaries full of references, with ``site_url`` (None: as the
    project's mkdocs.yml has it by default, ``http://127.0.0.1:8000/``)."""
    archive.write("mkdocs.yml", MKDOCS_YML + f"site_url: {site_url or 'http://127.0.0.1:8000/'}\n")
    text = archive.root.joinpath("briefings/a-test.yml").read_text("utf-8")
    for old, new in REFERRING.items():
        text = text.replace(old, new)
    archive.write("briefings/a-test.yml", text)
    archive.write("seeds/b.txt", "Yesterday the ministry said it was gone.\n")
    archive.write("briefings/b-other.yml", OTHER)
    archive.write("briefings/sources/agency.yml", "name: The Agency\nkind: news-outlet\nreliability: B\n"
                                                  "note: Its wire carried [](a-test#drones).\n")
    return archive


@cache
def _theme_files() -> frozenset[bytes]:
    """The bytes of every file the theme ships (its scripts and their source maps are copied as they are)."""
    root = Path(material.__file__).parent
    return frozenset(p.read_bytes() for p in root.rglob("*") if p.is_file() and p.stat().st_size < 5_000_000)


def published_files(site: Path) -> dict[str, bytes]:
    """Every file of the built site but the theme's own, unchanged ones (gzip files decompressed)."""
    out = {}
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        if data in _theme_files():
            continue
        out[path.relative_to(site).as_posix()] = gzip.decompress(data) if path.suffix == ".gz" else data
    return out


def test_a_default_build_publishes_no_shorthand_and_no_loopback_address(archive: Archive, no_warnings) -> None:
    site = referring(archive, None).build(strict=True)
    files = published_files(site)
    assert "archive.json" in files
    assert "annotations.jsonld" in files
    assert "feed.xml" in files
    assert not [name for name, data in files.items() if b"[](" in data]
    assert not {name: LOOPBACK.findall(data)[:3] for name, data in files.items() if LOOPBACK.search(data)}
    assert not (site / "sitemap.xml").exists()
    assert not (site / "sitemap.xml.gz").exists()
    assert not [name for name, data in files.items() if b'rel="canonical"' in data]
    said = [r.getMessage() for r in no_warnings.records if "site_url" in r.getMessage()]
    assert len(said) == 1
    assert "no canonical link" in said[0]
    assert "no sitemap" in said[0]


def _links(markdown: str) -> list[str]:
    tokens = markdown_parser().parse(markdown)
    return [str(c.attrs["href"]) for t in tokens for c in t.children or () if c.type == "link_open"]


def _notes(data: Any) -> list[str]:
    """Every Markdown value of archive.json (notes, summaries, backgrounds)."""
    found: list[str] = []
    if isinstance(data, dict):
        for key, value in data.items():
            if key in ("note", "summary", "background") and isinstance(value, str):
                found.append(value)
            else:
                found += _notes(value)
    elif isinstance(data, list):
        for value in data:
            found += _notes(value)
    return found


def _exists(site: Path, href: str) -> bool:
    """Whether an address of the site is a page of it, with the element its fragment names."""
    parts = urlsplit(href)
    page = site / parts.path.removeprefix(urlsplit(SITE).path) / "index.html"
    return page.is_file() and (not parts.fragment or f'id="{parts.fragment}"' in page.read_text("utf-8"))


@pytest.mark.parametrize("site_url", [SITE, None])
def test_references_are_links_to_pages_that_exist(archive: Archive, site_url) -> None:
    site = referring(archive, site_url).build(strict=True)
    data = json.loads((site / "archive.json").read_text("utf-8"))
    notes = _notes(data)
    hrefs = [h for n in notes for h in _links(n) if "sources/ministry" not in h]
    assert len(hrefs) == 7   # the five references of a-test's note and summary and b-other's, and the agency's
    for href in hrefs:
        if site_url:
            assert href.startswith(SITE), href
            assert _exists(site, href), href
        else:   # relative to the site's root, where the file is
            assert not urlsplit(href).scheme, href
            assert not href.startswith("/"), href
            assert _exists(site, SITE + href), href
    assert "Another \\[briefing\\] \\*title\\*" in " ".join(notes)   # the title, shown as it is written
    annotations = (site / "annotations.jsonld").read_text("utf-8")
    assert "a-test#twice)" not in annotations
    assert "[the other claim](" in annotations
    assert data["$schema"] == (SITE if site_url else "") + "schema/archive.schema.json"
    assert (site / "schema" / "archive.schema.json").is_file()


def test_the_feed_shows_titles_where_notes_refer(archive: Archive) -> None:
    site = referring(archive, SITE).build(strict=True)
    feed = (site / "feed.xml").read_text("utf-8")
    assert "compare Another [briefing] *title*: \u201cthe ministry said it was gone\u201d" in \
        feed.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").replace("<em>", "").replace("</em>", "")
    assert "b-other#gone" not in feed
    assert "Back to A test briefing" in feed


def test_claim_review_has_a_date_and_the_article_it_appears_in(archive: Archive) -> None:
    text = archive.root.joinpath("briefings/a-test.yml").read_text("utf-8")
    archive.write("briefings/a-test.yml", text.replace("summary:", "published: 2025-02-03\npublisher: agency\n"
                                                                    "summary:", 1))
    site = archive.build(strict=True)
    page = (site / "briefings" / "a-test" / "index.html").read_text("utf-8")
    graph = json.loads(re.search(r'application/ld\+json">(.*?)</script>', page, re.DOTALL).group(1))["@graph"]
    for review in graph:
        assert review["datePublished"] == "2025-02-03"
        work = review["itemReviewed"]["appearance"]
        assert work == {"@type": "CreativeWork", "name": "A test briefing", "url": "../../seeds/a.txt",
                        "publisher": {"@type": "Organization", "name": "The Agency"}, "datePublished": "2025-02-03"}
        assert (site / "briefings" / "a-test" / work["url"]).resolve() == (site / "seeds" / "a.txt").resolve()


def test_without_a_recorded_date_the_review_is_dated_when_the_briefing_entered_the_archive(archive: Archive) -> None:
    site = archive.build(strict=True)
    page = (site / "briefings" / "a-test" / "index.html").read_text("utf-8")
    graph = json.loads(re.search(r'application/ld\+json">(.*?)</script>', page, re.DOTALL).group(1))["@graph"]
    from datetime import UTC, datetime
    mtime = datetime.fromtimestamp(archive.root.joinpath("briefings/a-test.yml").stat().st_mtime, UTC)
    assert {r["datePublished"] for r in graph} == {mtime.date().isoformat()}   # no git here: the file's time


@settings(max_examples=25, deadline=None)
@given(note=st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=300)
       .filter(lambda s: s.strip()), grade=st.integers(1, 6))
def test_claim_review_explains_the_grade_in_the_page_verdicts_words(tmp_path_factory, note: str, grade: int) -> None:
    """Whatever the note and the grade, ratingExplanation is the verdict the page shows (ctx.grounds), never
    the note."""
    a = write_fixture(Archive(tmp_path_factory.mktemp("a")), site_config=False)
    text = a.root.joinpath("briefings/a-test.yml").read_text("utf-8")
    a.write("briefings/a-test.yml", text.replace(
        "note: Probably true; see [the ministry](../../sources/ministry/).", f"note: {json.dumps(note)}")
        .replace("credibility: 3", f"credibility: {grade}"))
    found, _problems = load_archive(ArchiveConfig.at(a.root))
    if found is None:   # a grade the rule refuses for this chain: nothing to review
        return
    ctx = RenderContext.build(derive_archive(found))
    for b in found.briefings:
        reviews = claim_review(b, found, ctx.addresses, standings=ctx.derived.standings)["@graph"]
        for c, review in zip(b.claims, reviews, strict=True):
            assert review["reviewRating"]["ratingExplanation"] == ctx.grounds(b, c)


def _undescribed(node: Any, path: str) -> list[str]:
    out = []
    if isinstance(node, dict):
        for key in ("properties", "patternProperties"):
            for name, sub in (node.get(key) or {}).items():
                if not (isinstance(sub, dict) and str(sub.get("description", "")).strip()):
                    out.append(f"{path}/{key}/{name}")
        for key, value in node.items():
            out += _undescribed(value, f"{path}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            out += _undescribed(value, f"{path}/{i}")
    return out


@pytest.mark.parametrize("kind", ALL)
def test_every_property_of_every_published_schema_is_described(kind: str) -> None:
    assert _undescribed(json.loads(schema_text(kind)), f"{kind}.schema.json#") == []


def test_the_undescribed_check_finds_a_property_without_a_description() -> None:
    assert _undescribed({"properties": {"a": {"type": "string"}, "b": {"description": "B."}}}, "#") == \
        ["#/properties/a"]


def test_positions_say_they_count_code_points() -> None:
    claim = json.loads(schema_text("archive"))["$defs"]["claim"]["properties"]
    assert all("code point" in claim[k]["description"] for k in ("start", "end"))


def test_archive_json_lists_every_export_the_site_publishes(archive: Archive) -> None:
    """Each export listed in archive.json is a file of the site (one per briefing where it says so), with its
    schema; and every encoding the methodology page lists as a file is listed."""
    site = write_fixture(archive).build()
    data = json.loads((site / "archive.json").read_text("utf-8"))
    listed = data["exports"]
    assert {e["name"] for e in listed} == {e.name for e in ENCODINGS if e.path}
    for entry in listed:
        addresses = ([entry["urlTemplate"].replace("{briefing}", b["id"]) for b in data["briefings"]]
                     if "urlTemplate" in entry else [entry["url"]])
        assert addresses
        for address in [*addresses, *([entry["schema"]] if entry["schema"] else [])]:
            assert (site / unquote(address)).is_file(), (entry["name"], address)
