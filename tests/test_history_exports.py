"""The exports carry the history (issue 27 items 2 and 5): archive.json, the W3C annotations, the pages' ClaimReview
and STIX, built from a real git repository with the issue's series of commits (dates and names set by env)."""
from __future__ import annotations

import json
import os
import re
import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing_archive.core.changelog import MODIFYING, change_data, change_text, change_words, last_modified
from briefing_archive.core.config import ArchiveConfig, Settings
from briefing_archive.core.history import FIELDS, NO_HISTORY, Change
from briefing_archive.core.urls import Addresses
from briefing_archive.derive.stage import derive_archive
from briefing_archive.exports.assembled import exports
from briefing_archive.exports.stix import stamp
from briefing_archive.load.archive import check_archive
from briefing_archive.load.history import read_history
from test_export_standards import MUSTS, SITE, expand, with_site_url
from test_stix import sound

from conftest import BRIEFING, Archive, commit, git, write_fixture

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

#: A commit message that would end the page's JSON-LD script if it were written as it is.
HOSTILE = "</script><script>alert(1)</script> <!-- \"'& {{ x }} ]]>"
TWICE, DOWNED, DRONES = "a-test#twice", "a-test#drones-downed", "a-test#drones"
D1, D2, D3, D4, D5, D6 = ("2025-02-01T09:00:00+01:00", "2025-03-04T10:00:00+00:00", "2025-03-10T10:00:00+00:00",
                          "2025-03-12T10:00:00+00:00", "2025-04-01T10:00:00-02:00", "2025-04-02T10:00:00+00:00")
TWICE_2 = BRIEFING.replace("credibility: 3", "credibility: 2\n    regraded: echoed by the ministry")
QUOTE_FIXED = TWICE_2.replace("quote: 40 drones were shot down", "quote: 40 drones were shot down over the region")
RENAMED = QUOTE_FIXED.replace("id: drones", "id: drones-downed\n    renamed_from: drones").replace(
    DRONES, DOWNED)
TWICE_3 = RENAMED.replace("credibility: 2\n    regraded", "credibility: 3\n    regraded")
AGENCY_C = "name: The Agency\nkind: news-outlet\nreliability: C\nnote: A wire.\n"



def repository(root: Path) -> Archive:
    a = write_fixture(Archive(root))
    with_site_url(a, SITE)
    a.write(".gitignore", "site/\nsite-*/\n")
    git(a.root, "init", "-q", "-b", "main")
    return a


def series(root: Path) -> tuple[Archive, list[str]]:
    """The issue's series: twice graded 3, then 2 with a reason, a quote fix, a rename with renamed_from, a source
    re-graded, and twice graded 3 again by a commit whose message is hostile."""
    a = repository(root)
    shas = [commit(a, "Add the test briefing", D1)]
    for path, text, message, date in (("briefings/a-test.yml", TWICE_2, "Re-grade twice", D2),
                                      ("briefings/a-test.yml", QUOTE_FIXED, "Fix the quote of drones", D3),
                                      ("briefings/a-test.yml", RENAMED, "Rename drones", D4),
                                      ("briefings/sources/agency.yml", AGENCY_C, "Agency re-graded", D5),
                                      ("briefings/a-test.yml", TWICE_3, HOSTILE, D6)):
        a.write(path, text)
        shas.append(commit(a, message, date))
    return a, shas


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Archive, list[str], Path]:
    a, shas = series(tmp_path_factory.mktemp("history") / "archive")
    return a, shas, a.build(strict=True)


def read_json(site: Path, name: str) -> Any:
    return json.loads((site / name).read_text("utf-8"))


def claims_of(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {f"{b['id']}#{c['id']}": c for b in data["briefings"] for c in b["claims"]}


def history_of(a: Archive) -> dict[str, tuple[Change, ...]]:
    return dict(read_history(a.root, a.root / "briefings").claims)


def claim_reviews(site: Path) -> dict[str, dict[str, Any]]:
    html = (site / "briefings" / "a-test" / "index.html").read_text("utf-8")
    (script,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL)
    assert "<" not in script
    assert ">" not in script
    assert "&" not in script
    return {r["url"].rsplit("#", 1)[1]: r for r in json.loads(script)["@graph"]}


def test_archive_json_gives_each_claims_and_sources_history(built: tuple[Archive, list[str], Path]) -> None:
    a, (c1, c2, _c3, c4, c5, c6), site = built
    data = read_json(site, "archive.json")
    jsonschema.validate(data, read_json(site, "schema/archive.schema.json"), cls=jsonschema.Draft202012Validator)
    claims = claims_of(data)
    assert claims[TWICE]["history"] == [
        {"date": D1, "commit": c1, "field": "added", "before": None, "after": 3, "reason": "Add the test briefing"},
        {"date": D2, "commit": c2, "field": "credibility", "before": 3, "after": 2, "reason": "echoed by the ministry"},
        {"date": D4, "commit": c4, "field": "relations", "before": [{"kind": "corroborates", "target": DRONES}],
         "after": [{"kind": "corroborates", "target": DOWNED}], "reason": "Rename drones"},
        {"date": D6, "commit": c6, "field": "credibility", "before": 2, "after": 3, "reason": HOSTILE}]
    assert claims[TWICE]["modified"] == D6
    assert [h["field"] for h in claims[DOWNED]["history"]] == ["added", "quote", "renamed"]
    assert claims[DOWNED]["history"][2]["before"] == DRONES
    assert claims[DOWNED]["modified"] == D3   # an id change is no change of what the claim says
    sources = {s["id"]: s for s in data["sources"]}
    assert sources["agency"]["history"][-1] == {"date": D5, "commit": c5, "field": "reliability", "before": "B",
                                                "after": "C", "reason": "Agency re-graded"}
    assert sources["agency"]["modified"] == D5
    assert (sources["ministry"]["modified"], len(sources["ministry"]["history"])) == (None, 1)   # only its entry
    assert [b["entered"] for b in data["briefings"]] == [D1]
    # the property behind the examples: every claim's history is the history read, its modified the last such date
    for key, changes in history_of(a).items():
        assert claims[key]["history"] == [change_data(c) for c in changes]
        dated = [datetime.fromisoformat(c.date) for c in changes if c.field in MODIFYING and c.date]
        assert claims[key]["modified"] == (None if not dated else
                                           next(c.date for c in reversed(changes) if c.date
                                                and datetime.fromisoformat(c.date) == max(dated)))


def test_annotations_carry_modified_and_the_history_as_bodies(built: tuple[Archive, list[str], Path]) -> None:
    a, _, site = built
    doc = read_json(site, "annotations.jsonld")
    for clause, must in MUSTS.items():
        assert must(doc), f"WADM {clause}"
    _, dropped = expand(doc, SITE + "annotations.jsonld")
    assert dropped == []
    items = {i["id"].rsplit("#", 1)[1]: i for i in doc["first"]["items"]}
    history = history_of(a)
    for key in (TWICE, DOWNED):
        item, changes = items[key.split("#")[1]], history[key]
        assert item["modified"] == last_modified(changes)
        bodies = [b for b in item["body"] if b["value"].startswith("History: ")]
        assert [(b["purpose"], b["value"], b.get("created")) for b in bodies] == [
            ("describing", f"History: {c.date[:10]}: {change_text(c)}", c.date) for c in changes]
    assert items["twice"]["modified"] == D6
    assert f"History: 2025-04-02: re-graded from 2 to 3: {HOSTILE}" in [b["value"] for b in items["twice"]["body"]]
    assert "History: 2025-03-04: re-graded from 3 to 2: echoed by the ministry" in [
        b["value"] for b in items["twice"]["body"]]
    assert all("modified" not in i for i in items.values() if i["id"].split("#")[1].startswith("_warned"))


def test_the_pages_claim_review_has_date_modified_and_corrections(built: tuple[Archive, list[str], Path]) -> None:
    _a, _, site = built
    html = (site / "briefings" / "a-test" / "index.html").read_text("utf-8")
    assert "</script><script>alert(1)" not in html
    reviews = claim_reviews(site)
    assert reviews["twice"]["dateModified"] == D6
    assert reviews["drones-downed"]["dateModified"] == D3
    assert reviews["twice"]["correction"] == [
        {"@type": "CorrectionComment", "text": "re-graded from 3 to 2: echoed by the ministry", "datePublished": D2},
        {"@type": "CorrectionComment", "text": "relations changed: Rename drones", "datePublished": D4},
        {"@type": "CorrectionComment", "text": f"re-graded from 2 to 3: {HOSTILE}", "datePublished": D6}]
    assert reviews["drones-downed"]["correction"] == [
        {"@type": "CorrectionComment", "text": "quote corrected: Fix the quote of drones", "datePublished": D3}]


def test_stix_notes_are_modified_by_the_claims_and_originators_last_change(
        built: tuple[Archive, list[str], Path]) -> None:
    _a, _, site = built
    text = (site / "stix.json").read_text("ascii")
    assert "<" not in text
    assert ">" not in text
    bundle = sound(text)
    data = read_json(site, "archive.json")
    claims, sources = claims_of(data), {s["id"]: s for s in data["sources"]}
    notes = {n["external_references"][0]["external_id"]: n for n in bundle["objects"] if n["type"] == "note"}
    assert set(notes) == set(claims)
    for key, note in notes.items():
        originators = claims[key]["chain"][-1]["sources"]
        dates = [d for d in (claims[key]["modified"], *(sources[s["id"]]["modified"] for s in originators)) if d]
        assert note["modified"] == max([note["created"], *(stamp(datetime.fromisoformat(d)) for d in dates)])
        assert note["modified"] >= note["created"]
    assert notes[TWICE]["created"] == stamp(datetime.fromisoformat(D1)) == "2025-02-01T08:00:00.000Z"
    assert notes[TWICE]["modified"] == "2025-04-02T10:00:00.000Z"
    assert notes[DOWNED]["modified"] == "2025-03-10T10:00:00.000Z"   # its originator, the ministry, never re-graded
    # every other object is as it was: modified equal to created
    assert all(o["modified"] == o["created"] for o in bundle["objects"] if o["type"] not in ("note", "bundle"))


def test_the_same_commits_give_the_same_bytes(built: tuple[Archive, list[str], Path],
                                              tmp_path: Path) -> None:
    a, _, site = built
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", f"file://{a.root}", str(clone))
    os.utime(clone / "briefings" / "a-test.yml", (0, 0))   # another file time: the exports never read it
    again = Archive(clone).build(strict=True)
    names = ["archive.json", "annotations.jsonld", "stix.json", "misp/a-test.json", "briefings/a-test/index.html"]
    for name in names:
        assert (again / name).read_bytes() == (site / name).read_bytes(), name
    assert b"</script><script>" not in (again / "misp/a-test.json").read_bytes()


def test_nothing_known_gives_no_modified(tmp_path: Path) -> None:
    """One commit: every claim entered and never changed; ``modified`` null or absent, STIX's equal to created."""
    a = repository(tmp_path / "archive")
    commit(a, "Add the test briefing", D1)
    site = a.build(strict=True)
    data = read_json(site, "archive.json")
    jsonschema.validate(data, read_json(site, "schema/archive.schema.json"), cls=jsonschema.Draft202012Validator)
    assert {c["modified"] for c in claims_of(data).values()} == {None}
    assert {s["modified"] for s in data["sources"]} == {None}
    assert all(len(c["history"]) == 1 and c["history"][0]["field"] == "added" for c in claims_of(data).values())
    assert all("modified" not in i for i in read_json(site, "annotations.jsonld")["first"]["items"])
    assert all("dateModified" not in r and "correction" not in r for r in claim_reviews(site).values())
    notes = [o for o in sound((site / "stix.json").read_text("ascii"))["objects"] if o["type"] == "note"]
    assert notes
    assert all(n["modified"] == n["created"] for n in notes)


def test_uncommitted_changes_are_in_the_history_with_no_date(tmp_path: Path) -> None:
    """The preview's working tree: the change is listed with date and commit null and modifies nothing published."""
    a = repository(tmp_path / "archive")
    commit(a, "Add the test briefing", D1)
    a.write("briefings/a-test.yml", TWICE_2)
    data = read_json(a.build(strict=True), "archive.json")
    twice = claims_of(data)[TWICE]
    assert twice["history"][-1] == {"date": None, "commit": None, "field": "credibility", "before": 3, "after": 2,
                                    "reason": "echoed by the ministry"}
    assert twice["modified"] is None


def test_a_preview_part_is_made_again_when_its_claims_history_moves(tmp_path: Path) -> None:
    """The preview's reuse: parts made without the history are not taken once the history says more, so the
    assembled exports are what a one-off build with that history writes."""
    a, _ = series(tmp_path / "archive")
    checked = check_archive(ArchiveConfig.at(a.root, Settings()))
    assert checked.archive is not None
    archive = checked.archive
    derived = derive_archive(archive)
    at = Addresses(SITE, directory_urls=True)
    history = read_history(a.root, a.root / "briefings", archive)
    common = {"excerpts": False, "ledger": derived.ledger, "judged": derived.judged}
    _, _, parts = exports(archive, at, reuse={}, history=NO_HISTORY, **common)
    data, notes, _ = exports(archive, at, reuse=parts, history=history, **common)
    whole_data, whole_notes, _ = exports(archive, at, history=history, **common)
    assert (data, notes) == (whole_data, whole_notes)
    assert json.loads(data)["briefings"][0]["entered"] == D1


# --- the shared wording and dates (core.changelog), as properties ------------------------------------------------

DATES = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1),
                     timezones=st.sampled_from([timezone(timedelta(hours=h)) for h in (-5, 0, 1, 9)])).map(
    lambda d: d.replace(microsecond=0).isoformat())
CHANGES = st.builds(Change, st.none() | DATES, st.none() | st.just("0123456789ab"), st.none() | st.text(max_size=20),
                    st.sampled_from(FIELDS), st.none() | st.integers(1, 6), st.none() | st.integers(1, 6))


@given(st.lists(CHANGES, max_size=8))
def test_modified_is_the_latest_committed_change_of_what_is_said(changes: list[Change]) -> None:
    counted = [c for c in changes if c.date is not None and c.field in MODIFYING]
    got = last_modified(changes)
    if not counted:
        assert got is None
        return
    assert got in {c.date for c in counted}
    assert datetime.fromisoformat(got) == max(datetime.fromisoformat(c.date or "") for c in counted)


@given(CHANGES)
def test_a_change_in_words_is_dated_and_a_regrade_never_silent(c: Change) -> None:
    words = change_words(c)
    assert words.startswith(c.date[:10] + ": " if c.date else "not yet committed: ")
    if c.reason:
        assert words.endswith(": " + c.reason)
    elif c.field in ("credibility", "reliability"):
        assert words.endswith("; no reason given")
    assert change_data(c)["reason"] == c.reason
