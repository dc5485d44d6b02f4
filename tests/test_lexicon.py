"""Estimative language and hedges: matching rules, lexicon files, and marks in the built article."""
from __future__ import annotations

from pathlib import Path

import pytest

from briefing_archive.load.lexicon import load_lexicon

ROOT = Path(".")


@pytest.fixture(scope="module")
def phia():
    lexicon, problems = load_lexicon("phia", ROOT, 1 << 20)
    assert problems == []
    return lexicon


def labels(lexicon, text: str) -> list[tuple[str, str]]:
    return [(o.text, o.term.label) for o in lexicon.find(text)]


def test_longest_form_wins_and_case_is_ignored(phia) -> None:
    assert labels(phia, "Highly likely, LIKELY, highly unlikely, almost certainly.") == [
        ("Highly likely", "highly likely"), ("LIKELY", "likely / probably"),
        ("highly unlikely", "highly unlikely"), ("almost certainly", "almost certain")]


def test_never_inside_a_longer_word(phia) -> None:
    assert labels(phia, "unlikelihood likelyhood mayor couldn't-be maybe claimant reportedlyx") == []
    assert labels(phia, "unlikely")[0][1] == "unlikely"


def test_white_space_inside_a_form(phia) -> None:
    assert labels(phia, "a realistic\npossibility") == [("realistic\npossibility", "realistic possibility")]


def test_hedges_have_the_hedge_meaning(phia) -> None:
    (occurrence,) = phia.find("It was reportedly so.")
    assert occurrence.term.kind == "hedge"
    assert occurrence.term.meaning == "hedge: the writer does not vouch for this"


def test_icd203_is_available() -> None:
    lexicon, problems = load_lexicon("icd203", ROOT, 1 << 20)
    assert problems == []
    assert lexicon.find("roughly even odds")[0].term.meaning.endswith("45-55 %")


def test_custom_lexicon_file_and_its_errors(tmp_path) -> None:
    (tmp_path / "lex.yml").write_text("name: Mine\nterms:\n  - label: sure\n    range: 100 %\n    forms: [sure]\n")
    lexicon, problems = load_lexicon("lex.yml", tmp_path, 1 << 20)
    assert problems == []
    assert lexicon.find("I am sure.")[0].term.meaning == "sure: 100 %"
    (tmp_path / "bad.yml").write_text("name: Mine\nterms:\n  - label: sure\n    rang: 100 %\n    forms: [sure]\n")
    _, problems = load_lexicon("bad.yml", tmp_path, 1 << 20)
    assert problems[0].format().startswith("bad.yml:4:5: error: unknown key 'rang'")
    _, problems = load_lexicon("nope.yml", tmp_path, 1 << 20)
    assert "neither a built-in lexicon" in problems[0].message


def test_uk_mod_terms_are_marked_with_their_ranges(shipped) -> None:
    site = shipped.build(strict=True)
    html = (site / "briefings" / "north-korean-units-pulled-back-as-russian-gains-slow" / "index.html").read_text()
    assert '<abbr class="bx-term bx-estimate" data-bx-tip="almost certain: &gt;= 95 %">almost certainly</abbr>' in html
    assert '<abbr class="bx-term bx-estimate" data-bx-tip="likely / probably: 55-75 %">likely</abbr>' in html
    assert '<abbr class="bx-term bx-hedge" data-bx-tip="hedge: the writer does not vouch for this">reportedly</abbr>' in html


def test_lexicon_setting_switches_the_yardstick(archive) -> None:
    archive.write("seeds/a.txt", archive.root.joinpath("seeds/a.txt").read_text() + "It is very likely.\n")
    text = archive.root.joinpath("mkdocs.yml").read_text().replace("  - briefings\n",
                                                                    "  - briefings:\n      lexicon: icd203\n")
    archive.write("mkdocs.yml", text)
    site = archive.build(strict=True)
    html = (site / "briefings" / "a-test" / "index.html").read_text()
    assert 'data-bx-tip="very likely / highly probable: 80-95 %">very likely</abbr>' in html
    assert "US ICD 203" in (site / "methodology" / "index.html").read_text()
