"""The `briefings check` command: messages, exit codes, settings read from mkdocs.yml."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

BRIEFINGS = str(Path(sys.executable).parent / "briefings")


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([BRIEFINGS, *args], capture_output=True, text=True, cwd=cwd)


def test_clean_archive_exits_0(archive) -> None:
    result = run("check", str(archive.root))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == "" and "1 briefings, 2 claims" in result.stderr


def test_errors_exit_1_with_contract_format(archive) -> None:
    archive.write("briefings/sources/agency.yml", "name: A\nkind: news-outlet\nreliabilty: B\nnote: n\n")
    result = run("check", cwd=archive.root)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert "briefings/sources/agency.yml:3:1: error: unknown key 'reliabilty' in the file (did you mean " \
           "'reliability'?); the known keys are depends_on, kind, name, note, party, reliability, rubric, url" in lines
    assert "Traceback" not in result.stderr


def test_warnings_exit_0_unless_strict(archive) -> None:
    archive.write("briefings/readme.txt", "notes\n")
    assert run("check", str(archive.root)).returncode == 0
    assert run("check", "--strict", str(archive.root)).returncode == 1


def test_json_format(archive) -> None:
    archive.write("briefings/readme.txt", "notes\n")
    result = run("check", "--format", "json", str(archive.root))
    assert json.loads(result.stdout) == [{"path": "briefings/readme.txt", "line": 1, "col": 1, "severity": "warning",
                                          "message": "only .yml files are read here; rename it to readme.yml "
                                                     "or move it out of the archive"}]


def test_settings_come_from_mkdocs_yml(archive) -> None:
    (archive.root / "briefings").rename(archive.root / "notes")
    text = (archive.root / "mkdocs.yml").read_text().replace("  - briefings\n", "  - briefings:\n      briefings_dir: notes\n")
    (archive.root / "mkdocs.yml").write_text(text + "extra:\n  x: !ENV [HOME, x]\n")
    assert run("check", str(archive.root)).returncode == 0


def test_usage_errors_exit_2(tmp_path) -> None:
    assert run("check", str(tmp_path)).returncode == 2
    assert run("frobnicate").returncode == 2


def test_pin_records_hashes_and_keeps_the_rest_of_the_file(archive) -> None:
    import hashlib

    path = archive.root / "briefings" / "a-test.yml"
    before = path.read_text()
    result = run("pin", str(archive.root))
    assert result.returncode == 0, result.stdout + result.stderr
    sha = hashlib.sha256((archive.root / "seeds" / "a.txt").read_bytes()).hexdigest()
    assert path.read_text() == before.replace("article: a.txt\n", f"article: a.txt\narticle_sha256: {sha}\n")
    assert run("check", str(archive.root)).returncode == 0
    seed = archive.root / "seeds" / "a.txt"
    seed.write_text(seed.read_text() + "A new closing line.\n")
    checked = run("check", str(archive.root))
    assert checked.returncode == 1 and "changed since it was pinned" in checked.stdout
    assert "every quote still anchors" in checked.stdout
    assert run("pin", str(archive.root)).returncode == 0 and run("check", str(archive.root)).returncode == 0


def test_pin_refuses_a_broken_archive(archive) -> None:
    archive.write("briefings/a-test.yml", archive.root.joinpath("briefings/a-test.yml").read_text()
                  .replace("40 drones were shot down", "41 drones were shot down"))
    before = archive.root.joinpath("briefings/a-test.yml").read_text()
    result = run("pin", str(archive.root))
    assert result.returncode == 1 and "nothing pinned" in result.stderr
    assert archive.root.joinpath("briefings/a-test.yml").read_text() == before
