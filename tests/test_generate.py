"""`briefings generate OUT_DIR`: the archive as a docs folder for any engine, checked as the plugin checks it."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest

from briefing_archive.core.problems import ArchiveError
from briefing_archive.load.settings import archive_config
from briefing_archive.render.fragments import GENERATED, fill, inert, inline, marked, unpack
from briefing_archive.site import build_site
from briefing_archive.zensical.config import RAW_BLOCKS
from test_payloads import hostile_archive

from conftest import Archive, copy_shipped

BRIEFINGS = str(Path(sys.executable).parent / "briefings")
#: The Markdown extensions of the shipped mkdocs.yml, with the fenced code Zensical always adds.
EXTENSIONS = ["attr_list", "admonition", "tables", "toc", "pymdownx.superfences"]


def generate(root: Path, out: Path, *options: str) -> subprocess.CompletedProcess:
    return subprocess.run([BRIEFINGS, "generate", str(out), "--root", str(root), *options],
                          capture_output=True, text=True, check=False)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_writes_every_page_data_file_and_filled_in_page(archive: Archive, tmp_path: Path) -> None:
    archive.write("docs/methodology.md", "# Method\n\n<!-- briefings:scales -->\n")
    out = tmp_path / "out"
    result = generate(archive.root, out)
    assert result.returncode == 0, result.stdout + result.stderr
    files = snapshot(out)
    # generated pages at the folder of their address, whole Markdown with the HTML in place
    page = files["briefings/a-test/index.md"].decode()
    assert "<!--bx:" not in page
    assert 'id="drones"' in page
    assert 'id="_bottom-line"' in page
    assert "bx-guide" in page
    assert 'class="bx-badge' in page
    for path in ("sources/agency/index.md", "entities/region/index.md", "tags/test/index.md", "claims/index.md",
                 "briefings/index.md"):
        assert path in files, path
    # the data files: exports, schemas, seeds, assets
    for path in ("archive.json", "annotations.jsonld", "feed.xml", "stix.json", "schema/briefing.schema.json", "seeds/a.txt",
                 "assets/briefings/briefings.css", "assets/briefings/briefings.js"):
        assert path in files, path
    # hand-written pages, placeholders filled in
    assert files["index.md"] == b"# Home\n\nWelcome.\n"
    assert b"<!-- briefings:" not in files["methodology.md"]
    assert b"Source reliability" in files["methodology.md"]
    assert ".briefings-generated" in files


def test_hand_written_pages_are_left_to_python_markdown() -> None:
    """The extension only takes pages that start with the generator's line; an author's HTML is Markdown's."""
    page = "<div>\n\n*em* in a block that spans a blank line\n\n</div>\n\n```\ncode\n```\n"
    assert (markdown.Markdown(extensions=[*EXTENSIONS, RAW_BLOCKS]).convert(page)
            == markdown.Markdown(extensions=EXTENSIONS).convert(page))


def test_the_default_methodology_is_written_when_docs_has_none(archive: Archive, tmp_path: Path) -> None:
    assert generate(archive.root, tmp_path / "out").returncode == 0
    text = (tmp_path / "out" / "methodology.md").read_text("utf-8")
    assert "<!-- briefings:" not in text
    assert "<table" in text


def test_same_problems_and_exit_code_as_the_plugin_and_nothing_written(archive: Archive, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert generate(archive.root, out).returncode == 0
    before = snapshot(out)
    archive.write("briefings/sources/agency.yml", "name: A\nkind: news-outlet\nreliabilty: B\nnote: n\n")
    result = generate(archive.root, out)
    assert result.returncode == 1
    config, _ = archive_config(archive.root)
    with pytest.raises(ArchiveError) as caught:
        build_site(config)           # what the plugin calls in on_pre_build
    assert result.stdout.splitlines() == [p.format() for p in caught.value.problems]
    assert "nothing was written" in result.stderr
    assert snapshot(out) == before   # the last generation as it was
    assert generate(archive.root, tmp_path / "new").returncode == 1
    assert not (tmp_path / "new").exists()


def test_warnings_fail_with_strict_as_mkdocs_build_strict(archive: Archive, tmp_path: Path) -> None:
    archive.write("briefings/readme.txt", "notes\n")
    ok = generate(archive.root, tmp_path / "a")
    assert ok.returncode == 0
    assert "only .yml files are read here" in ok.stdout
    assert generate(archive.root, tmp_path / "b", "--strict").returncode == 1
    assert not (tmp_path / "b").exists()


def test_a_hand_written_page_in_a_generated_place_is_refused(archive: Archive, tmp_path: Path) -> None:
    archive.write("docs/briefings/a-test.md", "# Mine\n")
    result = generate(archive.root, tmp_path / "out")
    assert result.returncode == 1
    assert "docs/briefings/a-test.md:1:1: error: docs/briefings/a-test.md is written by hand" in result.stdout
    assert not (tmp_path / "out").exists()


def test_a_folder_it_did_not_write_is_never_replaced(archive: Archive, tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("keep", encoding="utf-8")
    result = generate(archive.root, mine)
    assert result.returncode == 2
    assert "was not written by `briefings generate`" in result.stderr
    assert snapshot(mine) == {"notes.txt": b"keep"}
    for overlapping in (archive.root / "docs", archive.root / "docs" / "x", archive.root):
        assert generate(archive.root, overlapping).returncode == 2


def test_a_later_generation_replaces_the_whole_folder(archive: Archive, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert generate(archive.root, out).returncode == 0
    archive.write("briefings/a-test.yml", archive.root.joinpath("briefings/a-test.yml").read_text("utf-8")
                  .replace("tags: [test]", "tags: [other]"))
    assert generate(archive.root, out).returncode == 0
    assert (out / "tags" / "other" / "index.md").is_file()
    assert not (out / "tags" / "test").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out.")]


@pytest.mark.parametrize("kind", ["fixture", "shipped", "hostile"])
def test_python_markdown_passes_every_html_block_through_untouched(kind: str, archive: Archive,
                                                                   tmp_path: Path) -> None:
    """What keeps an engine's build as safe as the plugin's: each generated HTML block reaches the page as it
    was rendered (author text escaped inside it), whatever Python-Markdown and its fences make of the rest."""
    root = {"fixture": lambda: archive.root, "shipped": lambda: copy_shipped(tmp_path / "shipped").root,
            "hostile": lambda: add_markdown_syntax(hostile_archive(tmp_path / "hostile")).root}[kind]()
    config, _ = archive_config(root)
    output = build_site(config)
    checked = 0
    for path, page in output.pages.items():
        html = markdown.Markdown(extensions=EXTENSIONS).convert(inline(page, unpack(output.fragments[path])))
        rendered = markdown.Markdown(extensions=EXTENSIONS).convert(page)
        # the same page as MkDocs makes of it: markers rendered, then the blocks put back (as inline() gives them)
        blocks = unpack(output.fragments[path])
        assert html.rstrip("\n") == fill(rendered, tuple(inert(b) for b in blocks)).rstrip("\n"), path
        assert all(dom(inert(b)) == dom(b) for b in blocks), path   # and those are the same HTML to a browser
        # with the extension the Zensical config adds, the blocks are not even parsed: the same page again
        body = marked(inline(page, blocks)).split("\n---\n", 1)[-1] if page.startswith("---\n") else marked(
            inline(page, blocks))
        fast = markdown.Markdown(extensions=[*EXTENSIONS, RAW_BLOCKS]).convert(body)
        plain = markdown.Markdown(extensions=EXTENSIONS).convert(body.replace(GENERATED, "", 1))
        assert lines(fast) == lines(plain), path
        checked += 1
    assert checked > 5


def lines(html: str) -> str:
    """The HTML with the white space between lines folded (where the blocks' line breaks fall is no content)."""
    return re.sub(r"\s*\n\s*", "\n", html).strip()


class _Events(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.events: list[tuple] = []

    def handle_starttag(self, tag, attrs):
        self.events.append(("start", tag, tuple(attrs)))

    def handle_endtag(self, tag):
        self.events.append(("end", tag))

    def handle_data(self, data):
        if self.events and self.events[-1][0] == "data":
            self.events[-1] = ("data", self.events[-1][1] + data)
        else:
            self.events.append(("data", data))

    def handle_comment(self, data):
        self.events.append(("comment", data))


def dom(html: str) -> list[tuple]:
    """The tags, attributes (references read) and text of an HTML fragment, as a browser reads them."""
    parser = _Events()
    parser.feed(html)
    parser.close()
    return parser.events


def add_markdown_syntax(a: Archive) -> Archive:
    """A briefing whose article and note hold lines Python-Markdown's preprocessors would read as their own:
    fences (which Zensical always enables), a snippet include, a tab, inside and outside a code block."""
    a.write("seeds/b.txt", "The agency said the markup stayed inert overnight.\n```\n~~~html\n"
                           "<script>alert(30)</script>\n~~~\n--8<-- \"/etc/passwd\"\n\tTabbed <b>line</b>\n")
    note = ("First line\nsecond line\n\n```\n~~~html\n<script>alert(31)</script>\n~~~\n"
            "--8<-- \"/etc/passwd\"\n\ttab\n```\n\n~~~\n```\nx\n```\n~~~\n")
    a.write("briefings/b-fence.yml", "article: b.txt\ntitle: Fences\nsummary: \"A\\n```\\nb\\n```\"\nclaims:\n"
            "  - id: inert\n    quote: the markup stayed inert\n    sources: [agency]\n    credibility: 3\n"
            f"    note: {json.dumps(note)}\n")
    return a
