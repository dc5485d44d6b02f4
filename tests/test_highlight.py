"""Highlights: nested and crossing spans come out as well-formed, properly nested HTML."""
from __future__ import annotations

from html.parser import HTMLParser

from briefing_archive.highlight import Highlight, render_article
from briefing_archive.seeds import blocks


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
        assert self.stack and self.stack.pop() == tag, f"mis-nested </{tag}>"

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
    assert "[i]" in html and html.endswith("[o]</p>")


def test_highlight_across_paragraphs() -> None:
    text = "First line ends.\nSecond line continues.\n"
    html, p = render(text, [Highlight(6, 23, "x", "c", after="*")])
    assert p.ids == ["x"] and html.count("<mark") == 2 and html.count("*") == 1


def test_article_text_is_escaped() -> None:
    html, _ = render("<b>&amp;</b>\n", [])
    assert html == "<p>&lt;b&gt;&amp;amp;&lt;/b&gt;</p>"
