"""Highlights: nested and crossing spans come out as well-formed, properly nested HTML."""
from __future__ import annotations

from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from briefing_archive.core.text import Block, blocks
from briefing_archive.render.highlight import Highlight, render_article
from briefing_archive.render.markup import esc


class _Nesting(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.ids: list[str] = []
        self.text = ""

    def handle_starttag(self, tag, attrs):
        self.stack.append(tag)
        self.ids += [v for k, v in attrs if k == "id"]

    def handle_endtag(self, tag):
        assert self.stack, f"mis-nested </{tag}>"
        assert self.stack.pop() == tag, f"mis-nested </{tag}>"

    def handle_data(self, data):
        self.text += data


def render(text: str, hl: list[Highlight]) -> tuple[str, _Nesting]:
    html = render_article(text, blocks(text), hl)
    parser = _Nesting()
    parser.feed(html)
    assert parser.stack == []
    return html, parser


def test_crossing_highlights_split_and_keep_one_id() -> None:
    text = "alpha beta gamma delta\n"
    html, p = render(text, [Highlight(0, 10, "one", "c"), Highlight(6, 16, "two", "c")])
    assert p.ids == ["one", "two"]
    assert html == ('<p><mark class="c" id="one">alpha <mark class="c" id="two">beta</mark></mark>'
                    '<mark class="c">' ' gamma</mark> delta</p>')
    assert p.text == text.strip()


def test_nested_and_identical_spans() -> None:
    text = "one two three\n"
    html, p = render(text, [Highlight(0, 13, "outer", "c", after="[o]"), Highlight(4, 7, "inner", "c", after="[i]"),
                            Highlight(4, 7, "same", "w", order=1)])
    assert p.ids == ["outer", "inner", "same"]
    assert html.index('id="outer"') < html.index('id="inner"') < html.index('id="same"')
    assert "[i]" in html
    assert html.endswith("[o]</p>")


def test_highlight_across_paragraphs() -> None:
    text = "First line ends.\nSecond line continues.\n"
    html, p = render(text, [Highlight(6, 23, "x", "c", after="*")])
    assert p.ids == ["x"]
    assert html.count("<mark") == 2
    assert html.count("*") == 1


def test_article_text_is_escaped() -> None:
    html, _ = render("<b>&amp;</b>\n", [])
    assert html == "<p>&lt;b&gt;&amp;amp;&lt;/b&gt;</p>"


# --- property: the sweep renders exactly what the straightforward algorithm did ----------------

def reference_render(text: str, blocks_: tuple[Block, ...], highlights: list[Highlight], joiner: str = "\n") -> str:
    """The original O(blocks x highlights) algorithm, kept as the specification."""
    ordered = sorted(highlights, key=lambda h: (h.start, -h.end, h.order))
    first_piece_done: set[int] = set()
    out = []
    for block in blocks_:
        inside = [(i, h) for i, h in enumerate(ordered) if h.start < block.end and h.end > block.start]
        body = _reference_block(text, block, inside, first_piece_done)
        tag = "h3" if block.kind == "h" else "p"
        cls = ' class="bx-article-heading"' if block.kind == "h" else ""
        out.append(f"<{tag}{cls}>{body}</{tag}>")
    return joiner.join(out)


def _reference_block(text: str, block: Block, inside: list[tuple[int, Highlight]], first_done: set[int]) -> str:
    if not inside:
        return esc(text[block.start:block.end])
    clip = {i: (max(h.start, block.start), min(h.end, block.end)) for i, h in inside}
    cuts = sorted({block.start, block.end, *(c for pair in clip.values() for c in pair)})
    by_rank = {i: rank for rank, (i, _) in enumerate(inside)}
    highlights = dict(inside)
    stack: list[int] = []
    parts: list[str] = []

    def open_(i: int) -> None:
        h = highlights[i]
        attr = ""
        if h.element_id and i not in first_done:
            attr = f' id="{esc(h.element_id)}"'
            first_done.add(i)
        if h.tooltip:
            attr += f' data-bx-tip="{esc(h.tooltip)}"'
        parts.append(f'<{h.tag} class="{esc(h.css_class)}"{attr}>')
        stack.append(i)

    for pos in cuts:
        ending = [i for i in stack if clip[i][1] == pos]
        if ending:
            depth = min(stack.index(i) for i in ending)
            closed = stack[depth:]
            del stack[depth:]
            for i in reversed(closed):
                parts.append(f"</{highlights[i].tag}>")
                if i in ending and highlights[i].end == pos:
                    parts.append(highlights[i].after)
            for i in closed:
                if i not in ending:
                    open_(i)
        for i in sorted((i for i, _ in inside if clip[i][0] == pos and clip[i][1] > pos), key=by_rank.get):
            open_(i)
        following = next((c for c in cuts if c > pos), None)
        if following is not None:
            parts.append(esc(text[pos:following]))
    return "".join(parts)


article_st = st.lists(st.sampled_from(["alpha", "b", " ", "  ", "\n", "\n\n", "<&>", "\u00e9", ".", "Heading x\n"]),
                      max_size=30).map("".join)


@st.composite
def article_and_highlights(draw: st.DrawFn) -> tuple[str, tuple[Block, ...], list[Highlight]]:
    text = draw(article_st)
    n = len(text)
    offset = st.integers(0, n + 2)
    kind = draw(st.sampled_from(["paragraphs", "excerpts", "any"]))
    if kind == "paragraphs":
        blocks_ = blocks(text)
    elif kind == "excerpts":   # disjoint ranges in text order, as the excerpts mode builds them
        cuts = sorted(draw(st.lists(st.integers(0, n), max_size=8, unique=True)))
        blocks_ = tuple(Block("p", a, b) for a, b in zip(cuts[::2], cuts[1::2], strict=False))
    else:                      # any ranges in any order
        blocks_ = tuple(Block(draw(st.sampled_from(["p", "h"])), a, a + draw(st.integers(0, 6)))
                        for a in draw(st.lists(offset, max_size=5)))
    highlights = draw(st.lists(st.builds(
        Highlight, offset, offset, st.sampled_from(["", "a", "b"]), st.sampled_from(["c", "d e"]),
        st.sampled_from(["", "[x]", "<a>"]), st.integers(0, 3), st.sampled_from(["mark", "abbr"]),
        st.sampled_from(["", "t&\""])), max_size=12))
    return text, blocks_, highlights


@settings(max_examples=500, deadline=None)
@given(case=article_and_highlights(), joiner=st.sampled_from(["\n", "\n<p>\u2026</p>\n"]))
def test_render_article_matches_the_reference(case, joiner) -> None:
    text, blocks_, highlights = case
    assert render_article(text, blocks_, highlights, joiner) == reference_render(text, blocks_, highlights, joiner)


def test_render_article_keeps_overlapping_and_nested_highlights_across_many_blocks() -> None:
    """A larger case than hypothesis draws: long highlights spanning many paragraphs, short ones inside."""
    text = "".join(f"Paragraph {i} says a thing. Another sentence {i}.\n" for i in range(200))
    highlights = [Highlight(s, s + length, f"h{s}", "c", after="*", order=s % 3)
                  for s, length in ((17 * k % len(text), (31 * k) % 900 + 1) for k in range(400))]
    got = render_article(text, blocks(text), highlights)
    assert got == reference_render(text, blocks(text), highlights)
    _, p = render(text, highlights)
    assert len(p.ids) == len({h.element_id for h in highlights if h.start < len(text)})
