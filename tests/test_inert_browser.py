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
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

import test_browser
from test_browser import axe_violations, search, serious, served
from test_zensical_browser import served_zensical

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
def zensical_url(tmp_path_factory):
    yield from served_zensical(payload_archive(tmp_path_factory.mktemp("inert-zensical") / "archive").root)


#: Every element that may carry author text and that a reader can point at or reach by keyboard.
CARRIERS = ("[data-bx-tip], [title], mark, abbr, a[href], summary, label, .md-ellipsis, .md-content h1, "
            ".md-content h2, .md-content h3, .md-content td, .md-content li, .md-search-result__item")
#: In the page: every carrier pointed at and, when it takes focus, focused; each of the archive's tooltips read as
#: it opens (its text must be the element's data-bx-tip, as text), closed with Escape; then every carrier pointed
#: at together for longer than the theme's tooltips wait. Returns what was done and what went wrong.
EXERCISE = """async (selector) => {
  const done = {hovered: 0, focused: 0, tooltips: 0, wrong: []};
  const box = () => document.querySelector('.bx-tooltip');
  const shown = () => { const t = box(); return t && !t.hidden ? t.textContent : null; };
  const say = (what, e) => done.wrong.push([what, e.outerHTML.slice(0, 100), shown()]);
  const mouse = (e, type) => e.dispatchEvent(new MouseEvent(type, {bubbles: type.startsWith('mouseo')}));
  const els = [...document.querySelectorAll(selector)].filter(e => e.getClientRects().length);
  for (const e of els) {
    const carrier = e.closest('[data-bx-tip]'), tip = carrier && carrier.getAttribute('data-bx-tip');
    mouse(e, 'mouseover'); mouse(e, 'mouseenter'); done.hovered++;
    if (tip !== null) { done.tooltips++; if (shown() !== tip) say('hover', e); }
    if (e.tabIndex >= 0 && !e.closest('[hidden]')) {
      e.focus(); done.focused++;
      if (tip !== null && document.activeElement === e) {
        if (shown() !== tip || carrier.getAttribute('aria-describedby') !== box().id) say('focus', e);
        e.dispatchEvent(new KeyboardEvent('keydown', {key: 'Escape', bubbles: true}));
        if (shown() !== null) say('escape', e);
      }
      e.blur();
    }
    mouse(e, 'mouseout'); mouse(e, 'mouseleave');
  }
  els.forEach(e => mouse(e, 'mouseenter'));
  await new Promise(r => setTimeout(r, 700));
  els.forEach(e => mouse(e, 'mouseleave'));
  return done;
}"""


def exercise(page: Page) -> dict:
    return page.evaluate(EXERCISE, CARRIERS)


def assert_inert(kind: str, page: Page) -> None:
    page.wait_for_timeout(150)   # an image's error event comes a moment after the image
    assert page.evaluate("window.__pwned") is None, kind
    assert page.evaluate("window.__live") == [], kind
    # no author text is left in a title the theme could read
    assert page.evaluate("[...document.querySelectorAll('.md-content [title]')]"
                         ".filter(e => e.title.includes('__pwned')).map(e => e.outerHTML.slice(0, 80))") == [], kind


def open_all(browser, url: str, kinds: dict[str, str]) -> dict[str, Page]:
    """The pages, each in its own context watched from its start, loading at once; returned when all are idle."""
    pages = {}
    for kind, path in kinds.items():
        context = browser.new_context(color_scheme="light")
        context.add_init_script(WATCH)
        page = context.new_page()
        page.on("dialog", lambda d: d.dismiss())
        page.goto(url + path, wait_until="commit")
        pages[kind] = page
    for page in pages.values():
        page.wait_for_load_state("networkidle")
    return pages


def exercise_site(browser, url: str, kinds: dict[str, str] = KINDS) -> dict[str, dict]:
    pages = open_all(browser, url, kinds)
    done = {}
    try:
        for kind, page in pages.items():
            assert page.evaluate("window.__live") == [], kind   # nothing live before any interaction
            # scrolled past the first heading, the header shows the page's title (the theme gives it a title
            # when it is cut short)
            page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
            page.wait_for_timeout(250)
            done[kind] = exercise(page)
            assert done[kind]["wrong"] == [], (kind, done[kind]["wrong"])
            if kind == "claims":
                use_the_explorer(page)
            assert_inert(kind, page)
    finally:
        for page in pages.values():
            page.context.close()
    return done


def use_the_explorer(page: Page) -> None:
    """The claims explorer: a word of the payloads typed in its search, then every filter ticked and unticked."""
    page.locator(".bx-explorer-form input[type=search]").first.fill("Zorblat")
    page.evaluate("""() => { document.querySelectorAll('details.bx-facet').forEach(d => { d.open = true; });
        for (const box of document.querySelectorAll('details.bx-facet input[type=checkbox]')) {
          box.click(); box.click(); } }""")
    assert page.locator("table tbody tr").count() > 0
    assert exercise(page)["wrong"] == []


def real_hover_and_keyboard(page: Page) -> None:
    """A reader's own pointer and keyboard (not events sent by a script) on the quote and its badge."""
    mark = page.locator("mark#evil")
    mark.hover()
    page.wait_for_selector(".bx-tooltip:not([hidden])")
    shown = page.inner_text(".bx-tooltip")
    assert shown == mark.get_attribute("data-bx-tip")
    assert IMG in shown
    assert shown.startswith("C3")
    assert serious(axe_violations({"open tooltip": page})) == {}   # the page with the tooltip open
    page.mouse.move(0, 0)
    page.wait_for_selector(".bx-tooltip[hidden]", state="attached")
    badge = page.locator("a.bx-ref[href='#_note-evil']")
    badge.focus()
    assert page.inner_text(".bx-tooltip:not([hidden])") == badge.get_attribute("data-bx-tip")
    assert badge.get_attribute("aria-describedby") == "bx-tooltip"
    page.keyboard.press("Escape")
    assert page.locator(".bx-tooltip").is_hidden()
    assert badge.get_attribute("aria-describedby") is None


@pytest.fixture(scope="module")
def mkdocs_site(tmp_path_factory):
    """The payload archive built by MkDocs for the address it is served at, and its offline copy."""
    root = payload_archive(tmp_path_factory.mktemp("inert") / "archive").root

    def build(url: str) -> None:
        os.environ["SITE_URL"] = url
        try:
            Archive(root).build(strict=True)
        finally:
            del os.environ["SITE_URL"]
        Archive(root).build(strict=True, site_dir=root / "site-offline", offline=True)
    with served(root / "site", build) as url:
        yield url, root / "site-offline"


def test_mkdocs_site_keeps_author_text_inert(browser, mkdocs_site) -> None:
    url, _ = mkdocs_site
    done = exercise_site(browser, url)
    assert done["briefing"]["tooltips"] >= 10, done["briefing"]
    assert done["briefing"]["focused"] >= 5, done["briefing"]
    assert all(d["hovered"] > 5 for d in done.values()), done
    page = open_all(browser, url, {"briefing": KINDS["briefing"]})["briefing"]
    real_hover_and_keyboard(page)
    hrefs = search(page, "Zorblat")
    assert hrefs, "the search finds the payloads' word"
    assert exercise(page)["wrong"] == []
    assert_inert("search", page)
    page.context.close()


def test_offline_copy_keeps_author_text_inert(browser, mkdocs_site) -> None:
    _, offline = mkdocs_site
    kinds = {k: f"{p.rstrip('/')}.html" if (offline / f"{p.rstrip('/')}.html").is_file() else f"{p}index.html"
             for k, p in KINDS.items() if k in ("briefing", "source", "entity", "claims")}
    done = exercise_site(browser, offline.as_uri() + "/", kinds)
    assert done["briefing"]["tooltips"] >= 10, done
    page = open_all(browser, offline.as_uri() + "/", {"briefing": kinds["briefing"]})["briefing"]
    real_hover_and_keyboard(page)
    page.context.close()


def test_zensical_site_keeps_author_text_inert(browser, zensical_url) -> None:
    done = exercise_site(browser, zensical_url)
    assert done["briefing"]["tooltips"] >= 10, done["briefing"]
    assert done["briefing"]["focused"] >= 5, done["briefing"]
    page = open_all(browser, zensical_url, {"briefing": KINDS["briefing"]})["briefing"]
    real_hover_and_keyboard(page)
    page.click("button.md-search__button")
    page.locator("dialog[aria-label='Search'] input").press_sequentially("Zorblat", delay=20)
    page.locator("dialog[aria-label='Search'] a").first.wait_for()
    page.wait_for_timeout(300)
    assert_inert("search", page)
    page.context.close()
