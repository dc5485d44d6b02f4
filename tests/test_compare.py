"""compare: the pairs of briefings whose claims relate (derived as plain data), the compare page that
sets their matched claims side by side with the independence verdict, its links from the relations page
and the briefings, and the ranking of related briefings."""
from __future__ import annotations

import re
from html import unescape

import pytest

from briefing_archive.core import urls
from briefing_archive.core.config import ArchiveConfig
from briefing_archive.derive import links
from briefing_archive.derive import related as related_module
from briefing_archive.derive.compare import compare_pairs
from briefing_archive.load.archive import load_archive
from briefing_archive.render import relations
from briefing_archive.render.pages import render_pages

from conftest import Archive, write_fixture

LONG_ID = "a-claim-id-of-thirty-characters"
HOSTILE_TITLE = 'B <i>"bold"</i> & \'co\''
# drones <- twice (corroborates, in a-test); b-test: rain contradicts drones, snow updates twice and echoes
# rain; hail quotes markup-like article text and echoes rain.
B_SEED = ("The agency said rain fell on Monday. The ministry said snow fell.\n"
          "The agency said <b>hail</b> & \"ice\" fell too.\n")
B_BRIEFING = f"""\
article: b.txt
title: '{HOSTILE_TITLE.replace("'", "''")}'
summary: S.
claims:
  - id: rain
    quote: rain fell
    sources: [agency]
    credibility: 4
    entities: [region]
    relations:
      - contradicts: a-test#drones
  - id: {LONG_ID}
    quote: snow fell
    sources: [agency]
    credibility: 3
    relations:
      - updates: a-test#twice
      - echoes: b-test#rain
  - id: hail
    quote: <b>hail</b> & "ice"
    sources: [agency]
    credibility: 3
    relations:
      - echoes: b-test#rain
"""


def load(a: Archive):
    archive, problems = load_archive(ArchiveConfig.at(a.root))
    assert archive is not None, problems
    assert problems == [], problems
    return archive


@pytest.fixture
def written(tmp_path) -> Archive:
    a = write_fixture(Archive(tmp_path / "archive"), site_config=False)
    a.write("seeds/b.txt", B_SEED)
    a.write("briefings/b-test.yml", B_BRIEFING)
    return a


@pytest.fixture
def archive(written):
    return load(written)


def pairs_of(archive) -> list[tuple[str, str, list[tuple[str, str, str]]]]:
    return [(p.first.id, p.second.id, [(m.left.claim.id, m.label, m.right.claim.id) for m in p.matches])
            for p in compare_pairs(archive, links.build_links(archive))]


def test_a_pair_holds_each_relation_across_its_briefings_read_from_the_first(archive) -> None:
    # b-test wrote both relations; they read from a-test's claims, in a-test's order. Relations inside
    # b-test (snow echoes rain, hail echoes rain) and inside a-test (twice corroborates drones) are no pair's.
    assert pairs_of(archive) == [("a-test", "b-test", [("drones", "contradicted by", "rain"),
                                                       ("twice", "updated by", LONG_ID)])]
    (pair,) = compare_pairs(archive, links.build_links(archive))
    assert [m.kind for m in pair.matches] == ["contradicts", "updates"]
    assert pair.anchor == "_compare-a-test_b-test"


def test_a_relation_written_on_both_claims_is_one_match(written) -> None:
    text = written.root.joinpath("briefings/a-test.yml").read_text()
    written.write("briefings/a-test.yml", text.replace(
        "    figures:\n", "    relations:\n      - contradicts: b-test#rain\n    figures:\n", 1))
    assert pairs_of(load(written))[0][2] == [("drones", "contradicts", "rain"), ("twice", "updated by", LONG_ID)]


def with_c(written: Archive, relations: int) -> Archive:
    """c-test, whose claims each corroborate a-test's drones (``relations`` of them)."""
    written.write("seeds/c.txt", "The agency said fog fell. The agency said mist fell. The agency said dew fell.\n")
    claims = "".join(f"  - id: {w}\n    quote: {w} fell\n    sources: [agency]\n    credibility: 3\n"
                     "    note: Held at 3, as one report.\n    relations:\n      - corroborates: a-test#drones\n" for w in ("fog", "mist", "dew")[:relations])
    written.write("briefings/c-test.yml", f"article: c.txt\ntitle: C\nsummary: S.\nclaims:\n{claims}")
    return written


def test_pairs_with_the_most_matches_come_first(written) -> None:
    assert [(a, b, len(m)) for a, b, m in pairs_of(load(with_c(written, 3)))] == [("a-test", "c-test", 3),
                                                                                   ("a-test", "b-test", 2)]
    assert [(a, b) for a, b, _ in pairs_of(load(with_c(written, 2)))] == [("a-test", "b-test"), ("a-test", "c-test")]


def test_no_pair_without_relations_across_briefings(written) -> None:
    written.remove("briefings/b-test.yml")
    archive = load(written)
    assert pairs_of(archive) == []
    page = render_pages(archive)[urls.COMPARE]
    assert "No two briefings have related claims yet." in page
    assert "<table" not in page


def test_the_compare_page_sets_matched_claims_side_by_side(archive) -> None:
    pages = render_pages(archive)
    page = pages[urls.COMPARE]
    section = page[page.index('<section class="bx-compare">'):page.index("</section>")]
    heading = re.search(r'<h2 id="_compare-a-test_b-test">(.*?)</h2>', section)
    assert heading is not None
    assert unescape(re.sub(r"<[^>]+>", "", heading.group(1))) == f"A test briefing and {HOSTILE_TITLE}"
    assert "<i>" not in heading.group(1)   # the title is escaped, never markup
    rows = re.findall(r"<tr><td[^>]*>(.*?)</td>\s*<td[^>]*>(.*?)</td>\s*<td[^>]*>(.*?)</td>\s*</tr>", section)
    assert len(rows) == 2
    (left, relation, right), (left2, relation2, right2) = rows
    assert 'href="../briefings/a-test/#drones"' in left
    assert "40 drones were shot down" in left
    assert "C2" in left
    assert 'href="../briefings/b-test/#rain"' in right
    assert "rain fell" in right
    assert "B4" in right
    assert "<strong>contradicted by</strong>" in relation
    assert 'class="bx-independent">independent<' in relation
    assert "<strong>updated by</strong>" in relation2
    assert "no independence to judge" in relation2
    assert "#twice" in left2
    assert f"#{LONG_ID}" in right2
    assert "Rests on:" in left
    assert "The Ministry" in left
    text = unescape(re.sub(r"<[^>]+>", "", section))
    assert "They contradict each other on 1 point: 1 independently." in text
    assert "One updates the other on 1 point." in text
    assert "They agree" not in text
    # each cell names its column, for the stacked rows of a phone
    assert 'data-label="In \u2018A test briefing\u2019"' in section
    assert re.search(r'<td data-label="Relation">', section)
    assert "a-test" not in text.replace("a-test/", "")   # no id in reader text


def test_agreement_counts_every_verdict_even_none(written) -> None:
    archive = load(with_c(written, 2))
    page = unescape(re.sub(r"<[^>]+>", "", render_pages(archive)[urls.COMPARE]))
    # fog and mist (the agency) corroborate drones (the ministry): independent agreement
    assert "They agree on 2 points: 2 independently, 0 not independently (a shared source), 0 where independence " \
           "cannot be established." in page


def test_briefings_and_the_relations_page_lead_to_their_pair(archive) -> None:
    pages = render_pages(archive)
    for bid in ("a-test", "b-test"):
        related = pages[urls.briefing_page(bid)].split('{#_related}')[1]
        assert '<a class="bx-compare-link" href="../../compare/#_compare-a-test_b-test">side by side</a>' in related
    relations = pages[urls.RELATIONS]
    assert 'href="../compare/#_compare-a-test_b-test"' in relations
    assert "<svg" not in relations


def test_many_matched_claims_split_into_parts_listed_on_compare(written, monkeypatch) -> None:
    archive = load(with_c(written, 3))
    monkeypatch.setattr(urls, "PAGE_ROWS", 3)
    pages = render_pages(archive)
    assert sorted(p for p in pages if p.startswith("compare/")) == ["compare/index.md", "compare/part-1.md",
                                                                     "compare/part-2.md"]
    index = pages[urls.COMPARE]
    assert 'href="../compare/part-1/#_compare-a-test_c-test"' in index
    assert 'href="../compare/part-2/#_compare-a-test_b-test"' in index
    assert '<h2 id="_compare-a-test_c-test">' in pages["compare/part-1.md"]
    related = pages[urls.briefing_page("b-test")].split('{#_related}')[1]
    assert 'href="../../compare/part-2/#_compare-a-test_b-test"' in related


def test_output_is_deterministic(written, archive) -> None:
    again = load(written)
    assert render_pages(again)[urls.COMPARE] == render_pages(archive)[urls.COMPARE]


# -- related briefings ------------------------------------------------------------------------------

def three_briefings(written: Archive) -> Archive:
    """c-test names the region, like a-test's drones and b-test's rain, and nothing else."""
    written.write("seeds/c.txt", "The agency reported fog over the region.\n")
    written.write("briefings/c-test.yml", "article: c.txt\ntitle: C\nsummary: S.\nclaims:\n"
                  "  - id: fog\n    quote: fog over the region\n    sources: [agency]\n    credibility: 3\n"
                  "    entities: [region]\n")
    return written


def scores(related) -> dict[str, list[tuple[str, int, tuple, int]]]:
    return {bid: [(r.briefing.id, r.score, r.shared_entities, r.relations) for r in rs] for bid, rs in related.items()}


def test_related_briefings_score_shared_entities_and_relations(written) -> None:
    archive = load(three_briefings(written))
    related = related_module.related_briefings(archive)
    # a-test and b-test: the region (1) and two relations between their claims (2 x 2); c-test: the region
    assert scores(related) == {
        "a-test": [("b-test", 5, ("region",), 2), ("c-test", 1, ("region",), 0)],
        "b-test": [("a-test", 5, ("region",), 2), ("c-test", 1, ("region",), 0)],
        "c-test": [("a-test", 1, ("region",), 0), ("b-test", 1, ("region",), 0)],   # ties by id
    }
    limited = related_module.related_briefings(archive, limit=1)
    assert scores(limited)["c-test"] == [("a-test", 1, ("region",), 0)]


def test_an_entity_named_everywhere_does_not_relate_briefings(written, monkeypatch) -> None:
    archive = load(three_briefings(written))
    monkeypatch.setattr(related_module, "COMMON_ENTITY", 2)   # the region is named in three briefings
    assert scores(related_module.related_briefings(archive)) == {
        "a-test": [("b-test", 5, ("region",), 2)],     # still shares it, but scores only the relations
        "b-test": [("a-test", 5, ("region",), 2)],
        "c-test": [],
    }


def test_the_relations_page_stops_listing_pairs_when_they_are_many(archive, monkeypatch) -> None:
    monkeypatch.setattr(relations, "LISTED_PAIRS", 0)
    page = render_pages(archive)[urls.RELATIONS]
    assert "bx-compare-contents" not in page
    assert '1 pairs of briefings have claims that relate: the <a href="../compare/">' \
        in page
