"""network: the relation network drawn as SVG (parsed back with xml.etree: nodes, edges, labels, links,
escaping, determinism, limits) and the ranking of related briefings."""
from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET

import pytest

from briefing_archive.core.config import ArchiveConfig
from briefing_archive.derive import links
from briefing_archive.derive import related as related_module
from briefing_archive.load.archive import load_archive
from briefing_archive.render import svg as network
from briefing_archive.render import urls

from conftest import Archive, write_fixture

SVG = "{http://www.w3.org/2000/svg}"
LONG_ID = "a-claim-id-of-thirty-characters"   # longer than a label may be (24)
HOSTILE_TITLE = 'B <i>"bold"</i> & \'co\''
# drones <- twice (corroborates, in a-test); b-test: rain contradicts drones, snow updates twice and echoes
# rain; hail quotes markup-like article text and relates to nothing (not drawn).
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
EDGES = [("a-test#twice", "corroborates", "a-test#drones"), ("b-test#rain", "contradicts", "a-test#drones"),
         (f"b-test#{LONG_ID}", "updates", "a-test#twice"), (f"b-test#{LONG_ID}", "echoes", "b-test#rain"),
         ("b-test#hail", "echoes", "b-test#rain")]


def load(a: Archive):
    archive, problems = load_archive(ArchiveConfig.at(a.root))
    assert archive is not None and problems == [], problems
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


def hrefs_from(archive, here: str = "relations.md") -> dict[str, str]:
    return {f"{b.id}#{c.id}": urls.link(here, urls.briefing_page(b.id), True, c.id)
            for b in archive.briefings for c in b.claims}


def drawing(archive, hrefs=None) -> ET.Element:
    svg = network.network_svg(archive, hrefs or hrefs_from(archive))
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    return ET.fromstring(svg)


def nodes_of(root: ET.Element) -> list[dict]:
    out = []
    for a in root.findall(f"{SVG}a"):
        circle, text = a.find(f"{SVG}circle"), a.find(f"{SVG}text")
        out.append({"href": a.get("href"), "x": float(circle.get("cx")), "y": float(circle.get("cy")),
                    "class": circle.get("class"), "title": circle.find(f"{SVG}title").text, "label": text.text,
                    "anchor": text.get("text-anchor"), "tx": float(text.get("x"))})
    return out


def test_one_node_per_related_claim_with_its_link_label_and_quote(archive) -> None:
    root = drawing(archive)
    hrefs = hrefs_from(archive)
    nodes = nodes_of(root)
    drawn = ["a-test#drones", "a-test#twice", "b-test#rain", f"b-test#{LONG_ID}", "b-test#hail"]
    assert [n["href"] for n in nodes] == [hrefs[k] for k in drawn]
    assert nodes[0]["href"] == "../briefings/a-test/#drones"
    assert [n["label"] for n in nodes] == ["drones", "twice", "rain", LONG_ID[:23] + "\u2026", "hail"]
    assert nodes[0]["title"] == "A test briefing: \u201c40 drones were shot down\u201d"
    assert nodes[4]["title"] == f'{HOSTILE_TITLE}: \u201c<b>hail</b> & "ice"\u201d'   # escaped, read back as text
    # one colour per briefing, in archive order
    assert [n["class"] for n in nodes] == ["bx-node bx-node-0"] * 2 + ["bx-node bx-node-1"] * 3


def test_nodes_sit_on_a_circle_in_order_with_labels_facing_out(archive) -> None:
    nodes = nodes_of(drawing(archive))
    for i, n in enumerate(nodes):
        angle = 2 * math.pi * i / len(nodes) - math.pi / 2
        assert n["x"] == pytest.approx(360 + 190 * math.cos(angle), abs=0.06)
        assert n["y"] == pytest.approx(360 + 190 * math.sin(angle), abs=0.06)
        right = math.cos(angle) >= 0
        assert n["anchor"] == ("start" if right else "end")
        assert n["tx"] == pytest.approx(n["x"] + (10 if right else -10), abs=0.11)


def test_one_edge_per_relation_joining_its_two_claims(archive) -> None:
    root = drawing(archive)
    where = {}
    for key, n in zip(["a-test#drones", "a-test#twice", "b-test#rain", f"b-test#{LONG_ID}", "b-test#hail"],
                      nodes_of(root), strict=True):
        where[key] = (n["x"], n["y"])
    paths = root.findall(f"{SVG}path")
    assert [p.find(f"{SVG}title").text for p in paths] == [f"{s} {k} {d}" for s, k, d in EDGES]
    for path, (src, kind, dst) in zip(paths, EDGES, strict=True):
        assert path.get("class") == f"bx-edge bx-rel-{kind}"
        numbers = [float(v) for v in re.findall(r"-?\d+\.\d", path.get("d"))]
        assert path.get("d").startswith("M") and " Q360.0,360.0 " in path.get("d")
        (x1, y1, _, _, x2, y2) = numbers
        assert (x1, y1) == pytest.approx(where[src], abs=0.06)
        assert (x2, y2) == pytest.approx(where[dst], abs=0.06)


def test_the_drawing_has_an_accessible_summary(archive) -> None:
    root = drawing(archive)
    assert root.get("role") == "group" and root.get("aria-labelledby") == "_network-title"
    title = root.find(f"{SVG}title")
    assert title.get("id") == "_network-title"
    assert title.text == ("Relation network: 5 claims of 2 briefings, 1 contradicts, 1 corroborates, "
                          "2 echoes, 1 updates relations")


def test_links_are_escaped_in_attributes(archive) -> None:
    hrefs = {k: f"x.html?a=1&b=\"{k}\"<" for k in hrefs_from(archive)}
    svg = network.network_svg(archive, hrefs)
    assert '&b="' not in svg and "<\"" not in svg
    assert nodes_of(ET.fromstring(svg))[0]["href"] == 'x.html?a=1&b="a-test#drones"<'


def test_output_is_deterministic(written, archive) -> None:
    assert network.network_svg(archive, hrefs_from(archive)) == network.network_svg(archive, hrefs_from(archive))
    again = load(written)   # a second load of the same files
    assert network.network_svg(again, hrefs_from(again)) == network.network_svg(archive, hrefs_from(archive))


def test_nothing_is_drawn_without_relations(written) -> None:
    written.remove("briefings/b-test.yml")
    written.write("briefings/a-test.yml", written.root.joinpath("briefings/a-test.yml").read_text()
                  .split("    relations:")[0].replace("credibility: 2", "credibility: 3"))   # nothing supports it now
    archive = load(written)
    assert network.network_svg(archive, hrefs_from(archive)) == ""


def test_nothing_is_drawn_beyond_the_node_limit(archive, monkeypatch) -> None:
    monkeypatch.setattr(network, "MAX_NODES", 5)
    assert network.network_svg(archive, hrefs_from(archive)) != ""
    monkeypatch.setattr(network, "MAX_NODES", 4)
    assert network.network_svg(archive, hrefs_from(archive)) == ""


def test_palette_cycles_through_six_colours(archive) -> None:
    assert network.node_palette(archive) == {"a-test": 0, "b-test": 1}


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
    related = related_module.related_briefings(archive, links.build_links(archive))
    # a-test and b-test: the region (1) and two relations between their claims (2 x 2); c-test: the region
    assert scores(related) == {
        "a-test": [("b-test", 5, ("region",), 2), ("c-test", 1, ("region",), 0)],
        "b-test": [("a-test", 5, ("region",), 2), ("c-test", 1, ("region",), 0)],
        "c-test": [("a-test", 1, ("region",), 0), ("b-test", 1, ("region",), 0)],   # ties by id
    }
    limited = related_module.related_briefings(archive, links.build_links(archive), limit=1)
    assert scores(limited)["c-test"] == [("a-test", 1, ("region",), 0)]


def test_an_entity_named_everywhere_does_not_relate_briefings(written, monkeypatch) -> None:
    archive = load(three_briefings(written))
    monkeypatch.setattr(related_module, "COMMON_ENTITY", 2)   # the region is named in three briefings
    assert scores(related_module.related_briefings(archive, links.build_links(archive))) == {
        "a-test": [("b-test", 5, ("region",), 2)],     # still shares it, but scores only the relations
        "b-test": [("a-test", 5, ("region",), 2)],
        "c-test": [],
    }
