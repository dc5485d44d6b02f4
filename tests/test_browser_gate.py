"""The browser tests skip outside `make test` and fail inside it when Chromium, axe-core or Playwright
is missing. Each case runs pytest on tests/test_browser.py in a subprocess, with the missing piece
simulated: BRIEFINGS_CHROMIUM / BRIEFINGS_AXE pointed at nothing, or ``playwright`` blocked from import.
Nothing is built: both outcomes are decided before the first fixture that builds the site."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import REPO

NOWHERE = "/nonexistent/briefings-test"


def run_browser_tests(env_changes: dict[str, str], *, block_playwright: bool = False) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BRIEFINGS_")}
    env.update(env_changes)
    # One ordinary test beside them, as in a whole-suite run (alone, a skipped module exits 5: no tests).
    args = ["tests/test_browser.py", "tests/test_browser_gate.py::test_make_test_requires_the_browser",
            "-q", "-ra", "-p", "no:cacheprovider"]
    if block_playwright:
        # An entry of None in sys.modules makes the package unimportable (and invisible to find_spec).
        code = ("import sys; sys.modules['playwright'] = None; import pytest; "
                f"raise SystemExit(pytest.main({args!r}))")
        cmd = [sys.executable, "-c", code]
    else:
        cmd = [sys.executable, "-m", "pytest", *args]
    return subprocess.run(cmd, cwd=REPO, env=env, capture_output=True, text=True, timeout=120, check=False)


@pytest.mark.parametrize(("missing", "needed"), [
    ({"BRIEFINGS_CHROMIUM": NOWHERE}, f"chromium ({NOWHERE})"),
    ({"BRIEFINGS_AXE": NOWHERE + "/axe.min.js"}, f"axe-core ({NOWHERE}/axe.min.js)"),
])
def test_missing_browser_skips_with_how_to_get_it(missing, needed) -> None:
    result = run_browser_tests(missing)
    out = result.stdout + result.stderr
    assert result.returncode == 0, out
    assert "1 passed, 1 skipped" in out, out
    assert "error" not in out.lower(), out
    assert "SKIPPED" in out, out
    assert needed in out, out
    assert "run `make test`, which installs" in out, out


def test_missing_playwright_skips_and_collection_does_not_import_it() -> None:
    result = run_browser_tests({}, block_playwright=True)
    out = result.stdout + result.stderr
    assert result.returncode == 0, out
    assert "1 passed, 1 skipped" in out, out
    assert "the playwright Python package" in out, out


@pytest.mark.parametrize("block_playwright", [False, True])
def test_missing_browser_fails_under_make_test(block_playwright) -> None:
    changes = {"BRIEFINGS_REQUIRE_BROWSER": "1"}
    if not block_playwright:
        changes["BRIEFINGS_CHROMIUM"] = NOWHERE
    result = run_browser_tests(changes, block_playwright=block_playwright)
    out = result.stdout + result.stderr
    assert result.returncode == 1, out
    assert "skipped" not in out, out
    assert "1 passed" in out, out
    assert "ERROR tests/test_browser.py::test_every_page_kind_loads_cleanly_and_stays_on_its_own_host" in out, out
    assert "browser tests need" in out, out
    assert "run `make test`" in out, out


def test_make_test_requires_the_browser() -> None:
    """The switch the tests above rely on is the one `make test` sets."""
    recipe = (REPO / "Makefile").read_text().split("\ntest:", 1)[1].split("\n\n", 1)[0]
    assert "BRIEFINGS_REQUIRE_BROWSER=1" in recipe
    assert "pytest" in recipe
