"""The reading guide's pieces: a claim's sentence, hedges in it, and the evidence profile picture."""
from __future__ import annotations

from pathlib import Path

from briefing_archive.anchor import Span
from briefing_archive.guide import Guide, evidence_svg, hedged, sentence_span
from briefing_archive.lexicon import load_lexicon
from briefing_archive.model import Claim

TEXT = ("Heading here\nFirst sentence is plain. Officials reportedly said the bridge fell. "
        "Another sentence, \u201cquoted.\u201d Last one may follow\n")


def claim_at(quote: str) -> Claim:
    start = TEXT.index(quote)
    return Claim("c", quote, Span(start, start + len(quote)), (("s",),), 2)


def test_sentence_span_stays_in_its_sentence() -> None:
    c = claim_at("the bridge fell")
    left, right = sentence_span(TEXT, c.span.start, c.span.end)
    assert TEXT[left:right].strip() == "Officials reportedly said the bridge fell."
    c = claim_at("Last one")
    left, right = sentence_span(TEXT, c.span.start, c.span.end)
    assert TEXT[left:right].strip() == "Last one may follow"


def test_hedges_count_only_in_the_claims_sentence() -> None:
    lexicon, _ = load_lexicon("phia", Path("."), 1 << 20)
    terms = lexicon.find(TEXT)
    assert [t.text for t in hedged(claim_at("the bridge fell"), TEXT, terms)] == ["reportedly"]
    assert hedged(claim_at("First sentence"), TEXT, terms) == ()
    assert [t.text for t in hedged(claim_at("Last one"), TEXT, terms)] == ["may"]


def test_evidence_svg_has_a_text_alternative_and_a_segment_per_badge() -> None:
    svg = evidence_svg(Guide(4, (), 0, 0, 0, 0, (("B2", 3), ("F6", 1))))
    assert svg.startswith('<svg class="bx-evidence"') and 'role="img"' in svg
    assert "<title id=\"_evidence-title\">Evidence profile: 3 claims graded B2, 1 claim graded F6</title>" in svg
    assert svg.count("<rect") == 2 and 'width="450.00"' in svg and 'width="150.00"' in svg
    assert evidence_svg(Guide(0, (), 0, 0, 0, 0, ())) == ""
