"""Tests for briefing_archive.load.anchor: folding rules, result kinds and the round-trip property."""

from __future__ import annotations

import random
import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from briefing_archive.core.model import Span
from briefing_archive.core.positions import line_col
from briefing_archive.load import closest as closest_module
from briefing_archive.load.anchor import (
    Ambiguous,
    Anchored,
    Empty,
    FoldedText,
    NotFound,
    anchor,
    fold,
)
from briefing_archive.load.closest import FULL_SEARCH_MAX

SEED = Path(__file__).resolve().parent.parent / "seeds" / "003_264edea5e721573b.txt"


def anchored_text(text: str, quote: str, **kw: str) -> str:
    """Anchor and return the article's own characters, failing on any other result."""
    res = anchor(FoldedText(text), quote, **kw)
    assert isinstance(res, Anchored), res
    return text[res.span.start : res.span.end]


# --- fold -------------------------------------------------------------------


def test_fold_rules() -> None:
    assert fold("  a\u00a0\u202f\u2007\t\n b \n") == "a b"
    assert fold("‘x’ ‚y‛ ′z` 'w'") == "'x' 'y' 'z' 'w'"
    assert fold("“a” „b‟ ″c″ «d» \"e\"") == '"a" "b" "c" "d" "e"'
    assert fold("a‐b‑c‒d–e—f―g−h-i") == "a-b-c-d-e-f-g-h-i"
    assert fold("land - even") == fold("land -even") == fold("land—even") == "land-even"
    assert fold("a \u2003—\n b") == "a-b"
    # NFC, not NFKC: the ligature stays, the decomposed e-acute composes.
    assert fold("e\u0301\ufb01") == "\u00e9\ufb01"
    assert fold("") == fold(" \n\u00a0") == ""


def test_folded_text_index_maps() -> None:
    ft = FoldedText("a  \n b — c")
    assert ft.folded == "a b-c"
    assert list(ft.starts) == [0, 1, 5, 7, 9]
    assert ft.orig_end(1) == 5  # the space covers the whole run "  \n "
    assert ft.span(1, 4) == Span(5, 8)  # leading space trimmed
    assert ft.span(1, 2) is None


# --- anchor: examples -------------------------------------------------------


def test_exact_match() -> None:
    text = "The quick brown fox jumps over the lazy dog."
    assert anchor(FoldedText(text), "brown fox") == Anchored(Span(10, 19))


def test_curly_quote_in_text_straight_in_quote() -> None:
    text = "He said “it’s fine” and left."
    assert anchored_text(text, "\"it's fine\"") == "“it’s fine”"


def test_straight_quote_in_text_curly_in_quote() -> None:
    text = "He said \"it's fine\" and left."
    assert anchored_text(text, "“it’s fine”") == "\"it's fine\""
    assert anchored_text(text, "«it′s fine»") == "\"it's fine\""


@pytest.mark.parametrize("quote", ["land—even", "land - even", "land -even", "land– even", "land-even"])
@pytest.mark.parametrize("text_form", ["land—even", "land - even", "land\u00a0–\neven"])
def test_dash_variants(quote: str, text_form: str) -> None:
    text = f"capturing more {text_form} at the cost"
    assert anchored_text(text, quote) == text_form


def test_nbsp_and_line_breaks_in_quote() -> None:
    text = "Russia made minor advances in January 2025."
    assert anchored_text(text, "minor\u00a0advances\nin \u202f January") == "minor advances in January"


def test_line_break_in_text() -> None:
    text = "made minor\nadvances in"
    assert anchored_text(text, "minor advances") == "minor\nadvances"


def test_nfd_quote_nfc_text() -> None:
    text = unicodedata.normalize("NFC", "Le café où l’on dîne.")
    quote = unicodedata.normalize("NFD", "café où l'on dîne")
    assert quote != unicodedata.normalize("NFC", quote)
    assert anchored_text(text, quote) == "café où l’on dîne"


def test_nfkc_is_not_applied() -> None:
    text = "an \ufb01ne office"  # "ﬁne" with the fi ligature
    res = anchor(FoldedText(text), "fine office")
    assert isinstance(res, NotFound)


def test_case_sensitive() -> None:
    assert isinstance(anchor(FoldedText("Brown fox"), "brown fox"), NotFound)


def test_trailing_newline_and_outer_white_space_in_quote() -> None:
    text = "alpha beta gamma"
    assert anchor(FoldedText(text), "  beta gamma\n") == Anchored(Span(6, 16))


def test_span_excludes_surrounding_white_space() -> None:
    text = "alpha \n beta \n gamma"
    res = anchor(FoldedText(text), "\nbeta\n")
    assert res == Anchored(Span(8, 12))


def test_ambiguous_lists_all_places_in_order() -> None:
    text = "the cat sat; the cat ran; the\ncat hid"
    res = anchor(FoldedText(text), "the cat")
    assert res == Ambiguous((Span(0, 7), Span(13, 20), Span(26, 33)))
    assert [text[s.start : s.end] for s in res.spans] == ["the cat", "the cat", "the\ncat"]


def test_overlapping_occurrences_count() -> None:
    assert anchor(FoldedText("xaaay"), "aa") == Ambiguous((Span(1, 3), Span(2, 4)))


def test_prefix_disambiguates() -> None:
    text = "the cat sat; the cat ran; a cat hid"
    ft = FoldedText(text)
    assert anchor(ft, "cat", prefix="a") == Anchored(Span(28, 31))
    assert anchor(ft, "cat", prefix="sat; the") == Anchored(Span(17, 20))
    # White space between prefix and quote (and inside the prefix) is ignored,
    # as is the absence of white space.
    assert anchor(ft, "cat", prefix="sat;\n the ") == Anchored(Span(17, 20))
    assert anchor(FoldedText("xcat ycat"), "cat", prefix="y ") == Anchored(Span(6, 9))
    assert anchor(FoldedText("x cat y\u00a0\n cat"), "cat", prefix="y") == Anchored(Span(10, 13))


def test_suffix_disambiguates() -> None:
    text = "the cat sat; the cat ran; a cat hid"
    ft = FoldedText(text)
    assert anchor(ft, "the cat", suffix="ran") == Anchored(Span(13, 20))
    assert anchor(ft, "cat", suffix="\n hid\n") == Anchored(Span(28, 31))


def test_prefix_and_suffix_together() -> None:
    text = "a cat sat. a cat ran. b cat ran."
    ft = FoldedText(text)
    assert anchor(ft, "cat", prefix="a", suffix="ran") == Anchored(Span(13, 16))
    res = anchor(ft, "cat", suffix="ran")
    assert res == Ambiguous((Span(13, 16), Span(24, 27)))


def test_prefix_suffix_across_dash_and_quotes() -> None:
    text = "more land—even at the cost; more land – even later"
    ft = FoldedText(text)
    assert anchored_text(text, "even", prefix="land -", suffix="at") == "even"
    assert anchor(ft, "even", suffix="later") == Anchored(Span(text.rindex("even"), text.rindex("even") + 4))
    assert anchor(FoldedText("“Yes,” he said. “Yes,” she said."), "Yes", suffix=",\" she") == Anchored(
        Span(17, 20)
    )


def test_context_rules_out_every_occurrence() -> None:
    text = "the cat sat; the cat ran"
    res = anchor(FoldedText(text), "cat", prefix="a", suffix="hid")
    assert isinstance(res, NotFound)
    assert res.with_context is True
    assert res.closest is not None
    assert text[res.closest.start : res.closest.end] == "cat"


def test_context_rules_out_unique_occurrence() -> None:
    text = "the dog sat"
    res = anchor(FoldedText(text), "dog", suffix="ran")
    assert isinstance(res, NotFound)
    assert res.with_context
    assert res.closest == Span(4, 7)


def test_context_closest_is_best_matching_occurrence() -> None:
    text = "one cat sat. two cat ran. three cat hid."
    res = anchor(FoldedText(text), "cat", prefix="twa")
    assert isinstance(res, NotFound)
    assert res.with_context
    assert res.closest == Span(17, 20)
    assert 0 < res.score < 100


def test_not_found_reports_closest_passage() -> None:
    text = "First line.\nThe quick brown fox jumps over the lazy dog.\nLast line."
    res = anchor(FoldedText(text), "the quick brown fax jumps")
    assert isinstance(res, NotFound)
    assert res.with_context is False
    assert res.closest is not None
    assert text[res.closest.start : res.closest.end] == "The quick brown fox jumps"
    assert 80 < res.score < 100


def test_not_found_closest_is_trimmed_to_non_space() -> None:
    text = "aaa   bbb\n\nzzz"
    res = anchor(FoldedText(text), "bbc")
    assert isinstance(res, NotFound)
    assert res.closest is not None
    got = text[res.closest.start : res.closest.end]
    assert got
    assert got == got.strip()
    assert "bb" in got


@pytest.mark.parametrize("quote", ["", "   ", "\n", "\u00a0\t\u202f\n"])
def test_empty_quote(quote: str) -> None:
    assert anchor(FoldedText("some text"), quote) == Empty()
    assert anchor(FoldedText("some text"), quote, prefix="some") == Empty()


def test_quote_longer_than_article() -> None:
    text = "short text"
    res = anchor(FoldedText(text), "this short text is much longer than the article")
    assert isinstance(res, NotFound)
    assert res.with_context is False
    assert res.closest == Span(0, len(text))


def test_empty_article() -> None:
    for text in ("", " \n "):
        assert anchor(FoldedText(text), "word") == NotFound(None, 0.0, with_context=False)


def test_line_col() -> None:
    text = "ab\ncd\n\nef"
    assert line_col(text, 0) == (1, 1)
    assert line_col(text, 1) == (1, 2)
    assert line_col(text, 2) == (1, 3)  # the newline itself
    assert line_col(text, 3) == (2, 1)
    assert line_col(text, 6) == (3, 1)
    assert line_col(text, 8) == (4, 2)
    assert line_col(text, len(text)) == (4, 3)
    assert line_col("é€😀x", 3) == (1, 4)  # code points, not bytes or UTF-16 units
    with pytest.raises(ValueError, match="outside text of length"):
        line_col(text, len(text) + 1)
    with pytest.raises(ValueError, match="outside text of length"):
        line_col(text, -1)



# --- long quotes: the closest passage from candidate places, not the whole article ------------

def generated_article(paragraphs: int, seed: int = 5) -> str:
    """Prose-like text from a few thousand pseudo-words drawn with a skew, as words are in prose."""
    rng = random.Random(seed)
    syllables = [c + v for c in "bdfgklmnprstvz" for v in ("a", "e", "i", "o", "u", "ai", "ou")]
    words = sorted({"".join(rng.choice(syllables) for _ in range(rng.randint(1, 4))) for _ in range(6000)})
    weights = [1 / (rank + 1) for rank in range(len(words))]
    return "\n".join(
        " ".join(" ".join(rng.choices(words, weights, k=rng.randint(8, 24))).capitalize() + "."
                 for _ in range(rng.randint(1, 5)))
        for _ in range(paragraphs)) + "\n"


def mistyped(passage: str, every: int, seed: int = 3) -> str:
    rng = random.Random(seed)
    chars = list(passage)
    for i in range(rng.randrange(every), len(chars), every):
        if chars[i].isalpha():
            chars[i] = "x" if chars[i] != "x" else "y"
    return "".join(chars)


@pytest.fixture(scope="module")
def big_article() -> tuple[str, FoldedText]:
    text = generated_article(3000)   # about 1 MB
    return text, FoldedText(text)


def passage_at(text: str, middle: float, length: int) -> tuple[int, int]:
    start = text.index(" ", int(len(text) * middle)) + 1
    return start, text.rindex(" ", start, start + length)


def overlap(span: Span, start: int, end: int) -> float:
    return max(0, min(end, span.end) - max(start, span.start)) / (end - start)


@pytest.mark.parametrize(("middle", "length", "every"), [(0.5, 10_000, 40), (0.2, 20_000, 10), (0.9, 2_000, 6),
                                                        (0.6, FULL_SEARCH_MAX + 1, 15)])
def test_long_mistyped_quote_finds_its_passage(big_article, middle: float, length: int, every: int) -> None:
    text, ft = big_article
    start, end = passage_at(text, middle, length)
    res = anchor(ft, mistyped(text[start:end], every))
    assert isinstance(res, NotFound)
    assert not res.with_context
    assert res.closest is not None
    assert overlap(res.closest, start, end) > 0.95
    assert res.closest.end - res.closest.start < 1.1 * (end - start)
    shown = text[res.closest.start:res.closest.end]
    assert shown == shown.strip()
    assert text[res.closest.start - 1].isspace()
    assert 100 - 200 / every < res.score < 100


def test_long_quote_with_words_dropped_and_added(big_article) -> None:
    """A copy that lost a sentence and gained a few words still points at the whole passage."""
    text, ft = big_article
    start, end = passage_at(text, 0.4, 8_000)
    passage = text[start:end]
    cut = passage.index(". ", 3000) + 2
    quote = passage[:cut] + passage[passage.index(". ", cut) + 2:].replace(" ", " indeed so ", 3)
    res = anchor(ft, quote)
    assert isinstance(res, NotFound)
    assert res.closest is not None
    assert overlap(res.closest, start, end) > 0.9


def test_long_quote_sharing_no_word_points_somewhere_sensible(big_article) -> None:
    text, ft = big_article
    res = anchor(ft, " ".join(["zzyzx qwv"] * 300))
    assert isinstance(res, NotFound)
    assert res.closest is not None
    shown = text[res.closest.start:res.closest.end]
    assert shown
    assert shown == shown.strip()
    assert 0 <= res.score < 50


def test_long_quote_longer_than_the_article() -> None:
    text = generated_article(3)
    res = anchor(FoldedText(text), mistyped(text * 3, 30))
    assert isinstance(res, NotFound)
    assert res.closest is not None
    assert res.closest.start < 20
    assert res.closest.end > len(text.rstrip()) - 20


def test_votes_do_not_depend_on_how_the_article_is_split(big_article, monkeypatch) -> None:
    """The article is split into words a megabyte at a time; n-grams across a split still vote once."""
    text, ft = big_article
    start, end = passage_at(text, 0.5, 3_000)
    q = fold(mistyped(text[start:end], 25))
    whole = {n: sorted(closest_module._votes(ft.folded, q, n)) for n in (1, 3)}
    monkeypatch.setattr(closest_module, "_CHUNK", 997)
    assert {n: sorted(closest_module._votes(ft.folded, q, n)) for n in (1, 3)} == whole
    assert whole[3]


# --- the real article -------------------------------------------------------


@pytest.fixture(scope="module")
def seed() -> tuple[str, FoldedText]:
    text = SEED.read_text(encoding="utf-8")
    return text, FoldedText(text)


def test_seed_dash_quote(seed: tuple[str, FoldedText]) -> None:
    text, ft = seed
    res = anchor(ft, "capturing more Ukrainian land - even at the cost")
    assert isinstance(res, Anchored)
    expected = "capturing more Ukrainian land—even at the cost"
    assert text[res.span.start : res.span.end] == expected
    assert res.span.start == text.index(expected)
    assert line_col(text, res.span.start)[0] == 14


def test_seed_straight_apostrophe(seed: tuple[str, FoldedText]) -> None:
    text, ft = seed
    res = anchor(ft, "Pyongyang's troops")
    assert isinstance(res, Anchored)
    assert text[res.span.start : res.span.end] == "Pyongyang’s troops"
    assert line_col(text, res.span.start) == (11, text.split("\n")[10].index("Pyongyang’s") + 1)


def test_seed_ambiguous_and_disambiguated(seed: tuple[str, FoldedText]) -> None:
    text, ft = seed
    res = anchor(ft, "Pyongyang's")
    assert isinstance(res, Ambiguous)
    assert len(res.spans) == 3
    assert all(text[s.start : s.end] == "Pyongyang’s" for s in res.spans)
    res2 = anchor(ft, "Pyongyang's", prefix="reliance on", suffix="military support.")
    assert res2 == Anchored(res.spans[2])


def test_seed_multiline_quote_and_curly_double_quotes(seed: tuple[str, FoldedText]) -> None:
    text, _ = seed
    quote = 'The MoD update added:\n"In January 2025,   Russia\'s territorial advances'
    got = anchored_text(text, quote)
    assert got == "The MoD update added:\n“In January 2025, Russia’s territorial advances"


def test_seed_not_found(seed: tuple[str, FoldedText]) -> None:
    text, ft = seed
    res = anchor(ft, "capturing more Russian land even at the cost")
    assert isinstance(res, NotFound)
    assert not res.with_context
    assert res.closest is not None
    assert "Ukrainian land" in text[res.closest.start : res.closest.end]


# --- property: every unique passage anchors back to itself -----------------

WORDS = ["land", "even", "cost", "café", "naïve", "Kursk", "troops", "war", "it", "a", "Pyongyang", "2025"]
PUNCT = [".", ",", ";", ":", "(", ")", "'", "’", "‘", '"', "“", "”", "«", "»", "-", "–", "—", "−"]
SPACES = [" ", " ", " ", "  ", "\u00a0", "\u202f", "\u2007", "\t", "\n", " \n ", "\n\n"]

SQ = "'‘’‚‛′`"
DQ = '"“”„‟″«»'
DASH = "-‐‑‒–—―−"
WS_CHOICES = [" ", "\u00a0", "\u202f", "\u2007", "\u2003", "\t", "\n", "\r\n"]

texts = st.lists(
    st.one_of(st.sampled_from(WORDS), st.sampled_from(PUNCT), st.sampled_from(SPACES)),
    min_size=1,
    max_size=40,
).map(lambda toks: unicodedata.normalize("NFC", "".join(toks)))


def occurrences(haystack: str, needle: str) -> list[int]:
    """Overlapping occurrences, computed independently of the module."""
    return [m.start() for m in re.finditer(f"(?={re.escape(needle)})", haystack)]


def ws_run(data: st.DataObject, min_size: int) -> str:
    return "".join(data.draw(st.lists(st.sampled_from(WS_CHOICES), min_size=min_size, max_size=3)))


def variant(data: st.DataObject, passage: str) -> str:
    """Rewrite ``passage`` into an equivalent form under the folding rules.

    Quote marks and dashes are swapped within their class; each white-space
    run becomes another non-empty run, or any run (possibly empty) when it
    touches a dash; white space may be added around dashes and around the
    whole quote; the result may be given in NFD.
    """
    tokens = re.findall(r"\s+|.", passage, flags=re.DOTALL)
    out: list[str] = []
    for k, tok in enumerate(tokens):
        if tok.isspace():
            near_dash = (k > 0 and tokens[k - 1] in DASH) or (k + 1 < len(tokens) and tokens[k + 1] in DASH)
            out.append(ws_run(data, 0 if near_dash else 1))
        elif tok in SQ:
            out.append(data.draw(st.sampled_from(SQ)))
        elif tok in DQ:
            out.append(data.draw(st.sampled_from(DQ)))
        elif tok in DASH:
            out.append(ws_run(data, 0) + data.draw(st.sampled_from(DASH)) + ws_run(data, 0))
        else:
            out.append(tok)
    quote = ws_run(data, 0) + "".join(out) + ws_run(data, 0)
    if data.draw(st.booleans()):
        quote = unicodedata.normalize("NFD", quote)
    return quote


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(text=texts, data=st.data())
def test_unique_passage_anchors_back_to_itself(text: str, data: st.DataObject) -> None:
    # Passages start and end on a non-space character, so no boundary lies
    # inside a white-space run.  Boundaries next to dashes need no further
    # restriction: a passage ending in "-" before " x" folds to "...-",
    # exactly the folded article's slice "...-" of "...-x" (the dropped
    # space is outside the passage either way), and symmetrically at the
    # start.  Uniqueness is judged on the folded article with overlapping
    # occurrences counted, as anchor() counts them.
    ft = FoldedText(text)
    solid = [i for i, c in enumerate(text) if not c.isspace()]
    assume(solid)
    i = data.draw(st.sampled_from(solid), label="i")
    ends = [j + 1 for j in solid if j >= i and len(occurrences(ft.folded, fold(text[i : j + 1]))) == 1]
    assume(ends)
    j = data.draw(st.sampled_from(ends), label="j")
    passage = text[i:j]

    quote = variant(data, passage)
    assert fold(quote) == fold(passage)
    assert anchor(ft, quote) == Anchored(Span(i, j))
    # Unique passages also survive their own true context.
    assert anchor(ft, quote, prefix=text[max(0, i - 5) : i], suffix=text[j : j + 5]) == Anchored(Span(i, j))


@settings(max_examples=200, deadline=None)
@given(text=texts, data=st.data())
def test_every_passage_is_found_somewhere(text: str, data: st.DataObject) -> None:
    # Without uniqueness the passage must still be among the results.
    ft = FoldedText(text)
    solid = [i for i, c in enumerate(text) if not c.isspace()]
    assume(solid)
    i = data.draw(st.sampled_from(solid))
    j = data.draw(st.sampled_from([k + 1 for k in solid if k >= i]))
    res = anchor(ft, variant(data, text[i:j]))
    spans = res.spans if isinstance(res, Ambiguous) else (res.span,) if isinstance(res, Anchored) else ()
    # an ambiguous quote lists its first places in text order; this one is among them or after them
    assert Span(i, j) in spans or (isinstance(res, Ambiguous) and res.more and i > spans[-1].start)


@settings(max_examples=200, deadline=None)
@given(text=texts, quote=st.text(min_size=0, max_size=30))
def test_anchor_never_crashes_and_spans_are_trimmed(text: str, quote: str) -> None:
    ft = FoldedText(text)
    res = anchor(ft, quote)
    spans: tuple[Span, ...] = ()
    if isinstance(res, Anchored):
        spans = (res.span,)
    elif isinstance(res, Ambiguous):
        spans = res.spans
    elif isinstance(res, NotFound) and res.closest is not None:
        spans = (res.closest,)
        assert 0 <= res.score <= 100
    for s in spans:
        assert 0 <= s.start < s.end <= len(text)
        assert not text[s.start].isspace()
        assert not text[s.end - 1].isspace()


def reference_kept(folded: str, q: str, p: str, s: str) -> list[int]:
    """Every occurrence the contract keeps, by its definition: the prefix ends just before the quote and the
    suffix starts just after it, one folded space allowed between (what the search once checked one by one)."""
    def has_prefix(start: int) -> bool:
        if start > 0 and folded[start - 1] == " ":
            start -= 1
        return folded.endswith(p, 0, start)

    def has_suffix(end: int) -> bool:
        return folded.startswith(s, end + 1 if folded.startswith(" ", end) else end)

    return [i for i in occurrences(folded, q) if (not p or has_prefix(i)) and (not s or has_suffix(i + len(q)))]


# Few letters, so quotes overlap and repeat and contexts often fail.
runs = st.text(alphabet="ab -", min_size=1, max_size=30)


@settings(max_examples=300, deadline=None)
@given(text=runs, quote=runs, prefix=st.none() | runs, suffix=st.none() | runs, places=st.integers(1, 4))
def test_the_first_places_are_the_definitions(text: str, quote: str, prefix: str | None, suffix: str | None,
                                              places: int) -> None:
    """Issue 22 (R2): the search keeps at most ``places`` + 1 occurrences, yet reports what listing every
    occurrence and checking each one's context reported: the same first places, and whether there are more."""
    ft = FoldedText(text)
    q, p, s = fold(quote), fold(prefix or ""), fold(suffix or "")
    assume(q)
    kept = reference_kept(ft.folded, q, p, s)
    res = anchor(ft, quote, prefix, suffix, places=places)
    starts = [ft.starts[i] for i in kept]
    if len(kept) == 1:
        assert isinstance(res, Anchored)
        assert res.span.start == starts[0]
    elif kept:
        assert isinstance(res, Ambiguous)
        assert [sp.start for sp in res.spans] == starts[:places]
        assert res.more == (len(kept) > places)
    else:
        assert isinstance(res, NotFound)
        assert res.with_context == bool(occurrences(ft.folded, q))


def test_a_quote_in_a_million_places_lists_the_first() -> None:
    """A one-letter quote in a run of that letter (R2: every place was listed, 4 M of them from a 4 MB seed)
    keeps the first places and says there are more; with a context found nowhere, it points at one of them."""
    ft = FoldedText("a" * 1_000_000)
    res = anchor(ft, "a")
    assert res == Ambiguous(tuple(Span(i, i + 1) for i in range(10)), more=True)
    half = anchor(ft, "a" * 500_000, places=2)
    assert half == Ambiguous((Span(0, 500_000), Span(1, 500_001)), more=True)
    assert anchor(ft, "a", prefix="b") == NotFound(Span(0, 1), 0.0, with_context=True)
