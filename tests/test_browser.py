"""The reader's view in a real browser: Debian's Chromium driven by Playwright against the built site
served on 127.0.0.1. Search, highlights, permalinks, navigation, accessibility (axe-core), phone width,
dark mode, print, and no request to any other host. Screenshots are taken by `make screenshots`
(scripts/screenshots.py), not here.

Every test here is marked ``browser``. Without Chromium, axe-core or Playwright they are skipped, with
the reason, so a plain ``pytest`` works anywhere; ``make test`` sets BRIEFINGS_REQUIRE_BROWSER=1 (and
installs both), and there a missing piece fails every test of this module instead."""
from __future__ import annotations

import importlib.util
import json
import os
import re
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pytest
import yaml

from conftest import B000, B003, CHROMIUM_FLAGS, PAGES, REPO, SHIPPED, Archive, copy_shipped

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.browser

# The two paths may be pointed elsewhere (tests/test_browser_gate.py points them at nothing).
CHROMIUM = os.environ.get("BRIEFINGS_CHROMIUM", "/usr/bin/chromium")
AXE = Path(os.environ.get("BRIEFINGS_AXE", REPO / "node_modules" / "axe-core" / "axe.min.js"))
REQUIRE = os.environ.get("BRIEFINGS_REQUIRE_BROWSER", "") not in ("", "0")
ARTIFACTS = REPO / "tests" / "artifacts"
AXE_PAGES = ("home", "briefing", "source", "entity", "ledger", "timeline", "methodology")


def _missing() -> list[str]:
    """What the browser tests need and this machine lacks (playwright is only looked up, not imported)."""
    missing = []
    if not Path(CHROMIUM).exists():
        missing.append(f"Debian's chromium ({CHROMIUM})")
    if not AXE.exists():
        missing.append(f"axe-core ({AXE})")
    if importlib.util.find_spec("playwright") is None:
        missing.append("the playwright Python package")
    return missing


MISSING = _missing()
WHY = (f"browser tests need {', '.join(MISSING)}: run `make test`, which installs chromium (apt) and "
       "axe-core (npm ci) and runs them" if MISSING else "")
if MISSING and not REQUIRE:
    pytest.skip(WHY, allow_module_level=True)


@pytest.fixture(scope="module", autouse=True)
def _browser_present() -> None:
    """Under `make test` (BRIEFINGS_REQUIRE_BROWSER=1) a missing browser fails the tests, never skips them."""
    if MISSING:
        pytest.fail(WHY + " (BRIEFINGS_REQUIRE_BROWSER is set: failing instead of skipping)", pytrace=False)


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@contextmanager
def served(site: Path, build: Callable[[str], None]) -> Iterator[str]:
    """``site`` served on 127.0.0.1 (a free port) once ``build(url)`` has built it for that address."""
    site.mkdir()
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(site)))
    url = f"http://127.0.0.1:{server.server_port}/"
    build(url)
    # a build may swap in a new folder at the same path: serve that one
    server.RequestHandlerClass = partial(_Quiet, directory=str(site))   # type: ignore[assignment]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield url
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    root = copy_shipped(tmp_path_factory.mktemp("browser") / "archive").root

    def build(url: str) -> None:
        os.environ["SITE_URL"] = url            # read by mkdocs.yml's !ENV, so the site's own links are local
        try:
            Archive(root).build(strict=True)
        finally:
            del os.environ["SITE_URL"]
    with served(root / "site", build) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield b
        b.close()


class Watch:
    """Everything a page asked for, failed at, or complained about."""

    def __init__(self, page: Page) -> None:
        self.requests: list[str] = []
        self.failed: list[str] = []
        self.errors: list[str] = []
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("requestfailed", lambda r: self.failed.append(f"{r.url} {r.failure}"))
        page.on("response", lambda r: self.failed.append(f"{r.url} {r.status}") if r.status >= 400 else None)
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))


def open_page(browser, base_url: str, path: str, **context) -> tuple[Page, Watch]:
    ctx = browser.new_context(**context)
    page = ctx.new_page()
    watch = Watch(page)
    page.goto(base_url + path, wait_until="networkidle")
    return page, watch


def open_pages(browser, base_url: str, paths: Iterable[str], **context) -> list[tuple[Page, Watch]]:
    """Each path in its own context, all loading at once; returned once every one is idle. The same pages as
    :func:`open_page` opens one by one, but their half-second waits for an idle network overlap."""
    opened = []
    for path in paths:
        page = browser.new_context(**context).new_page()
        opened.append((page, Watch(page)))
        page.goto(base_url + path, wait_until="commit")
    for page, _ in opened:
        page.wait_for_load_state("networkidle")
    return opened


def every_page_kind(browser, base_url: str) -> Iterator[dict[str, tuple[Page, Watch]]]:
    """Each page kind opened once in the light scheme, for the tests that only read them (closed after)."""
    opened = dict(zip(PAGES, open_pages(browser, base_url, PAGES.values(), color_scheme="light"), strict=True))
    yield opened
    for page, _ in opened.values():
        page.context.close()


def hosts_of(opened: dict[str, tuple[Page, Watch]]) -> set[str]:
    """The hosts the pages asked for anything (none of them may log an error or fail a request)."""
    hosts = set()
    for kind, (_, watch) in opened.items():
        assert watch.errors == [], (kind, watch.errors)
        assert watch.failed == [], (kind, watch.failed)
        hosts |= {urlsplit(u).netloc for u in watch.requests if not u.startswith("data:")}
    return hosts


def axe_violations(pages: dict[str, Page]) -> dict[str, list[dict]]:
    """axe-core's violations on each page, by page kind."""
    results = {}
    for kind, page in pages.items():
        page.add_script_tag(path=str(AXE))
        results[kind] = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']}))"
                                      ".violations.map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.length,"
                                      " target: v.nodes[0].target.join(' ')}))")
    return results


def serious(results: dict[str, list[dict]]) -> dict[str, list[dict]]:
    return {k: found for k, vs in results.items() if (found := [v for v in vs if v["impact"] in ("serious", "critical")])}


def pages_in(scheme: str, request: pytest.FixtureRequest, url: str, kinds: tuple[str, ...],
             opened_fixture: str) -> dict[str, Page]:
    """The page kinds in a colour scheme: the light ones already open in ``opened_fixture``, dark ones opened."""
    if scheme == "light":
        opened = request.getfixturevalue(opened_fixture)
        return {kind: opened[kind][0] for kind in kinds}
    browser = request.getfixturevalue("browser")
    return {kind: page for kind, (page, _) in
            zip(kinds, open_pages(browser, url, (PAGES[k] for k in kinds), color_scheme=scheme), strict=True)}


@pytest.fixture(scope="module")
def shipped_pages(browser, base_url):
    yield from every_page_kind(browser, base_url)


def test_every_page_kind_loads_cleanly_and_stays_on_its_own_host(shipped_pages, base_url) -> None:
    hosts = hosts_of(shipped_pages)
    assert hosts == {urlsplit(base_url).netloc}
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "request-hosts.json").write_text(json.dumps(sorted(hosts)))


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_serious_violations(request, base_url, scheme) -> None:
    pages = pages_in(scheme, request, base_url, AXE_PAGES, "shipped_pages")
    for page in pages.values():
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == (
            "slate" if scheme == "dark" else "default")
    results = axe_violations(pages)
    if scheme == "dark":
        for page in pages.values():
            page.context.close()
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"axe-{scheme}.json").write_text(json.dumps(results, indent=1))
    assert serious(results) == {}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_grade_links_keep_their_contrast_when_focused_or_hovered(browser, base_url, scheme) -> None:
    """The theme colours a focused or hovered link with its accent, which failed contrast on a grade's colour:
    every grade-coloured link on a briefing page, focused by the keyboard and then hovered, passes axe's
    contrast check on the element itself (and the tooltip it opens stays inside a landmark)."""
    page, _ = open_page(browser, base_url, PAGES["briefing"], color_scheme=scheme)
    page.add_script_tag(path=str(AXE))
    links = page.locator("main a[class*='bx-rel-']")
    assert links.count() >= 5
    failures = []
    for i in range(links.count()):
        link = links.nth(i)
        for act in (link.focus, link.hover):
            act()
            found = link.evaluate("async el => (await axe.run(el, {runOnly: ['color-contrast', 'region']}))"
                                  ".violations.map(v => v.id)")
            if found:
                failures.append((act.__name__, link.get_attribute("href"), found))
    page.context.close()
    assert failures == []


def test_phone_width_has_no_horizontal_scrolling(browser, base_url) -> None:
    kinds = AXE_PAGES + ("relations", "sources")
    opened = open_pages(browser, base_url, (PAGES[kind] for kind in kinds), viewport={"width": 390, "height": 844})
    for kind, (page, _) in zip(kinds, opened, strict=True):
        widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert widths[0] <= widths[1], (kind, widths)
        page.context.close()


def search(page: Page, query: str) -> list[str]:
    box = page.locator("input[data-md-component='search-query']")
    box.click()
    box.fill("")
    box.press_sequentially(query, delay=20)   # Material searches on key events, as a reader types
    page.wait_for_function("""() => {
        const meta = document.querySelector('.md-search-result__meta');
        return meta && /matching/i.test(meta.textContent);
    }""")
    page.wait_for_timeout(300)
    return page.eval_on_selector_all(".md-search-result__item > a, .md-search-result__item a.md-search-result__link",
                                     "els => els.map(e => e.getAttribute('href'))")


def briefing_of(href: str) -> str | None:
    m = re.search(r"briefings/([a-z0-9-]+)/", href)
    return m.group(1) if m else None


def test_search_finds_articles_sources_and_notes(browser, base_url) -> None:
    note_only = "baseline"   # a word of a claim note in one briefing, in no article or other page
    assert not any(note_only in p.read_text().lower() for p in (SHIPPED / "seeds").glob("*.txt"))
    assert [p.stem for p in (SHIPPED / "briefings").rglob("*.yml") if note_only in p.read_text()] == [B000]
    page, watch = open_page(browser, base_url, "")
    found = {}
    for query, expected in (("Myropillya", B003), ("TASS", B003), (note_only, B000), ("province", B003)):
        hrefs = search(page, query)
        found[query] = hrefs[:5]
        assert expected in [briefing_of(h) for h in hrefs[:5]], (query, hrefs[:5])
    assert search(page, "zqxjvkw") == []
    assert "No matching documents" in page.inner_text(".md-search-result__meta")
    assert watch.errors == []
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "search.json").write_text(json.dumps(found, indent=1))


def sections(hrefs: list[str], briefing: str) -> list[str]:
    """The fragments (``#_note-x``) of a briefing's results, best first (the page's own entry has none)."""
    return [urlsplit(h).fragment for h in hrefs if briefing_of(h) == briefing and urlsplit(h).fragment]


def test_a_word_after_punctuation_finds_its_claim_and_lands_on_it(browser, base_url) -> None:
    """Words stuck to punctuation are found ("(province)", "\u201cPyongyang" at the start of a quoted claim),
    and a claim's result is the claim's own entry: its note, which links to the quote."""
    page, watch = open_page(browser, base_url, "")
    found = {}
    for query, note in (("province", "_note-kursk-minor-advances-jan"), ("Pyongyang", "_note-troops-sent-11000")):
        hrefs = search(page, query)
        found[query] = hrefs[:6]
        assert briefing_of(hrefs[0]) == B003, (query, hrefs[:6])
        assert sections(hrefs, B003)[0] == note, (query, hrefs[:6])
    # the reader follows the claim's result: the page opens at the note, the searched word highlighted
    link = page.locator(".md-search-result__link[href*='#_note-troops-sent-11000']").first
    link.click()
    page.wait_for_url(re.compile(r"#_note-troops-sent-11000$"))
    assert in_viewport(page, "#_note-troops-sent-11000")
    assert page.inner_text("#_note-troops-sent-11000 mark[data-md-highlight]") == "Pyongyang"
    assert watch.errors == []
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "search-punctuation.json").write_text(json.dumps(found, indent=1))


def tooltip_text(page: Page) -> str:
    page.wait_for_selector(".bx-tooltip:not([hidden])", timeout=3000)
    return page.inner_text(".bx-tooltip:not([hidden])")


def test_quote_shows_badge_and_note_on_hover_and_focus(browser, base_url) -> None:
    page, _ = open_page(browser, base_url, PAGES["briefing"])
    quote = page.locator("mark#dprk-units-withdrawn")
    quote.hover()
    text = tooltip_text(page)
    assert text.startswith("B2: source usually reliable; information probably true")
    assert "Ministry of Defence" in text
    page.mouse.move(0, 0)
    ref = page.locator("a.bx-ref[href='#_note-dprk-units-withdrawn']")
    ref.focus()
    assert "B2" in tooltip_text(page)
    assert ref.inner_text().endswith("B2")
    page.keyboard.press("Enter")
    page.wait_for_function("location.hash === '#_note-dprk-units-withdrawn'")
    assert page.locator("#_note-dprk-units-withdrawn").is_visible()
    assert in_viewport(page, "#_note-dprk-units-withdrawn")


def in_viewport(page: Page, selector: str) -> bool:
    return page.eval_on_selector(selector, """el => { const r = el.getBoundingClientRect();
        return r.top >= 0 && r.top < window.innerHeight && r.bottom > 0; }""")


def test_claim_permalink_scrolls_to_the_quote(browser, base_url) -> None:
    page, _ = open_page(browser, base_url, PAGES["briefing"] + "#casualties-as-many-as-4000")
    assert in_viewport(page, "mark#casualties-as-many-as-4000")
    assert page.evaluate("window.scrollY") > 300


def test_source_page_leads_to_the_quote_and_back(browser, base_url) -> None:
    page, _ = open_page(browser, base_url, PAGES["source"])
    link = page.locator(f"a[href$='briefings/{B003}/#kursk-minor-advances-jan']").first
    link.click()
    page.wait_for_url(re.compile(rf"/briefings/{B003}/#kursk-minor-advances-jan$"))
    assert in_viewport(page, "mark#kursk-minor-advances-jan")
    assert "minor advances in January 2025" in page.inner_text("mark#kursk-minor-advances-jan")
    back = page.locator("#_note-kursk-minor-advances-jan ~ dl a[href$='sources/uk-mod/']").first
    back.click()
    page.wait_for_url(re.compile(r"/sources/uk-mod/$"))


def test_print_keeps_notes_as_numbered_endnotes(browser, base_url) -> None:
    page, _ = open_page(browser, base_url, PAGES["briefing"])
    page.emulate_media(media="print")
    numbers = page.eval_on_selector_all("a.bx-ref[data-n]", """els => els.map(e => [e.getAttribute('href'),
        getComputedStyle(e, '::after').content])""")
    data = yaml.safe_load((SHIPPED / "briefings" / f"{B003}.yml").read_text())
    assert len(numbers) == len(data["claims"])
    for href, after in numbers:
        n = re.fullmatch(r'" \[(\d+)\]"', after)
        assert n, after
        heading = page.locator(href.replace("#", "#", 1))
        assert heading.is_visible()
        assert page.eval_on_selector(href, "e => getComputedStyle(e, '::before').content") == f'"[{n.group(1)}] "'


def test_pagefind_search_fetches_only_what_a_query_needs(browser, tmp_path) -> None:
    """The optional Pagefind backend, in the header: results for a two-word query, and its bytes."""
    root = copy_shipped(tmp_path / "pf").root
    (root / "mkdocs.yml").write_text((REPO / "mkdocs.yml").read_text().replace("  - search\n", "").replace(
        "      briefings_dir: briefings\n", "      briefings_dir: briefings\n      search: pagefind\n"))
    site = root / "site"
    site.mkdir()
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(site)))
    url = f"http://127.0.0.1:{server.server_port}/"
    os.environ["SITE_URL"] = url
    try:
        Archive(root).build(strict=True)
    finally:
        del os.environ["SITE_URL"]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        page, watch = open_page(browser, url, "")
        fetched: dict[str, int] = {}
        page.on("response", lambda r: fetched.__setitem__(r.url, len(r.body())) if r.ok else None)
        box = page.locator("#bx-pagefind-search input.pagefind-ui__search-input")   # not the filters' checkboxes
        box.click()
        box.press_sequentially("Myropillya bomb", delay=20)
        page.wait_for_selector(".pagefind-ui__result-link", timeout=45000)   # a loaded machine
        links = [a.get_attribute("href") for a in page.locator(".pagefind-ui__result-link").all()]
        assert any(f"/briefings/{B003}/" in (h or "") for h in links[:5]), links
        assert watch.errors == []
        assert {urlsplit(u).netloc for u in fetched} == {urlsplit(url).netloc}
        ARTIFACTS.mkdir(exist_ok=True)
        (ARTIFACTS / "pagefind-query.json").write_text(json.dumps(
            {"query": "Myropillya bomb", "bytes": sum(fetched.values()), "requests": len(fetched)}))
        # a claim is a result of its own: a word right after "(" in its note finds it, at its permalink, with its
        # grade; the pages' headings stay sub-results, titled without the "¶"
        box.fill("")
        box.press_sequentially("province", delay=20)
        claim = f".pagefind-ui__result-link[href$='/briefings/{B003}/#kursk-minor-advances-jan']"
        page.wait_for_selector(claim, timeout=45000)
        result = page.locator(".pagefind-ui__result", has=page.locator(claim))
        assert result.locator("[data-pagefind-ui-meta='grade']").inner_text().startswith("Grade: ")
        titles = [a.inner_text() for a in page.locator(".pagefind-ui__result-link").all()]
        assert not any("\u00b6" in t for t in titles), titles
        page.context.close()
    finally:
        server.shutdown()
        server.server_close()


# --- the briefing page's bottom line, key and claim filter ---------------------------------------

def shown_notes(page: Page) -> list[str]:
    return page.eval_on_selector_all("section.bx-claim-note:not([hidden]) h3",
                                     "hs => hs.map(h => h.id.slice('_note-'.length))")


def test_bottom_line_counts_lead_to_their_claims(browser, base_url) -> None:
    page, watch = open_page(browser, base_url, PAGES["briefing"])
    data = yaml.safe_load((SHIPPED / "briefings" / f"{B003}.yml").read_text("utf-8"))
    possible = [c["id"] for c in data["claims"] if c["credibility"] == 3]
    assert len(possible) > 1
    top = page.locator("#_bottom-line")
    assert top.is_visible()
    assert top.bounding_box()["y"] < page.locator(".bx-summary").bounding_box()["y"]
    top.get_by_role("link", name=re.compile(f"^{len(possible)} of {len(data['claims'])} possibly true")).click()
    page.wait_for_function("location.search === '?show=possible'")
    page.wait_for_selector("form.bx-filter:not([hidden])")
    assert shown_notes(page) == possible
    assert in_viewport(page, "#_claims")
    dimmed = page.eval_on_selector_all(".bx-article mark.bx-claim.bx-dim", "ms => ms.map(m => m.id)")
    assert dimmed
    assert not set(dimmed) & set(possible)
    assert "Showing " + str(len(possible)) + " of " in page.inner_text(".bx-filter-count")
    assert watch.errors == []


def test_filter_by_originator_is_kept_in_the_url_and_survives_a_reload(browser, base_url) -> None:
    page, _ = open_page(browser, base_url, PAGES["briefing"])
    data = yaml.safe_load((SHIPPED / "briefings" / f"{B003}.yml").read_text("utf-8"))
    tass = [c["id"] for c in data["claims"] if c["sources"][-1] == "tass"]
    page.select_option("form.bx-filter select[name=by]", "src-tass")
    page.wait_for_function("location.search === '?by=src-tass'")
    assert shown_notes(page) == tass
    page.reload(wait_until="networkidle")
    assert page.eval_on_selector("form.bx-filter select[name=by]", "s => s.value") == "src-tass"
    assert shown_notes(page) == tass
    # by keyboard: untick "cannot be judged" with the space bar, then "Show all" brings every claim back
    box = page.locator("form.bx-filter input[value=unjudged]")
    box.focus()
    page.keyboard.press("Space")
    page.wait_for_function("location.search.includes('show=')")
    assert not box.is_checked()
    page.get_by_role("button", name="Show all").click()
    page.wait_for_function("location.search === ''")
    assert len(shown_notes(page)) == len(data["claims"])


def test_highlights_are_tinted_by_grade_with_a_different_underline_each(browser, base_url) -> None:
    page, _ = open_page(browser, base_url, PAGES["briefing"])
    styles = page.evaluate("""() => Object.fromEntries(['probable', 'possible', 'unjudged'].map(g => {
        const m = document.querySelector('.bx-article mark.bx-claim.bx-g-' + g + ':not(.bx-claim .bx-claim)');
        const s = getComputedStyle(m);
        return [g, [s.backgroundColor, s.borderBottomStyle]]; }))""")
    assert len({bg for bg, _ in styles.values()}) == 3          # three tints
    assert len({line for _, line in styles.values()}) == 3      # and three underline styles: not colour alone


def test_bottom_line_fits_a_phones_first_screen(browser, base_url) -> None:
    """v1.2: the claim the bottom line opens with (words and badge) and the counts are in the first screen."""
    page, _ = open_page(browser, base_url, PAGES["briefing"], viewport={"width": 390, "height": 844},
                        device_scale_factor=2, is_mobile=True, has_touch=True)
    for selector in ("#_bottom-line .bx-bottom-title", "#_bottom-line .bx-lead > li:first-child",
                     "#_bottom-line .bx-groups"):
        box = page.locator(selector).bounding_box()
        assert box, (selector, box)
        assert box["y"] >= 0, (selector, box)
        assert box["y"] + box["height"] <= 844, (selector, box)


def test_the_offline_copy_opens_from_disk_navigates_and_searches(browser, tmp_path) -> None:
    """`make offline`'s copy through file://, as a reader double-clicks it: links lead to pages (never a
    directory listing), search answers, and nothing is asked of any host (only file:, data:, blob:)."""
    archive = copy_shipped(tmp_path / "offline")
    site = archive.build(strict=True, site_dir=archive.root / "site-offline", offline=True)
    context = browser.new_context()
    requests: list[str] = []
    context.on("request", lambda r: requests.append(r.url))   # every frame, the search worker's too
    page = context.new_page()
    watch = Watch(page)
    page.goto((site / "index.html").as_uri())
    page.locator("a[href$='briefings/index.html']").first.click()
    page.wait_for_url(re.compile(r"/briefings/index\.html$"))
    page.locator(f"a[href$='{B003}.html']").first.click()
    page.wait_for_url(re.compile(rf"/briefings/{B003}\.html$"))
    assert page.locator("h1").first.inner_text().startswith("North Korean units pulled back")
    hrefs = search(page, "province")
    assert hrefs, hrefs[:5]
    assert f"briefings/{B003}.html" in hrefs[0], hrefs[:5]
    page.locator(".md-search-result__link[href*='#_note-kursk-minor-advances-jan']").first.click()
    page.wait_for_url(re.compile(r"#_note-kursk-minor-advances-jan$"))
    assert in_viewport(page, "#_note-kursk-minor-advances-jan")
    assert watch.errors == []
    assert watch.failed == []
    # axe reads the page from file:// too (its own fetches of the stylesheets, which file:// refuses, come
    # after the page's checks above)
    page.add_script_tag(path=str(AXE))
    serious = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
                            ".filter(v => ['serious', 'critical'].includes(v.impact)).map(v => v.id)")
    assert serious == []
    elsewhere = [u for u in requests if not u.startswith(("file:", "data:", "blob:"))]
    assert elsewhere == []
    assert any(u.endswith("iframe-worker-shim.js") for u in requests)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "offline-requests.json").write_text(json.dumps(sorted({urlsplit(u).scheme for u in requests})))
    context.close()
