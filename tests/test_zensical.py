"""The same archive built with Zensical (`make zensical`): real builds of the shipped archive, a fixture and the
payloads, asserting on the built HTML, and the same main content as the MkDocs build, page for page."""
from __future__ import annotations

import gzip
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from briefing_archive.core.search import SEPARATOR
from briefing_archive.load.siteconfig import Tagged, read_site_config, site_options
from briefing_archive.render.fragments import GENERATED
from briefing_archive.zensical.config import config_text, zensical_config
from briefing_archive.zensical.search import fit_search
from test_build import check_links, parse
from test_generate import add_markdown_syntax, dom
from test_payloads import PAYLOAD, hostile_archive, live_markup

from conftest import BRIEFING, REPO, SHIPPED, Archive, build_zensical, copy_shipped, write_fixture

BIN = Path(sys.executable).parent
NOTE_ONLY = "quodlibet"   # a word the fixture has in a claim's note and nowhere else


def built(root: Path) -> Path:
    result = build_zensical(root)
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site-zensical"


@pytest.fixture(scope="module")
def zensical_shipped(tmp_path_factory) -> Path:
    return built(copy_shipped(tmp_path_factory.mktemp("zensical") / "archive").root)


@pytest.fixture(scope="module")
def zensical_fixture(tmp_path_factory) -> Path:
    a = write_fixture(Archive(tmp_path_factory.mktemp("zensical-fixture")))
    a.write("briefings/a-test.yml", BRIEFING.replace("Probably true;", f"Probably true ({NOTE_ONLY});"))
    return built(a.root)


@pytest.fixture(scope="module")
def zensical_hostile(tmp_path_factory) -> Path:
    return built(add_markdown_syntax(hostile_archive(tmp_path_factory.mktemp("zensical-hostile"))).root)


@pytest.mark.slow
def test_the_same_pages_as_mkdocs_with_the_payloads(zensical_hostile: Path) -> None:
    """Hostile text, fences, a snippet include and tabs in author text: the same page under both engines (to a
    browser: a line that starts with author text starts with a character reference in the generated Markdown)."""
    mkdocs = Archive(zensical_hostile.parent).build(strict=True)
    pages = sorted(p.relative_to(mkdocs).as_posix() for p in mkdocs.rglob("*.html") if p.name != "404.html")
    assert "briefings/b-fence/index.html" in pages
    differ = [path for path in pages
              if dom(main_content(mkdocs / path)) != dom(main_content(zensical_hostile / path))]
    assert differ == []


def main_content(page: Path) -> str:
    """The page's article, theme chrome aside: what both engines must publish alike."""
    html = page.read_text("utf-8")
    found = re.search(r'<article class="md-content__inner md-typeset"[^>]*>(.*?)</article>', html, re.DOTALL)
    assert found, page
    text = found.group(1).replace('<a id="__skip" tabindex="-1"></a>', "")   # Zensical's skip-link target
    text = text.replace(" data-search-exclude", "")   # read and dropped by Zensical's search, kept by Material's
    return re.sub(r"\s*\n\s*", "\n", text).strip()


# -- the shipped archive ----------------------------------------------------------------------------------------

def _yaml(folder: str) -> dict[str, dict]:
    return {p.stem: yaml.safe_load(p.read_text("utf-8")) for p in sorted((SHIPPED / folder).glob("*.yml"))}


@pytest.mark.slow
def test_every_briefing_source_and_entity_has_a_page(zensical_shipped: Path) -> None:
    for kind, folder in (("briefings", "briefings"), ("sources", "briefings/sources"),
                         ("entities", "briefings/entities")):
        for ident in _yaml(folder):
            assert (zensical_shipped / kind / ident / "index.html").is_file(), (kind, ident)
        assert (zensical_shipped / kind / "index.html").is_file()
    for path in ("claims", "compare", "figures", "timeline", "relations", "tags", "methodology", "authoring"):
        assert (zensical_shipped / path / "index.html").is_file(), path


@pytest.mark.slow
def test_every_claim_permalink_is_on_its_quote_with_badges_guide_and_bottom_line(zensical_shipped: Path) -> None:
    for bid, data in _yaml("briefings").items():
        path = zensical_shipped / "briefings" / bid / "index.html"
        page = parse(path)
        marks = {m.get("id") for m in page.marks}
        for claim in data.get("claims") or ():
            assert claim["id"] in marks, (bid, claim["id"])
            assert f"_note-{claim['id']}" in page.ids
        html = path.read_text("utf-8")
        assert 'id="_bottom-line"' in html
        assert "bx-guide" in html
        assert 'class="bx-badge' in html
        assert "assets/briefings/briefings.css" in html
        assert "assets/briefings/briefings.js" in html


@pytest.mark.slow
def test_every_cross_link_resolves_inside_the_site(zensical_shipped: Path) -> None:
    pages = sorted(p for p in zensical_shipped.rglob("*.html") if p.name != "404.html")
    assert len(pages) > 40
    assert check_links(zensical_shipped, pages) == []
    root = zensical_shipped.resolve()
    for page in pages:   # and none climbs above the site's folder (a browser clamps it at a host's root)
        for href in parse(page).hrefs:
            if not re.match(r"[a-z]+:|#|\?", href):
                assert (page.parent / href.split("#")[0].split("?")[0]).resolve().is_relative_to(root), (page, href)


@pytest.mark.slow
def test_the_pages_ask_no_other_host_for_anything(zensical_shipped: Path) -> None:
    """No web fonts (mkdocs.yml's `font: false` reaches Zensical), no CDN script or stylesheet."""
    for page in zensical_shipped.rglob("*.html"):
        html = page.read_text("utf-8")
        assert "fonts.googleapis" not in html, page
        assert "fonts.gstatic" not in html, page
        loads = re.findall(r'<(?:script|img|iframe)[^>]*\ssrc="([^"]*)"|<link[^>]*\shref="([^"]*)"', html)
        remote = [u for pair in loads for u in pair if re.match(r"(https?:)?//", u)]
        canonical = re.findall(r'<link rel="canonical" href="([^"]*)"', html)
        assert set(remote) <= set(canonical), (page, remote)
    for css in zensical_shipped.rglob("*.css"):
        assert not re.search(r"url\(\s*['\"]?(https?:)?//|@import", css.read_text("utf-8")), css


@pytest.mark.slow
def test_the_same_pages_as_mkdocs(zensical_shipped: Path, shipped_site: Path) -> None:
    """Article text, claims, ids, badges and links of every page alike, the hand-written pages too (mkdocs.yml's
    extensions reach both engines, fenced blocks in list items included): the engines differ only in their themes."""
    pages = sorted(p.relative_to(shipped_site).as_posix() for p in shipped_site.rglob("*.html")
                   if p.name != "404.html")
    assert len(pages) > 40
    differ = [path for path in pages if main_content(shipped_site / path) != main_content(zensical_shipped / path)]
    assert differ == []
    assert {p.relative_to(zensical_shipped).as_posix() for p in zensical_shipped.rglob("*.html")} >= set(pages)
    for data in ("archive.json", "annotations.jsonld", "feed.xml", "stix.json", "claims/claims-data.js"):
        found = list(shipped_site.glob(data))
        assert [f.read_bytes() for f in found] == [(zensical_shipped / data).read_bytes() for _ in found], data


@pytest.mark.slow
def test_zensical_search_holds_the_pages(zensical_shipped: Path) -> None:
    index = json.loads((zensical_shipped / "search.json").read_text("utf-8"))
    assert index["config"]["separator"] == SEPARATOR
    text = " ".join(item["text"] for item in index["items"]).lower()
    assert "myropillya" in text
    assert "baseline" in text
    # what the MkDocs build leaves out of its search (bottom line, reading guide), Zensical leaves out too
    briefings = " ".join(i["text"] for i in index["items"] if re.match(r"briefings/[a-z0-9-]+/", i["location"]))
    assert briefings
    assert "computed from the grades" not in briefings
    assert "Reading guide" not in briefings


# -- a fixture, the payloads, a failed check ------------------------------------------------------------------

@pytest.mark.slow
def test_a_fixture_archive_builds_with_its_search(zensical_fixture: Path) -> None:
    html = (zensical_fixture / "briefings" / "a-test" / "index.html").read_text("utf-8")
    assert 'id="drones"' in html
    assert 'id="twice"' in html
    assert 'id="_bottom-line"' in html
    assert "bx-guide" in html
    assert 'class="bx-badge' in html
    assert (zensical_fixture / "sources" / "agency" / "index.html").is_file()
    assert (zensical_fixture / "entities" / "region" / "index.html").is_file()
    text = " ".join(i["text"] for i in json.loads((zensical_fixture / "search.json").read_text("utf-8"))["items"])
    assert "Friday" in text
    assert NOTE_ONLY in text


@pytest.mark.slow
def test_no_payload_is_live_in_any_page_or_in_the_search_data(zensical_hostile: Path) -> None:
    pages = sorted(zensical_hostile.rglob("*.html"))
    assert len(pages) > 10
    found = {p.relative_to(zensical_hostile).as_posix(): live_markup(p.read_text("utf-8")) for p in pages}
    assert {k: v for k, v in found.items() if v} == {}
    for item in json.loads((zensical_hostile / "search.json").read_text("utf-8"))["items"]:
        assert live_markup(item["title"]) == [], item["location"]
        assert live_markup(item["text"]) == [], item["location"]
        assert "<script" not in item["title"] + item["text"]
    html = (zensical_hostile / "briefings" / "a-test" / "index.html").read_text("utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert PAYLOAD not in html


@pytest.mark.slow
def test_markdown_syntax_in_author_text_stays_text(zensical_hostile: Path) -> None:
    """Fences and a snippet include in an article and a note: shown as written, never run by an extension."""
    html = (zensical_hostile / "briefings" / "b-fence" / "index.html").read_text("utf-8")
    assert "root:" not in html                                   # /etc/passwd was never included
    assert 'class="highlight"' not in html                        # no fence became a code block of Zensical's
    assert "&lt;script&gt;alert(30)&lt;/script&gt;" in html       # the article's line, as text
    assert "&lt;script&gt;alert(31)&lt;/script&gt;" in html       # the note's, in the note's own code block
    assert live_markup(html) == []


@pytest.mark.slow
def test_a_failed_check_keeps_the_last_good_site(tmp_path: Path) -> None:
    a = write_fixture(Archive(tmp_path / "archive"))
    site = built(a.root)
    before = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    a.write("briefings/sources/agency.yml", "name: A\nkind: news-outlet\nreliabilty: B\nnote: n\n")
    result = build_zensical(a.root)
    assert result.returncode == 1
    assert "unknown key 'reliabilty'" in result.stdout
    assert "the last good site-zensical/ was kept" in result.stderr
    assert {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()} == before
    assert not list(a.root.glob(".site-zensical.tmp.*"))


# -- the derived config ---------------------------------------------------------------------------------------

def test_the_derived_config_is_mkdocs_yml_without_the_plugin(monkeypatch) -> None:
    monkeypatch.setenv("SITE_URL", "https://example.org/archive/")
    mkdocs = read_site_config(REPO / "mkdocs.yml")
    config = zensical_config(mkdocs, "docs", "site", {"methodology.md", "briefings/index.md"})
    assert config["site_url"] == "https://example.org/archive/"           # !ENV read as MkDocs reads it
    assert config["plugins"] == [{"search": {"separator": SEPARATOR}}]     # no briefings, no offline
    assert config["theme"]["font"] is False
    assert config["theme"]["palette"] == mkdocs["theme"]["palette"]
    assert config["theme"]["variant"] == "classic"                         # Material's look, unless chosen
    assert "attr_list" in config["markdown_extensions"]
    assert config["nav"] == mkdocs["nav"]
    assert config["markdown_extensions"][-1] == "briefing_archive.zensical.rawblocks"
    assert config["extra_css"] == ["assets/briefings/briefings.css"]
    assert config["extra_javascript"] == ["assets/briefings/briefings.js"]
    assert (config["docs_dir"], config["site_dir"]) == ("docs", "site")
    assert yaml.safe_load(config_text(config))["plugins"] == config["plugins"]


def test_the_derived_config_keeps_other_settings_and_tags(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: X\nsite_url: https://x.test\nplugins:\n  - search:\n      separator: '[\\s]+'\n"
        "  - briefings:\n      search: pagefind\nmarkdown_extensions:\n  - toc\n"
        "  - pymdownx.emoji:\n      emoji_generator: !!python/name:material.extensions.emoji.to_svg\n"
        "nav:\n  - A: briefings/x.md\n", encoding="utf-8")
    mkdocs = read_site_config(tmp_path / "mkdocs.yml")
    assert site_options(tmp_path / "mkdocs.yml").site_url == "https://x.test/"
    config = zensical_config(mkdocs, "docs", "site", {"briefings/x/index.md"})
    assert config["plugins"] == [{"search": {"separator": "[\\s]+"}}]   # the author's separator stands
    assert config["nav"] == [{"A": "briefings/x/index.md"}]            # a generated page where generate put it
    emoji = config["markdown_extensions"][1]["pymdownx.emoji"]["emoji_generator"]
    assert emoji == Tagged("tag:yaml.org,2002:python/name:material.extensions.emoji.to_svg", "")
    assert "!!python/name:material.extensions.emoji.to_svg" in config_text(config)


# -- sections too long for Zensical's search ------------------------------------------------------------------

def test_an_over_long_section_is_left_out_of_search_and_the_rest_kept() -> None:
    rows = "".join(f"<tr><td>Briefing {i} with a long enough title</td></tr>" for i in range(2000))
    page = (f"---\ntitle: x\n---\n{GENERATED}\n\n<p>Short intro.</p>\n\n<table>{rows}</table>\n\n"
            "## Later {#_later}\n\n<p>Kept for search.</p>\n")
    fitted, excluded = fit_search(page)
    assert excluded == 1
    assert "<table data-search-exclude>" in fitted
    assert "<p>Short intro.</p>" in fitted
    assert "<p>Kept for search.</p>" in fitted
    assert fitted.replace(" data-search-exclude", "") == page
    assert fit_search(fitted) == (fitted, 0)                 # an excluded block counts no more
    assert fit_search(page.replace(GENERATED, "")) == (page.replace(GENERATED, ""), 0)   # hand-written: as it is


def test_sections_split_at_headings_inside_blocks_too() -> None:
    half = "<p>" + "word " * 4000 + "</p>"                    # 20 KB of text: two fit, one section each
    page = f"{GENERATED}\n\n<div>{half}<h3 id='_a'>A</h3>{half}</div>\n"
    assert fit_search(page) == (page, 0)
    assert fit_search(f"{GENERATED}\n\n<div>{half}{half}</div>\n")[1] == 1


@pytest.mark.slow
def test_make_zensical_builds_the_shipped_archive(project) -> None:
    """The Makefile's target, in a copy of the project (its .venv linked: already set up)."""
    root = project.root
    result = subprocess.run(["make", "-o", ".venv/.installed", "-o", ".venv/.installed-zensical", "zensical"],
                            cwd=root, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (root / "site-zensical" / "briefings" / "index.html").is_file()
    assert not (root / "site").exists()
    assert (root / ".zensical" / "mkdocs.yml").read_text("utf-8").startswith("# Derived from mkdocs.yml")


@pytest.mark.slow
def test_a_default_zensical_build_publishes_no_loopback_address(tmp_path) -> None:
    """As with MkDocs (format v1.2): mkdocs.yml's default site_url is this machine's, which no published file names."""
    root = copy_shipped(tmp_path / "z").root
    done = build_zensical(root, SITE_URL="http://127.0.0.1:8000/")
    assert done.returncode == 0, done.stderr[-3000:]
    site = root / "site-zensical"
    assert (site / "index.html").is_file()
    assert (site / "archive.json").is_file()
    named = [p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()
             and re.search(rb"127\.0\.0\.1|localhost|\[::1\]", p.read_bytes() if p.suffix != ".gz"
                           else gzip.decompress(p.read_bytes()))]
    assert named == [], named
