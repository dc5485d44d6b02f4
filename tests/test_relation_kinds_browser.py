"""The claims explorer's relation filter in a real browser: one option per registered kind (from the data, not
the script), and ticking options narrows the rows to the claims with such a relation, either way, as the build
derives them. Marked ``browser``, with the helpers of tests/test_claims_browser.py."""
from __future__ import annotations

import pytest

import test_browser
from briefing_archive.core import relations
from test_browser import open_page
from test_claims_browser import check, shipped_rows, shown

base_url, browser, _browser_present = test_browser.base_url, test_browser.browser, test_browser._browser_present
rows_of_shipped = shipped_rows
pytestmark = pytest.mark.browser


def test_the_relation_filter_offers_every_kind_and_narrows_by_it(browser, base_url, rows_of_shipped) -> None:
    _, rows = rows_of_shipped
    page, _ = open_page(browser, base_url, "claims/")
    offered = page.eval_on_selector_all("details[data-facet='relation'] input", "is => is.map(i => i.value)")
    assert offered == [k.name for k in relations.kinds()] + ["none"]
    used = next(k for k in offered if any(k in r.kinds for r in rows))
    check(page, "relation", used)
    expected = [r.key for r in rows if used in r.kinds]
    assert 0 < len(expected) < len(rows)
    assert shown(page) == expected
    check(page, "relation", "none")   # options of one filter add up
    assert shown(page) == [r.key for r in rows if used in r.kinds or not r.kinds]
