"""The JSON Schemas: the loader and an editor's validator agree on the shipped archive and on bad input."""
from __future__ import annotations

import json

import jsonschema
import pytest
import yaml
from yamlcore import CoreLoader

from briefing_archive.load import schema as schemacheck
from briefing_archive.load.yamlfile import load_yaml

from conftest import REPO

KIND_OF = {"briefings": "briefing", "sources": "source", "entities": "entity"}


def shipped_files():
    for path in sorted((REPO / "briefings").rglob("*.yml")):
        yield KIND_OF[path.parent.name], path


@pytest.mark.parametrize("kind, path", list(shipped_files()), ids=lambda v: getattr(v, "name", v))
def test_shipped_files_are_valid_for_editors_and_loader(kind, path) -> None:
    schema = json.loads(schemacheck.schema_text(kind))
    data = yaml.load(path.read_text("utf-8"), Loader=CoreLoader)  # what an editor sees (YAML 1.2 core)
    jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)
    loaded, problems = load_yaml(path.read_bytes(), path.name, 1 << 20)
    assert problems == [] and loaded.data == data
    assert schemacheck.check(kind, loaded.data, loaded.positions, path.name) == []


def test_every_shipped_file_has_a_modeline() -> None:
    for kind, path in shipped_files():
        first = path.read_text("utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema=") and first.endswith(f"{kind}.schema.json")
        target = (path.parent / first.split("$schema=", 1)[1]).resolve()
        assert target.is_file(), target


BAD = [
    ("briefing", "article: a.txt\ntitle: T\nsummary: S\nclaims:\n  - id: x\n    quote: q\n    sources: []\n    credibility: 2\n",
     "is an empty list"),
    ("briefing", "article: a.txt\ntitle: T\nsummary: S\npublished: 2025-1\n", "YYYY, YYYY-MM or YYYY-MM-DD"),
    ("briefing", "article: a.txt\ntitle: T\nsummary: S\ntags: [Big Tag]\n", "an id uses only"),
    ("briefing", "article: a.txt\ntitle: T\nsummary: '   '\n", "write some text"),
    ("briefing", ("article: a.txt\ntitle: T\nsummary: S\nclaims:\n  - id: x\n    quote: q\n    sources: [a]\n"
                  "    credibility: 2\n    relations:\n      - supports: b#c\n"), "unknown key 'supports'"),
    ("briefing", ("article: a.txt\ntitle: T\nsummary: S\nclaims:\n  - id: x\n    quote: q\n    sources: [a]\n"
                  "    credibility: 2\n    figures:\n      - metric: m\n        value: lots\n        unit: u\n"),
     "must be a number"),
    ("source", "name: N\nkind: newspaper\nreliability: b\nnote: n\n", "did you mean 'news-outlet'?"),
    ("source", "name: N\nkind: other\nreliability: b\nnote: n\n", "'b', which is not allowed"),
    ("source", "name: N\nkind: other\nreliability: B\nnote: n\nurl: 'data:text/html,x'\n", "only http"),
    ("entity", "name: N\nkind: city\n", "use one of person, organisation, place, unit, event"),
    ("entity", "name: N\nkind: place\nalias: [x]\n", "(did you mean 'aliases'?)"),
]


@pytest.mark.parametrize("kind, text, words", BAD, ids=[w for _, _, w in BAD])
def test_bad_documents_fail_both_ways(kind, text, words) -> None:
    schema = json.loads(schemacheck.schema_text(kind))
    data = yaml.load(text, Loader=CoreLoader)
    assert not jsonschema.Draft202012Validator(schema).is_valid(data)
    loaded, _ = load_yaml(text.encode(), "f.yml", 1 << 20)
    messages = [p.format() for p in schemacheck.check(kind, loaded.data, loaded.positions, "f.yml")]
    assert any(words in m for m in messages), messages
    assert all(m.startswith("f.yml:") and "; " in m for m in messages)
