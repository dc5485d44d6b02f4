"""`make site` never leaves a missing, half-written or nested site: validation failures, failures
MkDocs finds while rendering (a broken link in strict mode) and failed swap steps all keep the last
good site/ byte for byte, and two runs at once are serialised by a lock."""
from __future__ import annotations

import fcntl
import hashlib
import importlib.util
import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import IO

import pytest

from bad_inputs.catalogue import CASES

from conftest import B003, REPO, Archive


def snapshot(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


# -o: take the installed virtualenv as it is (it is this project's own, already set up).
MAKE_SITE = ["make", "-o", ".venv/.installed", "site"]
#: The tests of the lock and the swap: `make site` as it is, with a stub in place of MkDocs (tests/stub_mkdocs.py).
STUB_SITE = [*MAKE_SITE, f"MKDOCS={Path(__file__).parent / 'stub_mkdocs.py'}"]
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}


def make_site(root: Path, *, stub: bool = False, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(STUB_SITE if stub else MAKE_SITE, cwd=root, capture_output=True, text=True,
                          env={**ENV, **env}, check=False)


def leftovers(root: Path) -> list[str]:
    """Temporary folders of the swap, next to site/ or (nested by a bad swap) inside it."""
    return sorted(p.relative_to(root).as_posix() for pattern in (".site.tmp*", ".site.old*")
                  for p in [*root.glob(pattern), *(root / "site").glob(pattern)])


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


@pytest.mark.slow   # a real `make site` (mkdocs build --strict in a subprocess)
@pytest.mark.parametrize(("mutate", "path", "line"),
                         [pytest.param(*c[2:5], id=c[0]) for c in first_case_of_each_category()])
def test_make_site_keeps_the_last_good_site(project, mutate, path, line) -> None:
    fixture_into(project)
    first = make_site(project.root, stub=True)    # the last good site: what it holds does not matter here
    assert first.returncode == 0, first.stderr
    before = snapshot(project.site)
    mutate(project)
    failed = make_site(project.root)
    assert failed.returncode != 0
    assert f"{path}:{line}:" in failed.stderr
    assert "Traceback" not in failed.stderr
    assert snapshot(project.site) == before
    assert leftovers(project.root) == []


@pytest.mark.slow   # a real `make site` (mkdocs build --strict in a subprocess)
def test_make_site_survives_a_broken_link_found_by_mkdocs(project) -> None:
    assert make_site(project.root, stub=True).returncode == 0
    before = snapshot(project.site)
    (project.root / "docs" / "index.md").write_text((project.root / "docs" / "index.md").read_text()
                                                    + "\nSee [the missing page](missing.md).\n")
    failed = make_site(project.root)
    assert failed.returncode != 0
    assert "missing.md" in failed.stderr
    assert snapshot(project.site) == before
    assert leftovers(project.root) == []


@pytest.mark.slow   # a real `make site` (mkdocs build --strict in a subprocess)
def test_make_site_replaces_the_site_on_success(project) -> None:
    assert make_site(project.root).returncode == 0
    (project.root / "site" / "stale.txt").write_text("from an older build")
    assert make_site(project.root).returncode == 0
    assert not (project.root / "site" / "stale.txt").exists()
    assert (project.root / "site" / "briefings" / "index.html").is_file()


WAITING = "waiting for another build of site/ to finish"
KEPT = "the last good site/ was kept"


def complete(site: Path) -> bool:
    return (site / "index.html").is_file() and (site / "briefings" / "index.html").is_file()


def file_names(site: Path) -> set[str]:
    return set(snapshot(site))


@contextmanager
def site_lock_held(root: Path) -> Iterator[IO[str]]:
    """Hold the real lock `make site` takes, as another build would."""
    with open(root / ".site.lock", "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield handle


def start_make_site(root: Path) -> subprocess.Popen:
    return subprocess.Popen(STUB_SITE, cwd=root, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**ENV, "SITE_LOCK_TIMEOUT": "600"})


def read_until(stream: IO[str], words: str) -> str:
    """Lines of ``stream`` up to the one with ``words`` (or up to its end, if they never come)."""
    seen = ""
    for line in stream:
        seen += line
        if words in line:
            break
    return seen


def test_two_make_site_at_once_both_leave_a_complete_site(project) -> None:
    assert make_site(project.root, stub=True).returncode == 0
    names = file_names(project.site)
    runs = [start_make_site(project.root) for _ in range(2)]
    results = [(run.communicate(), run.returncode) for run in runs]
    for (_, err), code in results:
        assert code == 0, err
    assert complete(project.site)
    assert file_names(project.site) == names
    assert leftovers(project.root) == []


def test_a_second_make_site_waits_for_the_lock(project) -> None:
    """Both runs start while the lock is held, so both must wait, then run one after the other."""
    assert make_site(project.root, stub=True).returncode == 0
    names = file_names(project.site)
    with site_lock_held(project.root):
        runs = [start_make_site(project.root) for _ in range(2)]
        before = [read_until(run.stderr, WAITING) for run in runs]
        for text in before:
            assert WAITING in text, text
        assert complete(project.site)
        assert file_names(project.site) == names
    for run, text in zip(runs, before, strict=True):
        _, err = run.communicate()
        assert run.returncode == 0, text + err
        assert "the other build has finished" in err
        assert "Documentation built" in err
    assert complete(project.site)
    assert file_names(project.site) == names
    assert leftovers(project.root) == []


def test_make_site_gives_up_clearly_when_the_lock_stays_held(project) -> None:
    assert make_site(project.root, stub=True).returncode == 0
    before = snapshot(project.site)
    with site_lock_held(project.root):
        failed = make_site(project.root, stub=True, SITE_LOCK_TIMEOUT="0")
    assert failed.returncode != 0
    assert "gave up after waiting" in failed.stderr
    assert "site/ was not changed" in failed.stderr
    assert "Traceback" not in failed.stderr
    assert "Documentation built" not in failed.stderr
    assert snapshot(project.site) == before
    assert leftovers(project.root) == []


def chattr(flag: str, path: Path) -> bool:
    return shutil.which("chattr") is not None and subprocess.run(
        ["chattr", flag, str(path)], capture_output=True, check=False).returncode == 0


@contextmanager
def immutable(path: Path) -> Iterator[None]:
    """Make ``path`` immutable (chattr +i): even root cannot rename it or add to it. Skips where the
    file system or the user cannot set the flag (tmpfs, non-root)."""
    if not chattr("+i", path):
        pytest.skip("chattr +i is not supported here (needs root and ext4/xfs/btrfs)")
    try:
        yield
    finally:
        chattr("-i", path)


def test_a_failing_swap_step_keeps_the_last_good_site(project) -> None:
    """A real fault: site/ is immutable, so renaming it aside fails (EPERM) after a good build."""
    assert make_site(project.root, stub=True).returncode == 0
    before = snapshot(project.site)
    with immutable(project.site):
        failed = make_site(project.root, stub=True)
        assert failed.returncode != 0
        assert "Documentation built" in failed.stderr  # the build itself succeeded; the swap failed
        assert "could not move site/ aside" in failed.stderr
        assert KEPT in failed.stderr
        assert "Operation not permitted" in failed.stderr
        assert "Traceback" not in failed.stderr
        assert snapshot(project.site) == before
        assert leftovers(project.root) == []  # nothing nested in site/, nothing left beside it
    assert make_site(project.root, stub=True).returncode == 0  # and the next run works as usual
    assert complete(project.site)
    assert leftovers(project.root) == []


def load_build_site() -> ModuleType:
    """The script itself, to run its swap on folders prepared with a real fault."""
    spec = importlib.util.spec_from_file_location("build_site", REPO / "scripts" / "build_site.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_swap_puts_the_last_good_site_back_when_the_new_build_cannot_move_in(tmp_path) -> None:
    """A real fault in the second rename: the new build is immutable, so renaming it to site fails
    after site/ was moved aside; the swap must rename the last good site back."""
    build_site = load_build_site()
    site, new, old = tmp_path / "site", tmp_path / ".site.tmp.1", tmp_path / ".site.old.1"
    for folder, text in ((site, "last good"), (new, "new build")):
        (folder / "briefings").mkdir(parents=True)
        (folder / "index.html").write_text(text)
        (folder / "briefings" / "index.html").write_text(text)
    before = snapshot(site)
    with immutable(new):
        with pytest.raises(build_site.SiteError) as failure:
            build_site.swap(new, site, old)
        message = str(failure.value)
        assert "could not move the new build" in message
        assert KEPT in message
        assert "Operation not permitted" in message
        assert snapshot(site) == before
        assert not old.exists()
        assert not (site / new.name).exists()


def test_make_site_refuses_a_mount_point(project) -> None:
    """A real mount point: site/ bind-mounted on itself in a private mount namespace."""
    assert make_site(project.root, stub=True).returncode == 0
    before = snapshot(project.site)
    if subprocess.run(["unshare", "-m", "mount", "--bind", "site", "site"], cwd=project.root,
                      capture_output=True, check=False).returncode != 0:
        pytest.skip("unshare -m / mount --bind is not permitted here")
    failed = subprocess.run(["unshare", "-m", "sh", "-c", 'mount --bind site site && exec "$@"', "sh", *STUB_SITE],
                            cwd=project.root, capture_output=True, text=True, env=ENV, check=False)
    assert failed.returncode != 0
    assert "site/ is a mount point" in failed.stderr
    assert KEPT in failed.stderr
    assert snapshot(project.site) == before
    assert leftovers(project.root) == []  # in particular no site/.site.tmp*


@pytest.mark.parametrize("kind", ["file", "dangling symlink"])
def test_make_site_refuses_a_site_that_is_not_a_folder(project, kind) -> None:
    if kind == "file":
        project.site.write_text("not a site")
    else:
        project.site.symlink_to("nowhere")
    failed = make_site(project.root)
    assert failed.returncode != 0
    assert "Traceback" not in failed.stderr
    expected = "exists but is not a folder" if kind == "file" else "is a symbolic link (to nowhere, which does not exist)"
    assert expected in failed.stderr
    assert "was left as it is" in failed.stderr
    if kind == "file":
        assert project.site.read_text() == "not a site"
    else:
        assert os.readlink(project.site) == "nowhere"
    assert leftovers(project.root) == []


def test_make_site_restores_a_site_left_aside_by_an_interrupted_run(project) -> None:
    """A run killed between its two renames leaves site/ moved aside; the next run puts it back,
    and keeps it byte for byte when its own build fails."""
    assert make_site(project.root, stub=True).returncode == 0
    before = snapshot(project.site)
    project.site.rename(project.root / ".site.old.12345")
    (project.root / ".site.tmp.12345").mkdir()  # the killed run's half-written build
    failed = make_site(project.root, stub=True, STUB_MKDOCS_FAIL="1")
    assert failed.returncode != 0
    assert "the stub build fails" in failed.stderr
    assert "restored the last good site/ from .site.old.12345" in failed.stderr
    assert snapshot(project.site) == before
    assert leftovers(project.root) == []


@pytest.mark.slow   # real `make offline` and `make site` runs
def test_make_offline_writes_the_copy_to_open_from_disk_and_leaves_site_alone(project) -> None:
    assert make_site(project.root, stub=True).returncode == 0
    before = snapshot(project.site)
    done = subprocess.run(["make", "-o", ".venv/.installed", "offline"], cwd=project.root, capture_output=True,
                          text=True, env=ENV, check=False)
    assert done.returncode == 0, done.stderr
    offline = project.root / "site-offline"
    assert (offline / "briefings" / f"{B003}.html").is_file()
    assert (offline / "search" / "search_index.js").is_file()
    assert snapshot(project.site) == before
    assert sorted(p.name for p in project.root.glob(".site-offline*")) == [".site-offline.lock"]
    # a BRIEFINGS_OFFLINE left in the shell never turns site/ into the offline copy
    assert make_site(project.root, BRIEFINGS_OFFLINE="true").returncode == 0
    assert (project.site / "briefings" / B003 / "index.html").is_file()
    assert not (project.site / "search" / "search_index.js").exists()
