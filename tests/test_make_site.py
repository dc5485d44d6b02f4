"""`make site` never leaves a half-written site: validation failures and failures MkDocs finds
while rendering (a broken link in strict mode) both keep the last good site/ byte for byte."""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from bad_inputs.catalogue import CASES
from conftest import REPO, Archive, copy_shipped


def snapshot(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.fixture
def project(tmp_path: Path) -> Archive:
    """A copy of this project (not its .venv, which is linked) where `make site` can run."""
    root = copy_shipped(tmp_path / "project").root
    for name in ("Makefile", "requirements.txt", "pyproject.toml"):
        shutil.copy2(REPO / name, root / name)
    (root / ".venv").symlink_to(REPO / ".venv")
    return Archive(root)


def make_site(root: Path) -> subprocess.CompletedProcess:
    # -o: take the installed virtualenv as it is (it is this project's own, already set up).
    return subprocess.run(["make", "-o", ".venv/.installed", "site"], cwd=root, capture_output=True, text=True,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"})


def first_case_of_each_category():
    seen = {}
    for case in CASES:
        seen.setdefault(case[0], case)
    return list(seen.values())


def fixture_into(project: Archive) -> None:
    """Replace the shipped content by the small fixture archive, which the catalogue mutates."""
    from conftest import write_fixture

    for name in ("seeds", "briefings"):
        shutil.rmtree(project.root / name)
    write_fixture(project, site_config=False)


@pytest.mark.parametrize("category, case, mutate, path, line, words", first_case_of_each_category(),
                         ids=[c[0] for c in first_case_of_each_category()])
def test_make_site_keeps_the_last_good_site(project, category, case, mutate, path, line, words) -> None:
    fixture_into(project)
    first = make_site(project.root)
    assert first.returncode == 0, first.stderr
    before = snapshot(project.site)
    mutate(project)
    failed = make_site(project.root)
    assert failed.returncode != 0
    assert f"{path}:{line}:" in failed.stderr and "Traceback" not in failed.stderr
    assert snapshot(project.site) == before
    assert not (project.root / ".site.tmp").exists()


def test_make_site_survives_a_broken_link_found_by_mkdocs(project) -> None:
    assert make_site(project.root).returncode == 0
    before = snapshot(project.site)
    (project.root / "docs" / "index.md").write_text((project.root / "docs" / "index.md").read_text()
                                                    + "\nSee [the missing page](missing.md).\n")
    failed = make_site(project.root)
    assert failed.returncode != 0 and "missing.md" in failed.stderr
    assert snapshot(project.site) == before
    assert not (project.root / ".site.tmp").exists()


def test_make_site_replaces_the_site_on_success(project) -> None:
    assert make_site(project.root).returncode == 0
    (project.root / "site" / "stale.txt").write_text("from an older build")
    assert make_site(project.root).returncode == 0
    assert not (project.root / "site" / "stale.txt").exists()
    assert (project.root / "site" / "briefings" / "index.html").is_file()
