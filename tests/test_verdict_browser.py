"""The first screen in a real browser (format v1.2): the bottom line opens with the key claims, each with its
words, badge and what its grade rests on; the counts say "confirmed" of grade 1 alone; the home page's lists
are named by the rule; and on a phone (390 x 844) the first key claim and the counts are in the first screen
below the header. Marked ``browser``, with the helpers and rules of tests/test_browser.py."""
from __future__ import annotations

import os
import re

import pytest

import test_browser
from test_browser import open_page, served
from verdict_fixture import GROUNDS, LEAD, with_verdicts

from conftest import Archive, write_fixture

browser, _browser_present = test_browser.browser, test_browser._browser_present
pytestmark = pytest.mark.browser
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}


@pytest.fixture(scope="module")
def verdict_url(tmp_path_factory):
    archive = with_verdicts(write_fixture(Archive(tmp_path_factory.mktemp("verdict") / "archive")))
    archive.write("docs/index.md", "# Home\n\n<!-- briefings:home -->\n")

    def build(url: str) -> None:
        os.environ["SITE_URL"] = url
        try:
            archive.build(strict=True)
        finally:
            del os.environ["SITE_URL"]
    with served(archive.site, build) as url:
        yield url


def test_the_bottom_line_reads_as_the_verdict(browser, verdict_url) -> None:
    page, watch = open_page(browser, verdict_url, "briefings/v-test/")
    top = page.locator("#_bottom-line")
    items = top.locator("ol.bx-lead > li")
    assert [items.nth(i).locator("a").last.get_attribute("href") for i in range(items.count())] == \
        [f"#{cid}" for cid in LEAD]
    for i, cid in enumerate(LEAD):
        text = items.nth(i).inner_text()
        assert re.match(r"^\W?[A-F][1-6]\b", text.strip()), text
        assert text.rstrip().endswith(GROUNDS[cid]), text
    words = " ".join(top.inner_text().split())
    assert "1 of 8 confirmed" in words
    assert "3 of 8 probably true" in words
    assert "none confirmed" not in words
    assert "2 of 8 are corroborated by an independent report" in words
    assert watch.errors == []


def test_the_home_page_names_its_lists_by_the_rule(browser, verdict_url) -> None:
    page, _ = open_page(browser, verdict_url, "")
    corroborated = page.locator("#_most-corroborated + ul").inner_text()
    echoed_heading = page.locator("#_echoed")
    assert " ".join(echoed_heading.inner_text().split()).startswith("Echoed by other reports (none independently)")
    echoed = page.locator("#_echoed + ul").inner_text()
    assert GROUNDS["tanks"] in corroborated
    assert GROUNDS["tanks-count"] in corroborated
    assert GROUNDS["road-wire"] in echoed
    assert GROUNDS["road-office"] in echoed
    assert "echoed by" not in corroborated
    assert "independent report" not in echoed


def test_a_phones_first_screen_holds_the_first_key_claim_and_the_counts(browser, verdict_url) -> None:
    page, _ = open_page(browser, verdict_url, "briefings/v-test/", **PHONE)
    header = page.locator("header.md-header").bounding_box()
    below = header["y"] + header["height"]
    first = page.locator("#_bottom-line ol.bx-lead > li").first
    for part in (first.locator(".bx-badge"), first.locator(f'a[href="#{LEAD[0]}"]'),
                 page.locator("#_bottom-line .bx-groups")):
        box = part.bounding_box()
        assert box, (part, box)
        assert box["y"] >= below, (part, box)
        assert box["y"] + box["height"] <= 844, (part, box)
