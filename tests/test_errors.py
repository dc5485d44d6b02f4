"""The catalogue of bad inputs (``bad_inputs/catalogue.py``): each case's message, file and line, and
the last good site kept, in ``mkdocs build`` and ``--strict``."""
from __future__ import annotations

import hashlib
import logging
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from bad_inputs.catalogue import CASES, LINE, B, replace, with_other


@pytest.fixture(scope="module")
def good_site(tmp_path_factory) -> Path:
    from conftest import Archive, write_fixture

    return write_fixture(Archive(tmp_path_factory.mktemp("good"))).build()


def snapshot(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.mark.parametrize(("mutate", "path", "line", "words"), [pytest.param(*c[2:], id=c[1]) for c in CASES])
@pytest.mark.parametrize("strict", [False, True], ids=["build", "strict"])
def test_error_kind(mutate, path, line, words, strict, archive, good_site, caplog) -> None:
    shutil.copytree(good_site, archive.site)
    before = snapshot(archive.site)
    mutate(archive)
    caplog.set_level(logging.INFO)
    with pytest.raises(Abort):
        archive.build(strict=strict)
    messages = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    problems = [m for m in messages if LINE.match(m)]
    assert problems, messages
    named = [m for m in problems if LINE.match(m)["path"] == path and int(LINE.match(m)["line"]) == line]
    assert any(words in m for m in named), "\n".join(messages)
    assert snapshot(archive.site) == before, "a failed build must leave the last good site untouched"


def test_all_problems_are_reported_at_once(archive, caplog) -> None:
    replace("credibility: 2", "credibility: 9")(archive)
    replace("reliability: B", "reliability: G", "briefings/sources/agency.yml")(archive)
    replace("entities: [region]", "entities: [nowhere]")(archive)
    caplog.set_level(logging.INFO)
    with pytest.raises(Abort):
        archive.build()
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR and LINE.match(r.getMessage())]
    assert len(errors) >= 2  # schema errors in two files; the reference check waits for valid shapes
    assert {LINE.match(e)["path"] for e in errors} == {B, "briefings/sources/agency.yml"}


def test_warnings_fail_strict_builds_before_the_clean(archive, good_site, caplog) -> None:
    shutil.copytree(good_site, archive.site)
    before = snapshot(archive.site)
    archive.write("briefings/notes.txt", "scratch notes\n")
    with pytest.raises(Abort):
        archive.build(strict=True)
    assert any("briefings/notes.txt:1:1: warning: only .yml files are read here" in r.getMessage()
               for r in caplog.records)
    assert snapshot(archive.site) == before
    archive.build(strict=False)  # without --strict a warning does not stop the build


@pytest.mark.parametrize("strict", [False, True])
def test_command_line_exit_code_and_no_traceback(archive, good_site, strict) -> None:
    shutil.copytree(good_site, archive.site)
    before = snapshot(archive.site)
    replace("quote: 40 drones were shot down", "quote: 41 drones were shot down")(archive)
    cmd = [str(Path(sys.executable).parent / "mkdocs"), "build"] + (["--strict"] if strict else [])
    result = subprocess.run(cmd, cwd=archive.root, capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert re.search(r"briefings/a-test\.yml:7:12: error: claim 'drones': the quote is not in seeds/a\.txt",
                     result.stderr), result.stderr
    assert snapshot(archive.site) == before


ONE_CAUSE = [c for c in CASES if c[0] in ("cascade", "drafts")]


def test_the_other_briefing_is_valid_on_its_own(archive, capsys) -> None:
    """The cascade cases' second briefing relates to and links to a-test, and is clean."""
    from briefing_archive.cli.main import main

    with_other(archive)
    assert main(["check", "--strict", str(archive.root)]) == 0, capsys.readouterr().out


@pytest.mark.parametrize(("mutate", "path", "line", "words"), [pytest.param(*c[2:], id=c[1]) for c in ONE_CAUSE])
def test_one_cause_gives_one_message(mutate, path, line, words, archive, capsys) -> None:
    """A broken file is still known by its id: the full list of messages (errors and warnings) is its
    own error only, never "does not exist", "create ..." or "did you mean" in the files that name it."""
    from briefing_archive.cli.main import main

    mutate(archive)
    assert main(["check", str(archive.root)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 1, "\n".join(out)
    assert out[0].startswith(f"{path}:{line}:"), out
    assert words in out[0], out


NO_CLAIMS = """\
article: a.txt
title: Not annotated yet
summary: The article, read but not yet annotated.
claims: []
"""


def test_a_briefing_without_claims_on_an_attributing_article_is_a_warning(archive, good_site, caplog) -> None:
    """Contract v1.1: no claims while the article has attributed sentences is a warning: --strict refuses
    the build, a plain build publishes it (and says so)."""
    shutil.copytree(good_site, archive.site)
    before = snapshot(archive.site)
    archive.write("briefings/b-test.yml", NO_CLAIMS)
    caplog.set_level(logging.INFO)
    with pytest.raises(Abort):
        archive.build(strict=True)
    assert snapshot(archive.site) == before
    warned = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING and LINE.match(r.getMessage())]
    assert len(warned) == 1, warned
    assert warned[0].startswith("briefings/b-test.yml:4:1: warning: briefing 'b-test' has no claims, but its "
                                "article has 2 attributed sentence(s) (the first on line 2)"), warned
    caplog.clear()
    site = archive.build(strict=False)
    assert (site / "briefings" / "b-test" / "index.html").is_file()
    assert any("briefing 'b-test' has no claims" in r.getMessage() for r in caplog.records)


@pytest.mark.usefixtures("no_warnings")
def test_uncovered_sentences_of_a_briefing_with_claims_are_no_warning(archive) -> None:
    """Sentences no claim covers are a report of `briefings coverage`, not a warning of the build."""
    seed = archive.root / "seeds" / "a.txt"
    seed.write_text(seed.read_text("utf-8") + "The agency said more would follow.\n", "utf-8")   # no claim covers it
    archive.build(strict=True)


def test_independence_is_judged_beside_errors_it_does_not_rest_on(archive, capsys) -> None:
    """All at once: a relation whose claims and sources are all valid is judged even while an unrelated
    file has errors."""
    from briefing_archive.cli.main import main

    replace("note: A wire service.", "note: A wire service.\ndepends_on: [ministry]", "briefings/sources/agency.yml")(archive)
    archive.write("briefings/sources/spare.yml", "name: Spare\nkind: other\nreliability: G\nnote: Unused.\n")
    assert main(["check", str(archive.root)]) == 1
    out = sorted(capsys.readouterr().out.splitlines())
    assert len(out) == 2, out
    assert out[0].startswith("briefings/a-test.yml:23:")
    assert "circular reporting is not corroboration" in out[0]
    assert out[1].startswith("briefings/sources/spare.yml:3:")
    assert "'G', which is not allowed" in out[1]
