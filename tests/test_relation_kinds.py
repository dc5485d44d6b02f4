"""One registry of relation kinds (``core/relations.py``): a kind registered there, and nowhere else, is
accepted by the schema and the build, published in the schemas, explained on the methodology page, shown
on both claims, and offered by the claims explorer's filter; it weighs in the rule only by its role."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing_archive.core import relations
from briefing_archive.core.relations import RelationKind, Role
from briefing_archive.core.schemas import ALL, schema_text, shipped_text
from briefing_archive.render.claimdata import GLOBAL

from conftest import BRIEFING, Archive

#: A kind that says nothing about credibility: it only links the two claims.
CITES = RelationKind("cites", "cited by", Role.NEUTRAL, meaning="refers to the other claim",
                     use_when="it refers to the other claim", methodology=(
                         "`cites` links the two claims and counts as nothing in the rule;",))


@pytest.fixture
def cites(monkeypatch: pytest.MonkeyPatch) -> RelationKind:
    monkeypatch.setitem(relations.KINDS, CITES.name, CITES)
    return CITES


def _data(site: Path) -> dict:
    text = (site / "assets" / "briefings" / "claims-data.js").read_text("utf-8")
    return json.loads(text.removeprefix(f"window.{GLOBAL}=").removesuffix(";\n"))


def test_a_kind_registered_only_in_the_registry_reaches_every_place(archive: Archive, cites: RelationKind) -> None:
    archive.write("briefings/a-test.yml", BRIEFING.replace("relations: [corroborates: a-test#drones]",
                                                           f"relations: [{cites.name}: a-test#drones]"))
    site = archive.build()

    # The published schemas (and the validation that accepted the file) list it.
    briefing = json.loads((site / "schema" / "briefing.schema.json").read_text("utf-8"))
    keys = briefing["$defs"]["claim"]["properties"]["relations"]["items"]["properties"]
    assert list(keys)[-1] == cites.name
    exported = json.loads((site / "schema" / "archive.schema.json").read_text("utf-8"))
    assert cites.name in exported["$defs"]["claim"]["properties"]["relations"]["items"]["properties"]["kind"]["enum"]
    assert json.loads((site / "archive.json").read_text("utf-8"))["briefings"][0]["claims"][1]["relations"][0][
        "kind"] == cites.name

    # The methodology page says how it counts, in its list of kinds.
    methodology = (site / "methodology" / "index.html").read_text("utf-8")
    assert "<li><code>cites</code> links the two claims and counts as nothing in the rule;</li>" in methodology

    # The target claim shows it by its inverse label; the claim that wrote it by its name.
    page = (site / "briefings" / "a-test" / "index.html").read_text("utf-8")
    assert f'<li>{cites.inverse} <a href="#twice">' in page
    assert f'<li>{cites.name} <a href="#drones">' in page

    # The explorer offers it as a filter option, and both claims carry it; counting as nothing, it leaves
    # both claims standing alone (no status bit).
    data = _data(site)
    index = data["words"]["kindKey"].index(cites.name)
    assert data["words"]["kind"][index] == f"{cites.name} or {cites.inverse}"
    assert data["id"] == ["drones", "twice"]
    assert [str(index) in k for k in data["k"]] == [True, True]
    assert [(ord(f) - 48) & 7 for f in data["f"]] == [0, 0]


def test_an_unregistered_kind_is_refused(archive: Archive) -> None:
    """The same file without the kind registered is an error (the test above cannot pass by accident)."""
    archive.write("briefings/a-test.yml", BRIEFING.replace("relations: [corroborates: a-test#drones]",
                                                           "relations: [cites: a-test#drones]"))
    with pytest.raises(SystemExit):
        archive.build()


@pytest.mark.parametrize("name", ALL)
def test_the_shipped_schemas_say_what_the_registry_says(name: str) -> None:
    """Editors read the shipped files: they hold the registry's kinds (`python -m briefing_archive.core.schemas`
    writes them again), and with the registry as shipped, the published text is the file's, byte for byte."""
    assert schema_text(name) == shipped_text(name)


def test_every_role_has_a_kind_and_labels_are_unique() -> None:
    registered = relations.kinds()
    assert {Role.INDEPENDENT_AGREEMENT, Role.AGREEMENT, Role.CONTRADICTION} <= {k.role for k in registered}
    words = [k.name for k in registered] + [k.inverse for k in registered]
    assert len(set(words)) == len(words)
    assert all(relations.kind(k.inverse) is k and relations.kind(k.name) is k for k in registered)
