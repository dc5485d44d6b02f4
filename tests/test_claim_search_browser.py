"""Claim-level search with `search: pagefind`, in a real browser: a word of one claim's note finds that claim as a
result of its own (its grade shown), the credibility filter narrows results to claims so graded, a result links to
the claim's permalink, and a note holding markup is found as text with nothing of it running.

Built twice: on a generated archive (benchmarks/generate.py, with a note rewritten to hold the words searched for)
and on the shipped fixture archive (a note-only word picked from its YAML). Chromium is started as in
tests/test_browser.py; the site is served on 127.0.0.1."""
from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

import pytest
import yaml

import test_browser
from test_browser import MISSING, REQUIRE, WHY, open_page, served

from conftest import REPO, SHIPPED, Archive, copy_shipped

# The browser of tests/test_browser.py (a module-scoped fixture).
browser = test_browser.browser

pytestmark = pytest.mark.browser
if MISSING and not REQUIRE:
    pytest.skip(WHY, allow_module_level=True)

NOTE_WORD = "quillwortish"                           # a word no generated text holds
PAYLOAD_WORD = "snapdragonry"
PAYLOAD = "<img src=x onerror=window.__bxPwned=1> <script>window.__bxPwned=2</script>"
RESULT = ".pagefind-ui__result"
LINK = ".pagefind-ui__result-link"


@pytest.fixture(scope="module", autouse=True)
def _browser_present() -> None:
    if MISSING:
        pytest.fail(WHY + " (BRIEFINGS_REQUIRE_BROWSER is set: failing instead of skipping)", pytrace=False)


def use_pagefind(root: Path) -> None:
    """mkdocs.yml with `search: pagefind` and without Material's search (either form of `- briefings`)."""
    text = (root / "mkdocs.yml").read_text().replace("  - search\n", "")
    text = re.sub(r"^  - briefings:?\n", "  - briefings:\n      search: pagefind\n", text, count=1, flags=re.MULTILINE)
    (root / "mkdocs.yml").write_text(text)


@pytest.fixture
def pagefind_site() -> Callable[[Path], AbstractContextManager[str]]:
    """``root``'s archive built with Pagefind and served (the context gives the site's address)."""
    def serve(root: Path) -> AbstractContextManager[str]:
        use_pagefind(root)

        def build(url: str) -> None:
            os.environ["SITE_URL"] = url
            try:
                Archive(root).build()   # not strict: the generated grades do not follow the credibility rule
            finally:
                del os.environ["SITE_URL"]
        return served(root / "site", build)
    return serve


def search(page, words: str) -> None:
    # the search box itself (the filter panel's checkboxes are inputs too, once a search has loaded them)
    box = page.locator("#bx-pagefind-search input.pagefind-ui__search-input")
    box.wait_for()
    # the words in one input event (a paste), so one search runs: keystrokes each start one, which a loaded
    # machine left racing one another past the timeout
    box.fill(words)
    page.wait_for_selector(f"{RESULT} {LINK}", timeout=45000)   # a loaded machine: Pagefind loads its chunks
    page.wait_for_timeout(400)   # the UI's debounce: the last keystroke's results


def results(page) -> list[dict[str, str]]:
    """Each top-level result: its link and its tags (``grade``, ``status``, ``briefing``: claims only)."""
    return page.eval_on_selector_all(f".pagefind-ui__results > {RESULT}", """rs => rs.map(r => {
        const out = {href: r.querySelector('.pagefind-ui__result-link').getAttribute('href'),
                     excerpt: r.querySelector('.pagefind-ui__result-excerpt')?.textContent || ''};
        r.querySelectorAll('.pagefind-ui__result-tag').forEach(t => {
            out[t.dataset.pagefindUiMeta] = t.textContent.trim(); });
        return out; })""")


def filter_values(page, name: str) -> list[str]:
    """The values the filter panel shows for filter ``name`` (each label's text, its count left out)."""
    # the panel is drawn once Pagefind has loaded the filters, which may come after the first results
    page.wait_for_selector(f"input.pagefind-ui__filter-checkbox[name=\"{name}\"]", state="attached", timeout=45000)
    page.eval_on_selector_all("details.pagefind-ui__filter-block", "ds => ds.forEach(d => { d.open = true; })")
    return page.eval_on_selector_all(f"input.pagefind-ui__filter-checkbox[name=\"{name}\"]", """is => is.map(i =>
        document.querySelector(`label[for="${CSS.escape(i.id)}"]`).textContent.replace(/ \\(\\d+\\)$/, ''))""")


def apply_filter(page, name: str, shown: str) -> list[dict[str, str]]:
    """Tick the value of filter ``name`` whose label reads ``shown``; the results once the UI has narrowed them."""
    page.evaluate("""([name, shown]) => [...document.querySelectorAll('input.pagefind-ui__filter-checkbox')]
        .filter(i => i.name === name)
        .find(i => document.querySelector(`label[for="${CSS.escape(i.id)}"]`).textContent.startsWith(shown))
        .click()""", [name, shown])
    page.wait_for_selector(".pagefind-ui__filter-value--checked", timeout=5000)
    page.wait_for_timeout(800)
    return results(page)


def finds_claim_with_filter(browser, url: str, word: str, href: str, credibility: int) -> None:
    """The property the issue asks for, on any archive: ``word`` (in one claim's note only) finds that claim as a
    result with its grade, the claim's credibility filter keeps it and drops every page, the result opens the claim."""
    page, watch = open_page(browser, url, "", viewport={"width": 1280, "height": 900})
    search(page, word)
    found = results(page)
    claim = [r for r in found if r["href"] == href]
    assert claim, (href, found)
    assert re.match(rf"Grade: [A-F]{credibility}: source ", claim[0]["grade"]), claim
    value = next(v for v in filter_values(page, "credibility") if v.startswith(f"{credibility}: "))
    narrowed = apply_filter(page, "credibility", value)
    assert any(r["href"] == href for r in narrowed), narrowed
    for r in narrowed:   # claims only (pages carry no grade), each graded as the filter says
        assert "#" in r["href"], r
        assert re.match(rf"Grade: [A-F]{credibility}: ", r.get("grade", "")), r
    page.click(f"{LINK}[href='{href}']")
    page.wait_for_url(f"**{href}")
    fragment = href.split("#", 1)[1]
    assert page.locator(f"[id='{fragment}']").count() == 1
    assert watch.errors == []
    page.context.close()


def _rewrite_note(path: Path, claim: str, text: str) -> None:
    """The generated briefing's ``claim`` note, ``text`` put first (the generator writes notes as one quoted line)."""
    lines = path.read_text().splitlines(keepends=True)
    start = lines.index(f"  - id: {claim}\n")
    at = next(i for i in range(start + 1, len(lines)) if lines[i].startswith("    note: \""))
    lines[at] = lines[at].replace("    note: \"", f"    note: \"{text} ", 1)
    path.write_text("".join(lines))


def _credibility(path: Path, claim: str) -> int:
    data = yaml.safe_load(path.read_text())
    return next(c["credibility"] for c in data["claims"] if c["id"] == claim)


def test_a_note_word_finds_its_claim_with_a_credibility_filter_on_a_generated_archive(
        browser, tmp_path, pagefind_site) -> None:
    sys.path.insert(0, str(REPO / "benchmarks"))
    from generate import generate

    generate(tmp_path / "gen", 12)
    root = tmp_path / "gen" / "plugin"
    target = root / "briefings" / "briefing-00007.yml"
    _rewrite_note(target, "moved-3", NOTE_WORD)
    with pagefind_site(root) as url:
        finds_claim_with_filter(browser, url, NOTE_WORD, "/briefings/briefing-00007/#moved-3",
                                _credibility(target, "moved-3"))


def test_a_claim_search_for_a_payload_shows_it_as_text(browser, tmp_path, pagefind_site) -> None:
    """Markup in a note, a briefing's title and a source's name: found and shown as text, and nothing runs."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    from generate import generate

    generate(tmp_path / "gen", 3)
    root = tmp_path / "gen" / "plugin"
    target = root / "briefings" / "briefing-00001.yml"
    _rewrite_note(target, "moved-2", f"{PAYLOAD_WORD} {PAYLOAD}")
    target.write_text(target.read_text().replace('title: "Synthetic briefing 1"',
                                                  'title: "Synthetic <img src=x onerror=window.__bxPwned=3>"'))
    source = yaml.safe_load(target.read_text())["claims"][2]["sources"][0]
    profile = root / "briefings" / "sources" / f"{source}.yml"
    profile.write_text(re.sub(r"^name: .*$", 'name: "Agency <img src=x onerror=window.__bxPwned=4>"',
                              profile.read_text(), count=1, flags=re.MULTILINE))
    with pagefind_site(root) as url:
        page, watch = open_page(browser, url, "", viewport={"width": 1280, "height": 900})
        search(page, PAYLOAD_WORD)
        found = [r for r in results(page) if r["href"] == "/briefings/briefing-00001/#moved-2"]
        assert found, results(page)
        assert f"{PAYLOAD_WORD} <img" in found[0]["excerpt"]   # as text (the excerpt is cut after a few words)
        assert "<img src=x onerror=window.__bxPwned=3>" in found[0]["briefing"]
        assert any("<img src=x onerror=window.__bxPwned=4>" in v for v in filter_values(page, "source")), filter_values(page, "source")
        page.wait_for_timeout(300)
        assert page.evaluate("window.__bxPwned") is None
        assert page.locator("#bx-pagefind-search img, #bx-pagefind-search script").count() == 0
        assert watch.errors == []
        page.context.close()


def _note_only_word() -> tuple[str, str, str, int]:
    """(word, briefing, claim, credibility): a word of one claim's note that no other claim's text and no
    briefing's title or summary holds, from the shipped fixture's YAML."""
    texts: dict[tuple[str, str, int], str] = {}
    elsewhere: list[str] = []
    for path in sorted((SHIPPED / "briefings").glob("*.yml")):
        data = yaml.safe_load(path.read_text())
        elsewhere += [str(data.get("title", "")), str(data.get("summary", ""))]
        for c in data.get("claims", []):
            texts[(path.stem, c["id"], c["credibility"])] = str(c.get("note") or "")
            elsewhere += [c["quote"], str(c.get("background") or "")]
    words = {key: set(re.findall(r"[a-z]{8,}", note.lower())) for key, note in texts.items()}
    common = set(re.findall(r"[a-z]{8,}", " ".join(elsewhere).lower()))
    for key, mine in words.items():
        others = set().union(*(w for k, w in words.items() if k != key))
        for word in sorted(mine - others - common):
            return word, *key
    pytest.fail("no note-only word in the shipped fixture")


def test_a_note_word_finds_its_claim_with_a_credibility_filter_on_the_shipped_archive(
        browser, tmp_path, pagefind_site) -> None:
    word, briefing, claim, credibility = _note_only_word()
    root = copy_shipped(tmp_path / "shipped").root
    with pagefind_site(root) as url:
        finds_claim_with_filter(browser, url, word, f"/briefings/{briefing}/#{claim}", credibility)


def test_the_claims_explorer_finds_a_claim_by_a_word_of_its_note(browser, tmp_path, pagefind_site) -> None:
    """`/claims/` with Pagefind: words typed find a claim whose note alone holds them, through Pagefind's index
    (ids only: no record's text is loaded), together with the claims whose quote holds them; before words are typed,
    nothing of Pagefind is loaded; a payload typed as words is text."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    from generate import generate

    generate(tmp_path / "gen", 6)
    root = tmp_path / "gen" / "plugin"
    target = root / "briefings" / "briefing-00004.yml"
    _rewrite_note(target, "moved-2", NOTE_WORD)
    with pagefind_site(root) as url:
        page, watch = open_page(browser, url, "claims/", viewport={"width": 1280, "height": 900})
        fetched: list[str] = []
        page.on("request", lambda r: fetched.append(r.url))
        page.wait_for_selector("#bx-claims-q")
        page.wait_for_timeout(300)
        assert not [u for u in fetched if "/pagefind/" in u]
        assert "in the quotes, notes and backgrounds" in page.locator("article").inner_text()   # the page says so
        assert "note" in page.get_attribute("#bx-claims-q", "placeholder")
        page.fill("#bx-claims-q", NOTE_WORD)
        page.wait_for_function("() => !/searching the notes/.test(document.querySelector('#bx-claims-count')"
                               ".textContent)", timeout=15000)
        hrefs = page.eval_on_selector_all("#bx-claims-table tbody a.bx-claim-quote", "as => as.map(a => a.href)")
        assert [h.split("/briefings/", 1)[1] for h in hrefs] == ["briefing-00004/#moved-2"], hrefs
        assert not [u for u in fetched if "/pagefind/fragment/" in u]   # ids, not the records' text
        page.fill("#bx-claims-q", PAYLOAD)
        page.wait_for_timeout(1500)
        assert page.evaluate("window.__bxPwned") is None
        assert watch.errors == []
        page.context.close()
