"""The JSON Schemas: the loader and an editor's validator agree on bad input (each file of the
repository's archive: ``test_repository_archive.py``)."""
from __future__ import annotations

import json

import jsonschema
import pytest
import yaml
from yamlcore import CoreLoader

from briefing_archive.load import schema as schemacheck
from briefing_archive.load.yamlfile import load_yaml

KIND_OF = {"briefings": "briefing", "sources": "source", "entities": "entity"}


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


@pytest.mark.parametrize(("kind", "text", "words"), BAD, ids=[w for _, _, w in BAD])
def test_bad_documents_fail_both_ways(kind, text, words) -> None:
    schema = json.loads(schemacheck.schema_text(kind))
    data = yaml.load(text, Loader=CoreLoader)
    assert not jsonschema.Draft202012Validator(schema).is_valid(data)
    loaded, _ = load_yaml(text.encode(), "f.yml", 1 << 20)
    messages = [p.format() for p in schemacheck.check(kind, loaded.data, loaded.positions, "f.yml")]
    assert any(words in m for m in messages), messages
    assert all(m.startswith("f.yml:") and "; " in m for m in messages)
