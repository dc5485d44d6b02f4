# Two commands do all set-up: `make site` creates .venv with what a build needs (requirements.txt); `make test`
# adds the second engine, the test tools and the gates (requirements-zensical.txt, requirements-test.txt).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip install --quiet --disable-pip-version-check
STAMP := $(VENV)/.installed
ZENSICAL_STAMP := $(VENV)/.installed-zensical
TEST_STAMP := $(VENV)/.installed-test
# The suite's processes: two cores, and most tests wait on a build, a server or a browser (pytest-xdist).
TEST_WORKERS ?= 2
# The builder `make site` and `make offline` run (the tests of the lock and the swap give a stub).
MKDOCS ?= $(BIN)/mkdocs
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true

.PHONY: site offline zensical test lint fuzz screenshots serve check clean chromium bench

$(STAMP): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) -r requirements.txt
	$(PIP) --no-deps --no-build-isolation -e .
	touch $(STAMP)

$(ZENSICAL_STAMP): $(STAMP) requirements-zensical.txt
	$(PIP) -r requirements-zensical.txt
	touch $(ZENSICAL_STAMP)

$(TEST_STAMP): $(ZENSICAL_STAMP) requirements-test.txt
	$(PIP) -r requirements-test.txt
	touch $(TEST_STAMP)

# scripts/build_site.py runs `mkdocs build --strict` into a temporary folder (.site.tmp.<pid>) and
# swaps it in only when the whole build succeeded, so no failure (an annotation error, a broken link
# MkDocs finds while rendering, a swap step that fails) leaves a missing, half-written or nested
# site/: every rename is checked, a failed step puts the last good site/ back and exits non-zero.
# It holds a lock (.site.lock) for the build and the swap, so a second `make site` says it is
# waiting and runs after the first (it gives up after SITE_LOCK_TIMEOUT seconds, default 1800).
# A site/ that is a file, a symbolic link or a mount point is refused with a clear message.
site: $(STAMP)
	$(BIN)/python scripts/build_site.py --mkdocs $(MKDOCS)

# The copy to open from disk (double-click site-offline/index.html) or carry on a USB stick: the same safe
# build into site-offline/ (its own lock), with Material's offline plugin (BRIEFINGS_OFFLINE=true): .html
# links instead of directory URLs, and search that works from file:// with the worker shim the plugin
# ships, so the copy asks no other host for anything. site/ is not touched.
offline: $(STAMP)
	$(BIN)/python scripts/build_site.py --mkdocs $(MKDOCS) --offline

# The same archive built with Zensical, the successor of Material for MkDocs, into site-zensical/ (no plugin:
# scripts/build_zensical.py runs `briefings generate .zensical/docs`, derives .zensical/mkdocs.yml from mkdocs.yml
# and runs the pinned `zensical build`; a failed step keeps the last good site-zensical/). See CONTRIBUTING.md.
zensical: $(ZENSICAL_STAMP)
	$(BIN)/python scripts/build_zensical.py --zensical $(BIN)/zensical

# Browser tests need Debian's Chromium (never a browser download) and axe-core from npm.
BROWSER_DEPS := node_modules/axe-core/axe.min.js

$(BROWSER_DEPS): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $(BROWSER_DEPS)

chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "installing Debian's chromium for the browser tests"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

# The gates first (ruff and mypy, configured in pyproject.toml, at zero findings), then every test,
# browser tests included (BRIEFINGS_REQUIRE_BROWSER=1: a missing Chromium fails instead of skipping), in
# TEST_WORKERS processes (TEST_WORKERS=0 runs them in this one).
test: lint $(BROWSER_DEPS) chromium
	BRIEFINGS_REQUIRE_BROWSER=1 $(BIN)/python -m pytest -q -n $(TEST_WORKERS)

# The property tests with fresh random examples, many more of them (make test repeats a fixed draw).
fuzz: $(TEST_STAMP)
	HYPOTHESIS_PROFILE=explore $(BIN)/python -m pytest -q -m "not browser and not slow" $$(grep -l "from hypothesis" tests/test_*.py)

lint: $(TEST_STAMP)
	$(BIN)/ruff check plugins tests scripts benchmarks
	$(BIN)/mypy

# Light, dark and phone screenshots of every page kind of the shipped archive (not a test: look at them).
SCREENSHOTS_OUT ?= tests/artifacts/screenshots
screenshots: $(TEST_STAMP) $(BROWSER_DEPS) chromium
	$(BIN)/python scripts/screenshots.py $(SCREENSHOTS_OUT)

# Benchmark: N = 100, 1000, 2000 briefings (BENCH_ARGS=--large adds 5000), then one briefing by article size
# and the closest-passage search (BENCH_ARGS=--render-only runs only that), the claims explorer, and both engines
# (MkDocs and Zensical) on the shipped archive and 1,000 briefings (BENCH_ARGS=--zensical runs only that);
# writes benchmarks/RESULTS.md.
bench: $(TEST_STAMP)
	$(BIN)/python benchmarks/bench.py $(BENCH_ARGS)

serve: $(STAMP)
	$(BIN)/mkdocs serve --dirty --dev-addr 127.0.0.1:8000

check: $(STAMP)
	$(BIN)/briefings check .

clean:
	rm -rf site site-offline site-zensical .zensical $(VENV)
