"""The reading guide's pieces: a claim's sentence, hedges in it, and the evidence profile picture."""
from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from briefing_archive.core.model import Claim, Span
from briefing_archive.core.text import blocks
from briefing_archive.derive.guide import Guide, hedged, is_hedged, sentence_span
from briefing_archive.load.lexicon import load_lexicon
from briefing_archive.render.svg import evidence_svg

TEXT = ("Heading here\nFirst sentence is plain. Officials reportedly said the bridge fell. "
        "Another sentence, \u201cquoted.\u201d Last one may follow\n")


LEXICON = load_lexicon("phia", Path("."), 1 << 20)[0]


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


# --- property: the indexed sentence search finds exactly what the per-claim scan did -----------

OLD_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*(?=\s|$)")


def reference_sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The original scan (every block, then the paragraph up to the claim), kept as the specification."""
    for block in blocks(text):
        if block.start <= start < block.end:
            break
    else:
        return start, end
    left = block.start
    for m in OLD_SENTENCE_END.finditer(text, block.start, start):
        left = m.end()
    right = block.end
    m = OLD_SENTENCE_END.search(text, max(end - 1, block.start), block.end)
    if m:
        right = m.end()
    return left, max(right, end)


def reference_hedged(claim: Claim, text: str, terms) -> tuple:
    left, right = reference_sentence_span(text, claim.span.start, claim.span.end)
    return tuple(t for t in terms if left <= t.start and t.end <= right)


PIECES = ["a", "bc", " ", "  ", "\n", "\n\n", "\t", "\u00a0", "\u2028", ".", "!", "?", "\"", "'", "\u201d",
          "\u2019", ")", "]", "\u00bb", "likely", "highly likely", "may", "reportedly", "Head line\n", "x.y"]
sentence_texts = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


@settings(max_examples=1000, deadline=None)
@given(text=sentence_texts, data=st.data())
def test_sentence_span_and_hedged_match_the_reference(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert sentence_span(text, start, end) == reference_sentence_span(text, start, end)
    c = Claim("c", text[start:end], Span(start, end), (("s",),), 2)
    terms = LEXICON.find(text)
    assert hedged(c, text, terms) == reference_hedged(c, text, terms)
    assert is_hedged(c, text, terms) == bool(reference_hedged(c, text, terms))


def test_sentence_span_in_one_long_paragraph() -> None:
    """Many claims in one long paragraph with closing marks everywhere: same spans as the scan."""
    text = "".join(f"Word{i} may say \u201cthis.\u201d) and that{'!' if i % 7 else ''}')] " for i in range(300)) + "\n"
    terms = LEXICON.find(text)
    for start in range(0, len(text) - 10, 37):
        assert sentence_span(text, start, start + 10) == reference_sentence_span(text, start, start + 10)
        c = Claim("c", text[start:start + 10], Span(start, start + 10), (("s",),), 2)
        assert hedged(c, text, terms) == reference_hedged(c, text, terms)
