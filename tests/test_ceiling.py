"""Format v1.2 in the build: support, naming and apart defined once, each claim's ceiling, the per-side table.

Exact cases run on an archive built here (each v1.2 case the issue names); the rule's own consistency is a
property over generated relations.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from briefing_archive.core.config import ArchiveConfig
from briefing_archive.core.independence import CANNOT_BE_ESTABLISHED, INDEPENDENT, NOT_INDEPENDENT, Verdict
from briefing_archive.core.model import Claim, Source, Span
from briefing_archive.core.rule import Related, both_ways, standing
from briefing_archive.derive.sides import NO_SOURCE, side_table
from briefing_archive.load.archive import check_archive, load_archive

from conftest import MKDOCS_YML, Archive

SEED = ("The ministry said the bridge fell. Unnamed officials said the bridge fell. Someone said the dam broke. "
        "Others said the dam broke. The ministry said the port burned. Its radio said the port burned. "
        "The radio said the port never burned. The observers said the road was cut. "
        "The envoy said the road was cut. The envoy said the road was open. The ministry said the mine exploded.\n")

SOURCES = {
    "ministry": "name: The Ministry\nkind: government\nparty: Ruritania\nrole: belligerent\nreliability: C\nnote: n\n",
    "radio": "name: Ministry Radio\nkind: state-media\nparty: Ruritania\nrole: belligerent\nreliability: C\n"
             "note: n\ndepends_on: [ministry]\n",
    "observers": "name: The Observers\nkind: other\nrole: neutral\nreliability: B\nnote: n\n",
    "envoy": "name: The Envoy\nkind: government\nparty: Freedonia\nrole: belligerent\nreliability: C\nnote: n\n",
    "unnamed": "name: Unnamed officials\nkind: unattributed\nreliability: F\nnote: n\n",
}


def claim(cid: str, quote: str, source: str, grade: int, extra: str = "") -> str:
    return f"  - id: {cid}\n    quote: {quote}\n    sources: [{source}]\n    credibility: {grade}\n{extra}"


def rel(kind: str, target: str) -> str:
    return f"    relations:\n      - {kind}: v12#{target}\n"


def v12_archive(root: Path, bridge_unnamed: int = 3, dam: int = 6, *, road_note: bool = True) -> Archive:
    """Each v1.2 case once: a naming echo (bridge), two unnamed echoes of each other (dam), a contradiction
    from a claim that is not independent (port), a claim graded below its ceiling (road), a named claim alone."""
    a = Archive(root)
    a.write("mkdocs.yml", MKDOCS_YML)
    a.write("docs/index.md", "# Home\n")
    a.write("docs/methodology.md", "# Methodology\n\n<!-- briefings:sides -->\n")
    a.write("seeds/v12.txt", SEED)
    for sid, text in SOURCES.items():
        a.write(f"briefings/sources/{sid}.yml", text)
    claims = "".join((
        claim("bridge-named", "The ministry said the bridge fell", "ministry", 3),
        claim("bridge-unnamed", "Unnamed officials said the bridge fell", "unnamed", bridge_unnamed,
              rel("echoes", "bridge-named")),
        claim("dam-a", "Someone said the dam broke", "unnamed", dam),
        claim("dam-b", "Others said the dam broke", "unnamed", 6, rel("echoes", "dam-a")),
        claim("port", "The ministry said the port burned", "ministry", 3),
        claim("port-denied", "The radio said the port never burned", "radio", 2,
              "    basis: [against-interest]\n" + rel("contradicts", "port")),
        claim("road-seen", "The observers said the road was cut", "observers", 2,
              "    basis: [direct-observation]\n    note: Held at 2 though the envoy corroborates it, as one report.\n"),
        claim("road", "The envoy said the road was cut", "envoy", 3,
              "    key: true\n" + ("    note: Held at 3, since the envoy may repeat the observers.\n" if road_note else "")
              + rel("corroborates", "road-seen")),
        claim("mine", "The ministry said the mine exploded", "ministry", 3),
    ))
    a.write("briefings/v12.yml", f"article: v12.txt\ntitle: V\nsummary: S.\nclaims:\n{claims}")
    return a


def problems_of(a: Archive) -> list[str]:
    archive, problems = load_archive(ArchiveConfig.at(a.root))
    assert archive is not None
    return [f"{p.line}: {p.message}" for p in problems]


def test_each_v12_case_checks_as_the_contract_says(tmp_path) -> None:
    """A naming echo gives 3; two unnamed echoes of each other stay 6; a contradiction from a claim that is not
    independent (a relay of the same ministry) does not hold a 3 down; a claim graded below its ceiling with a
    note passes; a named claim alone is 3."""
    assert problems_of(v12_archive(tmp_path / "ok")) == []


def test_what_v12_refuses(tmp_path) -> None:
    assert any("'bridge-unnamed' is graded 6" in p and "names it (echoes)" in p and "grade it 3" in p
               for p in problems_of(v12_archive(tmp_path / "a", bridge_unnamed=6)))
    assert any("'dam-a' is graded 3" in p and "rests only on unidentified sources" in p
               for p in problems_of(v12_archive(tmp_path / "b", dam=3)))
    silent = problems_of(v12_archive(tmp_path / "c", road_note=False))
    assert len(silent) == 1
    assert "'road' is graded 3, below what its evidence allows (1" in silent[0]


def test_the_ceiling_is_shown_exported_and_tabled(tmp_path) -> None:
    a = v12_archive(tmp_path / "site")
    site = a.build(strict=True)
    data = json.loads((site / "archive.json").read_text("utf-8"))
    ceilings = {c["id"]: c["ceiling"] for b in data["briefings"] for c in b["claims"]}
    assert [c["id"] for b in data["briefings"] for c in b["claims"] if c["key"]] == ["road"]
    assert ceilings == {"bridge-named": 3, "bridge-unnamed": 3, "dam-a": None, "dam-b": None, "port": 3,
                        "port-denied": 2, "road-seen": 1, "road": 1, "mine": 3}
    page = (site / "briefings" / "v12" / "index.html").read_text("utf-8")
    assert page.count("the evidence allows 1; graded 3") == 1
    assert page.count("the evidence allows 1; graded 2") == 1
    methodology = (site / "methodology" / "index.html").read_text("utf-8")
    assert "Graded below ceiling" in methodology
    assert "Freedonia" in methodology
    assert NO_SOURCE in methodology


def test_the_side_table_counts_every_claim_once(tmp_path) -> None:
    archive, _, judged = check_archive(ArchiveConfig.at(v12_archive(tmp_path / "t").root))
    assert archive is not None
    assert judged is not None
    table = side_table(archive, judged.standings)
    rows = {r.side: r for r in table}
    assert set(rows) == {"Ruritania", NO_SOURCE, "no party recorded", "Freedonia"}
    assert rows["Ruritania"].grades == (0, 1, 3, 0, 0, 0)
    assert rows["Ruritania"].supported == 1
    assert rows[NO_SOURCE].grades == (0, 0, 1, 0, 0, 2)
    assert rows[NO_SOURCE].supported == 0
    assert rows["Freedonia"].below_ceiling == 1
    assert rows["Freedonia"].supported == 1
    assert sum(r.claims for r in rows.values()) == 9
    out = subprocess.run([sys.executable, "-m", "briefing_archive.cli.main", "check", "--sides", str(tmp_path / "t")],
                         capture_output=True, text=True, check=False)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Originator's side"))
    assert [line.split("  ")[0] for line in lines[start + 1:]] == [r.side for r in table]


VERDICTS = st.sampled_from([Verdict(INDEPENDENT), Verdict(NOT_INDEPENDENT, frozenset({"s"})),
                            Verdict(NOT_INDEPENDENT, frozenset({"s"}), apart=False),
                            Verdict(CANNOT_BE_ESTABLISHED), Verdict(CANNOT_BE_ESTABLISHED, apart=False)])
RULE_SOURCES = {"named": Source("named", "Named", "government", "C", "n"),
                "unnamed": Source("unnamed", "Unnamed", "unattributed", "F", "n", identified=False)}


def a_claim(origin: str, grade: int, basis: tuple[str, ...] = ()) -> Claim:
    return Claim("c", "q", Span(0, 1), ((origin,),), grade, basis=basis)


@given(origin=st.sampled_from(["named", "unnamed"]), grade=st.integers(1, 6),
       basis=st.lists(st.sampled_from(["against-interest", "direct-observation", "self-serving", "implausible"]),
                      unique=True, max_size=2),
       relations=st.lists(st.tuples(st.sampled_from(["corroborates", "echoes", "contradicts", "updates"]),
                                    st.sampled_from(["named", "unnamed"]), st.integers(1, 6), VERDICTS), max_size=4))
def test_the_ceiling_is_the_best_row_that_holds(origin, grade, basis, relations) -> None:
    """For any claim and relations: a grade's message is absent exactly when its row holds; the ceiling is the best
    of 1-3 whose row holds; every grade a message offers instead holds; below the ceiling means graded 2 or 3
    above it."""
    c = a_claim(origin, grade, tuple(basis))
    related = [Related(kind, f"x#o{i}", Claim(f"o{i}", "q", Span(0, 1), ((o,),), g), v)
               for i, (kind, o, g, v) in enumerate(relations)]
    judged = standing(c, related, RULE_SOURCES)
    for g in range(1, 7):
        message = judged.missing(g)
        assert (message is None) == judged.holds(g)
        if message and "grade it " in message:
            offered = message.split("grade it ")[-1].split(",")[0].split(" (")[0]
            assert all(judged.holds(int(n)) for n in offered.split(" or ") if n.isdigit())
    holding = [g for g in (1, 2, 3) if judged.holds(g)]
    assert judged.ceiling == (holding[0] if holding else None)
    assert judged.below_ceiling == (grade in (2, 3) and bool(holding) and holding[0] < grade)


def test_both_ways_reads_each_relation_from_both_claims(tmp_path) -> None:
    archive, _ = load_archive(ArchiveConfig.at(v12_archive(tmp_path / "w").root))
    assert archive is not None
    related = both_ways(archive)
    assert [r.target for r in related["v12#bridge-named"]] == ["v12#bridge-unnamed"]
    assert [r.target for r in related["v12#bridge-unnamed"]] == ["v12#bridge-named"]
