"""Author text stays inert in a real browser, whatever the theme's and the archive's scripts do with it (issue 22,
R1): payloads that would set ``window.__pwned`` in every text field, and on every page kind each element that
carries author text is hovered and focused, each tooltip opened and read, a search run and the claims explorer's
filters used; the flag stays unset and no element or handler from a payload ever enters the page.

Run on the MkDocs build (with Material's ``content.tooltips`` asked for in mkdocs.yml, which builds tooltips
from titles as HTML: the plugin keeps it off), on the offline copy (one page, from file://) and on the Zensical
build. One build per engine; the pages of a build are opened at once."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

import test_browser
from test_browser import served

from conftest import PAGES, REPO, Archive

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.browser
browser, _browser_present = test_browser.browser, test_browser._browser_present   # the fixtures: one definition

FLAG = "window.__pwned=1"
IMG = f'<img src=x onerror="{FLAG}">'
SVG = f'"><svg onload={FLAG}>'
LINE = f"Zorblat {IMG} {SVG} '><img src=x onerror={FLAG}> javascript:{FLAG}"   # one-line fields
PROSE = (f"{LINE} [x](javascript:{FLAG}) <a href=\"javascript:{FLAG}\">y</a> "
         f"[z](https://example.test/ \"{IMG}\") [](b-two#echo) [](a-test)")     # Markdown fields
#: The article: its quotes are anchored, so the payloads are in the seed.
SEED = (f"Zorblat headline {IMG}\n"
        f"The agency said {IMG} {SVG} happened and then much more text followed here.\n"
        "It is important to approach all wartime information with caution, the agency reportedly said.\n"
        "Officials said 40 drones were shot down on Friday.\n")
#: Every page kind of the site; the two briefings, both sources and the entity.
KINDS = {**PAGES, "briefing": "briefings/a-test/", "other": "briefings/b-two/", "source": "sources/agency/",
         "ministry": "sources/ministry/", "entity": "entities/region/", "entities": "entities/", "tag": "tags/x/"}
#: Records, from before the page's first script, every element that enters the page with a handler or a
#: script URL (the theme's tooltips build theirs detached, then append them: this sees them too).
WATCH = """
window.__live = [];
new MutationObserver(records => { for (const r of records) for (const n of r.addedNodes) {
  if (n.nodeType !== 1) continue;
  for (const e of [n, ...n.querySelectorAll('*')]) {
    for (const a of e.attributes) {
      if (/^on/i.test(a.name) || /^\\s*(javascript|data|vbscript):/i.test(a.value) && /href|src|action/i.test(a.name))
        window.__live.push(e.tagName + ' ' + a.name + '=' + a.value.slice(0, 40));
    }
  }
}}).observe(document, {childList: true, subtree: true, attributes: false});
"""


def yq(text: str) -> str:
    return json.dumps(text)


def payload_archive(root: Path) -> Archive:
    """The payloads in every text field of two briefings, two sources, an entity and a lexicon, with the
    project's mkdocs.yml and docs, and Material's content.tooltips asked for."""
    a = Archive(root)
    shutil.copytree(REPO / "docs", root / "docs")
    config = (REPO / "mkdocs.yml").read_text("utf-8")
    if "content.tooltips" not in config:
        config = config.replace("  features:\n", "  features:\n    - content.tooltips\n")
    a.write("mkdocs.yml", config.replace("      briefings_dir: briefings\n",
                                         "      briefings_dir: briefings\n      lexicon: lexicon.yml\n"))
    a.write("lexicon.yml", f"name: {yq(LINE)}\nterms:\n  - label: {yq(LINE)}\n    range: {yq(LINE)}\n"
                           f"    forms: [happened]\nhedges:\n  meaning: {yq(LINE)}\n  forms: [reportedly]\n")
    a.write("seeds/a.txt", SEED)
    a.write("seeds/b.txt", "Officials said 40 drones were shot down on Friday, and more.\n")
    a.write("briefings/a-test.yml", "\n".join([
        "article: a.txt", f"title: {yq(LINE + ' ' + 'a long title that the header cuts short ' * 3)}",
        "published: 2025-01-02", f"summary: {yq(PROSE)}", "tags: [x]",
        "warnings:", "  - quote: approach all wartime information with caution", f"    note: {yq(PROSE)}",
        "claims:",
        "  - id: evil", f"    quote: {yq(IMG + ' ' + SVG + ' happened')}", "    prefix: The agency said",
        "    sources: [agency, ministry]", "    credibility: 3", f"    note: {yq(PROSE)}",
        f"    background: {yq(PROSE)}", "    entities: [region]", "    date: 2025-01",
        f"    figures: [{{metric: m, value: 1, unit: {yq(LINE)}}}]",
        "  - id: drones", "    quote: 40 drones were shot down", "    sources: [ministry]", "    credibility: 3",
        f"    note: {yq(PROSE)}", "    date: 2025-01", "    figures: [{metric: m, value: 40, unit: drones}]",
        "    relations: [{echoes: a-test#evil}]",
    ]) + "\n")
    a.write("briefings/b-two.yml", "\n".join([
        "article: b.txt", f"title: {yq(LINE)}", f"summary: {yq(PROSE)}", "tags: [x]", "claims:",
        "  - id: echo", "    quote: 40 drones were shot down", "    sources: [agency]", "    credibility: 4",
        f"    note: {yq(PROSE)}", "    entities: [region]", "    date: 2025-01",
        "    figures: [{metric: m, value: 4, unit: drones}]",
        "    relations: [{contradicts: a-test#drones}]",
    ]) + "\n")
    a.write("briefings/sources/agency.yml", f"name: {yq(LINE)}\nkind: news-outlet\nreliability: B\n"
                                            f"party: {yq(LINE)}\nnote: {yq(PROSE)}\nbackground: {yq(PROSE)}\n"
                                            f"url: 'https://example.test/\"><svg/onload={FLAG}>'\n"
                                            f"depends_on: [{{source: ministry, basis: background, note: {yq(PROSE)}}}]\n")
    a.write("briefings/sources/ministry.yml", f"name: {yq('Ministry ' + LINE)}\nkind: government\nreliability: C\n"
                                              f"party: {yq(LINE)}\nnote: {yq(PROSE)}\n")
    a.write("briefings/entities/region.yml", f"name: {yq(LINE)}\nkind: place\naliases: [{yq('Zorblat ' + IMG)}]\n"
                                             f"note: {yq(PROSE)}\nbackground: {yq(PROSE)}\n")
    return a


def built_with(env: dict[str, str]) -> dict[str, str]:
    return {**os.environ, **env}


@pytest.fixture(scope="module")
def mkdocs_url(tmp_path_factory):
    root = payload_archive(tmp_path_factory.mktemp("inert") / "archive").root

    def build(url: str) -> None:
        os.environ["SITE_URL"] = url
        try:
            Archive(root).build(strict=True)
        finally:
            del os.environ["SITE_URL"]
    with served(root / "site", build) as url:
        yield url


@pytest.fixture(scope="module")
def zensical_url(tmp_path_factory):
    root = payload_archive(tmp_path_factory.mktemp("inert-zensical") / "archive").root

    def build(url: str) -> None:
        result = subprocess.run([sys.executable, str(REPO / "scripts" / "build_zensical.py"), "--zensical",
                                 str(Path(sys.executable).parent / "zensical")], cwd=root, capture_output=True,
                                text=True, check=False, env=built_with({"SITE_URL": url}))
        assert result.returncode == 0, result.stdout + result.stderr
    with served(root / "site-zensical", build) as url:
        yield url


#: Every element that may carry author text and that a reader can point at or reach by keyboard.
CARRIERS = ("[data-bx-tip], [title], mark, abbr, a[href], summary, .md-ellipsis, .md-content h1, "
            ".md-content h2, .md-content h3, .md-content td, .md-content li")


def tooltip_of(page: Page) -> str | None:
    """The text of the archive's open tooltip, or None when none is open."""
    return page.evaluate("""() => { const t = document.querySelector('.bx-tooltip');
        return t && !t.hidden ? t.textContent : null; }""")


def exercise(page: Page) -> dict[str, int]:
    """Hover and focus every carrier of author text on the page (really, as a reader's pointer and keyboard
    do), and check each of the archive's tooltips as it opens: its text is the element's tip, as text. The
    counts of what was done."""
    done = {"hovered": 0, "focused": 0, "tooltips": 0}
    carriers = page.locator(CARRIERS)
    for i in range(carriers.count()):
        el = carriers.nth(i)
        if not el.is_visible():
            continue
        tip = el.get_attribute("data-bx-tip")
        try:
            el.hover(timeout=1000)
        except Exception:   # covered by another element (a sticky header): what a reader cannot point at
            pass
        else:
            done["hovered"] += 1
            if tip is not None:
                page.wait_for_function("() => { const t = document.querySelector('.bx-tooltip');"
                                       " return t && !t.hidden; }", timeout=2000)
                assert tooltip_of(page) == tip
                done["tooltips"] += 1
        if el.evaluate("e => e.tabIndex >= 0 && !e.closest('[inert]')"):
            el.focus()
            done["focused"] += 1
            if tip is not None:
                page.wait_for_function("() => { const t = document.querySelector('.bx-tooltip');"
                                       " return t && !t.hidden; }", timeout=2000)
                assert tooltip_of(page) == tip
                assert el.get_attribute("aria-describedby") == page.evaluate(
                    "document.querySelector('.bx-tooltip').id")
                page.keyboard.press("Escape")
                assert tooltip_of(page) is None
            el.evaluate("e => e.blur()")
    page.mouse.move(0, 0)
    return done


def assert_inert(kind: str, page: Page) -> None:
    page.wait_for_timeout(200)   # an image's error event comes a moment after the image
    assert page.evaluate("window.__pwned") is None, kind
    assert page.evaluate("window.__live") == [], kind
    # no author text is left in a title the theme could read
    assert page.evaluate("[...document.querySelectorAll('.md-content [title]')]"
                         ".filter(e => e.title.includes('__pwned')).map(e => e.outerHTML.slice(0, 80))") == [], kind


def open_all(browser, url: str) -> dict[str, Page]:
    pages = {}
    for kind, path in KINDS.items():
        context = browser.new_context(color_scheme="light")
        context.add_init_script(WATCH)
        page = context.new_page()
        page.on("dialog", lambda d: d.dismiss())
        page.goto(url + path, wait_until="commit")
        pages[kind] = page
    for page in pages.values():
        page.wait_for_load_state("networkidle")
    return pages


def exercise_site(browser, url: str) -> dict[str, dict[str, int]]:
    pages = open_all(browser, url)
    done = {}
    try:
        for kind, page in pages.items():
            assert page.evaluate("window.__live") == [], kind   # nothing live before any interaction
            done[kind] = exercise(page)
            assert_inert(kind, page)
    finally:
        for page in pages.values():
            page.context.close()
    return done


def test_mkdocs_site_keeps_author_text_inert(browser, mkdocs_url) -> None:
    done = exercise_site(browser, mkdocs_url)
    assert done["briefing"]["tooltips"] >= 8 and done["briefing"]["focused"] >= 4, done
    assert sum(d["hovered"] for d in done.values()) > 100, done
