"""The credibility rule and the three independence verdicts in real builds: what --strict refuses,
and where the verdicts show (claim entries, relations table, reading guide, archive.json, annotations)."""
from __future__ import annotations

import json
import logging
from html import unescape

import pytest
from mkdocs.exceptions import Abort

from conftest import Archive

# b-test adds three claims related to a-test#drones (the ministry, relayed by the agency):
# - rain: the ministry's own press office, which depends on the ministry -> not independent
# - snow: an unattributed statement -> independence cannot be established
# - hail: a monitor that shares nothing with the ministry -> independent
B_SEED = "The press office said rain fell. It is said snow fell. The monitor said hail fell.\n"
B_BRIEFING = """\
article: b.txt
title: B
summary: S.
claims:
  - id: rain
    quote: rain fell
    sources: [press-office]
    credibility: 3
    relations:
      - echoes: a-test#drones
  - id: snow
    quote: snow fell
    sources: [unattributed]
    credibility: 2
    relations:
      - echoes: a-test#drones
  - id: hail
    quote: hail fell
    sources: [monitor]
    credibility: 3
    note: Held at 3 though the drones claim corroborates it, since the monitor is new to the archive.
    relations:
      - corroborates: a-test#drones
"""
SOURCES = {
    "press-office": "name: Press office\nkind: government\nrole: belligerent\nparty: Ruritania\nreliability: C\n"
                    "note: n\ndepends_on: [ministry]\n",
    "unattributed": "name: Unattributed\nkind: unattributed\nidentified: false\nreliability: F\nnote: n\n",
    "monitor": "name: Monitor\nkind: other\nrole: neutral\nreliability: B\nnote: n\n",
}


def three_verdicts(archive: Archive) -> Archive:
    archive.write("seeds/b.txt", B_SEED)
    archive.write("briefings/b-test.yml", B_BRIEFING)
    for sid, text in SOURCES.items():
        archive.write(f"briefings/sources/{sid}.yml", text)
    return archive


def test_a_grade_2_without_support_fails_strict_naming_the_claim(archive, caplog) -> None:
    text = archive.root.joinpath("briefings/a-test.yml").read_text()
    archive.write("briefings/a-test.yml", text.split("    relations:")[0])   # drones (2) loses its support
    caplog.set_level(logging.INFO)
    with pytest.raises(Abort):
        archive.build(strict=True)
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert any(w.startswith("briefings/a-test.yml:9:18: warning: claim 'drones' is graded 2 (probably true), but "
                            "nothing supports it") and "or grade it 3" in w for w in warnings), warnings
    assert not archive.site.exists()
    caplog.clear()
    archive.build(strict=False)   # a warning: the site builds, and says so
    assert (archive.site / "briefings" / "a-test" / "index.html").exists()


@pytest.mark.usefixtures("no_warnings")
def test_each_verdict_is_shown_where_it_applies(archive) -> None:
    site = three_verdicts(archive).build(strict=True)
    table = unescape((site / "relations" / "index.html").read_text())
    assert "not independent: both rest on The Ministry" in table
    assert "independence cannot be established: one of them rests only on unidentified sources" in table
    assert '<span class="bx-independent">independent</span>' in table
    drones = unescape((site / "briefings" / "a-test" / "index.html").read_text())
    guide = drones[drones.index("Reading guide"):drones.index("</ul>", drones.index("Reading guide"))]
    assert ("2 independent</span>, <span class=\"bx-dependent\">1 not independent</span>, "
            "<span class=\"bx-unknown\">1 independence cannot be established</span>") in guide   # twice and hail


@pytest.mark.usefixtures("no_warnings")
def test_exports_carry_the_verdicts(archive) -> None:
    site = three_verdicts(archive).build(strict=True)
    data = json.loads((site / "archive.json").read_text())
    b = next(x for x in data["briefings"] if x["id"] == "b-test")
    verdicts = {c["id"]: (c["relations"][0]["independence"], c["relations"][0]["shared_origins"]) for c in b["claims"]}
    assert verdicts == {"rain": ("not independent", ["ministry"]), "snow": ("cannot be established", []),
                        "hail": ("independent", [])}
    monitor = next(s for s in data["sources"] if s["id"] == "monitor")
    assert monitor["role"] == "neutral"
    assert monitor["identified"] is True
    annotations = json.loads((site / "annotations.jsonld").read_text())["first"]["items"]
    drones = next(a for a in annotations if a["id"].endswith("a-test/#drones"))
    described = [body["value"] for body in drones["body"] if body["purpose"] == "describing"]
    assert any(v.startswith("Related (echoes) to ") and v.endswith("b-test/#snow: independence cannot be "
                                                                    "established: one of them rests only on "
                                                                    "unidentified sources") for v in described)


@pytest.mark.usefixtures("no_warnings")
def test_an_assumed_dependence_is_labelled_on_the_page(archive) -> None:
    three_verdicts(archive)
    archive.write("briefings/sources/press-office.yml", SOURCES["press-office"].replace(
        "depends_on: [ministry]", "depends_on:\n  - {source: ministry, basis: background, note: Assumed *here*.}"))
    site = archive.build(strict=True)
    b = unescape((site / "briefings" / "b-test" / "index.html").read_text())
    assert "not independent, by an assumption from outside the articles: both rest on The Ministry" in b
    source = unescape((site / "sources" / "press-office" / "index.html").read_text())
    assert "an assumption from outside the articles:</em><p>Assumed <em>here</em>.</p>" in source
