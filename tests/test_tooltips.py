"""Tooltips keep their caveats: cut at the end of a sentence (or a word), never inside one, and the
computed verdict (grade, chain, relations with their independence) before the note."""
from __future__ import annotations

import re
from html import unescape
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from briefing_archive.core.config import ArchiveConfig
from briefing_archive.derive.stage import derive_archive
from briefing_archive.load.archive import load_archive
from briefing_archive.render.briefing import claim_verdict
from briefing_archive.render.components import excerpt
from briefing_archive.render.context import RenderContext
from briefing_archive.render.markup import plain_text, sentence_ends, shorten

from conftest import SHIPPED

ELLIPSIS = "\u2026"
WORDS = ["word", "Another", "x", "U.S.", "e.g.", "Mr.", "4,000", "11,000.", "sq", "km", "withdrawn", "Korea's",
         "\u201cquoted.\u201d", "(aside)", "self-serving", "\u2014", "-", ",", ";", ":", "(", ")", "\"", ".", "!", "?",
         "...", "\u2026", "Possibly true.", "probably true.", "A", "averyveryverylongwordwithoutanyspaceinit"]
text_st = st.lists(st.sampled_from(WORDS), max_size=60).map(" ".join)
STOPS = ".!?"
CLOSERS = "\"'\u201d\u2019)]"


def assert_cut_well(flat: str, limit: int, result: str) -> None:
    """The contract of a cut tooltip: a prefix of the text ending at a sentence or word end, then \u2026,
    no longer than the limit + 1; the text itself when it fits."""
    if len(flat) <= limit:
        assert result == flat
        return
    assert result.endswith(ELLIPSIS), (result, limit)
    assert len(result) <= limit + 1, (result, limit)
    body = result[:-1]
    assert flat.startswith(body), (flat, result)
    if body.endswith(" "):     # cut after a whole sentence
        body = body[:-1]
        assert body, (flat, result)
        assert body.rstrip(CLOSERS)[-1] in STOPS, (flat, result)
        assert flat[len(body)] == " ", (flat, result)
        assert len(body) == max(k for k in sentence_ends(flat) if k < limit), "the last sentence that fits"
    else:                      # cut after a whole word: what follows is punctuation up to a space
        rest = flat[len(body):]
        # (an empty prefix when even the first word is longer than the limit: the start is a word end too)
        assert not body or rest[:1] in ("", " ") or re.match(r"[^\w\s]*\s", rest), (flat, result)
        assert not body or not body[-1].isspace()
        assert all(k >= limit for k in sentence_ends(flat)), "a sentence that fits is kept whole"


@settings(max_examples=2000, deadline=None)
@given(text=text_st, limit=st.integers(1, 120))
@example(text="Short one. " + "long " * 50, limit=30)
@example(text="The U.S. officials said so. Then more words here.", limit=30)
def test_shorten_cuts_at_a_sentence_or_word_end(text: str, limit: int) -> None:
    flat = " ".join(text.split())
    assert_cut_well(flat, limit, shorten(flat, limit))


@settings(max_examples=300, deadline=None)
@given(text=st.lists(st.sampled_from(WORDS + ["*em*", "`code`", "[a link](https://example.test/)", "\n\n", "- item\n",
                                              "**strong.**"]), max_size=40).map(" ".join),
       limit=st.integers(1, 150))
def test_plain_text_of_markdown_is_cut_the_same_way(text: str, limit: int) -> None:
    assert_cut_well(plain_text(text), limit, plain_text(text, limit))


@settings(max_examples=1000, deadline=None)
@given(quote=text_st, limit=st.integers(2, 100))
@example(quote="\u2014 word", limit=3)
def test_quote_excerpts_never_cut_a_word(quote: str, limit: int) -> None:
    flat = " ".join(quote.split())
    cut = excerpt(quote, limit)
    assert len(cut) <= limit
    if cut != flat:
        body = cut[:-1]
        assert cut.endswith(ELLIPSIS)
        assert flat.startswith(body)
        if shorten(flat, limit - 1, sentences=False) != ELLIPSIS:
            assert re.match(r"[^\w\s]*(\s|$)", flat[len(body):]), (flat, cut)
        else:   # no whole word fits: the start of the first, rather than an empty link
            assert body == flat[:limit - 1].rstrip()


# -- on the shipped site -----------------------------------------------------------------------------

def shipped_context() -> RenderContext:
    archive, problems = load_archive(ArchiveConfig.at(SHIPPED))
    assert archive is not None, [p.format() for p in problems]
    return RenderContext.build(derive_archive(archive))


def quote_tips(site: Path, bid: str) -> dict[str, str]:
    html = (site / "briefings" / bid / "index.html").read_text("utf-8")
    return {cid: unescape(tip) for cid, tip in re.findall(r'<mark class="bx-claim[^"]*" id="([^"]+)" data-bx-tip="([^"]*)"',
                                                          html)}


def test_every_shipped_tooltip_ends_the_note_at_a_sentence_or_word_end(shipped_site: Path) -> None:
    ctx = shipped_context()
    cut = 0
    for b in ctx.archive.briefings:
        tips = quote_tips(shipped_site, b.id)
        for c in b.claims:
            if not c.note:
                continue
            note, verdict = ctx.note_text(c.note), claim_verdict(ctx, b, c)
            tip = tips[c.id]
            assert tip.startswith(verdict + " "), (c.id, tip)
            assert_cut_well(note, 200, tip[len(verdict) + 1:])
            cut += tip.endswith(ELLIPSIS)
    assert cut > 10


def test_the_withdrawal_tooltip_ends_with_a_whole_sentence(shipped_site: Path) -> None:
    tip = quote_tips(shipped_site, "north-korean-troops-withdrawn-after-heavy-losses")["withdrawal-may-not-be-permanent"]
    assert "withdrawn .\u2026" not in tip
    assert "(\"temporarily" not in tip
    assert tip.endswith("(the quotation that follows continues the NYT report). \u2026"), tip


def test_tooltips_lead_with_the_verdict_and_relations(shipped_site: Path) -> None:
    """Grade, chain, then each relation with its independence verdict, and only then the note."""
    ctx = shipped_context()
    checked = 0
    for b in ctx.archive.briefings:
        tips = quote_tips(shipped_site, b.id)
        for c in b.claims:
            rels = ctx.links.relations.get(f"{b.id}#{c.id}", [])
            tip = tips[c.id]
            assert tip.index(": source ") < tip.index(". Chain: ")
            note_at = tip.rindex(ctx.note_text(c.note)[:15]) if c.note else len(tip)
            for label, other in rels:
                said = f"{label[:1].upper()}{label[1:]} \u201c{excerpt(other.claim.quote, 60)}\u201d"
                assert tip.index(". Chain: ") < tip.index(said) < note_at, (c.id, label)
                verdict = ctx.verdict_text(c, other.claim, label)
                if verdict is not None:
                    assert tip.index(f"({verdict[1]})", tip.index(said)) < note_at, (c.id, verdict)
                    checked += 1
    assert checked >= 5


def test_the_badge_tooltip_gives_the_verdict_too(shipped_site: Path) -> None:
    """Keyboard users reach the badge, not the quote: its tooltip has the relations and verdicts as well."""
    ctx = shipped_context()
    bid = "north-korean-units-pulled-back-as-russian-gains-slow"
    html = unescape((shipped_site / "briefings" / bid / "index.html").read_text("utf-8"))
    badge = re.search(r'href="#_note-rest-and-refit" data-n="\d+" data-bx-tip="([^"]*)"', html)
    assert badge is not None
    (label, other), *_ = ctx.links.relations[f"{bid}#rest-and-refit"]
    verdict = ctx.verdict_text(ctx.links.claims[f"{bid}#rest-and-refit"].claim, other.claim, label)
    assert verdict is not None
    assert "Echoes \u201cthe decision to withdraw North Korean troops" in badge.group(1)
    assert f"({verdict[1]})" in badge.group(1)
    assert badge.group(1).endswith("Activate to read the note.")


def _sentence_ends_by_copies(flat: str) -> list[int]:
    """The definition of a sentence end as first written (it copied the rest of the text at every stop, so a long
    note took quadratic time): the linear scan must find exactly these."""
    from briefing_archive.core.text import SENTENCE_END
    from briefing_archive.render.markup import _ABBREVIATIONS, _INITIALS

    ends = []
    for m in SENTENCE_END.finditer(flat):
        after = flat[m.end():].lstrip()
        word = flat[:m.start() + 1].rsplit(" ", 1)[-1].lstrip("\"'\u201c\u2018([").rstrip(".").lower()
        if after and (after[0].islower() or not word or word in _ABBREVIATIONS
                      or (flat[m.start()] == "." and _INITIALS.fullmatch(word))):
            continue
        ends.append(m.end())
    return ends


@given(st.lists(st.one_of(st.sampled_from(["Mr.", "U.S.", "e.g.", "no.", "It ended.", "end!", "why?", "(ok.)",
                                           "\u201cSo.\u201d", "2025.", "a.", "A.", "..."]),
                          st.text(alphabet=" .!?abcAB1\"'(\u201c\u2018\n\t", max_size=8)), max_size=30).map(" ".join))
def test_sentence_ends_are_found_in_one_pass_as_defined(text: str) -> None:
    assert sentence_ends(text) == _sentence_ends_by_copies(text)
