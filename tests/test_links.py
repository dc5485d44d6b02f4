"""links.build_links: the cross-reference indexes every page reads (claims, sources, entities, relations,
publishers), built from an archive written to disk and loaded by the loader."""
from __future__ import annotations

import json

import pytest

from briefing_archive.core import relations
from briefing_archive.core.config import ArchiveConfig
from briefing_archive.core.schemas import schema_text
from briefing_archive.derive import links
from briefing_archive.load.archive import load_archive

from conftest import Archive, write_fixture

# The fixture's a-test has drones (agency relays the ministry) and twice (the agency alone), twice
# corroborating drones. b-test adds sources cited together, a source both relaying and originating, a
# source repeated as reporter, relations of every other kind, within and across briefings, and a publisher.
B_SEED = ("The agency and the ministry said rain fell on Monday. Later the ministry said snow fell.\n"
          "The agency said hail fell too.\n")
B_BRIEFING = """\
article: b.txt
title: B
summary: S.
publisher: agency
claims:
  - id: rain
    quote: rain fell
    sources: [[agency, ministry]]
    credibility: 4
    entities: [region]
    relations:
      - contradicts: a-test#drones
  - id: snow
    quote: snow fell
    sources: [ministry, agency, ministry]
    credibility: 3
    relations:
      - updates: a-test#twice
      - echoes: b-test#rain
  - id: hail
    quote: hail fell
    sources: [agency, agency, ministry]
    credibility: 3
"""


@pytest.fixture
def loaded(tmp_path):
    a = write_fixture(Archive(tmp_path / "archive"), site_config=False)
    a.write("seeds/b.txt", B_SEED)
    a.write("briefings/b-test.yml", B_BRIEFING)
    a.write("briefings/sources/unused.yml", "name: Unused\nkind: other\nreliability: F\nnote: n\n")
    archive, problems = load_archive(ArchiveConfig.at(a.root))
    assert archive is not None, problems
    assert problems == [], problems
    return archive, links.build_links(archive)


def ids(refs) -> list[str]:
    return [f"{r.briefing.id}#{r.claim.id}" for r in refs]


def test_every_claim_is_indexed_by_briefing_and_claim_id(loaded) -> None:
    archive, found = loaded
    assert list(found.claims) == ["a-test#drones", "a-test#twice", "b-test#rain", "b-test#snow", "b-test#hail"]
    by_id = {b.id: b for b in archive.briefings}
    for key, ref in found.claims.items():
        bid, cid = key.split("#")
        assert ref.briefing is by_id[bid]
        assert ref.claim is next(c for c in by_id[bid].claims if c.id == cid)


def test_sources_are_indexed_with_their_role_in_each_claim(loaded) -> None:
    _, found = loaded
    roles = {sid: [(f"{r.briefing.id}#{r.claim.id}", role) for r, role in entries]
             for sid, entries in found.by_source.items()}
    assert roles == {
        # a source that only relays is a reporter; the last link of the chain is the originator
        "agency": [("a-test#drones", "reporter"), ("a-test#twice", "originator"),
                   ("b-test#rain", "originator"),     # cited together with the ministry: both originate
                   ("b-test#snow", "reporter"),
                   ("b-test#hail", "reporter")],       # named twice as reporter, listed once
        "ministry": [("a-test#drones", "originator"), ("b-test#rain", "originator"),
                     ("b-test#snow", "originator"),   # also relays it, but originator is what it is
                     ("b-test#hail", "originator")],
    }
    assert "unused" not in found.by_source


def test_entities_list_the_claims_that_name_them(loaded) -> None:
    _, found = loaded
    assert {e: ids(refs) for e, refs in found.by_entity.items()} == {"region": ["a-test#drones", "b-test#rain"]}


def test_each_relation_is_read_from_both_of_its_claims(loaded) -> None:
    _, found = loaded
    relations = {key: [(label, f"{r.briefing.id}#{r.claim.id}") for label, r in rels]
                 for key, rels in found.relations.items()}
    assert relations == {
        "a-test#twice": [("corroborates", "a-test#drones"), ("updated by", "b-test#snow")],
        "a-test#drones": [("corroborated by", "a-test#twice"), ("contradicted by", "b-test#rain")],
        "b-test#rain": [("contradicts", "a-test#drones"), ("echoed by", "b-test#snow")],
        "b-test#snow": [("updates", "a-test#twice"), ("echoes", "b-test#rain")],
    }
    assert "b-test#hail" not in found.relations


def test_every_relation_kind_the_schema_allows_has_its_own_inverse_label() -> None:
    kinds = json.loads(schema_text("briefing"))["$defs"]["claim"]["properties"]["relations"]["items"]["properties"]
    inverse = {k.name: k.inverse for k in relations.kinds()}
    assert set(inverse) == set(kinds)
    assert len(set(inverse.values())) == len(inverse)
    assert all(label.endswith(" by") and label != kind for kind, label in inverse.items())


def test_publishers_list_their_briefings(loaded) -> None:
    _, found = loaded
    assert {sid: [b.id for b in bs] for sid, bs in found.publishes.items()} == {"agency": ["b-test"]}


def test_indexes_are_plain_dicts(loaded) -> None:
    """Renderers look up ids that may have no entry: a defaultdict would grow silently on every miss."""
    _, found = loaded
    for index in (found.claims, found.by_source, found.by_entity, found.relations, found.publishes):
        assert type(index) is dict


def test_an_archive_without_relations_or_publishers(tmp_path) -> None:
    a = write_fixture(Archive(tmp_path / "archive"), site_config=False)
    a.write("briefings/a-test.yml", a.root.joinpath("briefings/a-test.yml").read_text().split("    relations:")[0])
    archive, problems = load_archive(ArchiveConfig.at(a.root))
    assert archive is not None, problems
    found = links.build_links(archive)
    assert list(found.claims) == ["a-test#drones", "a-test#twice"]
    assert found.relations == {}
    assert found.publishes == {}
