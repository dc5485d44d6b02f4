"""Real MkDocs builds of the shipped archive and of small fixture archives, asserting on the HTML."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml

from conftest import SHIPPED

BIN = Path(sys.executable).parent


class _Page(HTMLParser):
    """Collects ids, hrefs and marks of one HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.hrefs: list[str] = []
        self.marks: list[dict] = []
        self.scripts: list[str] = []
        self._in_title = False
        self.title = ""

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and a.get("href"):
            self.hrefs.append(a["href"])
        if tag == "mark":
            self.marks.append(a)
        if tag == "title":
            self._in_title = True

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text("utf-8"))
    return page


def check_links(site: Path, pages: list[Path]) -> list[str]:
    """Every relative href of the given pages must reach a file and, with a fragment, an id on it."""
    broken = []
    parsed: dict[Path, _Page] = {}

    def parsed_page(path: Path) -> _Page:
        # Look in the cache before parsing: `setdefault(path, parse(path))` parsed the page again
        # for every link that points into it.
        if path not in parsed:
            parsed[path] = parse(path)
        return parsed[path]

    for page_path in pages:
        page = parsed_page(page_path.resolve())
        for href in page.hrefs:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith("mailto:"):
                continue
            target = (page_path.parent / unquote(parts.path)).resolve() if parts.path else page_path
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page_path.relative_to(site)} -> {href}")
                continue
            if parts.fragment and target.suffix == ".html":
                ids = parsed_page(target).ids
                if parts.fragment not in ids:
                    broken.append(f"{page_path.relative_to(site)} -> {href} (no such id)")
    return broken


def test_link_checker_reports_missing_pages_and_fragments(tmp_path: Path) -> None:
    """The checker the site tests rely on: a missing file, a missing id, and what it must let through."""
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<h1 id="top">A</h1><a href="#top">self</a><a href="#gone">x</a>')
    (tmp_path / "b x.html").write_text('<p id="p1">B</p>'
                                       '<a href="a/#top">ok</a><a href="a/#nope">bad id</a>'
                                       '<a href="b%20x.html#p1">ok</a><a href="missing/">no page</a>'
                                       '<a href="https://example.org/x">external</a><a href="mailto:a@b">mail</a>')
    pages = [tmp_path / "a" / "index.html", tmp_path / "b x.html"]
    assert check_links(tmp_path, pages) == [
        "a/index.html -> #gone (no such id)",
        "b x.html -> a/#nope (no such id)",
        "b x.html -> missing/",
    ]


def generated_pages(site: Path) -> list[Path]:
    return sorted(p for kind in ("briefings", "sources", "entities") for p in (site / kind).rglob("index.html"))


# -- the shipped archive ------------------------------------------------------------------------

def _shipped_briefings() -> dict[str, dict]:
    return {p.stem: yaml.safe_load(p.read_text("utf-8")) for p in sorted((SHIPPED / "briefings").glob("*.yml"))}


def test_every_briefing_source_and_entity_has_a_page(shipped_site: Path) -> None:
    for kind, folder in (("briefings", "briefings"), ("sources", "briefings/sources"),
                         ("entities", "briefings/entities")):
        for path in (SHIPPED / folder).glob("*.yml"):
            assert (shipped_site / kind / path.stem / "index.html").is_file(), (kind, path.stem)
        assert (shipped_site / kind / "index.html").is_file()


def test_every_claim_is_highlighted_with_its_permalink(shipped_site: Path) -> None:
    for bid, data in _shipped_briefings().items():
        page = parse(shipped_site / "briefings" / bid / "index.html")
        mark_ids = {m.get("id") for m in page.marks}
        for claim in data.get("claims") or ():
            assert claim["id"] in mark_ids, (bid, claim["id"])
            assert f"_note-{claim['id']}" in page.ids
        claim_ids = {c["id"] for c in data.get("claims") or ()}
        # every other id of the page content starts with '_' (headings included)
        html = (shipped_site / "briefings" / bid / "index.html").read_text("utf-8")
        content = html[html.index('<article class="md-content__inner'):html.index("</article>")]
        content_ids = set(re.findall(r'\sid="([^"]+)"', content))
        assert content_ids - {m.get("id") for m in page.marks}, "ids beside the claims exist"
        assert all(i.startswith("_") for i in content_ids - claim_ids), content_ids - claim_ids


def test_every_cross_link_resolves(shipped_site: Path) -> None:
    """MkDocs does not check links inside raw HTML: walk every page of the built site and check them all."""
    pages = sorted(p for p in shipped_site.rglob("*.html") if p.name != "404.html")
    assert len(pages) > 40
    assert check_links(shipped_site, pages) == []


def test_source_pages_link_back_to_claim_permalinks(shipped_site: Path) -> None:
    page = (shipped_site / "sources" / "uk-mod" / "index.html").read_text("utf-8")
    links = re.findall(r'href="(\.\./\.\./briefings/[^"#]+/#[^"]+)"', page)
    assert links, "the UK MoD profile lists the claims that rest on it"


def test_search_index_has_every_briefing_note_and_source(shipped_site: Path) -> None:
    index = json.loads((shipped_site / "search" / "search_index.json").read_text("utf-8"))
    locations = {d["location"] for d in index["docs"]}
    text = " ".join(d["text"] for d in index["docs"])
    for bid, data in _shipped_briefings().items():
        assert f"briefings/{bid}/" in locations
        for claim in data.get("claims") or ():
            assert f"briefings/{bid}/#_note-{claim['id']}" in locations
    assert "Syrskyi" in text
    assert "TASS" in text
    assert any(d["location"] == "sources/tass/" for d in index["docs"])


def test_seeds_are_published_as_text(shipped_site: Path) -> None:
    for seed in (SHIPPED / "seeds").glob("*.txt"):
        published = shipped_site / "seeds" / seed.name
        assert published.read_bytes() == seed.read_bytes().replace(b"\r\n", b"\n")


def test_schemas_are_published(shipped_site: Path) -> None:
    for kind in ("briefing", "source", "entity"):
        schema = json.loads((shipped_site / "schema" / f"{kind}.schema.json").read_text("utf-8"))
        assert schema["title"].lower() == kind


def test_unrecorded_publisher_and_date_say_so(shipped_site: Path) -> None:
    for page in (shipped_site / "briefings").glob("*/index.html"):
        assert "publisher not recorded" in page.read_text("utf-8")
        assert "date not recorded" in page.read_text("utf-8")


def test_methodology_scales_are_generated(shipped_site: Path) -> None:
    html = (shipped_site / "methodology" / "index.html").read_text("utf-8")
    assert "usually reliable" in html
    assert "truth cannot be judged" in html
    assert "briefings:scales" not in html


# -- fixture archives ---------------------------------------------------------------------------

@pytest.mark.usefixtures("no_warnings")
def test_article_text_is_escaped(archive) -> None:
    site = archive.build(strict=True)
    html = (site / "briefings" / "a-test" / "index.html").read_text("utf-8")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "*stars*" in html
    assert "<em>stars</em>" not in html
    assert 'href="javascript:x"' not in html
    assert "# not a markdown heading" in html


@pytest.mark.usefixtures("no_warnings")
def test_highlight_and_note_link_each_other(archive) -> None:
    site = archive.build(strict=True)
    page = parse(site / "briefings" / "a-test" / "index.html")
    assert {"drones", "twice"} <= {m.get("id") for m in page.marks}
    assert "#_note-drones" in page.hrefs
    assert "#drones" in page.hrefs
    html = (site / "briefings" / "a-test" / "index.html").read_text("utf-8")
    assert ">C2</a>" in html  # badge: ministry (originator) C, credibility 2 — not the agency's B
    assert "corroborated by" in html
    assert "corroborates" in html
    assert check_links(site, generated_pages(site)) == []


@pytest.mark.usefixtures("no_warnings")
def test_third_article_needs_only_two_files(archive) -> None:
    archive.build(strict=True)
    archive.write("seeds/b.txt", "Another article where the agency said rain fell.\n")
    archive.write("briefings/b-test.yml", "article: b.txt\ntitle: B\nsummary: S.\nclaims:\n"
                  "  - id: rain\n    quote: rain fell\n    sources: [agency]\n    credibility: 3\n")
    site = archive.build(strict=True)
    assert (site / "briefings" / "b-test" / "index.html").is_file()
    assert "b-test/" in (site / "briefings" / "index.html").read_text("utf-8")
    assert "b-test/#rain" in (site / "sources" / "agency" / "index.html").read_text("utf-8")


@pytest.mark.usefixtures("no_warnings")
def test_paths_resolve_relative_to_mkdocs_yml(archive, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)  # not the archive folder
    site = archive.build(strict=True)
    assert (site / "briefings" / "a-test" / "index.html").is_file()


@pytest.mark.usefixtures("no_warnings")
def test_generated_pages_are_not_all_in_the_navigation(archive) -> None:
    site = archive.build(strict=True)
    home = (site / "index.html").read_text("utf-8")
    assert 'href="briefings/"' in home
    assert "a-test/" not in home  # the nav lists index pages, not every briefing


def test_builds_are_deterministic(archive, tmp_path) -> None:
    one = archive.build(site_dir=tmp_path / "one")
    two = archive.build(site_dir=tmp_path / "two")
    for rel in ("briefings/a-test/index.html", "sources/agency/index.html", "entities/region/index.html",
                "briefings/index.html", "search/search_index.json"):
        assert (one / rel).read_bytes() == (two / rel).read_bytes(), rel


@pytest.mark.usefixtures("no_warnings")
def test_hostile_title_is_safe_everywhere(archive) -> None:
    evil = '</title><script>alert(1)</script> & "q"'
    archive.write("briefings/a-test.yml", archive.root.joinpath("briefings/a-test.yml").read_text()
                  .replace("title: A test briefing", f"title: '{evil}'"))
    site = archive.build(strict=True)
    for rel in ("briefings/a-test/index.html", "briefings/index.html"):
        html = (site / rel).read_text("utf-8")
        assert "<script>alert(1)</script>" not in html, rel
    page = parse(site / "briefings" / "a-test" / "index.html")
    assert "<script>alert(1)</script>" in page.title  # shown as text in the tab
    index = (site / "search" / "search_index.json").read_text("utf-8")
    assert "<script>" not in json.loads(index)["docs"][0]["title"] + "".join(
        d["title"] for d in json.loads(index)["docs"])


# -- ProperDocs --------------------------------------------------------------------------------

def test_properdocs_builds_strict(archive, tmp_path) -> None:
    result = subprocess.run([str(BIN / "properdocs"), "build", "--strict", "-f", "mkdocs.yml", "-d",
                             str(tmp_path / "pd")], cwd=archive.root, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    assert (tmp_path / "pd" / "briefings" / "a-test" / "index.html").is_file()


def test_authoring_guide_has_the_generated_format_reference(shipped_site: Path) -> None:
    from briefing_archive.core.schemas import schema_text

    html = (shipped_site / "authoring" / "index.html").read_text("utf-8")
    reference = html[html.index('id="_reference"'):]
    for kind in ("briefing", "source", "entity"):
        schema = json.loads(schema_text(kind))
        for key in schema["properties"]:
            assert f"<code>{key}</code>" in reference, (kind, key)
    claim_keys = json.loads(schema_text("briefing"))["$defs"]["claim"]["properties"]
    assert all(f"<code>{key}</code>" in reference for key in claim_keys)
    assert "briefings:reference" not in html


def test_output_does_not_depend_on_hash_seed_or_file_order(archive, tmp_path) -> None:
    """Two builds in separate processes with different PYTHONHASHSEED give byte-identical pages and exports."""
    import os

    archive.write("briefings/sources/zeta.yml", "name: Zeta\nkind: other\nreliability: F\nnote: n\n")
    archive.write("briefings/entities/alpha.yml", "name: Alpha\nkind: place\n")
    sites = []
    for seed in ("1", "4242"):
        out = tmp_path / f"site-{seed}"
        result = subprocess.run([str(BIN / "mkdocs"), "build", "--strict", "-d", str(out)], cwd=archive.root,
                                capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": seed}, check=False)
        assert result.returncode == 0, result.stderr
        sites.append(out)
    ours = ("briefings", "sources", "entities", "figures", "timeline", "relations", "tags", "methodology", "schema",
            "claims", "assets")
    files = sorted(p.relative_to(sites[0]) for p in sites[0].rglob("*")
                   if p.is_file() and (p.parts[len(sites[0].parts)] in ours or p.name in (
                       "annotations.jsonld", "archive.json", "feed.xml", "stix.json", "search_index.json")))
    assert len(files) > 15
    for rel in files:
        assert (sites[0] / rel).read_bytes() == (sites[1] / rel).read_bytes(), rel
