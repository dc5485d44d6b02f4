"""The copy that opens from disk (`make offline`): file URLs that lead to files, search that runs from
file:// with the worker shim the plugin ships (never a CDN's), and a served site that keeps its directory
URLs. The copy in a real browser through file:// is tested in test_browser.py; `make offline` itself in
test_make_site.py."""
from __future__ import annotations

import logging
import os
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from briefing_archive.site import WORKER_SHIM

from conftest import B003, REPO, copy_shipped

SHIM = REPO / "plugins" / "briefing_archive" / "assets" / "iframe-worker-shim.js"
NPM_SHIM = REPO / "node_modules" / "iframe-worker" / "shim" / "index.js"
REQUIRE = os.environ.get("BRIEFINGS_REQUIRE_BROWSER", "") not in ("", "0")


def test_the_shipped_shim_is_the_pinned_npm_release_with_its_licence() -> None:
    if not NPM_SHIM.exists():
        if REQUIRE:
            pytest.fail(f"{NPM_SHIM} is missing: `make test` installs it (npm ci)")
        pytest.skip(f"{NPM_SHIM} is missing: run `npm ci` (make test does) to compare the shipped copy")
    header, body = SHIM.read_text("utf-8").split("*/\n", 1)
    assert body == NPM_SHIM.read_text("utf-8")
    assert "iframe-worker 1.0.4" in header
    assert "Permission is hereby granted" in header
    assert (REPO / "node_modules" / "iframe-worker" / "package.json").read_text().count('"version": "1.0.4"') == 1


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory) -> Path:
    """The shipped archive built as `make offline` builds it."""
    archive = copy_shipped(tmp_path_factory.mktemp("offline") / "archive")
    return archive.build(strict=True, site_dir=archive.root / "site-offline", offline=True)


LOCAL = re.compile(r'\s(?:href|src)="([^"#?]*)[^"]*"')


def test_every_local_link_of_the_offline_copy_leads_to_a_file(offline_site: Path) -> None:
    """Opened from disk, a link to a folder shows a directory listing: every link must name its file."""
    assert (offline_site / "briefings" / f"{B003}.html").is_file()
    bad = []
    for page in offline_site.rglob("*.html"):
        if page.name == "404.html":   # served by a web server at any address, so its links are absolute
            continue
        for target in LOCAL.findall(page.read_text("utf-8")):
            if not target or urlsplit(target).scheme:
                continue
            path = (page.parent / unquote(target)).resolve()
            if not path.is_file():
                bad.append(f"{page.relative_to(offline_site)} -> {target}")
    assert bad == []


def test_the_offline_copy_loads_the_shipped_worker_shim_and_nothing_from_another_host(offline_site: Path) -> None:
    assert (offline_site / WORKER_SHIM).read_bytes() == SHIM.read_bytes()
    assert (offline_site / "search" / "search_index.js").read_text("utf-8").startswith("var __index = {")
    for page in offline_site.rglob("*.html"):
        text = page.read_text("utf-8")
        scripts = re.findall(r'<script[^>]*\ssrc="([^"]+)"', text) + re.findall(r'<link[^>]*\shref="([^"]+)"', text)
        foreign = [s for s in scripts if urlsplit(s).scheme and not s.startswith(("data:", "blob:"))
                   and not re.search(r'rel="(?:canonical|alternate)"[^>]*href="' + re.escape(s), text)]
        assert foreign == [], (page, foreign)   # a canonical or feed address is a name, not a request
        assert "unpkg" not in text, page
        assert "iframe-worker-shim.js" in text, page


def test_the_served_site_keeps_its_directory_urls_and_loads_no_shim(shipped_site: Path) -> None:
    page = (shipped_site / "briefings" / B003 / "index.html").read_text("utf-8")
    assert 'href="../../sources/uk-mod/"' in page
    assert not re.search(r'href="[^":]*\.html[#"]', page)
    assert "iframe-worker-shim.js" not in page
    assert not (shipped_site / "search" / "search_index.js").exists()


def test_an_offline_copy_with_pagefind_says_its_search_will_not_work(tmp_path, caplog) -> None:
    archive = copy_shipped(tmp_path / "pf")
    text = (archive.root / "mkdocs.yml").read_text("utf-8")
    archive.write("mkdocs.yml", text.replace("  - search\n", "").replace(
        "      briefings_dir: briefings\n", "      briefings_dir: briefings\n      search: pagefind\n"))
    archive.build(site_dir=tmp_path / "out", offline=True)
    assert any("Pagefind's search cannot run from file://" in r.getMessage() for r in caplog.records)


def test_a_pagefind_site_keeps_materials_search_for_its_offline_copy(tmp_path, caplog) -> None:
    """`search: pagefind` with Material's search enabled only for the offline copy: the site is indexed by
    Pagefind, the offline copy gets Material's search (which runs from file://) and says so once."""
    archive = copy_shipped(tmp_path / "pf")
    text = (archive.root / "mkdocs.yml").read_text("utf-8")
    archive.write("mkdocs.yml", text.replace("  - search\n", "  - search:\n      enabled: !ENV [BRIEFINGS_OFFLINE, false]\n")
                  .replace("      briefings_dir: briefings\n", "      briefings_dir: briefings\n      search: pagefind\n"))
    online = archive.build(site_dir=tmp_path / "online")
    assert (online / "pagefind" / "pagefind-entry.json").is_file()
    assert not (online / "search").exists()
    caplog.clear()
    caplog.set_level(logging.INFO)
    offline = archive.build(site_dir=tmp_path / "offline", offline=True)
    assert (offline / "search" / "search_index.js").is_file()
    assert not (offline / "pagefind").exists()
    assert "pagefind" not in (offline / "index.html").read_text("utf-8")
    explorer = (offline / "claims" / "index.html").read_text("utf-8")   # says what its words search offline
    assert "not in the notes" in explorer
    assert "data-pagefind" not in explorer
    assert "in the quotes, notes and backgrounds" in (online / "claims" / "index.html").read_text("utf-8")
    told = [r.getMessage() for r in caplog.records if "offline copy uses Material's search" in r.getMessage()]
    assert len(told) == 1, told
