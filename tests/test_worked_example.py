"""The authoring guide's worked example of grading, built as an archive: its article and its claims' YAML, as the
guide prints them, pass `briefings check --strict`, and each grade is the best the credibility rule allows, so
the guide cannot drift from the rule."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from briefing_archive.cli.main import main

from conftest import MKDOCS_YML, REPO, Archive

GUIDE = REPO / "docs" / "authoring.md"
BLOCK = re.compile(r"^```(?P<lang>\w*)\n(?P<body>.*?)^```$", re.DOTALL | re.MULTILINE)


def worked_example() -> tuple[str, list[str]]:
    """The article (the ``text`` block) and the claims (each ``yaml`` block) of the guide's section
    ``{#_grading}``, up to the next heading."""
    guide = GUIDE.read_text("utf-8")
    start = guide.index("{#_grading}")
    end = re.compile(r"^#{1,3} ", re.MULTILINE).search(guide, start)
    blocks = [(m["lang"], m["body"]) for m in BLOCK.finditer(guide[start:end.start() if end else len(guide)])]
    texts = [body for lang, body in blocks if lang == "text"]
    assert len(texts) == 1, "the worked example shows its article in one ```text block"
    return texts[0], [body for lang, body in blocks if lang == "yaml"]


def chain_ids(sources: list) -> set[str]:
    return {s for link in sources for s in (link if isinstance(link, list) else [link])}


def write_example(root: Path, claims: list[str]) -> Archive:
    """An archive of the example's article and one briefing holding its claims' YAML exactly as written,
    with a profile for every source the claims name (``unattributed`` as the shipped one is: unidentified)."""
    article, _ = worked_example()
    a = Archive(root)
    a.write("mkdocs.yml", MKDOCS_YML)
    a.write("docs/index.md", "# Home\n")
    a.write("seeds/example.txt", article)
    body = "".join("\n".join(f"  {line}" if line else line for line in claim.splitlines()) + "\n" for claim in claims)
    a.write("briefings/example.yml", "article: example.txt\ntitle: The worked example, as the guide gives it\n"
            "summary: The authoring guide's claims.\nclaims:\n" + body)
    for sid in sorted(set().union(*(chain_ids(yaml.safe_load(c)[0]["sources"]) for c in claims))):
        if sid == "unattributed":
            a.write(f"briefings/sources/{sid}.yml", "name: Unattributed\nkind: unattributed\nidentified: false\n"
                    "reliability: F\nnote: Statements an article makes without naming anyone.\n")
        else:
            a.write(f"briefings/sources/{sid}.yml", f"name: {sid}\nkind: government\nparty: Ruritania\n"
                    "role: belligerent\nreliability: C\nnote: A party to the war, named in the article.\n")
    return a


def check(root: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["check", "--strict", str(root)])
    out = capsys.readouterr()
    return code, out.out + out.err


def test_the_worked_example_passes_the_strict_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, claims = worked_example()
    parsed = [yaml.safe_load(c) for c in claims]
    assert all(isinstance(p, list) and len(p) == 1 for p in parsed), "each yaml block is one claim, as a list item"
    # The three cases the guide teaches: nobody named (6), a named originator alone (3), a supported 2.
    assert sorted(p[0]["credibility"] for p in parsed) == [2, 3, 6]
    code, out = check(write_example(tmp_path / "archive", claims).root, capsys)
    assert code == 0, out
    assert "warning" not in out, out
    assert "error" not in out, out


def test_each_grade_is_the_best_the_rule_allows(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Any better grade (a lower number) and the check names the claim: the example shows what the rule gives."""
    _, claims = worked_example()
    for n, claim in enumerate(claims):
        ident, grade = (yaml.safe_load(claim)[0][key] for key in ("id", "credibility"))
        for better in range(1, grade):
            changed = re.sub(r"^(\s*)credibility: \d", rf"\g<1>credibility: {better}", claim, flags=re.MULTILINE)
            assert changed != claim
            root = write_example(tmp_path / f"archive-{n}-{better}", [*claims[:n], changed, *claims[n + 1:]]).root
            code, out = check(root, capsys)
            assert code == 1, out
            assert f"claim '{ident}' is graded {better}" in out, out


def test_a_supported_grade_rests_on_what_the_example_shows(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Without its ``basis``, the claim graded 2 is named by the check: the basis is what earns it."""
    _, claims = worked_example()
    supported = [n for n, c in enumerate(claims) if yaml.safe_load(c)[0]["credibility"] <= 2]
    assert supported
    for n in supported:
        claim = claims[n]
        assert "basis:" in claim, "the example's 2 earns its grade by a basis, which the guide explains"
        bare = re.sub(r"^\s*basis:.*\n", "", claim, flags=re.MULTILINE)
        code, out = check(write_example(tmp_path / f"bare-{n}", [*claims[:n], bare, *claims[n + 1:]]).root, capsys)
        assert code == 1, out
        assert f"claim '{yaml.safe_load(claim)[0]['id']}'" in out, out
