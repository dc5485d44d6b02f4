"""Every message about a claim names the claim and the key (issue 22, R9 / item 7), over the whole catalogue
of bad inputs: whatever check finds the problem (the YAML reader, the schema, the calendar, the anchoring,
the references), an author can find it in a long file by its words alone."""
from __future__ import annotations

import json
import re
from importlib import resources

from bad_inputs.catalogue import CASES, B
from briefing_archive.cli.main import main
from briefing_archive.load.yamlfile import load_yaml

from conftest import Archive, write_fixture

_SCHEMA = json.loads(resources.files("briefing_archive").joinpath("schema", "briefing.schema.json").read_text())


def _claim_keys() -> set[str]:
    """Every key a claim may hold, at any depth (figures, relations), from the shipped schema."""
    keys: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            keys.update(node.get("properties", {}))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(_SCHEMA.get("$defs", {}))
    return keys - {"article", "title", "summary", "tags", "warnings", "claims", "publisher", "published"}


KEYS = _claim_keys()
#: A key is named as written (`key`, 'key') or as the word an author reads for it ("the quote", "unknown
#: source", "relation target"): a list key by its item's name.
KEY_WORDS = KEYS | {k[:-1] for k in KEYS if k.endswith("s")} | {"entity", "relation"}
NAMES_CLAIM = re.compile(r"\bclaim (?:id )?(?:'[^']*'|#\d+)")
IN_CLAIMS = [c for c in CASES if c[3] == B and c[0] not in ("yaml", "unseen")]   # syntax stops before any claim


def about_a_claim(text: str, line: int) -> bool:
    """Whether ``line`` of the briefing ``text`` is inside its list of claims (its last top-level key)."""
    loaded, _ = load_yaml(text.encode("utf-8"), B, 10**7)
    if loaded is None or not isinstance(loaded.data, dict) or ("claims",) not in loaded.positions.keys:
        return False
    after = [pos[0] for key, pos in loaded.positions.keys.items() if len(key) == 1 and key != ("claims",)
             and pos[0] > loaded.positions.keys[("claims",)][0]]
    return loaded.positions.keys[("claims",)][0] < line < min(after, default=10**9)


def test_every_message_about_a_claim_names_the_claim_and_the_key(tmp_path, capsys) -> None:
    """Each catalogue case whose line is inside the claims (decided on the mutated file, so no case is skipped
    at run time): each of its messages names a claim and a key. The cases cover every stage of the checks."""
    checked = []
    for _category, case, mutate, path, line, _words in IN_CLAIMS:
        archive = write_fixture(Archive(tmp_path / case))
        mutate(archive)
        if not about_a_claim((archive.root / B).read_text("utf-8"), line):
            continue
        capsys.readouterr()
        main(["check", str(archive.root)])
        out = [m for m in capsys.readouterr().out.splitlines() if m.startswith(f"{path}:{line}:")]
        assert out, f"{case}: the case's message is at its line"
        for message in out:
            assert NAMES_CLAIM.search(message), f"{case}: names no claim: {message}"
            said = set(re.findall(r"[a-z_]+", message.split(": ", 2)[-1]))
            assert said & KEY_WORDS, f"{case}: names no key: {message}"
        checked.append(case)
    assert {"nan", "inf-before-the-claim-id", "nul-in-quote", "credibility-seven", "impossible-month",
            "quote-not-found", "unknown-relation-claim", "duplicate-claim-id"} <= set(checked), checked
