"""The likely first YAML mistakes of an author copying an article's words get a message that says what to write
(still one `path:line:col: error: ...` line): the article's own double quotes inside a double-quoted value, an
apostrophe inside a single-quoted one, a value starting with a character YAML reads as syntax, `: ` inside it."""
from __future__ import annotations

import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from bad_inputs.catalogue import LINE
from briefing_archive.load.yamlfile import load_yaml

CLAIM = "claims:\n  - id: a\n    quote: {value}\n    sources: [agency]\n"
SINGLE_OR_BLOCK = "write it in single quotes, doubling any ' inside"


def problem_for(value: str) -> str:
    loaded, problems = load_yaml(CLAIM.format(value=value).encode(), "briefings/x.yml", 1 << 20)
    assert loaded is None, (value, problems)
    assert len(problems) == 1, (value, problems)
    assert problems[0].line == 3, problems[0].format()
    assert LINE.match(problems[0].format()), problems[0].format()
    return problems[0].message


@pytest.mark.parametrize(("value", "words"), [
    ('"he said "we will" today"', 'is in double quotes and holds more double quotes'),
    ('""we will" he said"', 'is in double quotes and holds more double quotes'),
    ("'the minister's view'", "is in single quotes and holds an apostrophe"),
    ("*stars* and more", "starts with '*', which YAML reads as an alias"),
    ("& more", "starts with '&', which YAML reads as an anchor"),
    ("@user said so", "starts with '@'"),
    ("`code` said so", "starts with '`'"),
    ("[sic] he said", "starts with '[', which YAML reads as a list"),
    ("{x} he said", "starts with '{', which YAML reads as a mapping"),
    ("he said: we will", "holds ': ', which YAML reads as the start of a new key"),
    ("- he said", "starts with '-', which YAML reads as a list item"),
])
def test_a_first_mistake_is_named_with_its_fix(value, words) -> None:
    message = problem_for(value)
    assert message.startswith("YAML syntax error: "), message
    assert words in message, message
    assert SINGLE_OR_BLOCK in message, message
    assert "`quote: >-` with the text on the next line" in message, message


def test_a_quote_left_open_by_the_articles_own_quotes_is_named_at_its_line() -> None:
    """YAML reads on to the end of the file (here the apostrophe opens a single-quoted value never closed): the
    message points at the value where the mistake is, not at the end."""
    loaded, problems = load_yaml(CLAIM.format(value='"he said "\'we will" today"').encode(), "f.yml", 1 << 20)
    assert loaded is None, problems
    assert [(p.line, p.col) for p in problems] == [(3, 12)], problems
    assert "holds more double quotes" in problems[0].message
    assert SINGLE_OR_BLOCK in problems[0].message


def test_text_after_a_block_indicator_is_named() -> None:
    assert "which begins a block: its text goes on the next lines" in problem_for("> he said so")


def test_an_anchor_or_alias_and_a_tag_say_to_quote_text() -> None:
    _, problems = load_yaml(CLAIM.format(value="*stars").encode(), "f.yml", 1 << 20)
    assert "if the '&' or '*' is part of the text, put the whole value in quotes" in problems[0].message
    _, problems = load_yaml(CLAIM.format(value="!important he said").encode(), "f.yml", 1 << 20)
    assert "if the '!' is part of the text, put the whole value in quotes" in problems[0].message


TEXT = st.text(st.sampled_from("abc XYZ,.:-'\""), min_size=1, max_size=40)


@given(before=TEXT, inner=TEXT, after=TEXT)
@example(before="he said", inner="we will", after="today")
@example(before="a:", inner="'Z-X", after="b\" c")   # an odd number of quotes: YAML sees one never closed
def test_the_fix_a_message_shows_is_valid_yaml_of_the_same_text(before: str, inner: str, after: str) -> None:
    """Article text with its own double quotes, written naively in double quotes: when that is an error, the
    message shows the value re-written in single quotes, and that line loads as exactly the text."""
    text = f'{before.strip()} "{inner.strip()}" {after.strip()}'.strip()
    loaded, problems = load_yaml(CLAIM.format(value=f'"{text}"').encode(), "f.yml", 1 << 20)
    if loaded is not None or not text.startswith(("a", "b", "c", "X", "Y", "Z")):
        return   # not this mistake (it parsed, or the text itself starts with a quote or a sign)
    message = problems[0].message
    shown = re.search(r"\(`(quote: '.*')`\)", message)
    assert shown is not None, message
    assert problems[0].line == 3, message
    fixed, again = load_yaml(CLAIM.format(value=shown.group(1)[len("quote: "):]).encode(), "f.yml", 1 << 20)
    assert again == []
    assert fixed is not None
    assert fixed.data == {"claims": [{"id": "a", "quote": text, "sources": ["agency"]}]}
