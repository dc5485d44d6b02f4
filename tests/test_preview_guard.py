"""The preview keeps serving after a hand-written page at a generated path (issue 22, R8) or a link out of docs/
(R4): the rebuild reports the file as an error, serves the last valid archive, and publishes neither."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.structure.files import get_files

from test_plugin import _free_port, _get, _wait_for, serving


def test_a_generated_path_written_by_hand_keeps_the_last_valid_archive(archive, caplog) -> None:
    with serving(archive) as (config, plugin):
        good = plugin.output
        archive.write("docs/claims/index.md", "# Mine\n")
        plugin.on_pre_build(config=config)   # logs, does not raise
        assert plugin.output is good
        files = config.plugins.on_files(get_files(config), config=config)   # MkDocs' next step: no conflict left
        claims = files.get_file_from_path("claims/index.md")
        assert claims is not None
        assert claims.generated_by == "briefings"
    assert any(r.getMessage().startswith("docs/claims/index.md:1:1: error: docs/claims/index.md is written by hand")
               for r in caplog.records)


@pytest.mark.slow   # starts `mkdocs serve` and waits for rebuilds
@pytest.mark.parametrize("dirty", [True, False], ids=["dirty", "full"])
def test_the_preview_keeps_serving_after_a_page_at_a_generated_path(archive, tmp_path: Path, *, dirty: bool) -> None:
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    secret = "SecretOutsideTheCheckout"
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "config").write_text(secret + "\n", encoding="utf-8")
    server = subprocess.Popen([str(Path(sys.executable).parent / "mkdocs"), "serve", *(["--dirty"] if dirty else []),
                               "-a", f"127.0.0.1:{port}"], cwd=archive.root,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        assert _wait_for(lambda: _get(base + "claims/")), "server did not start"
        archive.write("docs/claims/index.md", "# Mine, by hand\n")
        (archive.root / "docs" / "leak.txt").symlink_to(tmp_path / "outside" / "config")
        page = _wait_for(lambda: (p := _get(base + "claims/")) and "docs/claims/index.md" in p and p)
        assert page, "the rebuild must keep serving, with the problem listed"
        assert "Mine, by hand" not in page
        assert "docs/leak.txt" in page
        assert _get(base + "leak.txt") is None
        assert secret not in (_get(base) or "")
        (archive.root / "docs" / "claims" / "index.md").unlink()
        (archive.root / "docs" / "leak.txt").unlink()
        assert _wait_for(lambda: (p := _get(base + "claims/")) and "docs/claims/index.md" not in p), \
            "fixing the files clears the problem"
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=10)
    assert "docs/claims/index.md:1:1: error:" in output
    assert "docs/leak.txt:1:1: error:" in output
    assert "Traceback" not in output
    assert "BuildError" not in output
