"""Badges, scales, rubric, independence and the reading guide, checked against the YAML and the built site."""
from __future__ import annotations

import logging
import re
from collections import Counter
from html import unescape
from pathlib import Path

import pytest
import yaml
from mkdocs.exceptions import Abort

from briefing_archive.core.credibility import CREDIBILITY, RELIABILITY, RUBRIC

from conftest import SHIPPED

ORDER = "ABCDEF"


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text("utf-8"))


SOURCES = {p.stem: load(p) for p in (SHIPPED / "briefings" / "sources").glob("*.yml")}
BRIEFINGS = {p.stem: load(p) for p in (SHIPPED / "briefings").glob("*.yml")}


def originators(claim: dict) -> list[str]:
    last = claim["sources"][-1]
    return last if isinstance(last, list) else [last]


def expected_badge(claim: dict) -> str:
    letter = max((SOURCES[s]["reliability"] for s in originators(claim)), key=ORDER.index)
    return f"{letter}{claim['credibility']}"


def guide_text(site: Path, bid: str) -> str:
    html = (site / "briefings" / bid / "index.html").read_text("utf-8")
    block = html[html.index('class="admonition info bx-guide"'):]
    return unescape(re.sub(r"<[^>]+>", "", block[:block.index("</figure>")]))


@pytest.mark.parametrize("bid", sorted(BRIEFINGS))
def test_reading_guide_matches_the_yaml(shipped_site, bid) -> None:
    data = BRIEFINGS[bid]
    claims = data.get("claims") or []
    text = guide_text(shipped_site, bid)
    def side(role: str) -> Counter:
        return Counter(p for c in claims for p in {SOURCES[s].get("party") for s in originators(c)
                                                   if SOURCES[s].get("role", "belligerent") == role} if p)
    parties, backers = side("belligerent"), side("backer")
    assert parties
    assert backers
    for party, n in parties.items():
        assert f"{party}: {n}" in text.split("Originating with a party to the conflict:")[1].split(".")[0]
    for party, n in backers.items():
        assert f"{party}: {n}" in text.split("a party to the information war):")[1].split(".")[0]
    officials = sum(any(SOURCES[s]["kind"] == "officials" for s in originators(c)) for c in claims)
    unidentified = sum(all(SOURCES[s].get("identified") is False for s in originators(c)) for c in claims)
    assert f"Originating with unnamed officials: {officials} of {len(claims)}" in text
    assert f"or media): {unidentified} of {len(claims)}" in text
    assert f"The article's own cautions: {len(data.get('warnings') or [])}" in text
    badges = Counter(expected_badge(c) for c in claims)
    shown = {code: int(n) for code, n in re.findall(r"([A-F][1-6])\xa0×\xa0(\d+)", text)}
    assert shown == dict(badges)
    svg = unescape((shipped_site / "briefings" / bid / "index.html").read_text("utf-8"))
    for code, n in badges.items():
        assert f"<title>{n} × {code}:" in svg  # one bar segment per badge, with its text alternative


def test_every_claim_shows_its_badge_from_the_originator(shipped_site) -> None:
    for bid, data in BRIEFINGS.items():
        html = (shipped_site / "briefings" / bid / "index.html").read_text("utf-8")
        for claim in data.get("claims") or []:
            code = expected_badge(claim)
            assert re.search(rf'href="#_note-{claim["id"]}" data-n="\d+" data-bx-tip="{code}: source ', html), claim["id"]


def test_methodology_lists_exactly_the_scales_the_code_uses(shipped_site) -> None:
    html = (shipped_site / "methodology" / "index.html").read_text("utf-8")
    scales = html[html.index('id="_scales"'):html.index('id="_rubric"')]
    cells = [unescape(re.sub(r"<[^>]+>", "", c)).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", scales)]
    shown_rel = {c[-1]: cells[i + 1] for i, c in enumerate(cells) if re.fullmatch(r"\S [A-F]", c)}
    assert list(shown_rel.items()) == list(RELIABILITY.items())
    shown_cred = {int(c): cells[i + 1] for i, c in enumerate(cells) if re.fullmatch(r"[1-6]", c)}
    assert list(shown_cred.items()) == list(CREDIBILITY.items())
    assert len(cells) == 2 * len(RELIABILITY) + 3 * len(CREDIBILITY)  # nothing else in the scales
    for line in RUBRIC:
        assert f"<code>{line.id}</code>" in html
    assert "55-75 %" in html
    assert "&gt;= 95 %" in html


def test_every_shipped_source_follows_a_rubric_line(shipped_site) -> None:
    letters = {line.id: line.letter for line in RUBRIC}
    for sid, data in SOURCES.items():
        assert letters[data["rubric"]] == data["reliability"], sid
        html = unescape((shipped_site / "sources" / sid / "index.html").read_text("utf-8"))
        line = next(r for r in RUBRIC if r.id == data["rubric"])
        assert f"<dd>{line.who} ({line.why})" in html   # the line in its words: its id is for authors
        assert f"<code>{data['rubric']}</code>" not in html


def test_source_pages_list_every_claim_that_rests_on_them(shipped_site) -> None:
    for sid in SOURCES:
        html = (shipped_site / "sources" / sid / "index.html").read_text("utf-8")
        expected = {(bid, c["id"]) for bid, d in BRIEFINGS.items() for c in d.get("claims") or []
                    if sid in [s for link in c["sources"] for s in (link if isinstance(link, list) else [link])]}
        listed = set(re.findall(r'href="\.\./\.\./briefings/([^/]+)/#([^"]+)"', html))
        assert listed == expected, sid
        counts = Counter(c["credibility"] for bid, d in BRIEFINGS.items() for c in d.get("claims") or []
                         if (bid, c["id"]) in expected)
        for grade, n in counts.items():
            assert f"{n} × {grade} ({CREDIBILITY[grade]})" in unescape(html)


# -- circular reporting -----------------------------------------------------------------------

def circular(archive) -> None:
    """The agency relays the ministry: a claim of each 'corroborating' the other is circular."""
    archive.write("briefings/sources/agency.yml", archive.root.joinpath("briefings/sources/agency.yml").read_text()
                  + "depends_on: [ministry]\n")


def test_circular_corroboration_is_an_error(archive, caplog) -> None:
    circular(archive)
    caplog.set_level(logging.INFO)
    with pytest.raises(Abort):
        archive.build(strict=False)
    errors = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    assert any(e.startswith("briefings/a-test.yml:23:31: error: claim 'twice' corroborates a-test#drones, but "
                            "the two are not independent: both rest on The Ministry") for e in errors), errors
    assert not archive.site.exists()


def test_circular_echoes_show_their_shared_origin(archive) -> None:
    circular(archive)
    text = archive.root.joinpath("briefings/a-test.yml").read_text().replace("corroborates:", "echoes:")
    archive.write("briefings/a-test.yml", text.replace("credibility: 2", "credibility: 3"))   # echoes of itself
    html = unescape((archive.build(strict=True) / "briefings" / "a-test" / "index.html").read_text())
    assert "\u2014 not independent: both rest on The Ministry<" in html


@pytest.mark.usefixtures("no_warnings")
def test_independent_corroboration_is_accepted(archive) -> None:
    shipped_site = archive.build(strict=True)  # agency (twice) and ministry (drones) share nothing
    assert "\u2014 independent<" in unescape((shipped_site / "briefings" / "a-test" / "index.html").read_text())


def test_grade_1_needs_an_independent_corroboration(archive, caplog) -> None:
    circular(archive)
    text = archive.root.joinpath("briefings/a-test.yml").read_text().replace("credibility: 3", "credibility: 1")
    archive.write("briefings/a-test.yml", text.replace("corroborates:", "echoes:"))
    caplog.set_level(logging.INFO)
    with pytest.raises(Abort):
        archive.build(strict=True)
    assert any("briefings/a-test.yml:21:18: warning: claim 'twice' is graded 1 (confirmed by other sources), but no "
               "independent claim graded 1, 2 or 3 corroborates it" in r.getMessage() for r in caplog.records)


def test_rubric_mismatch_warns(archive, caplog) -> None:
    archive.write("briefings/sources/ministry.yml", archive.root.joinpath("briefings/sources/ministry.yml").read_text()
                  + "rubric: party-unnamed\n")
    caplog.set_level(logging.INFO)
    with pytest.raises(Abort):
        archive.build(strict=True)
    assert any("briefings/sources/ministry.yml:4:14: warning: source 'ministry' is graded C, but its rubric line "
               "'party-unnamed' gives D" in r.getMessage() for r in caplog.records)
