"""The history in a real browser (issue 27): /changes/, a claim's entry and a source's page of an archive with a
series of commits, one of whose messages is a payload: axe finds no serious violation in either colour scheme, the
`<details>` of older changes opens by keyboard, the payload shows as text and nothing of it runs, and the pages ask
no other host for anything. Chromium is started as in tests/test_browser.py; the site is served on 127.0.0.1."""
from __future__ import annotations

import os
import shutil

import pytest

import test_browser
from test_browser import AXE, MISSING, REQUIRE, WHY, Watch, axe_violations, serious, served
from test_history_pages import series
from test_payloads import PAYLOAD

from conftest import Archive, commit

# The browser and the presence check of tests/test_browser.py (module-scoped fixtures).
browser, _browser_present = test_browser.browser, test_browser._browser_present

pytestmark = [pytest.mark.browser, pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")]
if MISSING and not REQUIRE:
    pytest.skip(WHY, allow_module_level=True)


@pytest.fixture(scope="module")
def history_url(tmp_path_factory):
    a, _ = series(tmp_path_factory.mktemp("history-browser") / "archive")
    text = (a.root / "briefings" / "a-test.yml").read_text("utf-8")
    a.write("briefings/a-test.yml", text.replace("credibility: 2\n    regraded: echoed by the ministry",
                                                 "credibility: 3"))
    commit(a, PAYLOAD, "2025-05-01T10:00:00+00:00")   # a re-grade whose only reason is a payload
    a.write("briefings/a-test.yml", text.replace("\n    regraded: echoed by the ministry", ""))
    commit(a, "", "2025-05-02T10:00:00+00:00")          # and one with no reason at all

    def build(url: str) -> None:
        os.environ["SITE_URL"] = url
        try:
            Archive(a.root).build(strict=True)
        finally:
            del os.environ["SITE_URL"]
    with served(a.root / "site", build) as url:
        yield url


PAGES = {"changes": "changes/", "briefing": "briefings/a-test/", "source": "sources/agency/"}


def open_page(browser, url: str, path: str, **context):
    """A page in a fresh context, every dialog (the payload's alert) recorded as an error before it loads."""
    page = browser.new_context(**context).new_page()
    watch = Watch(page)
    page.on("dialog", lambda d: (watch.errors.append(f"dialog: {d.message}"), d.dismiss()))
    page.goto(url + path, wait_until="networkidle")
    return page, watch


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_history_pages_pass_axe_and_run_nothing(browser, history_url, scheme) -> None:
    assert AXE.is_file(), AXE
    opened = {kind: open_page(browser, history_url, path, color_scheme=scheme) for kind, path in PAGES.items()}
    try:
        assert "no reason given" in opened["changes"][0].inner_text("article")
        assert "<script>alert(1)</script><img src=x onerror=alert(2)>" in opened["changes"][0].inner_text("article")
        assert "since" in opened["briefing"][0].inner_text("article")
        assert serious(axe_violations({k: p for k, (p, _) in opened.items()})) == {}
        for kind, (page, watch) in opened.items():
            assert page.locator('article script:not([type="application/ld+json"]), article img[src=x], article svg[onload]').count() == 0, kind
            assert watch.errors == [], (kind, watch.errors)
            assert watch.failed == [], (kind, watch.failed)
            assert {r.split("/")[2] for r in watch.requests if r.startswith("http")} == {history_url.split("/")[2]}
    finally:
        for page, _ in opened.values():
            page.context.close()


def test_older_changes_open_by_keyboard(browser, history_url) -> None:
    page, watch = open_page(browser, history_url, PAGES["briefing"])
    details = page.locator("article details.bx-history, article .bx-history details").first
    if details.count() == 0:
        pytest.fail("no <details> of older changes on a claim with more than two changes")
    summary = details.locator("summary")
    summary.focus()
    page.keyboard.press("Enter")
    assert details.evaluate("d => d.open")
    assert watch.errors == []
    page.context.close()
