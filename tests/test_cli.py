"""The `briefings check` command: messages, exit codes, settings read from mkdocs.yml."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bad_inputs.catalogue import CASES
from briefing_archive.core.attribution import attributed_sentences
from briefing_archive.core.model import Span
from briefing_archive.derive.coverage import _overlapped

from conftest import REPO

BRIEFINGS = str(Path(sys.executable).parent / "briefings")


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([BRIEFINGS, *args], capture_output=True, text=True, cwd=cwd, check=False)


def test_clean_archive_exits_0(archive) -> None:
    result = run("check", str(archive.root))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""
    assert "1 briefings, 2 claims" in result.stderr


def test_errors_exit_1_with_contract_format(archive) -> None:
    archive.write("briefings/sources/agency.yml", "name: A\nkind: news-outlet\nreliabilty: B\nnote: n\n")
    result = run("check", cwd=archive.root)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert "briefings/sources/agency.yml:3:1: error: unknown key 'reliabilty' in the file (did you mean " \
           "'reliability'?); the known keys are background, depends_on, identified, kind, name, note, party, reliability, " \
           "role, rubric, url" in lines
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
    assert checked.returncode == 1
    assert "changed since it was pinned" in checked.stdout
    assert "every quote still anchors" in checked.stdout
    assert run("pin", str(archive.root)).returncode == 0
    assert run("check", str(archive.root)).returncode == 0


def test_pin_refuses_a_broken_archive(archive) -> None:
    archive.write("briefings/a-test.yml", archive.root.joinpath("briefings/a-test.yml").read_text()
                  .replace("40 drones were shot down", "41 drones were shot down"))
    before = archive.root.joinpath("briefings/a-test.yml").read_text()
    result = run("pin", str(archive.root))
    assert result.returncode == 1
    assert "nothing pinned" in result.stderr
    assert archive.root.joinpath("briefings/a-test.yml").read_text() == before


def test_new_default_id_and_never_overwrites(shipped) -> None:
    seed = shipped.root / "seeds" / "Field_Report_2.txt"
    seed.write_text("The agency said the bridge was closed.\n")
    assert run("new", "seeds/Field_Report_2.txt", cwd=shipped.root).returncode == 0
    target = shipped.root / "briefings" / "field-report-2.yml"
    target.write_text("kept: as it was\n")
    result = run("new", str(seed), "--root", str(shipped.root))
    assert result.returncode == 1
    assert "already exists" in result.stderr
    assert target.read_text() == "kept: as it was\n"


def test_coverage_reports_each_briefing_and_enforces_min(shipped) -> None:
    assert run("coverage", "--min", "100", str(shipped.root)).returncode == 0   # the shipped archive: all covered
    path = shipped.root / "briefings" / "north-korean-units-pulled-back-as-russian-gains-slow.yml"
    text = path.read_text("utf-8")
    start = text.index("  - id: druzhba-taken")
    path.write_text(text[:start] + text[text.index("  - id: ", start + 1):], "utf-8")   # one claim less
    result = run("coverage", str(shipped.root))
    assert result.returncode == 0
    assert "north-korean-troops-withdrawn-after-heavy-losses: 10/10 attributed sentences covered" in result.stdout
    assert "north-korean-units-pulled-back-as-russian-gains-slow: " in result.stdout
    assert "not covered: seeds/003_264edea5e721573b.txt:" in result.stdout
    assert run("coverage", "--min", "100", str(shipped.root)).returncode == 1
    assert run("coverage", "--min", "50", str(shipped.root)).returncode == 0


@settings(max_examples=300, deadline=None)
@given(text=st.lists(st.sampled_from(["He said so. ", "Plain words. ", "\u201cQuoted.\u201d ", "\n", "x"]),
                     max_size=25).map("".join), data=st.data())
def test_coverage_sweep_matches_checking_every_claim(text: str, data: st.DataObject) -> None:
    """The sweep over sentences gives what checking every sentence against every span gave."""
    offset = st.integers(0, len(text))
    spans = [Span(a, b) for a, b in data.draw(st.lists(st.tuples(offset, offset), max_size=8))]
    sentences = attributed_sentences(text)
    expected = [any(x.start < s.end and x.end > s.start for x in spans) for s in sentences]
    assert _overlapped(sentences, spans) == expected


def test_coverage_lists_unused_profiles(archive) -> None:
    archive.write("briefings/entities/nowhere.yml", "name: Nowhere\nkind: place\n")
    assert "entities no claim names: nowhere" in run("coverage", str(archive.root)).stdout


def test_output_is_plain_when_piped(archive) -> None:
    archive.write("briefings/readme.txt", "x\n")
    result = run("check", str(archive.root))
    assert "\033[" not in result.stdout + result.stderr
    assert "reading" not in result.stderr


def test_shipped_archive_checks_clean(shipped) -> None:


    result = run("check", "--strict", str(shipped.root))
    assert result.returncode == 0, result.stdout
    assert result.stdout == "", result.stdout


@pytest.mark.parametrize(("mutate", "path", "line", "words"), [pytest.param(*c[2:], id=c[1]) for c in CASES])
def test_check_names_the_exact_line_of_each_error(mutate, path, line, words, archive, capsys) -> None:
    from briefing_archive.cli.main import main

    mutate(archive)
    assert main(["check", str(archive.root)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert any(m.startswith(f"{path}:{line}:") and words in m for m in out), out


def test_workflow_and_hook_definitions() -> None:
    import yaml

    workflow = yaml.safe_load((REPO / ".github" / "workflows" / "site.yml").read_text())
    steps = [s.get("name", "") for s in workflow["jobs"]["build"]["steps"]]
    assert {"Check the annotations", "Test", "Build the site (--strict)", "Upload the site"} <= set(steps)
    commands = " ".join(s.get("run", "") for s in workflow["jobs"]["build"]["steps"])
    assert "briefings check --strict" in commands
    assert "make test" in commands
    assert "make site" in commands
    assert "actions/deploy-pages@v4" in str(workflow["jobs"]["deploy"])
    assert "main" in workflow["jobs"]["deploy"]["if"]
    (hook,) = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())
    assert hook["id"] == "briefings-check"
    assert hook["entry"].startswith("briefings check")


def test_a_wrong_setting_is_reported_with_its_line_and_stops_the_check(archive) -> None:
    text = (archive.root / "mkdocs.yml").read_text().replace(
        "  - briefings\n", "  - briefings:\n      publish_text: everything\n")
    (archive.root / "mkdocs.yml").write_text(text)
    result = run("check", str(archive.root))
    assert result.returncode == 2
    assert "mkdocs.yml:" in result.stdout
    assert ": error: the briefings plugin's `publish_text` is 'everything'; " \
        "use one of `full`, `excerpts`" in result.stdout


def test_check_loads_no_renderer(archive) -> None:
    """`briefings check` is the author's loop: it must not pay for importing the renderer, the exports or an
    engine (the generator's import once made every command a fifth of a second slower)."""
    code = ("import sys; from briefing_archive.cli.main import main; code = main(['check', sys.argv[1]]); "
            "heavy = sorted(m for m in sys.modules if m.startswith(('briefing_archive.render', 'briefing_archive.exports', "
            "'briefing_archive.site', 'briefing_archive.mkdocs', 'briefing_archive.zensical', 'mkdocs', 'zensical'))); "
            "print(code, heavy)")
    done = subprocess.run([sys.executable, "-c", code, str(archive.root)], capture_output=True, text=True, check=True)
    assert done.stdout.strip().splitlines()[-1] == "0 []", done.stdout + done.stderr
