"""What a reviewer sees is what the build reads (issue 22, R5; contract v1.2, "Inputs").

U+0085, U+2028, U+2029 (line breaks to YAML that editors, grep and diffs do not show) and what is not text
are errors anywhere in a YAML file, comments included, one per character, at its line and column as an
editor counts them (LF, CRLF and CR end a line); `briefings new` writes every such character of an
article as an escape, so the scaffold parses to exactly what a reader of it sees.
"""
from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from briefing_archive.cli.main import main
from briefing_archive.cli.scaffold import scaffold
from briefing_archive.core.characters import NOT_IN_YAML
from briefing_archive.load.yamlfile import load_yaml

HIDDEN_BREAKS = ["\x85", "\u2028", "\u2029"]
#: Characters no YAML file may hold: the hidden line breaks and a sample of what is not text.
UNSEEN = HIDDEN_BREAKS + ["\x00", "\x01", "\x0b", "\x0c", "\x1b", "\x7f", "\x80", "\x9f", "\ufdd0", "\ufffe",
                          "\U0001fffe", "\U0010ffff"]
#: Text around them: letters, YAML syntax, wide and astral characters (a column counts code points).
PLAIN = st.text(alphabet="abc xyz:-#[]{}'\"\u00e9\u20ac\U0001f600\t", max_size=12)
LINE_ENDS = st.sampled_from(["\n", "\r\n", "\r"])
MAX = 1_000_000


@st.composite
def file_with_unseen(draw) -> tuple[str, list[tuple[int, int, str]]]:
    """A file of ``key: value  # comment`` lines with unseen characters put anywhere in them, and where
    each one is (line, column from 1, as an editor counts) by construction."""
    lines = []
    for _ in range(draw(st.integers(1, 8))):
        line = f"{draw(PLAIN)}: {draw(PLAIN)}  # {draw(PLAIN)}"
        for _ in range(draw(st.integers(0, 3))):
            at = draw(st.integers(0, len(line)))
            line = line[:at] + draw(st.sampled_from(UNSEEN)) + line[at:]
        lines.append(line)
    if not any(char in UNSEEN for line in lines for char in line):
        at = draw(st.integers(0, len(lines[0])))
        lines[0] = lines[0][:at] + draw(st.sampled_from(UNSEEN)) + lines[0][at:]
    expected = [(n, col, char) for n, line in enumerate(lines, start=1)
                for col, char in enumerate(line, start=1) if char in UNSEEN]
    text = "".join(line + draw(LINE_ENDS) for line in lines)
    return text, expected


@given(file_with_unseen())
def test_each_unseen_character_is_one_error_at_its_line_and_column(case) -> None:
    text, expected = case
    loaded, problems = load_yaml(text.encode("utf-8"), "f.yml", MAX)
    assert loaded is None, "a file YAML would read otherwise than it shows is not read"
    assert [(p.line, p.col) for p in problems] == [(line, col) for line, col, _ in expected]
    for p, (_, _, char) in zip(problems, expected, strict=True):
        assert p.severity == "error"
        assert f"U+{ord(char):04X}" in p.message
        assert "; " in p.message
        assert ("line break" in p.message) == (char in HIDDEN_BREAKS)


@given(st.lists(PLAIN, min_size=1, max_size=6), LINE_ENDS)
def test_a_file_without_them_gives_no_such_error(values, end) -> None:
    text = "".join(f"k{i}: {v!r}{end}".replace("\\", "") for i, v in enumerate(values))
    _, problems = load_yaml(text.encode("utf-8"), "f.yml", MAX)
    assert not any("U+" in p.message for p in problems)


@given(st.text(alphabet=st.sampled_from(UNSEEN + list("ab \"\\'")), max_size=20))
def test_written_as_escapes_they_are_values(value) -> None:
    """A double-quoted value may still hold a hidden line break, written as a visible escape."""
    from briefing_archive.cli.scaffold import _yaml_string

    written = _yaml_string(value)
    assert NOT_IN_YAML.search(written) is None
    assert "\n" not in written
    assert "\r" not in written
    loaded, _ = load_yaml(f"k: {written}\n".encode(), "f.yml", MAX)
    assert loaded is not None
    assert loaded.data == {"k": value}


def test_a_key_hidden_behind_a_comment_is_reported(archive, capsys) -> None:
    """The issue's reproduction: `# reviewed<U+2028>tags: [hidden]` shows as one comment line."""
    path = archive.root / "briefings/a-test.yml"
    path.write_text(path.read_text("utf-8").replace("tags: [test]\n", "# reviewed\u2028tags: [hidden]\n"),
                    encoding="utf-8")
    assert main(["check", str(archive.root)]) == 1
    out = capsys.readouterr().out
    assert re.search(r"^briefings/a-test\.yml:4:11: error: the character U\+2028 \(LINE SEPARATOR\) is a line "
                     r"break to YAML", out, re.MULTILINE), out
    assert "Traceback" not in out


#: Articles with sentences that attribute what they say, holding unseen characters (a seed may hold them
#: all but the C0 controls, which make it a binary file).
SEED_UNSEEN = HIDDEN_BREAKS + ["\x80", "\x9f", "\x0c", "\ufdd0", "\ufffe", "\U0001fffe"]
WORD = st.text(alphabet=st.sampled_from(list("abcdefgh") + SEED_UNSEEN), min_size=1, max_size=8)
#: A planted claim: what a commented line of the scaffold would turn into if the character broke it.
PLANT = "\n  - id: planted\n    quote: x\n    sources: [agency]\n    credibility: 1\n    note: n\n"


@st.composite
def article(draw) -> str:
    sentences = []
    for _ in range(draw(st.integers(1, 4))):
        words = " ".join(draw(st.lists(WORD, min_size=1, max_size=5)))
        who = draw(st.sampled_from(["The ministry said that", "Officials said", "According to the agency,"]))
        tail = draw(st.sampled_from(["", PLANT.replace("\n", draw(st.sampled_from(HIDDEN_BREAKS)))]))
        sentences.append(f"{who} {words}{tail} were shot down.")
    return "Heading\n" + "\n".join(sentences) + "\n"


def _uncommented(text: str) -> str:
    """The scaffold with its claims uncommented, as the author is told to do."""
    return re.sub(r"(?m)^#(  - |    )", r"\1", text)


@settings(max_examples=60, deadline=None)
@given(article())
def test_the_scaffold_parses_to_what_a_reader_sees(tmp_path_factory, text) -> None:
    seed = Path(tmp_path_factory.mktemp("seeds")) / "x.txt"
    seed.write_text(text, encoding="utf-8", newline="")
    written = scaffold(seed, "schema.json")
    assert NOT_IN_YAML.search(written) is None
    loaded, problems = load_yaml(written.encode("utf-8"), "b.yml", MAX)
    assert loaded is not None
    assert problems == []
    # Exactly the lines that are not comments: the claims are all commented, so none is active.
    visible = "".join(line for line in written.splitlines(keepends=True) if not line.lstrip().startswith("#"))
    assert loaded.data == load_yaml(visible.encode("utf-8"), "b.yml", MAX)[0].data
    assert loaded.data["claims"] is None
    # Uncommented, each claim's quote is the article's sentence exactly, and nothing planted is a claim.
    claims = load_yaml(_uncommented(written).encode("utf-8"), "b.yml", MAX)[0].data["claims"]
    assert all(c["id"].startswith("claim-") for c in claims)
    assert all(c["quote"] in text.replace("\r\n", "\n").replace("\r", "\n") for c in claims)


def test_briefings_new_escapes_them(archive) -> None:
    archive.write("seeds/unseen.txt", "Heading\nThe ministry said that 40 drones\u2028  - id: planted were shot "
                                      "down\x85 over the\u2029 region.\n")
    assert main(["new", str(archive.root / "seeds/unseen.txt"), "--root", str(archive.root)]) == 0
    written = (archive.root / "briefings/unseen.yml").read_text("utf-8")
    assert NOT_IN_YAML.search(written) is None
    assert "\\u2028" in written
    assert "\\u0085" in written
    loaded, problems = load_yaml(written.encode("utf-8"), "b.yml", MAX)
    assert loaded is not None
    assert problems == []
    assert loaded.data["claims"] is None
