# Two commands do all set-up: `make site` and `make test` create .venv and install the pinned dependencies.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true

.PHONY: site test serve check clean chromium bench

$(STAMP): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

# Build into a temporary folder and swap it in only when the whole build succeeded, so no failure
# of any kind (an annotation error, or a broken link MkDocs finds while rendering) leaves a
# half-written site/ behind.
site: $(STAMP)
	rm -rf .site.tmp
	$(BIN)/mkdocs build --strict --site-dir .site.tmp || { rm -rf .site.tmp; exit 1; }
	rm -rf .site.old; if [ -d site ]; then mv site .site.old; fi; mv .site.tmp site; rm -rf .site.old

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

test: $(STAMP) $(BROWSER_DEPS) chromium
	$(BIN)/python -m pytest -q

# Benchmark: N = 100, 1000, 2000 briefings (BENCH_ARGS=--large adds 5000), then one briefing by article size
# and the closest-passage search (BENCH_ARGS=--render-only runs only that); writes benchmarks/RESULTS.md.
bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py $(BENCH_ARGS)

serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

check: $(STAMP)
	$(BIN)/briefings check .

clean:
	rm -rf site $(VENV)
