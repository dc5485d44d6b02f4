"""schema.org ClaimReview as embedded in the briefing pages (parsed as JSON from real builds), and the
addresses of every export when the site's URL is real, local or missing."""
from __future__ import annotations

import json
import logging
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from test_export_standards import SITE, build_published, with_site_url

from conftest import REPO, SHIPPED

CHARACTER_REFERENCE = re.compile(r"&(#[0-9]+|#x[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    return build_published(tmp_path_factory)


def claim_reviews(site: Path) -> dict[str, list[dict[str, Any]]]:
    """Briefing id -> the ClaimReview objects of its page, parsed as JSON from the built HTML."""
    found = {}
    for page in sorted((site / "briefings").glob("*/index.html")):
        (script,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page.read_text("utf-8"),
                               re.DOTALL)
        found[page.parent.name] = json.loads(script)["@graph"]
    return found


def strings(node: Any):
    if isinstance(node, dict):
        for value in node.values():
            yield from strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from strings(value)
    elif isinstance(node, str):
        yield node


def shipped_claims() -> dict[tuple[str, str], dict[str, Any]]:
    claims = {}
    for path in (SHIPPED / "briefings").glob("*.yml"):
        for c in yaml.safe_load(path.read_text("utf-8")).get("claims") or []:
            claims[path.stem, c["id"]] = c
    return claims


def test_claim_review_strings_are_plain_unicode(published) -> None:
    texts = [s for reviews in claim_reviews(published).values() for s in strings(reviews)]
    assert texts
    assert [t for t in texts if CHARACTER_REFERENCE.search(t)] == []
    assert any(not t.isascii() for t in texts)   # curly quotes and ellipses arrive as characters


def test_grade_6_has_no_rating_value_and_1_to_5_a_stated_scale(published) -> None:
    claims = shipped_claims()
    graded = {}
    for bid, reviews in claim_reviews(published).items():
        for r in reviews:
            graded[r["url"]] = (claims[bid, r["url"].rsplit("#", 1)[1]]["credibility"], r["reviewRating"])
    unjudged = [rating for grade, rating in graded.values() if grade == 6]
    assert unjudged, "the shipped archive has grade-6 claims"
    assert all("ratingValue" not in r and "bestRating" not in r and "worstRating" not in r for r in unjudged)
    assert all(r["ratingValue"] == 6 - grade and (r["worstRating"], r["bestRating"]) == (1, 5)
               for grade, r in graded.values() if grade != 6)
    assert all(re.fullmatch(r"[A-F][1-6]: source [a-z ]+; information [a-z ]+", r["alternateName"])
               for _, r in graded.values())
    assert all(url.startswith(SITE + "briefings/") for url in graded)


#: The shipped sources, typed as the module docstring of render/claimreview.py says (None: no author).
SHIPPED_AUTHORS = {
    "unattributed": None, "ukrainian-officials": None, "us-officials": None, "western-officials": None,
    "ukrainian-soldiers": None, "unnamed-analysts": None, "unnamed-estimates": None, "western-media-unnamed": None,
    "syrskyi": "Person", "nyt": "NewsMediaOrganization", "tass": "NewsMediaOrganization",
    "uk-mod": "GovernmentOrganization", "ukrainian-military": "GovernmentOrganization",
    "uk-intelligence-paraphrased": None,   # an article's unquoted attribution: not said to be the author
}


def test_shipped_authors_are_typed_and_unattributed_has_none(published) -> None:
    claims = shipped_claims()
    names = {sid: yaml.safe_load((SHIPPED / "briefings" / "sources" / f"{sid}.yml").read_text("utf-8"))["name"]
             for sid in SHIPPED_AUTHORS if (SHIPPED / "briefings" / "sources" / f"{sid}.yml").exists()}
    seen = set()
    for bid, reviews in claim_reviews(published).items():
        for r in reviews:
            originators = claims[bid, r["url"].rsplit("#", 1)[1]]["sources"][-1]
            originators = originators if isinstance(originators, list) else [originators]
            if not set(originators) <= set(names):
                continue   # a source added since this table was written
            seen.update(originators)
            expected = [{"@type": SHIPPED_AUTHORS[s], "name": names[s]} for s in originators if SHIPPED_AUTHORS[s]]
            assert r["itemReviewed"].get("author", []) == expected, r["url"]
            assert "author" not in r["itemReviewed"] or r["itemReviewed"]["author"], r["url"]
    assert {"unattributed", "syrskyi", "ukrainian-officials", "uk-intelligence-paraphrased"} <= seen


def test_each_review_names_the_archive_as_its_author(published) -> None:
    """Google's ClaimReview fields require the reviewer: the archive, by the `author` setting or site name."""
    text = (REPO / "mkdocs.yml").read_text("utf-8")
    assert "\n      author:" not in text   # the shipped site leaves it to the site name
    expected = re.search(r"(?m)^site_name: (.+)$", text)[1]
    reviews = [r for rs in claim_reviews(published).values() for r in rs]
    assert reviews
    assert all(r["author"] == {"@type": "Organization", "name": expected} for r in reviews)


def test_every_kind_of_originator_is_typed_per_the_mapping(archive) -> None:
    kinds = {"unatt": ("unattributed", "F", ""), "offs": ("officials", "D", ""), "gov": ("government", "C", ""),
             "army": ("military", "C", ""), "spies": ("intelligence", "B", ""), "tv": ("state-media", "C", ""),
             "paper": ("news-outlet", "B", ""), "thinktank": ("analyst", "B", ""), "pundit": ("analyst", "C", ""),
             "misc": ("other", "C", ""), "grunts": ("military", "D", "rubric: party-unnamed\n"),
             "general": ("military", "C", "")}
    for sid, (kind, letter, extra) in kinds.items():
        name = {"general": "Jane Doe (army chief)", "thinktank": "Institute X"}.get(sid, f"Source {sid}")
        archive.write(f"briefings/sources/{sid}.yml", f"name: {name}\nkind: {kind}\nreliability: {letter}\n"
                                                      f"note: n\n{extra}")
    archive.write("briefings/entities/jane-doe.yml", "name: Jane Doe\nkind: person\n")
    archive.write("briefings/entities/institute-x.yml", "name: Institute X\nkind: organisation\n")
    text = archive.root.joinpath("briefings/a-test.yml").read_text().replace(
        "    sources: [agency, ministry]\n", f"    sources: [agency, [{', '.join(kinds)}]]\n")
    archive.write("briefings/a-test.yml", text)
    site = archive.build()
    (review, _) = claim_reviews(site)["a-test"]
    assert review["itemReviewed"]["author"] == [
        {"@type": "GovernmentOrganization", "name": "Source gov"},
        {"@type": "GovernmentOrganization", "name": "Source army"},
        {"@type": "GovernmentOrganization", "name": "Source spies"},
        {"@type": "NewsMediaOrganization", "name": "Source tv"},
        {"@type": "NewsMediaOrganization", "name": "Source paper"},
        {"@type": "Organization", "name": "Institute X"},
        {"@type": "Person", "name": "Jane Doe (army chief)"},
    ]
    assert "Source unatt" in review["itemReviewed"]["description"]   # left out of author, still named


def test_claim_review_explains_the_grade_as_the_page_does_in_plain_unicode(archive) -> None:
    """ratingExplanation is what the grade rests on, worded as the page's verdict (never a cut of the note),
    and plain Unicode: a curly quote in a source's name is the character, not a reference."""
    note = "The ministry\u2019s figure \u2014 " + "words " * 40
    archive.write("briefings/a-test.yml", archive.root.joinpath("briefings/a-test.yml").read_text().replace(
        "note: Probably true; see [the ministry](../../sources/ministry/).", f"note: {json.dumps(note)}"))
    agency = archive.root.joinpath("briefings/sources/agency.yml").read_text()
    archive.write("briefings/sources/agency.yml", agency.replace("The Agency", "The Agency\u2019s wire"))
    site = archive.build(strict=True)
    (review, other) = claim_reviews(site)["a-test"]
    assert review["reviewRating"]["ratingExplanation"] == \
        "probably true: corroborated by an independent report (The Agency\u2019s wire)"
    assert other["reviewRating"]["ratingExplanation"] == \
        "possibly true: corroborated by an independent report (The Ministry)"
    page = (site / "briefings" / "a-test" / "index.html").read_text("utf-8")
    assert "probably true: corroborated by an independent report (The Agency&#8217;s wire)" in page or \
        "probably true: corroborated by an independent report (The Agency\u2019s wire)" in page
    assert review["url"] == "#drones"   # no site URL: relative to the page, as JSON-LD in HTML resolves it


# -- local addresses ---------------------------------------------------------------------------------

def exported_text(site: Path) -> str:
    pages = [p.read_text("utf-8") for p in (site / "briefings").glob("*/index.html")]
    scripts = [s for page in pages for s in re.findall(r'application/ld\+json">(.*?)</script>', page, re.DOTALL)]
    files = [(site / n).read_text("utf-8") for n in ("annotations.jsonld", "archive.json", "feed.xml")]
    return "\n".join(files + scripts)


@pytest.mark.parametrize("url", [None, "http://127.0.0.1:8000/", "http://localhost:8000/x/", "http://[::1]/"])
def test_a_local_build_says_so_once_and_writes_no_loopback_address(archive, no_warnings, url) -> None:
    with_site_url(archive, url)
    site = archive.build(strict=True)
    said = [r for r in no_warnings.records if r.name == "mkdocs.plugins.briefings" and "relative addresses" in
            r.getMessage()]
    assert len(said) == 1
    assert said[0].levelno == logging.INFO
    text = exported_text(site)
    assert not re.search(r"127\.0\.0\.1|localhost|\[::1\]", text)
    assert '"id":"briefings/a-test/#drones"' in text


def test_a_published_build_is_absolute_and_quiet_about_it(archive, no_warnings) -> None:
    with_site_url(archive, SITE)
    site = archive.build(strict=True)
    assert not [r for r in no_warnings.records if "relative addresses" in r.getMessage()]
    assert f'"id":"{SITE}briefings/a-test/#drones"' in exported_text(site)


@pytest.mark.parametrize(("url", "local"), [
    (None, True), ("", True), ("http://127.0.0.1:8000/", True), ("http://127.1.2.3/", True),
    ("http://localhost/", True), ("http://LOCALHOST.:8000/", True), ("http://app.localhost/", True),
    ("http://[::1]:8000/", True), ("http://0.0.0.0:8000/", True), ("https://example.test/archive/", False),
    ("https://127.example/", False), ("http://10.0.0.1/", False)])
def test_local_addresses(url, local) -> None:
    from briefing_archive.core.urls import is_local_address, public_base

    assert is_local_address(url) is local
    assert public_base(url) == (None if local else url)


def test_the_deploy_workflow_builds_with_a_real_site_url() -> None:
    workflow = yaml.safe_load((REPO / ".github" / "workflows" / "site.yml").read_text("utf-8"))
    (step,) = [s for s in workflow["jobs"]["build"]["steps"] if s.get("run") == "make site"]
    assert "github.io" in step["env"]["SITE_URL"]
    assert "127.0.0.1" not in step["env"]["SITE_URL"]
