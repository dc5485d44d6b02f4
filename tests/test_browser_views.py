"""The cross-archive views in a real browser (Debian's Chromium): the compare page pairs the shipped
briefings' related claims with their verdicts, its columns sit side by side on a desktop and stack on a
phone, no table cell breaks a word at 390 px, and axe finds nothing serious in either colour scheme.

Marked ``browser``; skipped or failed exactly as tests/test_browser.py says (its fixtures are reused).
"""
from __future__ import annotations

import json
import re

import pytest

from briefing_archive.core.config import ArchiveConfig
from briefing_archive.core.independence import independence, verdict_words
from briefing_archive.load.archive import load_archive
from test_browser import ARTIFACTS, AXE, _browser_present, base_url, browser, open_page, open_pages  # noqa: F401 - fixtures

from conftest import SHIPPED

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
#: The pages whose tables the issue found breaking names mid-word on a phone, and the new one.
TABLE_PAGES = ("sources/", "figures/", "relations/", "compare/")

#: For every word (letters and digits, so a break after a hyphen or slash is not one) of every table
#: cell: whether its rendered boxes lie on more than one line. Also each cell's word-break settings.
SPLIT_WORDS = """() => {
  const split = [], settings = new Set();
  for (const cell of document.querySelectorAll('article table td, article table th')) {
    const style = getComputedStyle(cell);
    settings.add(`${style.wordBreak}/${style.overflowWrap}/${style.hyphens}`);
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const m of node.data.matchAll(/[\\p{L}\\p{N}\\u2019']+/gu)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
        if (tops.size > 1) split.push(m[0]);
      }
    }
  }
  return {split, settings: [...settings], cells: document.querySelectorAll('article table td').length,
          overflow: document.documentElement.scrollWidth - window.innerWidth};
}"""


def test_compare_page_pairs_the_shipped_briefings_related_claims(browser, base_url) -> None:  # noqa: F811
    archive, _ = load_archive(ArchiveConfig.at(SHIPPED))
    assert archive is not None
    names = {sid: s.name for sid, s in archive.sources.items()}
    expected = set()
    for b in archive.briefings:
        for c in b.claims:
            for rel in c.relations:
                if rel.briefing != b.id:
                    other = next(x for x in archive.briefings if x.id == rel.briefing)
                    target = next(x for x in other.claims if x.id == rel.claim)
                    words = ("" if rel.kind == "updates"   # a revision: no verdict to show
                             else verdict_words(independence(c, target, archive.sources), names))
                    expected.add(frozenset({(b.id, c.id), (other.id, target.id)}) | {words})
    assert len(expected) >= 5   # the shipped briefings share many related claims
    page, watch = open_page(browser, base_url, "compare/")
    rows = page.eval_on_selector_all("table.bx-compare-table tbody tr", """rows => rows.map(tr => {
        const claim = td => { const a = td.querySelector('a[href*="#"]:not(.bx-badge)');
                              const m = a.getAttribute('href').match(/briefings\\/([^/]+)\\/#(.+)$/);
                              return [m[1], m[2], td.querySelector('.bx-badge').textContent.trim()]; };
        const [left, middle, right] = tr.cells;
        return {left: claim(left), right: claim(right), relation: middle.querySelector('strong').textContent,
                verdict: (middle.querySelector('span') || {textContent: ''}).textContent};
    })""")
    found = {frozenset({tuple(r["left"][:2]), tuple(r["right"][:2])}) | {r["verdict"]} for r in rows}
    assert found == expected
    assert len(rows) == len(expected)
    assert all(re.search(r"[A-F][1-6]$", r["left"][2]) and re.search(r"[A-F][1-6]$", r["right"][2]) for r in rows)
    heading = page.inner_text("section.bx-compare h2")
    titles = {b.title for b in archive.briefings}
    assert sum(t in heading for t in titles) == 2
    assert not any(b.id in heading for b in archive.briefings)
    assert watch.errors == []
    assert watch.failed == []
    # Desktop: the two claims of a row side by side; phone: stacked, each under its briefing's title.
    geometry = """() => { const tr = document.querySelector('table.bx-compare-table tbody tr');
        const [l, , r] = [...tr.cells].map(td => td.getBoundingClientRect());
        return {side: Math.abs(l.top - r.top) < 2 && l.right <= r.left, stacked: r.top >= l.bottom - 1,
                label: getComputedStyle(tr.cells[2], '::before').content}; }"""
    assert page.evaluate(geometry)["side"]
    page.context.close()
    phone, _ = open_page(browser, base_url, "compare/", viewport=PHONE)
    shape = phone.evaluate(geometry)
    assert shape["stacked"]
    assert shape["label"].startswith('"In \u2018')
    phone.context.close()


def test_relations_page_leads_to_the_compare_view(browser, base_url) -> None:  # noqa: F811
    page, _ = open_page(browser, base_url, "relations/")
    assert page.locator("svg.bx-network").count() == 0
    page.locator("ul.bx-compare-contents a").first.click()
    page.wait_for_url("**/compare/#_compare-*")
    assert page.locator("section.bx-compare h2:target").count() == 1
    page.context.close()


def test_no_table_cell_breaks_a_word_at_phone_width(browser, base_url) -> None:  # noqa: F811
    results = {}
    for path, (page, _) in zip(TABLE_PAGES, open_pages(browser, base_url, TABLE_PAGES, viewport=PHONE), strict=True):
        results[path] = found = page.evaluate(SPLIT_WORDS)
        page.context.close()
        assert found["cells"] > 0, path
        assert found["split"] == [], (path, found["split"][:10])
        assert found["settings"] == ["normal/normal/manual"], (path, found["settings"])
        assert found["overflow"] <= 0, (path, found["overflow"])
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "phone-word-breaks.json").write_text(json.dumps(results, indent=1))


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_is_clean_on_the_new_and_changed_views(browser, base_url, scheme) -> None:  # noqa: F811
    serious = {}
    views = (("compare/", None), ("compare/", PHONE), ("relations/", None), ("sources/", PHONE), ("figures/", PHONE))
    opened = [*open_pages(browser, base_url, [p for p, v in views if not v], color_scheme=scheme),
              *open_pages(browser, base_url, [p for p, v in views if v], color_scheme=scheme, viewport=PHONE)]
    for (path, viewport), (page, _) in zip(sorted(views, key=lambda v: v[1] is not None), opened, strict=True):
        page.add_script_tag(path=str(AXE))
        found = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
                              ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                              ".map(v => ({id: v.id, target: v.nodes[0].target.join(' ')}))")
        if found:
            serious[f"{path} {'phone' if viewport else 'desktop'}"] = found
        page.context.close()
    assert serious == {}
