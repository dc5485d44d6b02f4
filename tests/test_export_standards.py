"""The exports against their specifications, on real builds: the W3C Web Annotation Data Model (and
the W3C test suite's assertions), JSON-LD expansion with the published anno context, and RFC 4287
(Atom) read by feedparser. ClaimReview and the site's address: test_claim_review.py.

Each MUST is one assertion, named after its clause (WADM = https://www.w3.org/TR/annotation-model/).
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import feedparser
import pytest
from pyld import jsonld

from conftest import MKDOCS_YML, Archive, copy_shipped, generated_archive

SITE = "https://example.test/archive/"
ANNO = "http://www.w3.org/ns/anno.jsonld"
ANNO_FILE = Path(__file__).parent / "contexts" / "anno.jsonld"
UNDEFINED = "urn:undefined-term:"
ABSOLUTE_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:\S+")


def with_site_url(archive, url: str | None) -> None:
    """Give the archive's mkdocs.yml a site_url (or none)."""
    text = re.sub(r"(?m)^site_url:.*\n", "", archive.root.joinpath("mkdocs.yml").read_text())
    archive.write("mkdocs.yml", (f"site_url: {url}\n" if url else "") + text)


def build_published(tmp_path_factory, kind: str = "shipped") -> Path:
    """The shipped archive (or a generated one: benchmarks/generate.py, 12 briefings) built as it is deployed: with a
    real site URL."""
    folder = tmp_path_factory.mktemp(f"published-{kind}")
    archive = copy_shipped(folder / "archive") if kind == "shipped" else Archive(generated_archive(folder, 12))
    with_site_url(archive, SITE)
    return archive.build(strict=kind == "shipped")


@pytest.fixture(scope="module", params=["shipped", "generated"])
def published(tmp_path_factory, request) -> Path:
    return build_published(tmp_path_factory, request.param)


@pytest.fixture(scope="module")
def collection(published: Path) -> dict[str, Any]:
    return json.loads((published / "annotations.jsonld").read_text("utf-8"))


# -- W3C Web Annotation Data Model -------------------------------------------------------------------

def annotations(doc: dict[str, Any]) -> list[dict[str, Any]]:
    return doc["first"]["items"]


def targets(doc: dict[str, Any]) -> list[dict[str, Any]]:
    return [a["target"] for a in annotations(doc)]


def selectors(doc: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [s for t in targets(doc) for s in t["selector"] if s["type"] == kind]


MUSTS = {
    # 5.1 Annotation Collection
    "5.1 collection @context is the anno context": lambda d: d["@context"] == ANNO,
    "5.1 collection has exactly one IRI as id": lambda d: d["id"] == SITE + "annotations.jsonld",
    "5.1 collection type is AnnotationCollection": lambda d: d["type"] == "AnnotationCollection",
    "5.1 collection total is a non-negative integer": lambda d: isinstance(d["total"], int) and d["total"] >= 0,
    "5.1 collection with annotations has first": lambda d: d["total"] > 0 and d["first"]["type"] == "AnnotationPage",
    "5.1 collection last is an IRI (SHOULD)": lambda d: d["last"] == d["first"]["id"],
    # 5.2 Annotation Page
    "5.2 page has exactly one IRI as id": lambda d: d["first"]["id"] == SITE + "annotations.jsonld#page-1",
    "5.2 page type is AnnotationPage": lambda d: d["first"]["type"] == "AnnotationPage",
    "5.2 page partOf describes the collection (id, label, total), as the model's examples do":
        lambda d: d["first"]["partOf"] == {"id": d["id"], "label": d["label"], "total": d["total"]},
    "5.2 page startIndex is a non-negative integer": lambda d: d["first"]["startIndex"] == 0,
    "5.2 page items are Annotations": lambda d: len(annotations(d)) == d["total"] > 0
    and all(a["type"] == "Annotation" for a in annotations(d)),
    # 3.1 Annotations
    "3.1 annotation @context includes the anno context": lambda d: all(a["@context"] == ANNO for a in annotations(d)),
    "3.1 annotation has exactly one IRI as id": lambda d: all(ABSOLUTE_IRI.fullmatch(a["id"]) for a in annotations(d))
    and len({a["id"] for a in annotations(d)}) == d["total"],
    "3.1 annotation has at least one target": lambda d: all(a.get("target") for a in annotations(d)),
    "3.3.5 motivation is a defined Motivation": lambda d: {a["motivation"] for a in annotations(d)} == {"assessing"},
    # 3.2.4 Embedded Textual Body
    "3.2.4 textual body has exactly one value": lambda d: all(
        b["type"] == "TextualBody" and isinstance(b["value"], str) and b["value"] for a in annotations(d)
        for b in a["body"]),
    # 4 Specific Resources
    "4 target is a SpecificResource": lambda d: all(t["type"] == "SpecificResource" for t in targets(d)),
    "4 specific resource has exactly one source IRI": lambda d: all(
        t["source"].startswith(SITE + "seeds/") for t in targets(d)),
    "4.1 scope is the briefing page": lambda d: all(
        re.fullmatch(re.escape(SITE) + r"briefings/[a-z0-9-]+/", t["scope"]) for t in targets(d)),
    # 4.2.4 Text Quote Selector, 4.2.5 Text Position Selector
    "4.2.4 text quote selector has exactly one exact": lambda d: all(
        isinstance(s["exact"], str) and s["exact"] for s in selectors(d, "TextQuoteSelector")),
    "4.2.5 text position selector start and end are non-negative integers": lambda d: all(
        isinstance(s["start"], int) and isinstance(s["end"], int) and 0 <= s["start"] <= s["end"]
        for s in selectors(d, "TextPositionSelector")),
}


@pytest.mark.parametrize("clause", list(MUSTS))
def test_web_annotations_meet_the_data_model(collection, clause) -> None:
    assert MUSTS[clause](collection), f"WADM {clause}"


def loader(context: dict[str, Any]):
    """A pyld document loader that serves the anno context from the tests folder (there is no network)."""
    def load(url: str, _options: dict[str, Any]) -> dict[str, Any]:
        if url.rstrip("/") not in (ANNO, ANNO.replace("http:", "https:")):
            raise AssertionError(f"the export refers to another context: {url}")
        return {"contextUrl": None, "documentUrl": url, "document": context}
    return load


def expand(doc: dict[str, Any], base: str, *, vocab: bool = False) -> tuple[list[Any], list[Any]]:
    """(expanded document, every property the expansion dropped). With ``vocab``, a term the context
    lacks expands to ``urn:undefined-term:...`` instead of vanishing, values typed ``@vocab`` included."""
    context = json.loads(ANNO_FILE.read_text("utf-8"))
    if vocab:
        context["@context"]["@vocab"] = UNDEFINED
    dropped: list[Any] = []
    out = jsonld.expand(doc, {"documentLoader": loader(context), "base": base}, on_property_dropped=dropped.append)
    return out, dropped


def walk(node: Any):
    """Every key and every string of an expanded document."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield key
            yield from walk(value)
    elif isinstance(node, list):
        for item in node:
            yield from walk(item)
    elif isinstance(node, str):
        yield node


def test_json_ld_expansion_drops_no_term(collection) -> None:
    expanded, dropped = expand(collection, SITE + "annotations.jsonld")
    assert dropped == []
    sentinel, _ = expand(collection, SITE + "annotations.jsonld", vocab=True)
    assert [s for s in walk(sentinel) if s.startswith(UNDEFINED)] == []   # every key and vocab value is a term
    assert sentinel == expanded
    (root,) = expanded
    assert root["@type"] == ["http://www.w3.org/ns/activitystreams#OrderedCollection"]
    (page,) = root["http://www.w3.org/ns/activitystreams#first"]
    (items,) = page["http://www.w3.org/ns/activitystreams#items"]
    assert len(items["@list"]) == collection["total"]
    assert {m["@id"] for a in items["@list"] for m in a["http://www.w3.org/ns/oa#motivatedBy"]} == {
        "http://www.w3.org/ns/oa#assessing"}
    ids = [v["@id"] for v in walk_nodes(expanded) if "@id" in v]
    assert ids
    assert all(i.startswith(("https://example.test/archive/", "http://www.w3.org/ns/oa#")) for i in ids)


def walk_nodes(node: Any):
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from walk_nodes(value)
    elif isinstance(node, list):
        for item in node:
            yield from walk_nodes(item)


def test_the_expansion_check_catches_an_undefined_term(collection) -> None:
    doc = json.loads(json.dumps(collection))
    doc["first"]["items"][0]["target"]["selectr"] = []         # a key the context does not define
    doc["first"]["items"][1]["motivation"] = "reviewed"        # a value that is no Motivation
    _, dropped = expand(doc, SITE + "annotations.jsonld")
    assert dropped == ["selectr"]
    sentinel, _ = expand(doc, SITE + "annotations.jsonld", vocab=True)
    assert sorted(s for s in walk(sentinel) if s.startswith(UNDEFINED)) == [UNDEFINED + "reviewed",
                                                                            UNDEFINED + "selectr"]


def test_a_local_build_expands_against_wherever_it_is_read(shipped_site) -> None:
    doc = json.loads((shipped_site / "annotations.jsonld").read_text("utf-8"))
    expanded, dropped = expand(doc, "https://mirror.example/a/annotations.jsonld")
    assert dropped == []
    ids = [v["@id"] for v in walk_nodes(expanded) if "@id" in v and not v["@id"].startswith("http://www.w3.org/")]
    assert ids
    assert all(i.startswith("https://mirror.example/a/") for i in ids)


# -- Atom (RFC 4287) ---------------------------------------------------------------------------------

def feed_of(site: Path) -> feedparser.FeedParserDict:
    parsed = feedparser.parse((site / "feed.xml").read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    return parsed


ATOM_MUSTS = {
    "4.1.1 feed has an author (its entries have none)": lambda f: f.feed.author_detail.name == f["site_name"],
    "4.1.1 feed has exactly one id, an absolute IRI": lambda f: re.fullmatch(r"urn:uuid:[0-9a-f-]{36}", f.feed.id),
    "4.1.1 feed has exactly one title": lambda f: f.feed.title == f["site_name"],
    "4.1.1 feed has exactly one updated": lambda f: f.feed.updated_parsed is not None,
    "4.1.1 feed link rel=self is absolute (SHOULD)": lambda f: [
        link.href for link in f.feed.links if link.rel == "self"] == [SITE + "feed.xml"],
    "4.1.2 entry has exactly one id, an absolute IRI": lambda f: all(
        re.fullmatch(r"urn:uuid:[0-9a-f-]{36}", e.id) for e in f.entries)
    and len({e.id for e in f.entries}) == len(f.entries) > 0,
    "4.1.2 entry has exactly one title and updated": lambda f: all(e.title and e.updated_parsed for e in f.entries),
    "4.1.2 entry without content has a rel=alternate link, absolute": lambda f: all(
        "content" not in e and len([link for link in e.links if link.rel == "alternate"]) == 1
        and re.fullmatch(re.escape(SITE) + r"(?:briefings|sources)/[a-z0-9-]+/(?:#[a-z0-9-]+)?", e.link)
        for e in f.entries),   # a briefing, or a re-graded claim or source
}


@pytest.mark.parametrize("clause", list(ATOM_MUSTS))
def test_feed_meets_rfc_4287(published, clause) -> None:
    feed = feed_of(published)
    # the site's name, from the archive's mkdocs.yml (the feed's title and, with no `author` set, its author)
    feed["site_name"] = re.search(r"(?m)^site_name: (.+)$", (published.parent / "mkdocs.yml").read_text()).group(1)
    assert ATOM_MUSTS[clause](feed), f"RFC 4287 {clause}"


def test_feed_ids_do_not_change_when_the_site_url_is_set_or_moves(archive, monkeypatch) -> None:
    """RFC 4287 4.2.6: an entry's id MUST NOT change when the document is relocated or republished."""
    archive.write("mkdocs.yml", 'site_url: !ENV [SITE_URL, "http://127.0.0.1:8000/"]\n' + MKDOCS_YML)
    ids = []
    for url in (None, "https://one.example/", "https://two.example/deep/path/"):
        if url:
            monkeypatch.setenv("SITE_URL", url)
        parsed = feed_of(archive.build(strict=True, site_dir=archive.root / f"site-{len(ids)}"))
        ids.append((parsed.feed.id, [e.id for e in parsed.entries]))
        if url:
            assert [e.link for e in parsed.entries] == [url + "briefings/a-test/"]   # links follow the URL
    assert ids[0] == ids[1] == ids[2]
    assert ids[0][1]


def test_feed_author_is_the_author_setting(archive) -> None:
    archive.write("mkdocs.yml", MKDOCS_YML.replace("  - briefings\n", "  - briefings:\n      author: The Desk\n"))
    parsed = feed_of(archive.build(strict=True))
    assert parsed.feed.author_detail.name == "The Desk"
    assert "href" not in parsed.feed.author_detail   # no site URL: no uri to give
