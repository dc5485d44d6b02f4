"""The live preview's problem banner (mkdocs/banner.py) and its quiet dirty rebuilds (mkdocs/preview.py): the
banner lists every error and the first warnings as text whatever they quote, goes into every HTML page the
live-reload server sends and nothing else, and only MkDocs' generic dirty-build warning is filtered out."""
from __future__ import annotations

import logging
import re
from html.parser import HTMLParser

from hypothesis import given
from hypothesis import strategies as st

from briefing_archive.core.problems import Problem
from briefing_archive.mkdocs.banner import SHOWN_WARNINGS, banner, insert, with_banner
from briefing_archive.mkdocs.preview import DIRTY_WARNING

HOSTILE = st.sampled_from(["<img src=x onerror=window.__pwned=1>", "</code></li></ul></div><script>x()</script>",
                           "&amp;", "\"'", "<!--", "]]>", "\u202e", "\n"])
TEXT = st.lists(st.one_of(st.text(max_size=6), HOSTILE), max_size=3).map("".join)
PROBLEMS = st.lists(st.builds(Problem, path=TEXT, line=st.integers(1, 10**6), col=st.integers(1, 500),
                              severity=st.sampled_from(["error", "warning"]), message=TEXT), max_size=12)


class Outline(HTMLParser):
    """The elements of an HTML fragment and the text of its <code> elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.codes: list[str] = []
        self.paragraphs: list[str] = []
        self.inside: str | None = None

    def handle_starttag(self, tag: str, _attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag in ("code", "p"):
            self.inside = tag
            (self.codes if tag == "code" else self.paragraphs).append("")

    def handle_endtag(self, _tag: str) -> None:
        self.inside = None

    def handle_data(self, data: str) -> None:
        if self.inside == "code":
            self.codes[-1] += data
        elif self.inside == "p":
            self.paragraphs[-1] += data


def outline(html: bytes) -> Outline:
    parsed = Outline()
    parsed.feed(html.decode("utf-8"))
    parsed.close()
    return parsed


@given(PROBLEMS)
def test_the_banner_shows_every_error_and_the_first_warnings_as_text(problems: list[Problem]) -> None:
    html = banner(problems)
    errors = [p.format() for p in problems if p.severity == "error"]
    warnings = [p.format() for p in problems if p.severity == "warning"]
    if not errors:
        assert html == b""
        return
    parsed = outline(html)
    # only the banner's own elements, whatever the messages hold; each message is one <code>'s text, unchanged
    assert set(parsed.tags) <= {"div", "p", "ul", "li", "code"}
    assert parsed.tags.count("div") == 1
    assert parsed.codes == errors + warnings[:SHOWN_WARNINGS]
    assert html.startswith(b'<div class="admonition failure bx-preview-problems" role="alert">')
    counts = [int(n) for n in re.findall(r"\d+", parsed.paragraphs[0])]
    assert counts == ([len(errors), len(warnings)] if warnings else [len(errors)])
    if len(warnings) > SHOWN_WARNINGS:
        assert f"{len(warnings) - SHOWN_WARNINGS} more" in parsed.paragraphs[1]


PAGE_PARTS = st.lists(st.sampled_from(["<p>x</p>", "<body class=\"a\">", '<article class="md-content__inner md-typeset">',
                                       "<main>", "text <b>", "</body>"]), max_size=6).map("".join)


@given(PAGE_PARTS, PROBLEMS.filter(lambda ps: any(p.severity == "error" for p in ps)))
def test_the_banner_goes_in_once_at_the_top_of_the_content(page: str, problems: list[Problem]) -> None:
    html = banner(problems)
    served = insert(page.encode(), html)
    at = served.index(html)
    assert served[:at] + served[at + len(html):] == page.encode()     # the page itself is untouched
    before = served[:at].decode()
    if '<article class="md-content__inner' in page:
        assert before.endswith('<article class="md-content__inner md-typeset">')
        assert before.count("<article") == 1
    elif "<body" in page:
        assert before.endswith('<body class="a">')
        assert before.count("<body") == 1
    else:
        assert at == 0


def _served(body: bytes, kind: str, html: bytes) -> tuple[str, list[tuple[str, str]], bytes]:
    """What the wrapped app sends for an answer of the live-reload server's."""
    headers = [("Content-Type", kind), ("Content-Length", str(len(body)))]

    def app(_environ, start_response):
        start_response("200 OK", headers)
        return [body[:3], body[3:]]

    sent: list[tuple[str, list[tuple[str, str]]]] = []
    out = with_banner(app, lambda: html)({}, lambda status, h, _exc_info=None: sent.append((status, h)))
    return sent[0][0], sent[0][1], b"".join(out)


@given(st.binary(max_size=60).map(lambda b: b"<body>" + b), st.sampled_from(["text/html", "text/html; charset=utf-8",
                                                                               "application/json", "text/plain"]),
       st.sampled_from([b"", b"<div>problems</div>"]))
def test_only_html_answers_get_the_banner_with_their_length(body: bytes, kind: str, html: bytes) -> None:
    status, headers, sent = _served(body, kind, html)
    assert status == "200 OK"
    if html and kind.startswith("text/html"):
        assert sent == insert(body, html)
        assert [v for k, v in headers if k == "Content-Length"] == [str(len(sent))]
    else:
        assert sent == body
        assert headers == [("Content-Type", kind), ("Content-Length", str(len(body)))]


DIRTY = ("A 'dirty' build is being performed, this will likely lead to inaccurate navigation and other links "
         "within your site. This option is designed for site development purposes only.")


@given(st.sampled_from(["mkdocs.commands.build", "mkdocs.plugins.briefings", "mkdocs"]),
       st.sampled_from([logging.INFO, logging.WARNING, logging.ERROR]), st.one_of(st.just(DIRTY), st.text()))
def test_only_mkdocs_dirty_build_warning_is_filtered(name: str, level: int, message: str) -> None:
    record = logging.LogRecord(name, level, __file__, 1, message, None, None)
    dropped = name == "mkdocs.commands.build" and level == logging.WARNING and message == DIRTY
    assert DIRTY_WARNING.filter(record) is not dropped
