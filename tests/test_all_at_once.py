"""All problems of a file that parses, in one run (issue 21): a value of the wrong shape hides neither the other
claims' problems nor the well-typed fields of its own claim (their quotes, ids and values)."""
from __future__ import annotations

import contextlib
import io
import json
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from briefing_archive.cli.main import main

from conftest import MKDOCS_YML, Archive

CLAIMS = 6
NOUNS = ["bridge", "convoy", "harbour", "depot", "airfield", "railway"]
SEED = "".join(f"The agency said the {n} report number {i} was filed on time.\n" for i, n in enumerate(NOUNS))
FIELDS = ("id", "quote", "sources", "credibility", "note", "entities", "date", "relations")


def claim_lines(i: int) -> dict[str, str]:
    """The valid claim ``i``, one line a field (in FIELDS order)."""
    return {"id": f"c{i}", "quote": f"the {NOUNS[i]} report number {i} was filed", "sources": "[agency]",
            "credibility": "3", "note": "An identified source, nothing more.", "entities": "[region]",
            "date": "2025-01", "relations": "[]"}


#: Faults an author makes, by the field they touch: (value written, words of the one message expected).
FAULTS = {
    "id": [("Bad Id", "an id uses only lower-case letters")],
    "quote": [("the NOUN report number I was lost", "the quote is not in seeds/a.txt")],
    "sources": [("[nobody]", "unknown source 'nobody'"), ("agency", "`sources` must be a list")],
    "credibility": [('"high"', "`credibility` must be a whole number, not 'high'"), ("9", "out of range"),
                    (".nan", "'.nan' is not a finite number")],
    "note": [(".inf", "'.inf' is not a finite number"), ("[a, b]", "`note` must be text")],
    "entities": [("[nowhere]", "unknown entity 'nowhere'"), ("[Region]", "an id uses only lower-case letters")],
    "date": [("2025-13", "has no month 13"), ("2025-02-30", "February 2025 has 28 days"),
             ("someday", "write a date as YYYY, YYYY-MM or YYYY-MM-DD")],
    "relations": [('[{echoes: "all#nope"}]', "briefing 'all' has no claim 'nope'"),
                  ('[{echoes: "gone#c0"}]', "relation target briefing 'gone' does not exist"),
                  ('[{supports: "all#c0"}]', "unknown key 'supports'")],
}
HEAD = "article: a.txt\ntitle: All at once\nsummary: Six claims, each on its own lines.\nclaims:\n"


def briefing(faults: dict[tuple[int, str], tuple[str, str]]) -> tuple[str, dict[tuple[int, str], int]]:
    """The briefing's text with ``faults`` injected, and the line of each field of each claim."""
    lines, where = HEAD.splitlines(), {}
    for i in range(CLAIMS):
        for field, value in claim_lines(i).items():
            if (i, field) in faults:
                value = faults[i, field][0].replace("NOUN", NOUNS[i]).replace(" I ", f" {i} ")
            lines.append(("  - " if field == "id" else "    ") + f"{field}: {value}")
            where[i, field] = len(lines)
    return "\n".join(lines) + "\n", where


def archive_at(root: Path, text: str) -> None:
    a = Archive(root)
    a.write("mkdocs.yml", MKDOCS_YML)
    a.write("docs/index.md", "# Home\n")
    a.write("seeds/a.txt", SEED)
    a.write("briefings/all.yml", text)
    a.write("briefings/sources/agency.yml", "name: The Agency\nkind: news-outlet\nreliability: B\nnote: A wire.\n")
    a.write("briefings/entities/region.yml", "name: The Region\nkind: place\n")


def check(root: Path) -> tuple[int, list[dict]]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        code = main(["check", "--strict", "--format", "json", str(root)])
    return code, json.loads(out.getvalue())


def test_the_fault_free_briefing_is_clean(tmp_path) -> None:
    archive_at(tmp_path, briefing({})[0])
    assert check(tmp_path) == (0, [])


injected = st.dictionaries(
    st.tuples(st.integers(0, CLAIMS - 1), st.sampled_from(FIELDS)).flatmap(
        lambda key: st.tuples(st.just(key), st.sampled_from(FAULTS[key[1]]))),
    st.none(), min_size=1, max_size=8).map(lambda d: dict(k for k in d))


@settings(max_examples=80, deadline=None)
@given(faults=injected)
def test_one_run_reports_every_fault_of_a_parsable_file_on_its_line(faults) -> None:
    text, where = briefing(faults)
    with tempfile.TemporaryDirectory() as tmp:
        archive_at(Path(tmp), text)
        code, problems = check(Path(tmp))
    assert code == 1
    expected = sorted((where[key], words) for key, (_, words) in faults.items())
    found = sorted((p["line"], p["message"]) for p in problems)
    # Exactly one message a fault (no cascade), each at its field's line, and all in this one run.
    assert len(found) == len(expected), (text, found)
    for (line, words), (got_line, message) in zip(expected, found, strict=True):
        assert got_line == line, (text, found)
        assert words in message, (text, found)
    assert all(p["severity"] == "error" and p["path"] == "briefings/all.yml" for p in problems)


def test_a_type_error_hides_neither_another_claims_quote_nor_its_own_claims_entity(tmp_path) -> None:
    text, where = briefing({(1, "credibility"): ('"high"', ""), (1, "entities"): ("[nowhere]", ""),
                            (4, "quote"): ("the convoy report number 9", "")})
    archive_at(tmp_path, text)
    code, problems = check(tmp_path)
    assert code == 1
    assert sorted((p["line"], p["message"].split(";")[0]) for p in problems) == [
        (where[1, "credibility"], "claim 'c1' `credibility` must be a whole number, not 'high'"),
        (where[1, "entities"], "claim 'c1': unknown entity 'nowhere'"),
        (where[4, "quote"], "claim 'c4': the quote is not in seeds/a.txt")]


def test_a_profile_with_a_bad_value_still_has_its_references_checked(tmp_path) -> None:
    archive_at(tmp_path, briefing({})[0])
    (tmp_path / "briefings/sources/agency.yml").write_text(
        "name: The Agency\nkind: newspaper\nreliability: B\nnote: A wire.\ndepends_on: [ministy]\n", "utf-8")
    code, problems = check(tmp_path)
    assert code == 1
    assert [(p["path"], p["line"]) for p in problems] == [("briefings/sources/agency.yml", 2),
                                                          ("briefings/sources/agency.yml", 5)], problems
    assert "unknown source 'ministy'" in problems[1]["message"]
