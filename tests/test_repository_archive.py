"""What holds for the repository's own archive, whatever authors add to it.

Authors grow ``seeds/`` and ``briefings/``; CI runs `make test` before it publishes. So nothing here names a
briefing, counts claims or expects wording of the archive: every assertion compares the built site with the
archive's own YAML, and holds for any valid archive. Each test runs twice: on the archive as the run found it
(the snapshot ``conftest`` takes once), and on that archive with a generated article added as the authoring
guide says (new sources and entities, one relation to a claim already there: ``synthetic.add_article``).
Exact ids and counts are asserted elsewhere, on fixture archives the tests build.

A failure here names the archive file and what is wrong with it, so an author can tell a problem of their
article from one of the tool.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from html import unescape
from pathlib import Path

import jsonschema
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from yamlcore import CoreLoader

from briefing_archive.core.config import ArchiveConfig
from briefing_archive.load import schema as schemacheck
from briefing_archive.load.archive import load_archive
from briefing_archive.load.yamlfile import load_yaml
from synthetic import Added, add_article, claim_count

from conftest import REPO, Archive, build_zensical, repository_snapshot

BIN = Path(sys.executable).parent
KIND_OF = {"briefings": "briefing", "sources": "source", "entities": "entity"}
ARCHIVES = ("as-found", "with-an-added-article")


def settings_of(root: Path) -> tuple[str, str]:
    """The archive's seeds and briefings folders, as its mkdocs.yml sets them (the plugin's defaults else)."""
    text = (root / "mkdocs.yml").read_text("utf-8")
    seeds = re.search(r"^\s+seeds_dir:\s*(\S+)", text, re.MULTILINE)
    briefings = re.search(r"^\s+briefings_dir:\s*(\S+)", text, re.MULTILINE)
    return (seeds.group(1) if seeds else "seeds"), (briefings.group(1) if briefings else "briefings")


@pytest.fixture(scope="session", params=ARCHIVES)
def repository(request, tmp_path_factory) -> tuple[Archive, Added | None]:
    """A copy of the snapshot, and with the second parameter an article added to it."""
    root = tmp_path_factory.mktemp(request.param) / "archive"
    shutil.copytree(repository_snapshot(), root, symlinks=True)
    added = None
    if request.param == "with-an-added-article":
        seeds, briefings = settings_of(root)
        added = add_article(root, seed=7, seeds_dir=seeds, briefings_dir=briefings)
    return Archive(root), added


@pytest.fixture(scope="session")
def repository_site(repository) -> Path:
    archive, _ = repository
    return archive.build(strict=True)


def yaml_files(root: Path, kind: str) -> dict[str, dict]:
    _, briefings = settings_of(root)
    folder = root / briefings / ("" if kind == "briefings" else kind)
    return {p.stem: yaml.safe_load(p.read_text("utf-8")) or {} for p in sorted(folder.glob("*.yml"))}


def briefing_file(root: Path, bid: str) -> str:
    return f"{settings_of(root)[1]}/{bid}.yml"


# -- the author's commands -----------------------------------------------------------------------------------

def test_the_archive_checks_clean_under_strict(repository) -> None:
    archive, added = repository
    result = subprocess.run([str(BIN / "briefings"), "check", "--strict", str(archive.root)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, "the archive has problems:\n" + result.stdout
    assert result.stdout == "", "the archive has problems:\n" + result.stdout
    briefings = yaml_files(archive.root, "briefings")
    claims = claim_count(archive.root, settings_of(archive.root)[1])
    assert f"{len(briefings)} briefings, {claims} claims" in result.stderr, result.stderr
    if added:
        assert added.briefing in briefings


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10_000), claims=st.integers(1, 6))
def test_any_article_added_as_the_guide_says_keeps_the_archive_clean(tmp_path_factory, seed, claims) -> None:
    root = tmp_path_factory.mktemp("added") / "archive"
    shutil.copytree(repository_snapshot(), root, symlinks=True)
    seeds, briefings = settings_of(root)
    added = add_article(root, seed=seed, claims=claims, seeds_dir=seeds, briefings_dir=briefings)
    loaded, problems = load_archive(ArchiveConfig.at(root))
    assert loaded is not None, [p.format() for p in problems]
    assert problems == [], [p.format() for p in problems]
    (new,) = [b for b in loaded.briefings if b.id == added.briefing]
    assert [c.id for c in new.claims] == list(added.claims)


# -- what the strict build publishes -------------------------------------------------------------------------

def test_every_briefing_source_and_entity_has_its_page(repository, repository_site: Path) -> None:
    archive, _ = repository
    for kind in ("briefings", "sources", "entities"):
        for ident in yaml_files(archive.root, kind):
            assert (repository_site / kind / ident / "index.html").is_file(), f"{kind}/{ident}: no page published"


def test_every_claim_is_anchored_on_its_quote_and_linked_from_its_sources(repository, repository_site) -> None:
    archive, _ = repository
    for bid, data in yaml_files(archive.root, "briefings").items():
        page = (repository_site / "briefings" / bid / "index.html").read_text("utf-8")
        marks = set(re.findall(r'<mark\b[^>]*\bid="([^"]+)"', page))
        for claim in data.get("claims") or ():
            cid = claim["id"]
            where = f"{briefing_file(archive.root, bid)}: claim '{cid}'"
            assert cid in marks, f"{where}: its quote is not highlighted with the claim's permalink"
            assert f'id="_note-{cid}"' in page, f"{where}: no note entry on the page"
            chain = claim["sources"]
            for level in chain:
                for sid in level if isinstance(level, list) else [level]:
                    profile = (repository_site / "sources" / sid / "index.html").read_text("utf-8")
                    assert f"briefings/{bid}/#{cid}" in profile, f"{where}: source '{sid}' does not link to it"


def test_every_count_on_the_index_equals_what_the_yaml_holds(repository, repository_site) -> None:
    archive, _ = repository
    index = unescape((repository_site / "briefings" / "index.html").read_text("utf-8"))
    rows = index.split("<tr>")
    briefings = yaml_files(archive.root, "briefings")
    assert re.search(rf"\b{len(briefings)} briefings?\b", index), "the index does not count every briefing"
    for bid, data in briefings.items():
        n = len(data.get("claims") or ())
        (row,) = [r for r in rows if f'href="../briefings/{bid}/"' in r]
        if n:
            assert f"{n} claim{'s' if n != 1 else ''}: " in row, f"{briefing_file(archive.root, bid)}: count"
            mix = re.findall(r'class="bx-mix[^"]*">(\d+) ', row)
            assert sum(map(int, mix)) == n, f"{briefing_file(archive.root, bid)}: its grade mix adds up to {mix}"


def test_the_claims_explorer_and_the_exports_hold_every_claim(repository, repository_site) -> None:
    archive, _ = repository
    total = claim_count(archive.root, settings_of(archive.root)[1])
    data = json.loads((repository_site / "archive.json").read_text("utf-8"))
    schema = json.loads((repository_site / "schema" / "archive.schema.json").read_text("utf-8"))
    jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)
    assert sum(len(b["claims"]) for b in data["briefings"]) == total
    assert {b["id"] for b in data["briefings"]} == set(yaml_files(archive.root, "briefings"))
    script = (repository_site / "assets" / "briefings" / "claims-data.js").read_text("utf-8")
    explorer = (repository_site / "claims" / "index.html").read_text("utf-8")
    assert script
    assert "claims-data.js" in explorer
    for bid, briefing in yaml_files(archive.root, "briefings").items():
        for claim in briefing.get("claims") or ():
            assert json.dumps(claim["id"]) in script, f"{briefing_file(archive.root, bid)}: '{claim['id']}'"


@pytest.mark.slow
def test_both_engines_publish_the_same_pages(repository, repository_site, tmp_path) -> None:
    archive, _ = repository
    root = tmp_path / "zensical"
    shutil.copytree(archive.root, root, symlinks=True, ignore=shutil.ignore_patterns("site"))
    result = build_zensical(root)
    assert result.returncode == 0, result.stdout + result.stderr

    def pages(site: Path) -> set[str]:
        return {p.relative_to(site).as_posix() for p in site.rglob("*.html") if p.name != "404.html"}

    assert pages(root / "site-zensical") == pages(repository_site)


# -- the files, as an editor sees them -------------------------------------------------------------------------

def archive_files() -> list[tuple[str, Path]]:
    root = repository_snapshot()
    folder = root / settings_of(root)[1]
    return [(KIND_OF[p.parent.name if p.parent != folder else "briefings"], p)
            for p in sorted(folder.rglob("*.yml")) if p.parent == folder or p.parent.name in KIND_OF]


@pytest.mark.parametrize(("kind", "path"), archive_files(), ids=lambda v: getattr(v, "name", v))
def test_each_file_means_the_same_to_an_editor_and_to_the_loader(kind, path) -> None:
    """The schema an editor validates against and the loader agree (YAML 1.2 core) on every file."""
    text = path.read_text("utf-8")
    data = yaml.load(text, Loader=CoreLoader)
    jsonschema.validate(data, json.loads(schemacheck.schema_text(kind)), cls=jsonschema.Draft202012Validator)
    loaded, problems = load_yaml(path.read_bytes(), path.name, 1 << 20)
    assert problems == []
    assert loaded.data == data
    assert schemacheck.check(kind, loaded.data, loaded.positions, path.name) == []
    first = text.splitlines()[0] if text else ""
    if first.startswith("# yaml-language-server: $schema="):   # optional; where there, the right schema
        assert first.endswith(f"{kind}.schema.json"), f"{path.name}: the modeline names another kind's schema"
        where = REPO / path.relative_to(repository_snapshot())
        target = (where.parent / first.split("$schema=", 1)[1]).resolve()
        assert target.is_file(), f"{path.name}: the modeline's schema {target} is not there"
