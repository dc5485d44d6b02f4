"""Hand-written pages render as written: every list item of a docs page's Markdown is an <li> of the built page,
every fenced block a <pre><code> with the block's text, and no list marker or fence is left as text. Real MkDocs
builds with the repository's mkdocs.yml: its docs pages, and pages Hypothesis writes by the same rules."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing_archive.core.config import ArchiveConfig
from briefing_archive.render.placeholders import fill_placeholders
from briefing_archive.site import build_site
from handwritten import Node, article, read_markdown, rendering_problems

from conftest import REPO, Archive, write_fixture

#: A list item's start tag, as the HTML a placeholder is filled with has it.
LI = re.compile(r"<li[\s>]")
#: A Markdown list item's marker, as a placeholder filled with Markdown has it (the relation kinds' lines).
ITEM = re.compile(r"^ *- ", re.MULTILINE)
DOCS = sorted(p.name for p in (REPO / "docs").glob("*.md"))


def site_with_docs(root: Path) -> Archive:
    """The fixture archive with the repository's mkdocs.yml and docs/ (pages Hypothesis adds stay off the nav)."""
    a = write_fixture(Archive(root), site_config=False)
    shutil.copytree(REPO / "docs", root / "docs")
    a.write("mkdocs.yml", (REPO / "mkdocs.yml").read_text("utf-8") + "\nnot_in_nav: |\n  /drawn-*.md\n")
    return a


def built_page(site: Path, name: str) -> Path:
    return site / ("index.html" if name == "index.md" else f"{name.removesuffix('.md')}/index.html")


@pytest.fixture(scope="module")
def docs_site(tmp_path_factory) -> tuple[Archive, Path]:
    a = site_with_docs(tmp_path_factory.mktemp("handwritten") / "archive")
    return a, a.build(strict=True)


@pytest.mark.parametrize("name", DOCS)
def test_every_docs_page_renders_as_written(docs_site: tuple[Archive, Path], name: str) -> None:
    a, site = docs_site
    markdown = (a.root / "docs" / name).read_text("utf-8")
    output = build_site(ArchiveConfig.at(a.root))
    filled = fill_placeholders(markdown, output.archive, output.snippets)   # what the build puts in their place
    extra = sum(len(found.findall(filled)) - len(found.findall(markdown)) for found in (LI, ITEM))
    page = article(built_page(site, name).read_text("utf-8"))
    assert rendering_problems(read_markdown(markdown), page, extra) == []


def _section(page: Node, anchor: str) -> list[Node]:
    """The elements after the <h2> with id ``anchor``, up to the next <h2>."""
    heading = next(h for h in page.iter("h2") if h.attrs.get("id") == anchor)
    assert heading.parent is not None
    siblings = heading.parent.elements
    after = siblings[next(i for i, e in enumerate(siblings) if e is heading) + 1:]
    return after[:next((i for i, e in enumerate(after) if e.tag == "h2"), len(after))]


def _plain(markdown: str) -> str:
    return " ".join(re.sub(r"[*`]", "", markdown).split())


def test_the_walkthrough_is_one_list_of_its_steps(docs_site: tuple[Archive, Path]) -> None:
    a, site = docs_site
    markdown = (a.root / "docs" / "authoring.md").read_text("utf-8")
    start = markdown.index("{#_walkthrough}")
    section = markdown[start:markdown.find("\n## ", start)]
    steps = re.findall(r"^\d+\. (.*)$", section, re.MULTILINE)
    assert len(steps) >= 2
    elements = _section(article(built_page(site, "authoring.md").read_text("utf-8")), "_walkthrough")
    lists = [e for e in elements if e.tag == "ol"]
    assert len(lists) == 1
    assert not any(e.tag == "p" and re.match(r"\s*\d+\.", e.text()) for e in elements)
    shown = [li for li in lists[0].elements if li.tag == "li"]
    assert len(shown) == len(steps)
    for li, step in zip(shown, steps, strict=True):
        words = _plain(step).split()[:4]
        assert _plain(li.text()).split()[:len(words)] == words, (li.text()[:80], step)


# -- pages nobody has written yet ------------------------------------------------------------------------------

WORD = st.text("abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=8)
#: A line of a fenced block: anything, Markdown syntax included, but not a fence of its own or spaces at its end.
CODE_LINE = st.text(st.characters(codec="ascii", categories=("L", "N", "P", "S", "Zs")), max_size=30).map(
    str.rstrip).filter(lambda line: "```" not in line and "~~~" not in line)


@st.composite
def fence(draw) -> tuple[list[str], int, list[str]]:
    lang = draw(st.sampled_from(["", "sh", "yaml", "text", "python"]))
    body = draw(st.lists(CODE_LINE, min_size=1, max_size=4))
    body[0] = body[0] or "x"
    body[-1] = body[-1] or "x"
    return [f"```{lang}", *body, "```"], 0, ["\n".join(body)]


@st.composite
def paragraph(draw) -> tuple[list[str], int, list[str]]:
    lines = draw(st.lists(st.lists(WORD, min_size=1, max_size=5).map(" ".join), min_size=1, max_size=3))
    return [lines[0].capitalize(), *lines[1:]], 0, []


def indent(lines: list[str], by: int) -> list[str]:
    return [" " * by + line if line else line for line in lines]


def a_list(depth: int):
    """A list of items, each a paragraph followed by paragraphs, fences and (up to depth 3) lists, indented by 4."""
    inner = st.one_of(paragraph(), fence(), *([a_list(depth + 1)] if depth < 3 else []))

    @st.composite
    def build(draw) -> tuple[list[str], int, list[str]]:
        ordered = draw(st.booleans())
        items = draw(st.lists(st.tuples(paragraph(), st.lists(inner, max_size=3)), min_size=1, max_size=3))
        tight = all(not rest for _, rest in items) and draw(st.booleans())   # no blank line between items
        out: list[str] = []
        count, fences = len(items), []
        for n, (first, rest) in enumerate(items, start=1):
            marker = f"{n}. " if ordered else "- "
            lines = [marker + first[0][0], *indent(first[0][1:], 4)]
            for block_lines, block_items, block_fences in rest:
                lines += ["", *indent(block_lines, 4)]
                count += block_items
                fences += block_fences
            out += lines if tight else [*lines, ""]
        return out if tight else out[:-1], count, fences

    return build()


PAGE = st.lists(st.one_of(paragraph(), fence(), a_list(1)), min_size=1, max_size=4)


def page_text(blocks: list[tuple[list[str], int, list[str]]]) -> tuple[str, int, list[str]]:
    lines = ["# A page", ""]
    for block_lines, _, _ in blocks:
        lines += [*block_lines, ""]
    return "\n".join(lines), sum(b[1] for b in blocks), [f for b in blocks for f in b[2]]


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(pages=st.lists(PAGE, min_size=1, max_size=4))
def test_any_page_written_by_the_rules_renders_as_written(tmp_path_factory, pages) -> None:
    """Nested lists with fences in their items, as a maintainer writes a new docs page (list items after a blank
    line, what belongs to an item indented by 4 spaces): each becomes the <li> and <pre><code> it asks for."""
    a = site_with_docs(tmp_path_factory.mktemp("drawn") / "archive")
    written = {}
    for n, blocks in enumerate(pages):
        text, items, fences = page_text(blocks)
        a.write(f"docs/drawn-{n}.md", text)
        written[f"drawn-{n}.md"] = (text, items, fences)
    site = a.build(strict=True)
    for name, (text, items, fences) in written.items():
        source = read_markdown(text)
        assert (source.items, source.fences) == (items, fences), text   # the reading of the Markdown, checked
        page = article(built_page(site, name).read_text("utf-8"))
        assert rendering_problems(source, page) == [], text
