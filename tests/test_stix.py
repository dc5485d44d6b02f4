"""stix.json (issue 26 item 2): a STIX 2.1 bundle that stix2-validator passes and stix2 parses without custom
content, whose confidences and extension give back each claim's badge, the same bytes every build, and author
text that stays data."""
from __future__ import annotations

import json
import re
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import stix2
from hypothesis import given, settings
from hypothesis import strategies as st
from stix2.confidence.scales import value_to_admiralty_credibility
from stix2validator import ValidationOptions, validate_string

from briefing_archive.core.credibility import badge_code
from briefing_archive.core.ids import claim_key
from briefing_archive.core.model import Archive as Model
from briefing_archive.core.model import Article, Briefing, Claim, Relation, Source, Span
from briefing_archive.core.relations import KINDS
from briefing_archive.core.rule import judge
from briefing_archive.core.urls import Addresses
from briefing_archive.exports.stix import IDENTITY_CLASS, NAMESPACE, SCHEMA_FILE, extension_schema, stix_bundle, stix_id

from conftest import Archive, generated_archive

#: What YAML values may hold (the loader refuses bidi controls and U+2028 in them; the hypothesis test below
#: gives the export those directly).
HOSTILE = "</script><script>alert(1)</script> \" ' & <!-- \\ {{x}} \u00e9"


def problems(text: str) -> list[str]:
    """stix2-validator's errors (its warnings are SHOULDs: UUIDv4 ids, where UUIDv5 are asked for)."""
    result = validate_string(text, ValidationOptions(version="2.1"))
    return [e["message"] for e in result.as_dict().get("errors", [])]


def sound(text: str) -> dict[str, Any]:
    """The bundle, once stix2-validator finds no error and stix2 parses it without custom content."""
    assert problems(text) == []
    stix2.parse(text, allow_custom=False)
    return dict(json.loads(text))


def extension(obj: dict[str, Any]) -> dict[str, Any]:
    (ext,) = obj["extensions"].values()
    return dict(ext)


def badge_of(note: dict[str, Any]) -> str:
    """The badge a note gives back: the reliability letter of the extension, the credibility digit from its
    ``confidence`` through the specification's inverse mapping (none: 6, truth cannot be judged)."""
    digit = value_to_admiralty_credibility(note["confidence"])[0] if "confidence" in note else "6"
    return extension(note)["reliability"] + digit


def of_type(bundle: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [o for o in bundle["objects"] if o["type"] == kind]


# --- built sites ---------------------------------------------------------------------------------------------

def page_badges(site: Path, bid: str) -> dict[str, str]:
    """Each claim's badge as its briefing page shows it (the claim entry's heading)."""
    html = (site / "briefings" / bid / "index.html").read_text("utf-8")
    return dict(re.findall(r'<h3 id="_note-([a-z0-9-]+)"[^>]*><abbr class="bx-badge[^"]*" data-bx-tip="([A-F][1-6]):',
                           html))


def check_site(site: Path) -> dict[str, Any]:
    """What every build must give: a sound bundle whose notes give back the pages' badges, every extension as its
    published schema says, every reference inside the bundle."""
    bundle = sound((site / "stix.json").read_text("ascii"))
    schema = json.loads((site / SCHEMA_FILE).read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    ids = {o["id"] for o in bundle["objects"]}
    notes = of_type(bundle, "note")
    assert notes
    for obj in bundle["objects"]:
        if "extensions" in obj:
            jsonschema.validate(extension(obj), schema)
        refs = [v for k, v in obj.items() if k.endswith("_ref")] + [r for k, v in obj.items() if k.endswith("_refs")
                                                                     for r in v]
        assert set(refs) <= ids
    by_briefing: dict[str, dict[str, str]] = {}
    for note in notes:
        bid, cid = extension(note)["claim_key"].split("#")
        shown = by_briefing.setdefault(bid, page_badges(site, bid))
        assert badge_of(note) == shown[cid] == extension(note)["badge"]
    return bundle


def test_the_shipped_archive_gives_a_sound_bundle(shipped_site: Path) -> None:
    bundle = check_site(shipped_site)
    (ext_def,) = of_type(bundle, "extension-definition")
    assert ext_def["extension_types"] == ["property-extension"]
    assert ext_def["schema"] == SCHEMA_FILE
    assert "stix.json" in (shipped_site / "index.html").read_text("utf-8")


def test_a_generated_archive_with_a_site_url_gives_absolute_addresses_and_the_same_bytes(tmp_path: Path) -> None:
    root = generated_archive(tmp_path / "gen", 4)
    yml = root / "mkdocs.yml"
    yml.write_text(yml.read_text("utf-8").replace("http://127.0.0.1:8000/", "https://example.org/archive/"), "utf-8")
    a = Archive(root)
    first = (a.build(site_dir=tmp_path / "one") / "stix.json").read_bytes()
    again = (a.build(site_dir=tmp_path / "two") / "stix.json").read_bytes()
    assert first == again
    bundle = check_site(tmp_path / "one")
    assert of_type(bundle, "relationship")
    urls = [r["url"] for o in bundle["objects"] for r in o.get("external_references", ()) if "url" in r]
    assert urls
    assert all(u.startswith("https://example.org/archive/") for u in urls if "example.org" in u)
    (ext_def,) = of_type(bundle, "extension-definition")
    assert ext_def["schema"] == "https://example.org/archive/" + SCHEMA_FILE


def test_hostile_text_in_every_author_field_stays_data(archive: Archive) -> None:
    archive.write("mkdocs.yml", archive.root.joinpath("mkdocs.yml").read_text("utf-8")
                  .replace("site_name: Test archive", f"site_name: {json.dumps(HOSTILE)}"))
    archive.write("seeds/a.txt", archive.root.joinpath("seeds/a.txt").read_text("utf-8")
                  + f"The agency wrote {HOSTILE} here.\n")
    text = archive.root.joinpath("briefings/a-test.yml").read_text("utf-8")
    text = text.replace("title: A test briefing", f"title: {json.dumps('T ' + HOSTILE)}\npublisher: agency")
    text += f"  - id: hostile\n    quote: {json.dumps(HOSTILE)}\n    sources: [agency]\n    credibility: 3\n"
    archive.write("briefings/a-test.yml", text)
    archive.write("briefings/sources/agency.yml", f"name: {json.dumps('A ' + HOSTILE)}\nkind: news-outlet\n"
                  f"party: {json.dumps('P ' + HOSTILE)}\nreliability: B\nnote: A wire service.\n")
    raw = (archive.build() / "stix.json").read_bytes()
    assert raw.isascii()
    assert not set(raw.decode("ascii")) & set("<>&")
    bundle = sound(raw.decode("ascii"))
    strings = {v for o in bundle["objects"] for v in o.values() if isinstance(v, str)}
    (source,) = [o for o in of_type(bundle, "identity") if o["name"].startswith("A ")]
    assert {HOSTILE, "T " + HOSTILE, "A " + HOSTILE} <= strings
    assert extension(source)["party"] == "P " + HOSTILE
    (report,) = of_type(bundle, "report")
    assert report["external_references"][0]["source_name"] == "A " + HOSTILE


# --- the export itself, on archives hypothesis makes --------------------------------------------------------

TEXT = st.text(st.sampled_from(list("ab <>&\"'\\") + ["\u202e", "\u2028", "\u00e9", "\U0001f600"]), min_size=1,
               max_size=12)
DATES = st.one_of(st.none(), st.dates(min_value=datetime(1990, 1, 1).date()).flatmap(
    lambda d: st.sampled_from([f"{d.year:04d}", f"{d:%Y-%m}", d.isoformat()])))


@st.composite
def archives(draw: st.DrawFn) -> Model:
    sources = {f"s{i}": Source(f"s{i}", draw(TEXT), draw(st.sampled_from(sorted(IDENTITY_CLASS))),
                               draw(st.sampled_from("ABCDEF")), "note", party=draw(st.one_of(st.none(), TEXT)),
                               identified=draw(st.booleans()))
               for i in range(draw(st.integers(1, 4)))}
    ids = st.sampled_from(sorted(sources))
    briefings: list[Briefing] = []
    keys: list[tuple[str, str]] = []
    for i in range(draw(st.integers(1, 3))):
        claims = []
        for j in range(draw(st.integers(0, 3))):
            relations = tuple(Relation(draw(st.sampled_from(sorted(KINDS))), *draw(st.sampled_from(keys)))
                              for _ in range(draw(st.integers(0, 2)))) if keys else ()
            chain = tuple(tuple(draw(st.lists(ids, min_size=1, max_size=2, unique=True)))
                          for _ in range(draw(st.integers(1, 3))))
            claims.append(Claim(f"c{j}", draw(TEXT), Span(0, 1), chain, draw(st.integers(1, 6)), relations=relations))
        briefings.append(Briefing(f"b{i}", draw(TEXT), Article(f"{i}.txt", "x", "0" * 64), "summary",
                                  publisher=draw(st.one_of(st.none(), ids)), published=draw(DATES),
                                  claims=tuple(claims)))
        keys += [(f"b{i}", c.id) for c in claims]
    return Model(tuple(briefings), sources)


def bundle_of(model: Model, *, base: str | None = None) -> bytes:
    entered = {b.id: datetime(2024, 5, 6, 7, 8, 9, tzinfo=UTC) for b in model.briefings}
    return stix_bundle(model, Addresses(base, directory_urls=True), excerpts=False, judged=judge(model),
                       site_name="Archive " + "<&>", entered=entered)


@settings(max_examples=25, deadline=None)
@given(archives(), st.sampled_from([None, "https://example.org/x/"]))
def test_any_archive_gives_a_sound_bundle_that_gives_back_its_grades(model: Model, base: str | None) -> None:
    raw = bundle_of(model, base=base)
    assert raw == bundle_of(model, base=base)
    assert raw.isascii()
    assert not set(raw.decode("ascii")) & set("<>&")
    bundle = sound(raw.decode("ascii"))
    schema = json.loads(extension_schema())
    for obj in bundle["objects"]:
        if "extensions" in obj:
            jsonschema.validate(extension(obj), schema)
    judged = judge(model)
    claims = {claim_key(b.id, c.id): c for b in model.briefings for c in b.claims}
    notes = {extension(n)["claim_key"]: n for n in of_type(bundle, "note")}
    assert notes.keys() == claims.keys()
    for key, c in claims.items():
        note = notes[key]
        assert badge_of(note) == badge_code(c, model.sources)
        assert note["content"] == c.quote
        roles = [(link["role"], len(link["source_refs"])) for link in extension(note)["chain"]]
        assert roles == [(role, len(link)) for role, link in c.roles()]
        assert extension(note).get("ceiling") == judged.standings[key].ceiling
    written = {(claim_key(b.id, c.id), r.kind, r.target) for b in model.briefings for c in b.claims
               for r in c.relations}
    relationships = of_type(bundle, "relationship")
    assert len(relationships) == len(written)
    assert {r["relationship_type"] for r in relationships} == {kind for _, kind, _ in written}
    for r in relationships:
        assert ("independence" in extension(r)) == KINDS[r["relationship_type"]].role.judged
    reports = of_type(bundle, "report")
    assert [r["name"] for r in reports] == [b.title for b in model.briefings]
    for b, report in zip(model.briefings, reports, strict=True):
        assert report["published"].startswith(b.published or "2024-05-06T07:08:09")


def test_identity_classes_are_stix_vocabulary_and_cover_every_kind() -> None:
    from briefing_archive.core.schemas import schema_text

    kinds = json.loads(schema_text("source"))["properties"]["kind"]["enum"]
    assert sorted(IDENTITY_CLASS) == sorted(kinds)
    assert set(IDENTITY_CLASS.values()) <= {"individual", "group", "system", "organization", "class", "unknown"}


@pytest.mark.parametrize("digit", range(1, 7))
def test_confidence_follows_the_specifications_admiralty_mapping(digit: int) -> None:
    claim = Claim("c", "q", Span(0, 1), (("s",),), digit)
    model = Model((Briefing("b", "t", Article("a.txt", "x", "0" * 64), "s", claims=(claim,)),),
                  {"s": Source("s", "S", "other", "C", "n")})
    (note,) = of_type(json.loads(bundle_of(model)), "note")
    assert note.get("confidence") == {1: 90, 2: 70, 3: 50, 4: 30, 5: 10}.get(digit)


@given(st.text())
def test_ids_are_the_uuid5_of_their_name(name: str) -> None:
    assert stix_id("note", name) == f"note--{uuid.uuid5(NAMESPACE, name)}"
