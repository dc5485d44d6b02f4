"""`briefings check` keeps each unchanged file's result on disk (load/diskcache.py): a warm run must say
exactly what a run without the cache says, line numbers included, whatever changed since the last run."""
from __future__ import annotations

import pytest

from bad_inputs.catalogue import CASES
from briefing_archive.cli.main import main


def _check(root: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["check", root])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize(("mutate", "path", "line"), [pytest.param(*c[2:5], id=c[1]) for c in CASES])
def test_warm_check_says_what_a_cold_one_says(mutate, path, line, archive, capsys,
                                              monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("BRIEFINGS_CACHE_DIR", str(tmp_path / "cache"))
    assert _check(str(archive.root), capsys)[0] == 0          # every file of the clean archive is now cached
    mutate(archive)
    warm = _check(str(archive.root), capsys)
    monkeypatch.setenv("BRIEFINGS_CACHE_DIR", "off")
    assert warm == _check(str(archive.root), capsys)
    assert any(m.startswith(f"{path}:{line}:") for m in warm[1].splitlines()), warm


def test_cross_file_problem_in_a_cached_file_has_its_line(archive, capsys, monkeypatch, tmp_path) -> None:
    """The cache keeps no positions; a problem found later in a cached file re-reads the file for them."""
    monkeypatch.setenv("BRIEFINGS_CACHE_DIR", str(tmp_path / "cache"))
    assert _check(str(archive.root), capsys)[0] == 0
    assert list((tmp_path / "cache").glob("*.pickle"))
    archive.remove("briefings/sources/ministry.yml")
    code, out, _ = _check(str(archive.root), capsys)
    assert code == 1, out
    assert "briefings/a-test.yml:8:23:" in out, out
    assert "ministry" in out, out


def test_edited_article_is_checked_again(archive, capsys, monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("BRIEFINGS_CACHE_DIR", str(tmp_path / "cache"))
    assert _check(str(archive.root), capsys)[0] == 0
    seed = archive.root / "seeds" / "a.txt"
    seed.write_text(seed.read_text("utf-8").replace("40 drones", "forty drones"), encoding="utf-8")
    code, out, _ = _check(str(archive.root), capsys)
    assert code == 1, out
    assert "briefings/a-test.yml:" in out, out


def test_cache_off_writes_nothing(archive, capsys, monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("BRIEFINGS_CACHE_DIR", "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert _check(str(archive.root), capsys)[0] == 0
    assert not (tmp_path / "xdg").exists()
