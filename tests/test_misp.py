"""The MISP export (``misp/<briefing-id>.json``): every event loads in PyMISP and loses nothing on the way, its tags
say what the archive says, its references land on objects that exist, and author text stays data."""
from __future__ import annotations

import json
import logging
import re
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pymisp import MISPEvent, MISPObject

from briefing_archive.core.config import ArchiveConfig
from briefing_archive.core.ids import claim_key
from briefing_archive.core.lexicon import Term
from briefing_archive.core.model import Archive as Model
from briefing_archive.core.model import Article, Briefing, Claim, Source, Span
from briefing_archive.core.urls import Addresses
from briefing_archive.derive.guide import hedged
from briefing_archive.derive.terms import with_terms
from briefing_archive.exports.misp import LIKELIHOOD, event, likelihood, name_uuid, object_uuid
from briefing_archive.load.archive import check_archive
from briefing_archive.load.lexicon import BUILTIN, load_lexicon

from conftest import Archive, copy_shipped, generated_archive

ADMIRALTY = re.compile(r'^admiralty-scale:(source-reliability="[a-f]"|information-credibility="[1-6]")$')
#: The values of MISP's estimative-language taxonomy (MISP/misp-taxonomies, estimative-language v5).
LIKELIHOODS = {"almost-no-chance", "very-unlikely", "unlikely", "roughly-even-chance", "likely", "very-likely",
               "almost-certain"}
ESTIMATIVE = re.compile(r'^estimative-language:(likelihood-probability="([a-z-]+)"'
                        r'|confidence-in-analytic-judgment="low")$')


@pytest.fixture(scope="session")
def generated_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = generated_archive(tmp_path_factory.mktemp("misp-generated"), 24)
    return Archive(root).build()


@pytest.fixture(scope="session")
def shipped_misp_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_shipped(tmp_path_factory.mktemp("misp-shipped") / "archive").build(strict=True)


@pytest.fixture(params=["shipped", "generated"])
def site(request: pytest.FixtureRequest) -> Path:
    return request.getfixturevalue("shipped_misp_site" if request.param == "shipped" else "generated_site")


def events(site: Path) -> dict[str, dict[str, Any]]:
    return {p.stem: json.loads(p.read_text("ascii")) for p in sorted((site / "misp").glob("*.json"))}


def claims_of(site: Path) -> dict[str, dict[str, Any]]:
    """Claim key -> the claim as archive.json gives it (the oracle: another export, built from the same archive)."""
    data = json.loads((site / "archive.json").read_text("utf-8"))
    return {claim_key(b["id"], c["id"]): c for b in data["briefings"] for c in b["claims"]}


def _attrs(obj: dict[str, Any]) -> set[tuple[str, str, str, tuple[str, ...]]]:
    return {(a["object_relation"], a["type"], a["value"], tuple(t["name"] for t in a.get("Tag", [])))
            for a in obj["Attribute"]}


def test_each_event_loads_in_pymisp_and_survives_the_round_trip(site: Path, caplog: pytest.LogCaptureFixture) -> None:
    data = json.loads((site / "archive.json").read_text("utf-8"))
    found = events(site)
    assert set(found) == {b["id"] for b in data["briefings"]}
    for bid, doc in found.items():
        caplog.clear()
        with caplog.at_level(logging.WARNING, logger="pymisp"):
            loaded = MISPEvent()
            loaded.load((site / "misp" / f"{bid}.json").read_text("ascii"))
        assert not caplog.records, f"{bid}: {[r.getMessage() for r in caplog.records]}"
        again = json.loads(loaded.to_json())
        ev = doc["Event"]
        for field in ("uuid", "info", "date", "analysis", "threat_level_id", "distribution", "published"):
            assert str(again[field]) == str(ev[field]), (bid, field)
        assert [t["name"] for t in again["Tag"]] == [t["name"] for t in ev["Tag"]]
        assert {(a["type"], a["value"]) for a in again["Attribute"]} == {(a["type"], a["value"]) for a in ev["Attribute"]}
        back = {o["uuid"]: o for o in again.get("Object", [])}
        assert set(back) == {o["uuid"] for o in ev["Object"]}
        for obj in ev["Object"]:
            assert _attrs(back[obj["uuid"]]) == _attrs(obj)
            refs = {(r["referenced_uuid"], r["relationship_type"]) for r in back[obj["uuid"]].get("ObjectReference", [])}
            assert refs == {(r["referenced_uuid"], r["relationship_type"]) for r in obj["ObjectReference"]}


def test_every_attribute_is_one_of_its_templates(site: Path) -> None:
    """No attribute outside the object template, and the Admiralty values are the template's own."""
    for doc in events(site).values():
        for obj in doc["Event"]["Object"]:
            template = MISPObject(obj["name"])._definition   # PyMISP's copy of MISP/misp-objects
            assert template is not None
            assert template["uuid"] == obj["template_uuid"]
            for a in obj["Attribute"]:
                spec = template["attributes"][a["object_relation"]]
                assert spec["misp-attribute"] == a["type"]
                assert a["value"] in spec.get("values_list", [a["value"]])
            required = template.get("requiredOneOf", [])
            assert not required or {a["object_relation"] for a in obj["Attribute"]} & set(required)


def test_the_admiralty_tags_are_the_claims_badge(site: Path) -> None:
    claims = claims_of(site)
    seen = set()
    for doc in events(site).values():
        for obj in doc["Event"]["Object"]:
            quote = [a for a in obj["Attribute"] if a.get("Tag")]
            assert len(quote) == 1
            tags = [t["name"] for t in quote[0]["Tag"]]
            key = next(k for k in claims if object_uuid(k) == obj["uuid"])
            seen.add(key)
            badge = claims[key]["badge"]
            assert quote[0]["value"] == claims[key]["quote"]
            assert tags[:2] == [f'admiralty-scale:source-reliability="{badge[0].lower()}"',
                                f'admiralty-scale:information-credibility="{badge[1:]}"']
            assert all(ADMIRALTY.match(t) or ESTIMATIVE.match(t) for t in tags)
    assert seen == set(claims)


def test_relations_reference_existing_objects(site: Path) -> None:
    claims = claims_of(site)
    found = events(site)
    uuids = {o["uuid"]: bid for bid, doc in found.items() for o in doc["Event"]["Object"]}
    written = {(object_uuid(k), object_uuid(r["target"]), r["kind"]) for k, c in claims.items()
               for r in c["relations"]}
    refs = set()
    for bid, doc in found.items():
        for obj in doc["Event"]["Object"]:
            for r in obj["ObjectReference"]:
                assert r["object_uuid"] == obj["uuid"]
                assert r["referenced_uuid"] in uuids
                other = uuids[r["referenced_uuid"]]
                assert ("this event" in r["comment"]) == (other == bid)
                if other != bid:
                    assert f"misp/{other}.json" in r["comment"]
                refs.add((r["object_uuid"], r["referenced_uuid"], r["relationship_type"]))
    assert refs == written


def test_the_estimative_tag_is_where_the_lexicon_finds_a_hedge(site: Path) -> None:
    root = site.parent
    archive, _, _ = check_archive(ArchiveConfig.at(root))   # both sites use the default lexicon
    assert archive is not None
    termed = with_terms(archive)
    hedges = {object_uuid(claim_key(b.id, c.id)): bool(hedged(c, b.article.text, b.terms))
              for b in termed.briefings for c in b.claims}
    for doc in events(site).values():
        for obj in doc["Event"]["Object"]:
            tags = [t["name"] for a in obj["Attribute"] for t in a.get("Tag", [])]
            assert any(ESTIMATIVE.match(t) for t in tags) == hedges[obj["uuid"]]


def test_two_builds_give_the_same_bytes(generated_site: Path, tmp_path: Path) -> None:
    again = Archive(generated_site.parent).build(site_dir=tmp_path / "again")
    first = {p.name: p.read_bytes() for p in (generated_site / "misp").iterdir()}
    assert first
    assert first == {p.name: p.read_bytes() for p in (again / "misp").iterdir()}


# --- properties over generated claims -------------------------------------------------------------------------

DAY = datetime(2025, 1, 2, tzinfo=UTC)
WORDS = ["troops", "the", "said", "were", "moved", "north", "line", "reportedly", "may", "likely", "unlikely",
         "almost certain", "realistic possibility", "highly likely", "remote chance", "could", "claimed", "in"]


@given(st.lists(st.lists(st.sampled_from(WORDS), min_size=2, max_size=8), min_size=1, max_size=4),
       st.sampled_from(BUILTIN), st.data())
def test_estimative_tags_follow_the_lexicon(sentences: list[list[str]], lexicon_name: str, data: st.DataObject) -> None:
    lexicon, _ = load_lexicon(lexicon_name, Path("."), 1 << 20)
    assert lexicon is not None
    text = " ".join(" ".join(s).capitalize() + "." for s in sentences)
    start = data.draw(st.integers(0, len(text) - 2))
    end = data.draw(st.integers(start + 1, len(text)))
    claim = Claim("c", text[start:end], Span(start, end), (("s",),), 3)
    b = Briefing("b", "B", Article("a.txt", text, "0" * 64), "", claims=(claim,), terms=lexicon.find(text))
    archive = Model((b,), {"s": Source("s", "S", "officials", "C", "")}, {}, lexicon)
    doc = event(archive, b, Addresses(None, directory_urls=True), excerpts=False, related={"b#c": []}, names={"s": "S"},
                when=(DAY, DAY))
    tags = [t["name"] for a in doc["Event"]["Object"][0]["Attribute"] for t in a.get("Tag", [])]
    found = hedged(claim, text, b.terms)
    estimative = [m for t in tags if (m := ESTIMATIVE.match(t))]
    assert bool(estimative) == bool(found)
    likely = [m.group(2) for m in estimative if m.group(2)]
    assert len(likely) <= 1
    assert set(likely) <= LIKELIHOODS
    assert bool(likely) == any(o.term.kind == "estimate" for o in found)
    assert any("confidence" in m.group(0) for m in estimative) == any(o.term.kind == "hedge" for o in found)


def test_the_table_and_the_range_rule_agree() -> None:
    """Every built-in lexicon's term is in the table, and a custom term with the same range gets the same value."""
    for name in BUILTIN:
        lexicon, _ = load_lexicon(name, Path("."), 1 << 20)
        assert lexicon is not None
        for term in lexicon.estimates:
            assert term.label in LIKELIHOOD
            assert LIKELIHOOD[term.label] in LIKELIHOODS
            custom = Term("x " + term.label, "x" + term.meaning, "estimate", term.forms)
            assert likelihood(custom) == LIKELIHOOD[term.label], term


HOSTILE = '</script><script>alert("x")</script> {{7*7}} \u2028 "quoted" & \\back'


def test_hostile_author_text_stays_json_data(archive: Archive) -> None:
    """Hostile text in every author field reaches the event as the same string, in a file PyMISP loads."""
    yaml_text = HOSTILE.replace("\\", "\\\\").replace('"', '\\"').replace("\u2028", "\\u2028")
    archive.write("briefings/sources/agency.yml", f'name: "{yaml_text}"\nkind: news-outlet\nreliability: B\n'
                  f'note: "{yaml_text}"\n')
    archive.write("briefings/a-test.yml", f'''\
article: a.txt
title: "{yaml_text}"
summary: "{yaml_text}"
claims:
  - id: drones
    quote: 40 drones were shot down
    sources: [agency, ministry]
    credibility: 2
    note: "{yaml_text}"
    background: "{yaml_text}"
  - id: script
    quote: <script>alert(1)</script> and *stars* and [a](javascript:x) & more.
    sources: [agency]
    credibility: 3
    note: "{yaml_text}"
    relations: [corroborates: a-test#drones]
''')
    site = archive.build()
    raw = (site / "misp" / "a-test.json").read_text("ascii")
    loaded = MISPEvent()
    loaded.load(raw)
    doc = json.loads(raw)["Event"]
    assert doc["info"] == HOSTILE == loaded.info
    values = {a["value"] for o in doc["Object"] for a in o["Attribute"]}
    assert {HOSTILE, "<script>alert(1)</script> and *stars* and [a](javascript:x) & more."} <= values
    assert any(HOSTILE in a["value"] for o in doc["Object"] for a in o["Attribute"]
               if a["object_relation"] == "source-summary")
    refs = [r for o in doc["Object"] for r in o["ObjectReference"]]
    assert [(r["relationship_type"], "this event" in r["comment"]) for r in refs] == [("corroborates", True)]


@given(st.uuids(), st.text())
def test_name_uuid_is_uuid5(namespace: uuid.UUID, name: str) -> None:
    assert name_uuid(str(namespace), name) == str(uuid.uuid5(namespace, name))


def test_the_preview_reuses_an_event_only_for_the_briefing_it_was_made_from(archive: Archive) -> None:
    """An unchanged briefing's event is the last build's (the same bytes object); an edited one is made again and
    is what a fresh build writes."""
    from dataclasses import replace

    from briefing_archive.core.rule import judge
    from briefing_archive.exports.misp import misp_events

    loaded, _, _ = check_archive(ArchiveConfig.at(archive.root))
    assert loaded is not None
    termed = with_terms(loaded)
    at = Addresses(None, directory_urls=True)
    when = {b.id: (DAY, DAY) for b in termed.briefings}
    first = misp_events(termed, at, excerpts=False, related=judge(termed).related, dates=when, reuse={})
    same = misp_events(termed, at, excerpts=False, related=judge(termed).related, dates=when, reuse=first)
    assert all(same[bid] is first[bid] for bid in first)
    edited = replace(termed, briefings=tuple(replace(b, title=b.title + " (edited)") for b in termed.briefings))
    again = misp_events(edited, at, excerpts=False, related=judge(edited).related, dates=when, reuse=first)
    fresh = misp_events(edited, at, excerpts=False, related=judge(edited).related, dates=when)
    assert all(again[bid] is not first[bid] and again[bid].data == fresh[bid].data for bid in first)
    later = {bid: (DAY, DAY.replace(year=2026)) for bid in when}
    assert all(misp_events(termed, at, excerpts=False, related=judge(termed).related, dates=later,
                           reuse=first)[bid] is not first[bid] for bid in first)
