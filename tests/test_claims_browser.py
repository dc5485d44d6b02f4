"""The claims explorer (/claims/) in a real browser: the rows, two filters and the text filter narrowing them
(checked against the rows the build derives), the state kept in the address across a reload, axe in light
and dark scheme, and the page opened from file:// (an offline copy built with file URLs), where the data
must load without fetch. Marked ``browser``, with the helpers and rules of tests/test_browser.py."""
from __future__ import annotations

import json
import sys
import unicodedata
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pytest

import test_browser
from briefing_archive.core.config import ArchiveConfig
from briefing_archive.derive.claims import ClaimRow, claim_rows
from briefing_archive.load.archive import load_archive
from briefing_archive.render.claimdata import quote_text
from test_browser import AXE, open_page

from conftest import REPO, SHIPPED, Archive

# The page server, the browser and the presence check of tests/test_browser.py (module-scoped fixtures).
base_url, browser, _browser_present = test_browser.base_url, test_browser.browser, test_browser._browser_present

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.browser
ROWS = "#bx-claims-table tbody tr"


def fold(text: str) -> str:
    """As the page folds text for its word filter: no accents, lower case."""
    return "".join(c for c in unicodedata.normalize("NFD", text) if not 0x300 <= ord(c) <= 0x36F).lower()


def matches_words(row: ClaimRow, words: str, archive) -> bool:
    parts = [quote_text(row.claim.quote), row.briefing.title, row.claim.id, row.briefing.id, row.claim.date or ""]
    parts += [archive.sources[s].name for s in row.sources] + [archive.entities[e].name for e in row.claim.entities]
    hay = fold(" \u0001 ".join(parts))
    return all(w in hay for w in fold(words).split())


def shown(page: Page) -> list[str]:
    """The claims the table shows, as ``briefing#claim`` (from each quote's link)."""
    hrefs = page.eval_on_selector_all(f"{ROWS} a.bx-claim-quote", "as => as.map(a => a.getAttribute('href'))")
    return [h.split("briefings/", 1)[1].replace("/#", "#").replace(".html#", "#") for h in hrefs]


def count_text(page: Page) -> str:
    return page.inner_text("#bx-claims-count")


def check(page: Page, facet: str, value: str) -> None:
    """Open a filter with the keyboard and tick one of its options with the space bar."""
    summary = page.locator(f"details[data-facet='{facet}'] > summary")
    if page.eval_on_selector(f"details[data-facet='{facet}']", "d => !d.open"):
        summary.focus()
        page.keyboard.press("Enter")
    box = page.locator(f"details[data-facet='{facet}'] input[value='{value}']")
    box.focus()
    page.keyboard.press("Space")
    assert box.is_checked()


@pytest.fixture(scope="module")
def shipped_rows():
    archive, problems = load_archive(ArchiveConfig.at(SHIPPED))
    assert archive is not None, problems
    return archive, claim_rows(archive)


def test_explorer_lists_every_claim_and_narrows_them(browser, base_url, shipped_rows) -> None:
    archive, rows = shipped_rows
    total = len(rows)
    assert total <= 100   # every row on the first page
    static_context = browser.new_context(java_script_enabled=False)
    static_page = static_context.new_page()
    static_page.goto(base_url + "claims/")
    static = static_page.eval_on_selector_all(ROWS, "rs => rs.map(r => r.innerText)")
    assert static_page.locator("#bx-explorer-static").is_visible()
    static_context.close()

    page, watch = open_page(browser, base_url, "claims/")
    assert count_text(page) == f"{total} of {total} claims"
    assert shown(page) == [r.key for r in rows]
    # the script writes each row as the page does without it
    assert page.eval_on_selector_all(ROWS, "rs => rs.map(r => r.innerText)") == static
    assert not page.locator("#bx-explorer-static").is_visible()

    check(page, "credibility", "2")
    check(page, "source", "uk-mod")
    expected = [r.key for r in rows if r.claim.credibility == 2 and "uk-mod" in r.sources]
    assert 0 < len(expected) < total
    assert shown(page) == expected
    assert count_text(page) == f"{len(expected)} of {total} claims"
    check(page, "credibility", "3")   # options of one filter add up
    expected = [r.key for r in rows if r.claim.credibility in (2, 3) and "uk-mod" in r.sources]
    assert shown(page) == expected
    page.fill("#bx-claims-q", "2024 Russian")
    narrowed = [r.key for r in rows if r.claim.credibility in (2, 3) and "uk-mod" in r.sources
                and matches_words(r, "2024 Russian", archive)]
    assert 0 < len(narrowed) < len(expected)
    assert shown(page) == narrowed
    for row in page.locator(ROWS).all():   # every row shown says what it was chosen for
        assert "UK Ministry of Defence" in row.inner_text()
        assert row.locator("abbr.bx-badge").inner_text()[-1] in "23"

    wait_for_hash(page, "#credibility=2,3&source=uk-mod&q=2024%20Russian")   # once the reader pauses
    page.reload(wait_until="networkidle")
    assert shown(page) == narrowed
    assert page.input_value("#bx-claims-q") == "2024 Russian"
    assert page.locator("details[data-facet='source'] input[value='uk-mod']").is_checked()
    assert count_text(page) == f"{len(narrowed)} of {total} claims"

    page.select_option("#bx-claims-order", "date-desc")
    dates = [archive_date(rows, key) for key in shown(page)]
    assert dates == sorted(dates, reverse=True)
    page.click("text=Clear all filters")
    assert count_text(page) == f"{total} of {total} claims"
    wait_for_hash(page, "#order=date-desc")
    assert watch.errors == []
    assert [f for f in watch.failed if "ERR_ABORTED" not in f] == []   # a reload may abort the favicon
    page.context.close()


def wait_for_hash(page: Page, expected: str) -> None:
    page.wait_for_function("h => location.hash === h", arg=expected, timeout=3000)


def archive_date(rows: tuple[ClaimRow, ...], key: str) -> str:
    return next(r.claim.date or "" for r in rows if r.key == key)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_explorer_is_axe_clean(browser, base_url, scheme) -> None:
    page, _ = open_page(browser, base_url, "claims/#credibility=2&q=korea", color_scheme=scheme)
    page.eval_on_selector_all("details", "ds => ds.forEach(d => { d.open = true; })")
    page.add_script_tag(path=str(AXE))
    found = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
                          ".map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.length,"
                          " target: v.nodes[0].target.join(' ')}))")
    assert [v for v in found if v["impact"] in ("serious", "critical")] == [], json.dumps(found, indent=1)
    widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1]   # the table scrolls in its own box, never the page
    page.context.close()


def test_explorer_fits_a_phone(browser, base_url) -> None:
    page, _ = open_page(browser, base_url, "claims/#source=uk-mod", viewport={"width": 390, "height": 844})
    page.eval_on_selector_all("details", "ds => ds.forEach(d => { d.open = true; })")
    widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1]
    assert page.locator("#bx-claims-q").is_visible()
    assert page.locator(ROWS).count() == 10
    page.context.close()


def test_explorer_works_from_a_file_url_copy(browser, tmp_path) -> None:
    """An offline copy (file URLs, opened from disk): data without fetch, more rows on demand, state kept."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    from generate import generate

    generate(tmp_path / "gen", 10)   # 10 briefings, 150 claims
    root = tmp_path / "gen" / "plugin"
    (root / "mkdocs.yml").write_text((root / "mkdocs.yml").read_text() + "use_directory_urls: false\n")
    site = Archive(root).build()   # not strict: the synthetic grades do not follow the credibility rule
    url = (site / "claims" / "index.html").as_uri()
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    requests: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("request", lambda r: requests.append(r.url))
    page.goto(url, wait_until="load")
    assert count_text(page) == "150 of 150 claims (the first 100 shown)"
    assert page.locator(ROWS).count() == 100
    page.click("#bx-claims-more")
    assert page.locator(ROWS).count() == 150
    assert not page.locator("#bx-claims-more").is_visible()
    href = page.get_attribute(f"{ROWS} a.bx-claim-quote", "href")
    assert href == "../briefings/briefing-00000.html#moved-0"
    assert (site / "briefings" / "briefing-00000.html").is_file()
    check(page, "tag", "drones")
    tagged = page.locator(ROWS).count()
    assert 0 < tagged < 100
    wait_for_hash(page, "#tag=drones")
    page.reload(wait_until="load")
    assert page.locator(ROWS).count() == tagged
    assert {urlsplit(u).scheme for u in requests} <= {"file", "data"}
    assert errors == []
    context.close()

