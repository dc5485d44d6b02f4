"""The live preview's dirty rebuilds (`make serve` runs `mkdocs serve --dirty`; mkdocs/preview.py) render only the
pages that changed, yet serve what a full build of the same archive writes: every page, and the search index."""
from __future__ import annotations

import json
import logging
import re
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

SERVE_URL = "http://127.0.0.1:8000/"


class Serve:
    """MkDocs' `serve --dirty` loop without the HTTP server: a fresh config per rebuild, plugins kept."""

    def __init__(self, root: Path, site: Path) -> None:
        self.root, self.site = root, site
        self.config = self._config()
        self.config.plugins.on_startup(command="serve", dirty=True)

    def _config(self) -> MkDocsConfig:
        config = load_config(str(self.root / "mkdocs.yml"), site_dir=str(self.site))
        config.site_url = SERVE_URL
        return config

    def rebuild(self) -> None:
        self.config = self._config()
        build(self.config, serve_url=SERVE_URL, dirty=True)

    def close(self) -> None:
        self.config.plugins.on_shutdown()


def full_build(root: Path, site: Path) -> None:
    """`mkdocs build` with the preview's address, in its own process (MkDocs keeps plugins for a process)."""
    code = ("import sys; from mkdocs.commands.build import build; from mkdocs.config import load_config; "
            "c = load_config(sys.argv[1], site_dir=sys.argv[2]); c.site_url = sys.argv[3]; build(c)")
    subprocess.run([sys.executable, "-c", code, str(root / "mkdocs.yml"), str(site), SERVE_URL], check=True,
                   capture_output=True)


def outputs(site: Path) -> dict[str, bytes]:
    """Every file a reader is served (the compressed sitemap differs only by its gzip timestamp)."""
    found = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*")
             if p.is_file() and p.suffix != ".gz"}
    index = json.loads(found.pop("search/search_index.json"))
    index["docs"] = sorted(index["docs"], key=lambda e: json.dumps(e, sort_keys=True))
    found["search/search_index.json"] = json.dumps(index, sort_keys=True).encode()
    return found


def same_as_full_build(archive, tmp_path: Path, preview: Path, name: str) -> None:
    reference = tmp_path / f"full-{name}"
    full_build(archive.root, reference)
    got, want = outputs(preview), outputs(reference)
    assert sorted(got) == sorted(want)
    differ = [path for path in want if got[path] != want[path]]
    assert not differ, differ[:10]


def rendered(caplog: pytest.LogCaptureFixture) -> int:
    counts = [int(m.group(1)) for r in caplog.records
              if (m := re.search(r"rendering (\d+) changed page", r.getMessage()))]
    caplog.clear()
    return counts[-1]


def test_dirty_preview_serves_what_a_full_build_writes(archive, tmp_path, caplog) -> None:
    caplog.set_level(logging.INFO)
    preview = tmp_path / "preview"
    # a second briefing, whose page the core keeps from the last build when only the first one's prose changes
    archive.write("briefings/b-test.yml", (archive.root / "briefings/a-test.yml").read_text("utf-8")
                  .replace("title: A test briefing", "title: Another briefing")
                  .replace("corroborates: a-test#drones", "echoes: a-test#drones"))
    serve = Serve(archive.root, preview)
    try:
        serve.rebuild()
        everything = rendered(caplog)
        briefing = archive.root / "briefings/a-test.yml"
        archive.write("briefings/a-test.yml", briefing.read_text("utf-8")
                      .replace("summary: A *small* briefing.", "summary: A *freshly edited* briefing."))
        serve.rebuild()
        assert any("1 briefing pages unchanged, kept" in r.getMessage() for r in caplog.records)
        assert rendered(caplog) < everything    # only the pages that show the summary
        assert "freshly edited" in (preview / "briefings/a-test/index.html").read_text("utf-8")
        same_as_full_build(archive, tmp_path, preview, "summary")

        archive.write("briefings/a-test.yml", briefing.read_text("utf-8").replace("note: Probably true;",
                                                                                  "note: Edited, probably true;"))
        serve.rebuild()                          # a claim's note: prose too
        same_as_full_build(archive, tmp_path, preview, "note")

        archive.write("briefings/a-test.yml", briefing.read_text("utf-8").replace(
            "    entities: [region]\n", "    entities: [region]\n    background: Known from <em>elsewhere</em>.\n", 1))
        serve.rebuild()                          # background: prose, in the page and both JSON exports
        assert any("1 briefing pages unchanged, kept" in r.getMessage() for r in caplog.records)
        assert "elsewhere" in (preview / "archive.json").read_text("utf-8")
        same_as_full_build(archive, tmp_path, preview, "background")

        source = archive.root / "briefings/sources/agency.yml"
        archive.write("briefings/sources/agency.yml", source.read_text("utf-8").replace("A wire service.",
                                                                                         "A wire service, edited."))
        serve.rebuild()                          # a source's note: prose, on its own page and in archive.json
        assert any("2 briefing pages unchanged, kept" in r.getMessage() for r in caplog.records)
        assert rendered(caplog) < everything
        same_as_full_build(archive, tmp_path, preview, "source")

        archive.write("briefings/sources/agency.yml", source.read_text("utf-8").replace("reliability: B",
                                                                                         "reliability: C"))
        serve.rebuild()                          # a source's grade: not prose, every page is rendered again
        assert not any("briefing pages unchanged" in r.getMessage() for r in caplog.records)
        same_as_full_build(archive, tmp_path, preview, "grade")

        for name in ("a-test", "b-test"):
            path = archive.root / f"briefings/{name}.yml"
            archive.write(f"briefings/{name}.yml", path.read_text("utf-8").replace("tags: [test]", "tags: [other]"))
        serve.rebuild()                          # a tag page goes, another comes: every page again
        assert not (preview / "tags/test/index.html").exists()
        same_as_full_build(archive, tmp_path, preview, "tags")

        archive.write("briefings/b-test.yml", (archive.root / "briefings/b-test.yml").read_text("utf-8")
                      .replace("title: Another briefing", "title: Another briefing, retitled"))
        serve.rebuild()                          # a title: not prose; the pages that show it, not the others
        assert rendered(caplog) < everything
        assert "Another briefing, retitled" in (preview / "briefings/a-test/index.html").read_text("utf-8")
        same_as_full_build(archive, tmp_path, preview, "title")

        before = outputs(preview)
        archive.write("briefings/a-test.yml", "title: [broken\n")
        serve.rebuild()                          # a bad edit keeps the last valid archive
        assert outputs(preview) == before
    finally:
        serve.close()


class Said(logging.Handler):
    """Every message MkDocs' loggers let through (a logger's filter drops a record before any handler sees it)."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def test_kept_pages_follow_the_navigation_and_the_settings(archive, tmp_path, caplog) -> None:
    """What every page shows around its content (the navigation, mkdocs.yml) renders the kept pages again; and no
    dirty build of the preview says it "will likely lead to inaccurate navigation", while the plugin says what it
    renders again."""
    caplog.set_level(logging.INFO)
    said = Said()
    logging.getLogger("mkdocs").addHandler(said)
    archive.write("docs/extra.md", "# Extra page\n\nHand-written.\n")
    preview = tmp_path / "preview"
    serve = Serve(archive.root, preview)
    try:
        serve.rebuild()
        everything = rendered(caplog)
        archive.write("docs/extra.md", "# Extra page, retitled\n\nHand-written.\n")
        serve.rebuild()                          # a hand-written page's title: in every page's navigation
        assert "Extra page, retitled" in (preview / "briefings/a-test/index.html").read_text("utf-8")
        same_as_full_build(archive, tmp_path, preview, "handwritten-title")
        archive.write("docs/more.md", "# One more page\n")
        serve.rebuild()                          # a hand-written page added
        same_as_full_build(archive, tmp_path, preview, "handwritten-added")
        caplog.clear()
        briefing = archive.root / "briefings/a-test.yml"
        archive.write("briefings/a-test.yml", briefing.read_text("utf-8")
                      .replace("summary: A *small* briefing.", "summary: A *freshly edited* briefing."))
        serve.rebuild()                          # the navigation as before: the pages that changed only
        assert rendered(caplog) < everything
        same_as_full_build(archive, tmp_path, preview, "summary")
        archive.write("mkdocs.yml", (archive.root / "mkdocs.yml").read_text("utf-8")
                      .replace("site_name: Test archive", "site_name: Renamed archive"))
        serve.rebuild()                          # the site's settings: every page's header
        same_as_full_build(archive, tmp_path, preview, "settings")
    finally:
        serve.close()
        logging.getLogger("mkdocs").removeHandler(said)
    assert not [m for m in said.messages if "'dirty' build" in m]
    assert len([m for m in said.messages if re.search(r"rendering \d+ changed page\(s\) again", m)]) == 5
    # and says so when it renders the kept pages again: retitled, added, settings (not for the summary)
    assert len([m for m in said.messages if "the navigation or mkdocs.yml changed" in m]) == 3
    # the filter lives as long as the preview: any other dirty build in this process warns as MkDocs does
    assert not logging.getLogger("mkdocs.commands.build").filters
