"""The MkDocs adapter: live preview keeps the last valid archive; rebuilds follow seeds and YAML."""
from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig


@contextmanager
def serving(archive) -> Iterator[tuple[MkDocsConfig, Any]]:
    """The archive's config and plugin as `mkdocs serve` runs them, after a first good build."""
    config = load_config(str(archive.root / "mkdocs.yml"))
    plugin = config.plugins["briefings"]
    plugin.on_startup(command="serve", dirty=False)
    try:
        plugin.on_pre_build(config=config)
        yield config, plugin
    finally:
        plugin.on_shutdown()   # as MkDocs does when the command ends


def test_serve_keeps_last_valid_archive(archive, caplog) -> None:
    with serving(archive) as (config, plugin):
        good = plugin.output
        archive.write("briefings/a-test.yml", "title: [broken\n")
        plugin.on_pre_build(config=config)  # logs, does not raise
        assert plugin.output is good
    assert any("briefings/a-test.yml:2:1: error: YAML syntax error" in r.getMessage() for r in caplog.records)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def _wait_for(predicate, seconds: float = 30.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.3)
    return None


@pytest.mark.slow   # starts `mkdocs serve` and waits for two rebuilds (about 5 s)
def test_mkdocs_serve_rebuilds_on_seed_and_yaml_edits(archive) -> None:
    port = _free_port()
    url = f"http://127.0.0.1:{port}/briefings/a-test/"
    server = subprocess.Popen([str(Path(sys.executable).parent / "mkdocs"), "serve",
                               "-a", f"127.0.0.1:{port}"], cwd=archive.root,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        assert _wait_for(lambda: _get(url)), "server did not start"
        seed = archive.root / "seeds" / "a.txt"
        seed.write_text(seed.read_text() + "A freshly added closing paragraph.\n")
        assert _wait_for(lambda: "freshly added" in (_get(url) or "")), "seed edit did not rebuild"
        archive.write("briefings/a-test.yml", (archive.root / "briefings/a-test.yml").read_text()
                      .replace("title: A test briefing", "title: A renamed briefing"))
        assert _wait_for(lambda: "A renamed briefing" in (_get(url) or "")), "YAML edit did not rebuild"
        archive.write("briefings/a-test.yml", "title: [broken\n")
        time.sleep(3)
        page = _get(url)
        assert page is not None, "a bad edit must keep the last good preview"
        assert "A renamed briefing" in page, "a bad edit must keep the last good preview"
        assert 'class="admonition failure bx-preview-problems" role="alert"' in page   # and says why (no --dirty too)
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=10)
    assert "briefings/a-test.yml:2:1: error: YAML syntax error" in output
    assert "Traceback" not in output
