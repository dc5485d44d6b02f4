"""The live preview in a real browser: `mkdocs serve --dirty` on a fixture archive, Debian's Chromium on its pages.

A bad edit (a quote and a source file holding markup, an unknown source) leaves the served pages as the last valid
archive, each with a banner listing the problems as text (nothing of theirs runs, no element of theirs appears)
that axe finds nothing serious in; the fix takes the banner away on the reload live reload triggers, with the new
text. The server says what it renders again, never MkDocs' generic dirty-build warning; `mkdocs build` of the
broken archive fails with the same messages and writes no banner."""
from __future__ import annotations

import re
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import pytest

import test_browser
from test_browser import AXE
from test_plugin import _free_port, _get, _wait_for

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = [pytest.mark.browser, pytest.mark.slow]
browser, _browser_present = test_browser.browser, test_browser._browser_present   # the fixtures: one definition

HOSTILE = "<img src=x onerror=window.__pwned=1>"
MKDOCS = str(Path(sys.executable).parent / "mkdocs")
T = TypeVar("T")


def until(page: Page, read: Callable[[Page], T], wanted: Callable[[T], bool], seconds: float = 30.0) -> T:
    """``read(page)`` once ``wanted`` holds of it (live reload may reload the page between two looks)."""
    from playwright.sync_api import Error

    deadline, value = time.monotonic() + seconds, None
    while time.monotonic() < deadline:
        try:
            value = read(page)
            if wanted(value):
                return value
        except Error:   # the page was reloading
            pass
        time.sleep(0.3)
    raise AssertionError(f"the served page did not change as expected; last seen: {value!r}")


def problems_shown(page: Page) -> list[str]:
    return page.locator(".bx-preview-problems code").all_inner_texts()


def heading(page: Page) -> str:
    return page.locator("article h1").first.inner_text()


def serious_violations(page: Page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    found = page.evaluate("async () => (await axe.run({include: ['.bx-preview-problems']}, "
                          "{resultTypes: ['violations']})).violations.map(v => [v.id, v.impact])")
    return [rule for rule, impact in found if impact in ("serious", "critical")]


def test_the_preview_lists_the_archives_problems_until_they_are_fixed(archive, browser, tmp_path) -> None:
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    server = subprocess.Popen([MKDOCS, "serve", "--dirty", "-a", f"127.0.0.1:{port}"], cwd=archive.root,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        assert _wait_for(lambda: _get(base + "briefings/a-test/")), "the preview did not start"
        page = browser.new_context().new_page()
        page.goto(base + "briefings/a-test/")
        assert page.locator(".bx-preview-problems").count() == 0
        images = page.locator("img").count()

        good = (archive.root / "briefings/a-test.yml").read_text("utf-8")
        archive.write("briefings/sources/hostile.yml", f'name: Hostile\nkind: "{HOSTILE}"\nreliability: B\n'
                                                       "note: A source whose kind is markup.\n")
        archive.write("briefings/a-test.yml", good.replace("title: A test briefing", "title: A broken edit")
                      .replace("quote: 40 drones were shot down", f'quote: "A line with {HOSTILE} and"')
                      .replace("sources: [agency, ministry]", "sources: [agency, nobody]"))
        shown = until(page, problems_shown, lambda codes: len(codes) == 3)   # live reload reloads the page
        assert all(re.match(r"briefings/\S+\.yml:\d+:\d+: error: .+; .+", code) for code in shown), shown
        assert any(HOSTILE in code for code in shown), shown                # the markup, as text
        assert any("unknown source 'nobody'" in code for code in shown), shown
        assert "3 errors" in page.locator(".bx-preview-problems .admonition-title").inner_text()
        assert page.evaluate("typeof window.__pwned") == "undefined"
        assert page.locator("img").count() == images
        assert page.locator('img[src="x"]').count() == 0
        assert heading(page) == "A test briefing"                          # the last valid archive
        assert serious_violations(page) == []
        page.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")   # Material's dark scheme
        assert serious_violations(page) == []
        page.set_viewport_size({"width": 390, "height": 844})                # long messages wrap on a phone
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")

        page.goto(base)                                                     # a hand-written page says it too
        assert problems_shown(page) == shown
        assert page.evaluate("typeof window.__pwned") == "undefined"

        # `mkdocs build` of the same archive fails, with the same messages, and writes nothing
        built = tmp_path / "built"
        result = subprocess.run([MKDOCS, "build", "-d", str(built)], cwd=archive.root, capture_output=True,
                                text=True, check=False)
        assert result.returncode != 0
        assert re.findall(r"ERROR\s+-\s+(\S+:\d+:\d+: error: .*)", result.stderr) == shown
        assert not built.exists() or not any("bx-preview-problems" in p.read_text("utf-8", "replace")
                                             for p in built.rglob("*.html"))

        page.goto(base + "briefings/a-test/")
        archive.remove("briefings/sources/hostile.yml")
        archive.write("briefings/a-test.yml", good.replace("title: A test briefing", "title: A fixed briefing"))
        until(page, heading, lambda title: title == "A fixed briefing")
        assert page.locator(".bx-preview-problems").count() == 0
        page.goto(base)
        assert page.locator(".bx-preview-problems").count() == 0
        page.context.close()
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=10)
    assert "'dirty' build" not in output
    assert re.search(r"briefings: rendering \d+ changed page\(s\) again", output)
    assert "Keeping the last valid archive" in output
    assert "Traceback" not in output
