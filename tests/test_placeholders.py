"""No placeholder publishes (contract v1.2, "Inputs"): what `briefings new` writes for the author to decide
(claim ids `claim-<n>`, `TODO: ...` texts, the TODO chain) is an error at its value until it is replaced."""
from __future__ import annotations

import contextlib
import io
import json
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from bad_inputs.catalogue import LINE
from briefing_archive.cli.main import main
from briefing_archive.core.attribution import attributed_sentences

from conftest import MKDOCS_YML, Archive

UNATTRIBUTED = "name: Unattributed\nkind: unattributed\nreliability: F\nnote: Statements that name no one.\n"
WORDS = ["troops", "the", "bridge", "was", "closed", "officials", "drones", "near", "river", "units", "moved",
         "a", "town", "quiet", "on", "friday", "minister's", "view", "ceasefire", "talks"]
CUES = ["said", "according to the agency", "reported", "claimed", "believed"]


@st.composite
def sentences(draw) -> str:
    words = draw(st.lists(st.sampled_from(WORDS), min_size=2, max_size=7))
    if draw(st.booleans()):
        words.insert(draw(st.integers(0, len(words))), draw(st.sampled_from(CUES)))
    if draw(st.booleans()):   # the article's own quote marks, which a YAML value must survive
        words[-1] = f'"{words[-1]}"'
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


#: Short articles (a few dozen words), so that the scaffold's context always picks out a repeated sentence.
articles = st.lists(st.lists(st.sampled_from(["The troops said so.", "Officials said it again."]) | sentences(),
                             min_size=1, max_size=4), min_size=1, max_size=3).map(
    lambda paragraphs: "\n".join(" ".join(p) for p in paragraphs) + "\n")


def check(root: Path, *extra: str) -> tuple[int, list[dict]]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        code = main(["check", "--format", "json", *extra, str(root)])
    return code, json.loads(out.getvalue())


def new(root: Path, article: str) -> str:
    a = Archive(root)
    a.write("mkdocs.yml", MKDOCS_YML)
    a.write("docs/index.md", "# Home\n")
    a.write("seeds/article.txt", article)
    a.write("briefings/sources/unattributed.yml", UNATTRIBUTED)
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        assert main(["new", "seeds/article.txt", "--id", "fresh", "--root", str(root)]) == 0
    return (root / "briefings" / "fresh.yml").read_text("utf-8")


def uncomment(text: str) -> str:
    return re.sub(r"(?m)^#(  - |    )", r"\1", text)


def placeholders(text: str) -> set[tuple[int, int]]:
    """Where each placeholder of a scaffold's text is: (line, column of its value)."""
    found = set()
    for number, line in enumerate(text.splitlines(), start=1):
        m = re.match(r"^(title: |summary: |  - id: |    sources: |    note: )(?=claim-\d|\"TODO|\[\"TODO|>)", line)
        if m:
            found.add((number, len(m.group(1)) + 1))
    return found


def fill(text: str) -> str:
    """Every placeholder replaced by a real value: what an author does before publishing."""
    text = text.replace("\"TODO: the briefing's title\"", "A filled-in briefing")
    text = text.replace("  TODO: one paragraph", "  One paragraph")
    text = re.sub(r"id: claim-(\d+)", r"id: statement-\1", text)
    text = text.replace('sources: ["TODO: reporting source", "TODO: originator"]', "sources: [unattributed]")
    return text.replace('note: "TODO: why this grade', 'note: "Why this grade')


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(article=articles)
def test_every_placeholder_of_a_scaffold_is_an_error_on_its_line_until_replaced(article: str) -> None:
    assume(attributed_sentences(article))
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        drafted = uncomment(new(root, article))
        path = root / "briefings" / "fresh.yml"
        path.write_text(drafted, "utf-8")
        code, problems = check(root)
        assert code == 1
        assert {(p["line"], p["col"]) for p in problems} == placeholders(drafted), problems
        assert len(problems) == len(placeholders(drafted)) == 2 + 3 * len(attributed_sentences(article))
        assert all(p["severity"] == "error" and p["path"] == "briefings/fresh.yml" for p in problems)
        assert all("placeholder" in p["message"] and "; " in p["message"] for p in problems)
        path.write_text(fill(drafted), "utf-8")
        assert check(root, "--strict") == (0, [])


def test_the_scaffold_is_an_editor_valid_draft_whose_claims_are_placeholders(archive) -> None:
    """Commented claims: the draft's title and summary are errors and no claims a warning; uncommented, each
    claim's id, chain and note are errors that say what to write, with no other message (no unknown source)."""
    import yaml
    from jsonschema import Draft202012Validator

    from briefing_archive.core.schemas import schema_text

    text = new(archive.root, (archive.root / "seeds" / "a.txt").read_text("utf-8"))
    assert text.startswith("# yaml-language-server: $schema=")
    assert not list(Draft202012Validator(json.loads(schema_text("briefing"))).iter_errors(yaml.safe_load(text)))
    code, problems = check(archive.root)
    assert code == 1
    assert [(p["line"], p["severity"]) for p in problems] == [(3, "error"), (6, "error"), (10, "warning")]
    assert "`title` is still the scaffold's placeholder 'TODO: the briefing's title'; write" in problems[0]["message"]
    assert "has no claims, but its article has 2 attributed sentence(s)" in problems[2]["message"]
    (archive.root / "briefings" / "fresh.yml").write_text(uncomment(text), "utf-8")
    code, problems = check(archive.root)
    messages = [p["message"] for p in problems if p["path"] == "briefings/fresh.yml"]
    assert len(problems) == len(messages) == 2 + 3 * 2, problems
    assert "claim id 'claim-1' is the placeholder `briefings new` writes; give the claim a short id that says " \
           "what it claims, e.g. troops-withdrawn" in messages
    assert sum("`sources` is still the placeholder chain `briefings new` writes; write the attribution chain"
               in m for m in messages) == 2
    assert sum("`note` is still the scaffold's placeholder 'TODO: why this grade" in m for m in messages) == 2


B = "briefings/a-test.yml"


@pytest.mark.parametrize(("old", "new_text", "line", "words"), [
    ("  - id: twice", "  - id: claim-12", 17, "claim id 'claim-12' is the placeholder"),
    ("sources: [agency, ministry]", 'sources: [agency, "TODO: originator"]', 8,
     "claim 'drones': `sources` is still the placeholder chain"),
    ("sources: [agency, ministry]", 'sources: [agency, ["TODO: one", "TODO: two"]]', 8, "placeholder chain"),
    ("entities: [region]", 'entities: ["TODO: an entity"]', 11, "write an entity id"),
    ("tags: [test]", 'tags: [test, "TODO: tags"]', 4, "write a tag"),
    ("quote: 40 drones were shot down", 'quote: "TODO: the words"', 7, "copy the exact words of the article"),
    ("corroborates: a-test#drones", 'corroborates: "TODO: a claim"', 23, "<briefing-id>#<claim-id>"),
    ("credibility: 2", 'credibility: "TODO: 1..6"', 9, "`credibility` is still the scaffold's placeholder"),
    ("tags: [test]\n", 'tags: [test]\nwarnings:\n  - quote: Heading of the piece\n    note: "TODO: later"\n', 7,
     "warning #1: `note` is still the scaffold's placeholder 'TODO: later'"),
    ("    note: Probably true; see [the ministry](../../sources/ministry/).", "    background: TODO", 10,
     "claim 'drones': `background` is still the scaffold's placeholder 'TODO'"),
])
def test_a_placeholder_anywhere_is_one_error_at_its_value(archive, old, new_text, line, words) -> None:
    path = archive.root / B
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new_text, 1), "utf-8")
    code, problems = check(archive.root)
    assert code == 1
    assert len(problems) == 1, problems   # one message: never also a bad id, an unknown id or a lost quote
    assert LINE.match(f"{B}:{problems[0]['line']}:{problems[0]['col']}: error: {problems[0]['message']}")
    assert problems[0]["line"] == line, problems
    assert words in problems[0]["message"], problems
