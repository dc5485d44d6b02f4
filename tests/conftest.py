"""Shared fixtures: small archives written into temp dirs, and real MkDocs builds of them."""
from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# `make test` (and CI) try the same examples every run, so a red build is a regression, not a new draw;
# `make fuzz` searches afresh, with many more examples, for the cases nobody has tried yet.
# The "too slow to generate" health check measures the machine, not the code: on a busy CI runner it failed a test
# whose examples take milliseconds, so the repeatable profile leaves it to `make fuzz`. Likewise the per-example
# deadline: a 0.3 ms example failed it once at 260 ms under a loaded `make test` (time is measured in `make bench`,
# never in a test).
settings.register_profile("repeatable", derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("explore", max_examples=1000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
os.environ.setdefault("DISABLE_MKDOCS_2_WARNING", "true")
# `briefings check` keeps each file's result in a cache folder between runs: the tests' own, not the user's.
os.environ.setdefault("BRIEFINGS_CACHE_DIR", tempfile.mkdtemp(prefix="briefings-cache-"))

REPO = Path(__file__).resolve().parent.parent
#: The two articles the project shipped with, frozen as a fixture: tests that assert exact ids, counts or
#: wording build this archive, never the repository's own (``seeds/``, ``briefings/``), which authors grow.
#: What must hold for the repository's archive, whatever it holds, is in ``test_repository_archive.py``.
SHIPPED = REPO / "tests" / "fixtures" / "shipped"

#: How the browser tests and `make screenshots` start Debian's Chromium (never a downloaded browser).
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]
B000 = "north-korean-troops-withdrawn-after-heavy-losses"
B003 = "north-korean-units-pulled-back-as-russian-gains-slow"
#: One page of each kind of the shipped site, for the browser tests and the screenshots.
PAGES = {"home": "", "briefing": f"briefings/{B003}/", "source": "sources/uk-mod/",
         "entity": "entities/kursk-oblast/", "ledger": "figures/", "timeline": "timeline/",
         "methodology": "methodology/", "relations": "relations/", "compare": "compare/", "tags": "tags/",
         "sources": "sources/", "briefings": "briefings/", "authoring": "authoring/", "claims": "claims/"}

MKDOCS_YML = """\
site_name: Test archive
theme:
  name: material
  font: false
markdown_extensions:
  - attr_list
  - admonition
  - toc:
      permalink: true
plugins:
  - search
  - briefings
"""

SEED = """\
Heading of the piece
The ministry said that 40 drones were shot down over the region on Friday night.
Officials said it twice, and officials said it twice, according to the agency.
A line with <script>alert(1)</script> and *stars* and [a](javascript:x) & more.
# not a markdown heading, just text
"""

BRIEFING = """\
article: a.txt
title: A test briefing
summary: A *small* briefing.
tags: [test]
claims:
  - id: drones
    quote: 40 drones were shot down
    sources: [agency, ministry]
    credibility: 2
    note: Probably true; see [the ministry](../../sources/ministry/).
    entities: [region]
    date: 2025-01
    figures:
      - metric: drones-downed
        value: 40
        unit: drones
  - id: twice
    quote: officials said it twice
    suffix: ", according"
    sources: [agency]
    credibility: 3
    note: Held at 3 though the drones claim corroborates it, since the agency relays what it heard.
    relations: [corroborates: a-test#drones]
"""

SOURCES = {
    "agency": "name: The Agency\nkind: news-outlet\nreliability: B\nnote: A wire service.\n",
    "ministry": "name: The Ministry\nkind: government\nparty: Ruritania\nreliability: C\nnote: A party to the war.\n",
}
ENTITIES = {"region": "name: The Region\nkind: place\naliases: [the region]\n"}


class Archive:
    """A small archive in a temp dir that tests can change file by file."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def write(self, rel: str, text: str | bytes) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text) if text.startswith("\n") else text, encoding="utf-8")
        return path

    def remove(self, rel: str) -> None:
        (self.root / rel).unlink()

    @property
    def site(self) -> Path:
        return self.root / "site"

    def build(self, *, strict: bool = False, site_dir: Path | None = None, offline: bool = False) -> Path:
        """Build with MkDocs; ``offline``: as `make offline` does, with BRIEFINGS_OFFLINE=true, which the
        shipped mkdocs.yml reads to enable Material's offline plugin (file URLs, search from file://)."""
        from mkdocs.commands.build import build
        from mkdocs.config import load_config

        site = site_dir or self.site
        before = os.environ.get("BRIEFINGS_OFFLINE")
        os.environ["BRIEFINGS_OFFLINE"] = "true" if offline else "false"
        try:
            config = load_config(str(self.root / "mkdocs.yml"), site_dir=str(site), strict=strict)
        finally:
            if before is None:
                del os.environ["BRIEFINGS_OFFLINE"]
            else:
                os.environ["BRIEFINGS_OFFLINE"] = before
        build(config)
        return site


#: The repository's archive as it was when the run began (seeds, briefings, docs, mkdocs.yml), copied once by
#: the first process (xdist's workers inherit the folder through this variable), so an author who edits while
#: the suite runs cannot make it read two archives. Set it to another archive's folder to test that one.
SNAPSHOT_ENV = "BRIEFINGS_TEST_ARCHIVE"
ARCHIVE_PARTS = ("seeds", "briefings", "docs", "mkdocs.yml")
_SNAPSHOT_KEY = pytest.StashKey[Path]()


def pytest_configure(config: pytest.Config) -> None:
    if os.environ.get(SNAPSHOT_ENV):
        return
    folder = Path(tempfile.mkdtemp(prefix="briefings-archive-"))
    for name in ARCHIVE_PARTS:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, folder / name, symlinks=True)
        elif source.exists():
            shutil.copy2(source, folder / name, follow_symlinks=False)
    os.environ[SNAPSHOT_ENV] = str(folder)
    config.stash[_SNAPSHOT_KEY] = folder


def pytest_unconfigure(config: pytest.Config) -> None:
    folder = config.stash.get(_SNAPSHOT_KEY, None)
    if folder is not None:
        shutil.rmtree(folder, ignore_errors=True)
        os.environ.pop(SNAPSHOT_ENV, None)


def repository_snapshot() -> Path:
    """The folder holding the snapshot of the repository's archive taken when the run began."""
    return Path(os.environ[SNAPSHOT_ENV])


@pytest.fixture
def archive(tmp_path: Path) -> Archive:
    """A valid two-source, one-briefing archive with a hostile article line."""
    return write_fixture(Archive(tmp_path / "archive"))


def write_fixture(a: Archive, *, site_config: bool = True) -> Archive:
    """Write the fixture archive's seed and YAML files (and, with ``site_config``, mkdocs.yml and docs)."""
    if site_config:
        a.write("mkdocs.yml", MKDOCS_YML)
        a.write("docs/index.md", "# Home\n\nWelcome.\n")
    a.write("seeds/a.txt", SEED)
    a.write("briefings/a-test.yml", BRIEFING)
    for sid, text in SOURCES.items():
        a.write(f"briefings/sources/{sid}.yml", text)
    for eid, text in ENTITIES.items():
        a.write(f"briefings/entities/{eid}.yml", text)
    return a


def copy_shipped(root: Path) -> Archive:
    """A copy of the frozen shipped archive (:data:`SHIPPED`) with the project's site (docs, mkdocs.yml)."""
    root.mkdir(parents=True, exist_ok=True)
    for name in ("seeds", "briefings"):
        shutil.copytree(SHIPPED / name, root / name)
    shutil.copytree(REPO / "docs", root / "docs")
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    return Archive(root)


def build_zensical(root: Path, **env: str) -> subprocess.CompletedProcess:
    """`make zensical`'s script (the pinned Zensical of this venv), run in the archive's folder with ``env`` set."""
    return subprocess.run([sys.executable, str(REPO / "scripts" / "build_zensical.py"), "--zensical",
                           str(Path(sys.executable).parent / "zensical")], cwd=root, capture_output=True, text=True,
                          check=False, env={**os.environ, **env})


def git(root: Path, *args: str, date: str = "2025-01-01T12:00:00+00:00") -> str:
    """Run git in ``root`` as a fixed author and committer at ``date`` (both dates), with no user or system
    config: the same commits, the same ids, on any machine."""
    env = {**os.environ, "GIT_AUTHOR_NAME": "Author", "GIT_AUTHOR_EMAIL": "a@example.org",
           "GIT_COMMITTER_NAME": "Committer", "GIT_COMMITTER_EMAIL": "c@example.org",
           "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date, "GIT_CONFIG_GLOBAL": os.devnull,
           "GIT_CONFIG_NOSYSTEM": "1"}
    return subprocess.run(["git", "-C", str(root), *args], env=env, check=True, capture_output=True,
                          text=True).stdout


def commit(a: Archive, message: str, date: str) -> str:
    """Commit everything in the archive's folder; the commit's short id (12 characters, as the history keeps)."""
    git(a.root, "add", "-A")
    git(a.root, "commit", "-q", "--allow-empty-message", "-m", message, date=date)
    return git(a.root, "rev-parse", "HEAD").strip()[:12]


@pytest.fixture
def project(tmp_path: Path) -> Archive:
    """A copy of this project (not its .venv, which is linked) where `make` targets can run."""
    root = copy_shipped(tmp_path / "project").root
    for name in ("Makefile", "pyproject.toml", *(p.name for p in REPO.glob("requirements*.txt"))):
        shutil.copy2(REPO / name, root / name)
    shutil.copytree(REPO / "scripts", root / "scripts")
    (root / ".venv").symlink_to(REPO / ".venv")
    return Archive(root)


@pytest.fixture
def shipped(tmp_path: Path) -> Archive:
    """A copy of the shipped archive that a test may change."""
    return copy_shipped(tmp_path / "shipped")


@pytest.fixture(scope="session")
def shipped_site(tmp_path_factory) -> Path:
    """The shipped archive built once with --strict, for the tests that only read the result."""
    return copy_shipped(tmp_path_factory.mktemp("shipped") / "archive").build(strict=True)


@pytest.fixture
def no_warnings(caplog: pytest.LogCaptureFixture):
    """Fail the test if MkDocs or the plugin logs any warning or error it did not expect."""
    caplog.set_level(logging.INFO)
    yield caplog
    bad = [r for r in caplog.records if r.levelno >= logging.WARNING and r.name.startswith(("mkdocs", "properdocs"))]
    assert not bad, "unexpected warnings:\n" + "\n".join(r.getMessage() for r in bad)


def generated_archive(root: Path, n: int) -> Path:
    """The bench's synthetic archive of ``n`` briefings (benchmarks/generate.py) written under ``root``; its folder
    (mkdocs.yml, seeds, briefings)."""
    if str(REPO / "benchmarks") not in sys.path:
        sys.path.insert(0, str(REPO / "benchmarks"))
    from generate import generate

    generate(root, n)
    return root / "plugin"
