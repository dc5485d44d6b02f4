"""Multi-line payloads through every text field: no element or attribute an author wrote is ever live.

Payloads are built from the pieces that end or open markup in a Markdown page: blank lines, code
fences, indented blocks, attr_list braces, raw HTML, ``javascript:`` links, HTML comments and entity
references. Prose fields (notes, summaries, quotes) take them as they are; one-line fields (names,
titles, parties, aliases, units, lexicon labels) take them joined into one line, and the multi-line
form of a one-line field must be refused with its file and line.

Each generated page is checked three ways: rendered as MkDocs renders it (HTML blocks kept out of
Python-Markdown and put back), rendered by plain Python-Markdown with its HTML in place (what a
second engine such as Zensical does), and, for a few examples, as a real MkDocs build's HTML and
search index.
"""
from __future__ import annotations

import json
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import markdown
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from briefing_archive.core.characters import BIDI
from briefing_archive.core.config import ArchiveConfig
from briefing_archive.derive.stage import derive_archive
from briefing_archive.load.archive import load_archive
from briefing_archive.render.fragments import fill, inline, split
from briefing_archive.render.pages import render_pages
from briefing_archive.render.placeholders import SIDES, fill_placeholders, sides_markdown

from conftest import MKDOCS_YML, Archive

TOKEN = "xpwn"          # in every element and attribute a payload writes
PIECES = ["\n\n", "\n", "```\n", "~~~\n", "    indented code\n", "{: onfocus=xpwn() #xpwnid .xpwncls }",
          "<xpwn onclick=xpwn()>", "</div>", "</p>", "<!--", "-->", "<div class=xpwn>", "[x](javascript:xpwn())",
          "<javascript:xpwn()>", "![i](javascript:xpwn())", "[r]: javascript:xpwn()\n", "[r]", "*em*", "_u_",
          "# heading\n", "> quote\n", "- item\n", "1. item\n", "| a | b |\n|---|---|\n", "&amp;", "&#10;", "&gt;",
          "<script>xpwn()</script>", "\u202e", "\u2066", "</td>", "\t", "word ", "text", "\\", "`code`", "<!--bx:0-->",
          "[](a-test)", "[](a-test#evil)", "[x](a-test#other \"<xpwn onclick=xpwn()>\")"]
# Framed by words, so every field has text whatever the pieces (a blank note is refused, rightly).
payload_st = st.lists(st.sampled_from(PIECES), min_size=1, max_size=12).map(lambda p: f"Note {''.join(p)} end")

PROSE_LIVE_ATTRS = {"id", "class", "style", "tabindex", "autofocus", "onfocus", "onclick", "href", "src"}
MD_EXTENSIONS = ["attr_list", "admonition", "tables", "toc", "md_in_html"]


def one_line(text: str) -> str:
    """The payload as a valid one-line value (line breaks joined, direction controls left out, as the
    format refuses both there), for names, titles and units."""
    return BIDI.sub("", " ".join(text.split("\n"))).strip() or "x"


def yq(text: str) -> str:
    return json.dumps(text)


def write_archive(root: Path, prose: str, line: str) -> None:
    """An archive with ``prose`` in every Markdown or quote field and ``line`` in every one-line field."""
    a = Archive(root)
    quote = f"xq {prose} qx"
    a.write("mkdocs.yml", MKDOCS_YML.replace("  - briefings\n", "  - briefings:\n      lexicon: lexicon.yml\n"))
    a.write("docs/index.md", "# Home\n")
    a.write("lexicon.yml", f"name: {yq(line)}\nterms:\n  - label: {yq(line)}\n    range: {yq(line)}\n"
                           f"    forms: [happened]\nhedges:\n  meaning: {yq(line)}\n  forms: [reportedly]\n")
    a.write("seeds/a.txt", f"Lead paragraph of the piece, which happened.\nThe agency reportedly said {quote} today.\n"
                           "A last line that is long enough to be a paragraph of its own.\n")
    a.write("briefings/a-test.yml", "\n".join([
        "article: a.txt",
        f"title: {yq(line)}",
        f"summary: {yq(prose)}",
        "tags: [t]",
        "warnings:",
        "  - quote: Lead paragraph",
        f"    note: {yq(prose)}",
        "claims:",
        "  - id: evil",
        f"    quote: {yq(quote)}",
        "    sources: [agency, ministry]",
        "    credibility: 3",
        f"    note: {yq(prose)}",
        "    entities: [region]",
        "    date: 2025-01",
        f"    figures: [{{metric: m, value: 1, unit: {yq(line)}}}]",
        "  - id: other",
        "    quote: A last line",
        "    sources: [ministry]",
        "    credibility: 3",
        "    relations: [{echoes: a-test#evil}]",
    ]) + "\n")
    a.write("briefings/sources/agency.yml", f"name: {yq(line)}\nkind: news-outlet\nreliability: B\n"
                                            f"party: {yq(line)}\nnote: {yq(prose)}\n")
    a.write("briefings/sources/ministry.yml", f"name: {yq('Ministry ' + line)}\nkind: government\nreliability: C\n"
                                              f"note: {yq(prose)}\n")
    a.write("briefings/entities/region.yml", f"name: {yq(line)}\nkind: place\naliases: [{yq('the ' + line)}]\n"
                                             f"note: {yq(prose)}\n")


class Live(HTMLParser):
    """Elements and attributes an author wrote, found live in HTML."""

    def __init__(self, *, prose_fields: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.script: str | None = None
        self.prose_fields = prose_fields

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if TOKEN in tag:
            self.found.append(f"element <{tag}>")
        for name, value in attrs:
            value = (value or "").strip().lower()
            if TOKEN in name or name.startswith("on") or name == "autofocus":
                self.found.append(f"attribute {name} on <{tag}>")
            elif name in PROSE_LIVE_ATTRS and TOKEN in value or name in ("href", "src") and value.startswith(("javascript:", "data:", "vbscript:")):
                self.found.append(f"{name}={value[:40]!r} on <{tag}>")
        if tag == "script":
            self.script = ""

    def handle_data(self, data: str) -> None:
        if self.script is not None:
            self.script += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self.script is not None:
            if TOKEN in self.script:
                json.loads(self.script)   # only JSON-LD may carry author text, and it must stay data
            self.script = None


def live(html: str) -> list[str]:
    parser = Live(prose_fields=True)
    parser.feed(html)
    parser.close()
    return parser.found


def engine() -> markdown.Markdown:
    return markdown.Markdown(extensions=MD_EXTENSIONS)


def rendered_pages(root: Path) -> dict[str, tuple[str, str]]:
    """Each page as MkDocs renders it (blocks put back after Python-Markdown) and as a plain
    Python-Markdown engine renders the whole page with its HTML in place."""
    archive, problems = load_archive(ArchiveConfig.at(root, lexicon="lexicon.yml"))
    assert archive is not None, [p.format() for p in problems]
    out = {}
    for path, page in render_pages(archive).items():
        body = page.split("\n---\n", 1)[1]                    # front matter is read by the engine, not rendered
        marked, fragments = split(body)
        mkdocs_way = fill(engine().convert(marked), fragments)
        plain_way = engine().convert(inline(marked, fragments))
        out[path] = (mkdocs_way, plain_way)
    methodology = (Path(__file__).parent.parent / "plugins/briefing_archive/defaults/methodology.md").read_text()
    filled = engine().convert(fill_placeholders(methodology, archive, {SIDES: sides_markdown(derive_archive(archive).sides)}))
    out["methodology.md"] = (filled, filled)
    return out


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(payload_st)
def test_no_payload_is_live_in_any_engine(payload: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "archive"
        write_archive(root, payload, one_line(payload))
        for path, (mkdocs_way, plain_way) in rendered_pages(root).items():
            assert live(mkdocs_way) == [], (path, "rendered as MkDocs does")
            assert live(plain_way) == [], (path, "rendered by Python-Markdown with its HTML in place")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(payload_st)
def test_generated_html_blocks_hold_no_line_break_from_author_text(payload: str) -> None:
    """The invariant behind the guarantee: every HTML block is one line, and starts with a block-level
    tag, so no Markdown engine can read part of it as Markdown."""
    block_level = set(markdown.Markdown().block_level_elements)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "archive"
        write_archive(root, payload, one_line(payload))
        archive, problems = load_archive(ArchiveConfig.at(root, lexicon="lexicon.yml"))
        assert archive is not None, [p.format() for p in problems]
        for path, page in render_pages(archive).items():
            for block in page.split("\n---\n", 1)[1].strip("\n").split("\n\n"):
                if block.startswith("<"):
                    tag = block[1:].split(" ", 1)[0].split(">", 1)[0]
                    assert tag in block_level, (path, block[:80])
                    assert TOKEN not in block or "\n" not in block.replace("\n<", "<"), (path, block[:200])
                else:
                    assert TOKEN not in block, (path, "author text outside an HTML block", block[:200])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(payload_st.filter(lambda p: "\n" in p.strip()))
def test_one_line_fields_refuse_line_breaks(payload: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "archive"
        write_archive(root, "prose", "name")
        Archive(root).write("briefings/sources/agency.yml", f"name: {yq(payload)}\nkind: news-outlet\n"
                                                            "reliability: B\nnote: n\n")
        archive, problems = load_archive(ArchiveConfig.at(root, lexicon="lexicon.yml"))
        assert archive is None
        assert any(p.path == "briefings/sources/agency.yml" and p.line == 1 and "`name`" in p.message
                   for p in problems), [p.format() for p in problems]


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(payload_st)
@example("Note \n\n```\ncode\n\n[UK MOD](https://www.gov.uk/){: autofocus tabindex=0 onfocus=xpwn() }\n```\n end")
@example("Note\n\n    indented\n\n<xpwn onclick=xpwn()>\n\n{: #xpwnid } end")
def test_no_payload_is_live_in_a_real_build(payload: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "archive"
        write_archive(root, payload, one_line(payload))
        site = Archive(root).build(strict=True)
        for page in site.rglob("*.html"):
            assert live(page.read_text("utf-8")) == [], page.relative_to(site)
        index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
        for doc in index["docs"]:
            assert live(doc["title"]) == [], doc["location"]
            assert live(doc["text"]) == [], doc["location"]
