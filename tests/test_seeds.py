"""Articles: canonical text and the paragraph/heading rules of the contract."""
from __future__ import annotations

import unicodedata

import pytest

from briefing_archive.core.text import blocks
from briefing_archive.load.seeds import SeedError, canonical_text


def test_bom_crlf_cr_and_nfd_are_accepted_silently() -> None:
    nfd = unicodedata.normalize("NFD", "Café")
    raw = ("\ufeff" + nfd + " one\r\nTwo\rThree\n").encode("utf-8")
    assert canonical_text(raw) == "Café one\nTwo\nThree\n"


@pytest.mark.parametrize(("raw", "words"), [
    (b"caf\xe9\n", "not UTF-8"),
    (b"", "empty"),
    (b" \n\n \n", "empty"),
    (b"\x00\x01\x02binary", "binary"),
])
def test_unreadable_seeds(raw, words) -> None:
    with pytest.raises(SeedError, match=words):
        canonical_text(raw)


def kinds(text: str) -> list[tuple[str, str]]:
    return [(b.kind, text[b.start:b.end]) for b in blocks(text)]


def test_headings_and_paragraphs() -> None:
    text = ("Short heading\nA much longer paragraph follows the heading here.\n\n"
            "Ends with a full stop.\nA longer paragraph that follows a sentence.\n"
            "A question heading?\nThe paragraph after the question heading is longer.\n"
            "Last line without stop\n")
    assert kinds(text) == [
        ("h", "Short heading"),
        ("p", "A much longer paragraph follows the heading here."),
        ("p", "Ends with a full stop."),
        ("p", "A longer paragraph that follows a sentence."),
        ("h", "A question heading?"),
        ("p", "The paragraph after the question heading is longer."),
        ("p", "Last line without stop"),  # no next line: not a heading
    ]


def test_heading_rules_limits() -> None:
    thirteen = " ".join(["word"] * 13)
    assert kinds(thirteen + "\n" + "x" * 200 + "\n")[0][0] == "p"
    assert kinds("Quote ends here\u201d\n" + "x" * 200 + "\n")[0][0] == "p"
    assert kinds("Next is shorter\nshort\n")[0][0] == "p"
    assert kinds("Colon at the end:\n" + "x" * 200 + "\n")[0][0] == "p"


def test_block_offsets_point_into_the_text() -> None:
    text = "  Indented heading\n\n\nBody text that is long enough to be longer.  \n"
    for b in blocks(text):
        assert text[b.start:b.end] == text[b.start:b.end].strip()
