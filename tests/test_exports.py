"""Exports: W3C Web Annotations, archive.json, the Atom feed, ClaimReview JSON-LD, and the excerpts mode."""
from __future__ import annotations

import json
import os
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from conftest import SHIPPED

ATOM = "{http://www.w3.org/2005/Atom}"


def briefing_counts() -> int:
    import yaml

    total = 0
    for path in (SHIPPED / "briefings").glob("*.yml"):
        data = yaml.safe_load(path.read_text())
        total += len(data.get("claims") or []) + len(data.get("warnings") or [])
    return total


def test_web_annotations_follow_the_w3c_model(shipped_site) -> None:
    doc = json.loads((shipped_site / "annotations.jsonld").read_text("utf-8"))
    assert doc["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert doc["type"] == "AnnotationCollection"
    assert doc["first"]["type"] == "AnnotationPage"
    items = doc["first"]["items"]
    assert len(items) == doc["total"] == briefing_counts()
    ids = set()
    for a in items:
        assert a["type"] == "Annotation"
        assert a["motivation"] == "assessing"
        # The shipped mkdocs.yml falls back to a loopback site_url: the exports' addresses are relative then.
        assert a["id"].startswith("briefings/")
        assert "#" in a["id"]
        ids.add(a["id"])
        assert all(b["type"] == "TextualBody" and b["value"] for b in a["body"])
        target = a["target"]
        assert target["type"] == "SpecificResource"
        assert re.fullmatch(r"seeds/[^/]+\.txt", target["source"])
        assert re.fullmatch(r"briefings/[^/]+/", target["scope"])
        quote, position = target["selector"]
        assert quote["type"] == "TextQuoteSelector"
        assert position["type"] == "TextPositionSelector"
        published = (shipped_site / target["source"]).read_text("utf-8")
        assert published[position["start"]:position["end"]] == quote["exact"]
        assert published[:position["start"]].endswith(quote.get("prefix", ""))
        assert published[position["end"]:].startswith(quote.get("suffix", ""))
    assert len(ids) == len(items)


def test_archive_json_matches_its_schema(shipped_site) -> None:
    data = json.loads((shipped_site / "archive.json").read_text("utf-8"))
    schema = json.loads((shipped_site / "schema" / "archive.schema.json").read_text("utf-8"))
    jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)
    assert len(data["briefings"]) == len(list((SHIPPED / "briefings").glob("*.yml")))
    for b in data["briefings"]:
        text = (shipped_site / "seeds" / b["article"]).read_text("utf-8")
        for c in b["claims"]:
            assert text[c["start"]:c["end"]] == c["quote"]


def test_claim_review_json_ld_is_embedded(shipped_site) -> None:
    html = (shipped_site / "briefings" / "north-korean-units-pulled-back-as-russian-gains-slow" / "index.html").read_text()
    (script,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL)
    data = json.loads(script)
    reviews = data["@graph"]
    assert all(r["@type"] == "ClaimReview" and re.match(r"[A-F][1-6]: source ", r["reviewRating"]["alternateName"])
               for r in reviews)
    assert len(reviews) == html.count('class="bx-claim-note ')


def test_json_ld_cannot_break_out_of_its_script(archive) -> None:
    hostile = "</script><script>alert(1)</script> & <!--"
    # the rating's explanation names the corroborating source (what the grade rests on, as the page words it)
    agency = archive.root.joinpath("briefings/sources/agency.yml").read_text()
    archive.write("briefings/sources/agency.yml", agency.replace("name: The Agency", f"name: '{hostile}'"))
    site = archive.build(strict=True)
    html = (site / "briefings" / "a-test" / "index.html").read_text()
    (script,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL)
    assert "<" not in script
    assert json.loads(script)["@graph"][0]["reviewRating"]["ratingExplanation"].endswith(
        f"corroborated by an independent report ({hostile})")


def feed(site: Path) -> ET.Element:
    return ET.fromstring((site / "feed.xml").read_bytes())


def entry_updated(site: Path) -> str:
    return feed(site).find(f"{ATOM}entry/{ATOM}updated").text


def test_feed_uses_published_date(archive) -> None:
    archive.write("mkdocs.yml", "site_url: https://example.test/archive/\n" + archive.root.joinpath("mkdocs.yml").read_text())
    archive.write("briefings/a-test.yml", archive.root.joinpath("briefings/a-test.yml").read_text()
                  .replace("title: A test briefing", "title: A test briefing\npublished: 2025-02"))
    site = archive.build(strict=True)
    root = feed(site)
    assert root.find(f"{ATOM}entry/{ATOM}link").get("href") == "https://example.test/archive/briefings/a-test/"
    assert entry_updated(site) == "2025-02-01T00:00:00+00:00"


def test_feed_falls_back_to_git_then_file_time(archive) -> None:
    path = archive.root / "briefings" / "a-test.yml"
    os.utime(path, (1_600_000_000, 1_600_000_000))
    assert entry_updated(archive.build(strict=True)) == "2020-09-13T12:26:40+00:00"
    env = {**os.environ, "GIT_AUTHOR_DATE": "2024-03-04T05:06:07+00:00", "GIT_COMMITTER_DATE": "2024-03-04T05:06:07+00:00",
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.test", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.test"}
    for cmd in (["git", "init", "-q"], ["git", "add", "-A"], ["git", "commit", "-qm", "x"]):
        subprocess.run(cmd, cwd=archive.root, env=env, check=True)
    assert entry_updated(archive.build(strict=True)) == "2024-03-04T05:06:07+00:00"


def test_excerpts_mode_publishes_only_annotated_sentences(archive) -> None:
    archive.write("mkdocs.yml", archive.root.joinpath("mkdocs.yml").read_text().replace(
        "  - briefings\n", "  - briefings:\n      publish_text: excerpts\n"))
    site = archive.build(strict=True)
    assert not (site / "seeds").exists()
    html = (site / "briefings" / "a-test" / "index.html").read_text()
    assert 'id="drones"' in html
    assert "over the region on Friday night." in html
    assert "not a markdown heading" not in html  # a sentence no claim touches
    index = (site / "search" / "search_index.json").read_text()
    assert "not a markdown heading" not in index
    doc = json.loads((site / "annotations.jsonld").read_text())
    for a in doc["first"]["items"]:
        assert a["target"]["source"].endswith("briefings/a-test/")
        assert [s["type"] for s in a["target"]["selector"]] == ["TextQuoteSelector"]
    data = json.loads((site / "archive.json").read_text())
    assert data["briefings"][0]["text_url"] is None


def test_pinned_seed_edit_names_briefing_and_claim(shipped, caplog) -> None:
    from mkdocs.exceptions import Abort

    seed = shipped.root / "seeds" / "003_264edea5e721573b.txt"
    seed.write_text(seed.read_text("utf-8").replace("minor advances in January", "major advances in January"),
                    encoding="utf-8")
    with pytest.raises(Abort):
        shipped.build()
    messages = "\n".join(r.getMessage() for r in caplog.records)
    yml = shipped.root / "briefings" / "north-korean-units-pulled-back-as-russian-gains-slow.yml"
    line = yml.read_text("utf-8").splitlines().index("    quote: In Russia\u2019s Kursk oblast (province), Russia made "
                                                     "minor advances in January 2025") + 1
    assert "briefings/north-korean-units-pulled-back-as-russian-gains-slow.yml" in messages
    assert (f"briefings/north-korean-units-pulled-back-as-russian-gains-slow.yml:{line}:12: error: claim "
            "'kursk-minor-advances-jan': the quote is not in seeds/003_264edea5e721573b.txt") in messages
    assert ("briefing 'north-korean-units-pulled-back-as-russian-gains-slow': the article "
            "seeds/003_264edea5e721573b.txt changed since it was pinned") in messages
    assert "1 quote(s) no longer anchor: claim 'kursk-minor-advances-jan'" in messages


@pytest.mark.parametrize("mode", ["full", "excerpts"])
@pytest.mark.usefixtures("no_warnings")
def test_every_view_builds_and_links_in_both_modes(archive, mode) -> None:
    from test_build import check_links

    archive.write("mkdocs.yml", archive.root.joinpath("mkdocs.yml").read_text().replace(
        "  - briefings\n", f"  - briefings:\n      publish_text: {mode}\n"))
    site = archive.build(strict=True)
    for page in ("briefings", "sources", "entities", "figures", "timeline", "relations", "tags", "methodology",
                 "claims"):
        assert (site / page / "index.html").is_file(), page
    pages = sorted(p for p in site.rglob("*.html") if p.name != "404.html")
    assert check_links(site, pages) == []
    assert (site / "seeds" / "a.txt").exists() == (mode == "full")
