"""The claims explorer (/claims/): its rows (status and independence verdicts), its data file and its page,
in real builds. What the page does in a browser is in tests/test_claims_browser.py."""
from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

import pytest

from briefing_archive.core.config import ArchiveConfig
from briefing_archive.derive.claims import claim_rows
from briefing_archive.derive.stage import derive_archive
from briefing_archive.load.archive import load_archive
from briefing_archive.render import claims as claims_module
from briefing_archive.render.claimdata import claims_data
from briefing_archive.render.context import RenderContext
from test_build import check_links
from test_grades import three_verdicts

from conftest import REPO, Archive

# c-test adds: a claim contradicting a-test#twice, one that updates nothing but is updated (no verdict),
# and one with no relation at all.
C_SEED = "The monitor said sleet fell. The monitor said fog lifted. The agency said frost came.\n"
C_BRIEFING = """\
article: c.txt
title: C
summary: S.
tags: [weather, test]
claims:
  - id: sleet
    quote: sleet fell
    sources: [monitor]
    credibility: 3
    relations:
      - contradicts: a-test#twice
  - id: fog
    quote: fog lifted
    sources: [monitor]
    credibility: 3
    relations:
      - updates: c-test#sleet
  - id: frost
    quote: frost came
    sources: [agency]
    credibility: 3
"""


def explorer_archive(archive: Archive) -> Archive:
    three_verdicts(archive)
    archive.write("seeds/c.txt", C_SEED)
    archive.write("briefings/c-test.yml", C_BRIEFING)
    return archive


def loaded(archive: Archive):
    result, problems = load_archive(ArchiveConfig.at(archive.root))
    assert result is not None, [p.format() for p in problems]
    return result


def decode(data: bytes) -> dict:
    text = data.decode("utf-8")
    assert text.startswith("window.BX_CLAIMS=")
    assert text.endswith(";\n")
    return json.loads(text[len("window.BX_CLAIMS="):-2])


def test_each_claim_has_its_status_and_the_verdicts_of_its_relations(archive) -> None:
    rows = {r.key: r for r in claim_rows(loaded(explorer_archive(archive)))}
    got = {key: (r.status, r.verdicts) for key, r in rows.items()}
    assert got == {
        # corroborated by twice and hail (independent), echoed by rain (shares the ministry) and snow (unnamed)
        "a-test#drones": (("corroborated",), ("independent", "not independent", "cannot be established")),
        "a-test#twice": (("corroborated", "contradicted"), ("independent",)),      # sleet contradicts it
        "b-test#rain": (("echoed",), ("not independent",)),
        "b-test#snow": (("echoed",), ("cannot be established",)),
        "b-test#hail": (("corroborated",), ("independent",)),
        "c-test#sleet": (("contradicted",), ("independent",)),   # fog's update carries no verdict
        "c-test#fog": (("alone",), ()),                           # an update is no support nor contradiction
        "c-test#frost": (("alone",), ()),
    }
    assert rows["a-test#drones"].code == "C2"
    assert rows["a-test#drones"].sources == ("agency", "ministry")
    assert rows["a-test#drones"].parties == ("Ruritania",)
    assert rows["b-test#hail"].parties == ()


def test_the_data_file_holds_every_claim_compactly_and_as_plain_strings(archive) -> None:
    a = loaded(explorer_archive(archive))
    ctx = RenderContext.build(derive_archive(a))
    data = decode(claims_data(a, ctx.claim_rows))
    assert data["id"] == ["drones", "twice", "rain", "snow", "hail", "sleet", "fog", "frost"]
    assert [b[0] for b in data["b"]] == ["a-test", "b-test", "c-test"]
    assert [b[4] for b in data["b"]] == [2, 3, 3]
    assert data["tag"] == ["test", "weather"]
    assert data["b"][2][3] == [1, 0]
    assert data["g"] == "C2B3C3F2B3B3B3B3"
    names = [s[0] for s in data["src"]]
    chain = [[names[int(x, 36)] for x in link.split("+")] for link in data["ch"][0].split(">")]
    assert chain == [["agency"], ["ministry"]]
    assert [data["ent"][int(x, 36)][0] for x in data["en"][0].split(".")] == ["region"]
    assert data["d"][:2] == ["2025-01", ""]
    flags = [ord(c) - 48 for c in data["f"]]
    assert flags[0] == 1 | 8 | 16 | 32            # corroborated; independent, not independent, cannot be established
    assert flags[1] == 1 | 4 | 8                  # corroborated and contradicted; independent
    assert flags[2:5] == [2 | 16, 2 | 32, 1 | 8]
    assert flags[6:] == [0, 0]
    side = {s[0]: s[4] for s in data["src"]}
    assert side == {"agency": "side not known", "ministry": "Ruritania", "press-office": "Ruritania (party to the conflict)",
                    "unattributed": "unnamed: side not known", "monitor": "neutral (no side)"}
    assert data["pty"] == ["Ruritania"]


def test_hostile_text_stays_inside_json_strings(archive) -> None:
    evil = '</script><script>alert(1)</script> "q" \u2028 x'
    archive.write("briefings/a-test.yml", archive.root.joinpath("briefings/a-test.yml").read_text()
                  .replace("title: A test briefing", f"title: {json.dumps(evil)}"))
    a = loaded(archive)
    raw = claims_data(a, RenderContext.build(derive_archive(a)).claim_rows)
    assert decode(raw)["b"][0][1] == evil
    page = claims_module.claims_page(RenderContext.build(derive_archive(a)))
    assert "<script>alert(1)</script>" not in page


def test_the_data_is_deterministic(archive) -> None:
    explorer_archive(archive)
    one, two = (claims_data(a, RenderContext.build(derive_archive(a)).claim_rows) for a in (loaded(archive), loaded(archive)))
    assert one == two


def test_long_quotes_are_cut_in_the_explorer(archive) -> None:
    a = loaded(archive)
    c = a.briefings[0].claims[0]
    from dataclasses import replace
    long_claim = replace(c, quote="word " * 200)
    b = replace(a.briefings[0], claims=(long_claim,))
    data = decode(claims_data(replace(a, briefings=(b,)), claim_rows(replace(a, briefings=(b,)))))
    assert len(data["q"][0]) <= 300
    assert data["q"][0].endswith("\u2026")


def test_the_page_shows_the_first_rows_without_javascript(archive, monkeypatch) -> None:
    monkeypatch.setattr(claims_module, "STATIC_ROWS", 1)
    ctx = RenderContext.build(derive_archive(loaded(explorer_archive(archive))))
    page = claims_module.claims_page(ctx)
    assert page.startswith('---\ntitle: "Claims"\nsearch:\n  exclude: true\nhide:\n  - toc\n---\n')
    assert page.count("<tr><td>") == 1
    assert "Showing the first 1 of 8 claims" in page
    assert "8 claims from 3 briefings" in page
    assert 'data-briefing="../briefings/__id__/"' in page
    assert 'data-page="1"' in page
    assert '<script src="../assets/briefings/claims-data.js"></script>' in page


@pytest.mark.usefixtures("no_warnings")
def test_the_built_page_links_its_rows_and_loads_its_scripts(archive) -> None:
    site = explorer_archive(archive).build(strict=True)
    page = site / "claims" / "index.html"
    html = page.read_text("utf-8")
    body = html[html.index('id="bx-claims-table"'):html.index("</table>", html.index('id="bx-claims-table"'))]
    rows = re.findall(r"<tr><td>.*?</tr>", body)
    assert len(rows) == 8
    first = unescape(re.sub(r"<[^>]+>", " ", rows[0]))
    assert " ".join(first.split()) == ("\u25d1 C2 \u201c40 drones were shot down\u201d A test briefing 2025-01 The Agency "
                                       "\u2190 The Ministry (originator) Ruritania The Region independently "
                                       "corroborated related claims: independent; not independent; independence "
                                       "cannot be established")
    assert '<a class="bx-claim-quote" href="../briefings/a-test/#drones">' in rows[0]
    assert check_links(site, [page]) == []
    for src in re.findall(r'<script src="([^"]+)"', html):
        if not src.startswith(("http", "/")):
            assert (page.parent / src).resolve().is_file(), src
    assert "claims-data.js" in html
    assert "claims.js" in html
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    assert not any(d["location"].startswith("claims/") for d in index["docs"])   # indexed on the briefing pages
    home = (site / "index.html").read_text("utf-8")
    assert 'href="claims/"' in home   # in the navigation


def test_the_shipped_home_and_navigation_lead_to_the_explorer(shipped_site: Path) -> None:
    home = (shipped_site / "index.html").read_text("utf-8")
    assert 'href="claims/"' in home
    assert "every claim of every briefing" in unescape(home)
    data = decode((shipped_site / "assets" / "briefings" / "claims-data.js").read_bytes())
    assert len(data["id"]) == sum(b[4] for b in data["b"]) == 54


def test_the_script_neither_fetches_nor_writes_html() -> None:
    """``fetch`` fails from file://, and data text set as HTML could run: the script does neither, but for the
    ids of Pagefind's records, fetched only where the site is searched with Pagefind (never from file://: the
    offline copy uses Material's search)."""
    script = (REPO / "plugins" / "briefing_archive" / "assets" / "claims.js").read_text("utf-8")
    start = script.index("function askNotes() {")
    body = script[start:script.index("\n  }\n", start)]
    assert "if (!PAGEFIND || " in body.split("\n")[2]
    assert script.count("fetch(") == body.count("fetch(") == 1
    assert "XMLHttpRequest" not in script
    assert "innerHTML" not in script
    assert "insertAdjacentHTML" not in script
