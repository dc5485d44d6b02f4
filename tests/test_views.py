"""Cross-archive views: figures ledger, timeline, relations network, related briefings, entities, tags."""
from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest

from briefing_archive.core.config import ArchiveConfig
from briefing_archive.core.model import Entity
from briefing_archive.derive.ledger import build_ledger
from briefing_archive.derive.timeline import claim_groups
from briefing_archive.load.archive import load_archive
from briefing_archive.render.entitylinks import EntityLinker

from conftest import SHIPPED


def text_of(path: Path) -> str:
    html = path.read_text("utf-8")
    html = html[html.index('<article class="md-content__inner'):html.index("</article>")]
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


@pytest.fixture(scope="module")
def shipped_archive():
    archive, problems = load_archive(ArchiveConfig.at(SHIPPED))
    assert archive is not None, problems
    return archive


def test_ledger_puts_both_articles_figures_side_by_side(shipped_archive, shipped_site) -> None:
    ledger = {m.metric: m for m in build_ledger(shipped_archive)}
    for metric in ("dprk-troops-deployed", "dprk-casualties", "russian-territorial-gain", "drones-launched"):
        assert metric in ledger, sorted(ledger)
    casualties = ledger["dprk-casualties"]
    assert len(casualties.rows) >= 2
    assert casualties.disagreements == ()
    text = text_of(shipped_site / "figures" / "index.html")
    assert text.count("No two figures disagree in any metric.") == 1
    assert "disagrees" not in text
    for m in ledger.values():
        assert m.label in text
        assert f"{m.label} ({m.metric})" not in text
    assert "DPRK casualties" in text
    assert "Dprk" not in text
    assert not re.search(r"<h2[^>]*>[^<]*\b(dprk|russian|drones)-", (shipped_site / "figures" / "index.html").read_text())
    html = (shipped_site / "figures" / "index.html").read_text()
    for m in ledger.values():
        for row in m.rows:
            assert f'id="{row.anchor}"' in html
            page = (shipped_site / "briefings" / row.briefing.id / "index.html").read_text()
            assert f"../../figures/#{row.anchor}" in page  # the claim links to its ledger row


def test_ledger_flags_non_overlapping_figures(archive) -> None:
    text = archive.root.joinpath("briefings/a-test.yml").read_text().replace(
        "    relations: [", "    date: 2025-01\n    figures:\n      - metric: drones-downed\n        value: 10\n"
                           "        unit: drones\n        qualifier: about\n    relations: [")
    archive.write("briefings/a-test.yml", text)
    site = archive.build()
    page = text_of(site / "figures" / "index.html")
    assert "These figures disagree" in page
    assert "40 drones (A test briefing) and 10 drones" in page
    assert page.count("disagrees") == 2


def test_ledger_ranges_follow_the_contract() -> None:
    from briefing_archive.core.model import Figure
    from briefing_archive.derive.ledger import Row

    def rng(q: str, v: float = 100):
        return Row(None, None, Figure("m", v, "u", q), 0, None).range

    assert rng("exact") == (100, 100)
    assert rng("about") == (80, 120)
    assert rng("at-least")[0] == 100
    assert rng("at-least")[1] == float("inf")
    assert rng("at-most") == (0, 100)


def test_timeline_orders_partial_dates_first(shipped_archive, shipped_site) -> None:
    keys = [g.key for g in claim_groups(shipped_archive)]
    assert keys == sorted(keys)
    assert keys.index("2024-11") < keys.index("2024-12") < keys.index("2025-01")
    text = text_of(shipped_site / "timeline" / "index.html")
    assert text.index("November 2024") < text.index("December 2024") < text.index("January 2025")
    assert "Publication date not recorded" in text


def test_timeline_rule_for_mixed_precision(archive) -> None:
    base = archive.root.joinpath("briefings/a-test.yml").read_text()
    archive.write("briefings/a-test.yml", base.replace("date: 2025-01", "date: 2025-01-05")
                  .replace("    credibility: 3\n", "    credibility: 3\n    date: 2025-01\n"))
    loaded, _ = load_archive(ArchiveConfig.at(archive.root))
    (group,) = claim_groups(loaded)
    assert [ref.claim.date for ref in group.entries] == ["2025-01", "2025-01-05"]


def test_relations_page_tables_every_relation_and_leads_to_the_compare_view(shipped_site) -> None:
    html = (shipped_site / "relations" / "index.html").read_text()
    loaded, _ = load_archive(ArchiveConfig.at(SHIPPED))
    assert loaded is not None
    relations = sum(len(c.relations) for b in loaded.briefings for c in b.claims)
    table = html[html.index('id="_all"'):]
    assert "bx-network" not in html
    assert table.count("<tr><td") == relations
    assert f"All relations ({relations})" in html
    assert 'href="../compare/#_compare-' in html   # each pair of briefings leads to the two side by side


def test_related_briefings_are_ranked_and_bidirectional(shipped_site) -> None:
    for bid, other in (("north-korean-troops-withdrawn-after-heavy-losses",
                        "north-korean-units-pulled-back-as-russian-gains-slow"),
                       ("north-korean-units-pulled-back-as-russian-gains-slow",
                        "north-korean-troops-withdrawn-after-heavy-losses")):
        html = (shipped_site / "briefings" / bid / "index.html").read_text()
        related = html[html.index('id="_related"'):]
        assert f'href="../../briefings/{other}/"' in related
        assert " relations between claims" in related
        assert re.search(r'<a class="bx-compare-link" href="\.\./\.\./compare/#_compare-[a-z0-9_-]+">side by side</a>',
                         related)


def test_entity_pages_group_and_relate(shipped_site) -> None:
    text = text_of(shipped_site / "entities" / "kursk-oblast" / "index.html")
    assert "Named with" in text
    assert "by briefing" in text
    assert "by date" in text


def test_no_page_shows_an_empty_section(shipped_site) -> None:
    """A section with nothing in it is left out, on every page of the shipped site."""
    for page in shipped_site.rglob("index.html"):
        if "<article" in (html := page.read_text()):
            assert not re.search(r"\(0\)<a class=\"headerlink\"", html), page


def test_entity_names_are_linked_once_per_note_outside_links_and_code() -> None:
    linker = EntityLinker({"kursk": Entity("kursk", "Kursk Oblast", "place", ("Kursk region",)),
                           "ukr": Entity("ukr", "Ukraine", "place")})
    html = ('<p>In the Kursk region, Ukraine and Kursk Oblast. <a href="x">Ukraine</a> '
            "<code>Kursk Oblast</code> Ukrainian</p>")
    out = linker.link(html, lambda eid: f"../{eid}/")
    assert out.count('class="bx-entity"') == 2
    assert '<a class="bx-entity" href="../kursk/">Kursk region</a>' in out
    assert '<a class="bx-entity" href="../ukr/">Ukraine</a> and Kursk Oblast.' in out
    assert '<a href="x">Ukraine</a>' in out
    assert "<code>Kursk Oblast</code>" in out
    assert " Ukrainian<" in out


def test_tag_pages_list_briefings(shipped_site) -> None:
    text = text_of(shipped_site / "tags" / "kursk" / "index.html")
    assert "2 briefing(s) tagged kursk" in text
    index = (shipped_site / "tags" / "index.html").read_text()
    assert 'id="_tag-kursk"' in index


@pytest.mark.parametrize(("ident", "label"), [
    ("dprk-absence-from-battlefield", "DPRK absence from battlefield"), ("russian-territorial-gain",
                                                                          "Russian territorial gain"),
    ("uavs-downed", "UAVs downed"), ("drones", "Drones"), ("us-aid-2025", "US aid 2025"), ("usual-losses", "Usual losses"),
])
def test_metric_ids_read_as_words(ident: str, label: str) -> None:
    from briefing_archive.core.ids import label_of

    assert label_of(ident) == label
