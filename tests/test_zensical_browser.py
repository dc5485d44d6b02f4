"""The Zensical build in a real browser (Debian's Chromium, served on 127.0.0.1): every page kind loads without
errors and asks no other host for anything, axe finds no serious violation in light and dark, and Zensical's own
search finds an article's word and a note's word, as the MkDocs site's tests check for that build."""
from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

import test_browser
from test_browser import axe_violations, every_page_kind, hosts_of, open_page, pages_in, serious, served

from conftest import B000, B003, PAGES, build_zensical, copy_shipped

pytestmark = pytest.mark.browser
browser, _browser_present = test_browser.browser, test_browser._browser_present   # the fixtures: one definition
#: The page kinds axe checks (as tests/test_browser.py does for the MkDocs site), and the explorer.
AXE_PAGES = ("home", "briefing", "source", "entity", "ledger", "timeline", "methodology", "claims")


def served_zensical(root: Path) -> Iterator[str]:
    """The archive at ``root`` built by `make zensical`'s script for its served address, and served."""
    def build(url: str) -> None:
        result = build_zensical(root, SITE_URL=url)
        assert result.returncode == 0, result.stdout + result.stderr
    with served(root / "site-zensical", build) as url:
        yield url


@pytest.fixture(scope="module")
def zensical_url(tmp_path_factory):
    yield from served_zensical(copy_shipped(tmp_path_factory.mktemp("zensical-browser") / "archive").root)


@pytest.fixture(scope="module")
def zensical_pages(browser, zensical_url):
    yield from every_page_kind(browser, zensical_url)


def test_every_page_kind_loads_cleanly_and_stays_on_its_own_host(zensical_pages, zensical_url) -> None:
    assert hosts_of(zensical_pages) == {urlsplit(zensical_url).netloc}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_serious_violations(request, zensical_url, scheme) -> None:
    pages = pages_in(scheme, request, zensical_url, AXE_PAGES, "zensical_pages")
    results = axe_violations(pages)
    if scheme == "dark":
        for page in pages.values():
            page.context.close()
    assert serious(results) == {}


def test_claims_explorer_and_briefing_filter_run(browser, zensical_url) -> None:
    page, watch = open_page(browser, zensical_url, "claims/?grade=probable")
    assert page.locator("table tbody tr").count() > 0
    assert watch.errors == []
    page.context.close()
    page, watch = open_page(browser, zensical_url, f"briefings/{B003}/?show=probable")
    assert page.locator("mark.bx-claim").count() > 10
    assert watch.errors == []
    page.context.close()


def test_zensical_search_finds_an_article_word_and_a_note_word(browser, zensical_url) -> None:
    """Zensical's own search (its dialog, in a shadow root that Playwright's selectors enter)."""
    def settled(query: str, hrefs: list[str]) -> bool:
        expected = B003 if query == "Myropillya" else B000
        on_page = any(f"briefings/{expected}/" in h for h in hrefs)
        return on_page and (query != "baseline" or any("#_note-" in h for h in hrefs))

    found: dict[str, list[str]] = {}
    for query, expected in (("Myropillya", B003), ("baseline", B000)):
        page, watch = open_page(browser, zensical_url, "")
        page.click("button.md-search__button")
        box = page.locator("dialog[aria-label='Search'] input")
        box.press_sequentially(query, delay=20)
        results = page.locator("dialog[aria-label='Search'] a")
        results.first.wait_for()
        # The list is re-rendered as the search runs: read it whole in one call, and again until it settles on
        # the expected page (or 10 s pass), never link by link (a link counted may be gone when it is read).
        deadline = time.monotonic() + 10
        while True:
            found[query] = results.evaluate_all("as => as.slice(0, 5).map(a => a.getAttribute('href') || '')")
            if settled(query, found[query]) or time.monotonic() > deadline:
                break
            page.wait_for_timeout(100)
        assert any(f"briefings/{expected}/" in h for h in found[query]), found
        assert watch.errors == []
        page.context.close()
    assert any("#_note-" in h for h in found["baseline"]), found   # a note's word lands on its claim


def test_quote_tooltip_and_bottom_line_filter(browser, zensical_url) -> None:
    """The theme's tooltips (content.tooltips) and the archive's own script, as on the MkDocs site."""
    page, watch = open_page(browser, zensical_url, PAGES["briefing"])
    page.locator("mark#dprk-units-withdrawn").hover()
    page.wait_for_selector(".bx-tooltip:not([hidden])", timeout=3000)
    assert page.inner_text(".bx-tooltip:not([hidden])").startswith("B2: source usually reliable")
    page.mouse.move(0, 0)
    page.locator("#_bottom-line").get_by_role("link", name=re.compile("possibly true")).click()
    page.wait_for_function("location.search === '?show=possible'")
    page.wait_for_selector("form.bx-filter:not([hidden])")
    assert page.eval_on_selector_all(".bx-article mark.bx-claim.bx-dim", "ms => ms.length") > 0
    assert watch.errors == []
