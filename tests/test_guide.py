"""The reading guide's pieces: a claim's sentence, hedges in it, and the evidence profile picture."""
from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing_archive.core.model import Article, Briefing, Claim, Source, Span
from briefing_archive.core.text import blocks
from briefing_archive.derive.guide import Guide, hedged, is_hedged, reading_guide, sentence_span
from briefing_archive.load.lexicon import load_lexicon
from briefing_archive.render.svg import evidence_svg

from conftest import SHIPPED

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


def guide(claims: int, badges: tuple, reports: int, badge_reports: tuple) -> Guide:
    return Guide(claims=claims, by_party=(), by_backer=(), unnamed_officials=0, unattributed=0, hedged=0, warnings=0,
                 badges=badges, reports=reports, badge_reports=badge_reports)


def test_evidence_svg_has_a_text_alternative_and_a_segment_per_badge() -> None:
    svg = evidence_svg(guide(4, (("B2", 3), ("F6", 1)), 2, (("B2", 1), ("F6", 1))))
    assert svg.startswith('<svg class="bx-evidence"')
    assert 'role="img"' in svg
    assert ("<title id=\"_evidence-title\">Evidence profile, 4 claims from 2 reports: B2, 3 claims from 1 report; "
            "F6, 1 claim from 1 report</title>") in svg
    assert "<title>3 × B2: source usually reliable; information probably true (3 claims from 1 report)</title>" in svg
    assert svg.count("<rect") == 2
    assert 'width="450.00"' in svg
    assert 'width="150.00"' in svg
    assert evidence_svg(guide(0, (), 0, ())) == ""


def test_claims_cut_from_one_report_count_as_one_report() -> None:
    """Claims with the same chain are one report, per badge and in total; a chain graded twice counts
    once in the total and once under each of its badges."""
    sources = {"uk": Source("uk", "UK", "intelligence", "B", "n"), "x": Source("x", "X", "unattributed", "F", "n")}
    claims = tuple(Claim(f"c{i}", "First", Span(0, 5), (("uk",),), 2) for i in range(11)) + (
        Claim("d", "First", Span(0, 5), (("uk",),), 3),
        Claim("e", "First", Span(0, 5), (("x",),), 6), Claim("f", "First", Span(0, 5), (("uk",), ("x",)), 6))
    briefing = Briefing("b", "T", Article("a.txt", TEXT, ""), "S", claims=claims)
    g = reading_guide(briefing, sources)
    assert (g.claims, g.reports) == (14, 3)
    assert g.badges == (("B2", 11), ("B3", 1), ("F6", 2))
    assert g.badge_reports == (("B2", 1), ("B3", 1), ("F6", 2))
    assert "B2, 11 claims from 1 report; B3, 1 claim from 1 report; F6, 2 claims from 2 reports" in evidence_svg(g)


@pytest.mark.parametrize("bid", sorted(p.stem for p in (SHIPPED / "briefings").glob("*.yml")))
def test_the_guide_counts_reports_as_the_yaml_gives_them(shipped_site, bid) -> None:
    """On the built page: per badge and in total, in the list, the legend and the drawing's text."""
    data = yaml.safe_load((SHIPPED / "briefings" / f"{bid}.yml").read_text("utf-8"))
    claims = data.get("claims") or []
    catch_alls = {p.stem for p in (SHIPPED / "briefings" / "sources").glob("*.yml")
                  if yaml.safe_load(p.read_text("utf-8")).get("identified") is False}

    def unidentified(c: dict) -> bool:
        last = c["sources"][-1]
        return all(s in catch_alls for s in (last if isinstance(last, list) else [last]))

    # one chain of identified sources is one report; each claim of a catch-all is its own
    chains = {json.dumps(c["sources"]) + (c["id"] if unidentified(c) else "") for c in claims}
    page = (shipped_site / "briefings" / bid / "index.html").read_text("utf-8")
    guide = page[page.index('class="admonition info bx-guide"'):]
    guide = unescape(guide[:guide.index("</figure>")])
    text = re.sub(r"<[^>]+>", "", guide)
    total = f"{len(claims)} claims from {len(chains)} report{'s' if len(chains) > 1 else ''}"
    assert f"{total} (claims that rest on the same chain of identified sources are one report)" in text   # the list
    assert guide.count(f"Evidence profile, {total}:") == 2    # the drawing's text alternative and the caption
    legend = re.findall(r"([A-F][1-6])\xa0×\xa0(\d+) claims? from (\d+) reports?", text)
    shown = {code: (int(n), int(r)) for code, n, r in legend}
    assert sum(n for n, _ in shown.values()) == len(claims)
    assert shown
    for code, (n, r) in shown.items():
        assert f"({n} claim{'s' if n > 1 else ''} from {r} report{'s' if r > 1 else ''})</title>" in guide, code
        assert r <= n


def test_one_uk_mod_update_shows_as_one_report(shipped_site) -> None:
    """Briefing 003 cuts one UK MoD update into many B2 claims: the guide says they are one report."""
    page = (shipped_site / "briefings" / "north-korean-units-pulled-back-as-russian-gains-slow" / "index.html")
    text = unescape(re.sub(r"<[^>]+>", "", page.read_text("utf-8")))
    m = re.search(r"B2\xa0×\xa0(\d+) claims from 1 report", text)
    assert m, "the UK MoD's B2 claims are one report"
    assert int(m.group(1)) >= 2, "the UK MoD's B2 claims are one report"


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
