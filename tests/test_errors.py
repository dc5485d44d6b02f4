"""One case per error kind of the format contract: its message, its line, and the last good site kept."""
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

from conftest import BRIEFING

B = "briefings/a-test.yml"
LINE = re.compile(r"^(?P<path>[^:\s]+):(?P<line>\d+):(?P<col>\d+): (?P<sev>error|warning): (?P<msg>.+; .+)$")


def replace(old: str, new: str, rel: str = B):
    def mutate(archive) -> None:
        path = archive.root / rel
        text = path.read_text("utf-8")
        assert old in text, old
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return mutate


def write(rel: str, text: str | bytes):
    return lambda archive: archive.write(rel, text)


# (case id, mutation, file named, line named, words the message must contain)
CASES = [
    ("unknown-key", replace("    quote: 40 drones", "    quot: 40 drones"), B, 7, "unknown key 'quot' in claim 'drones' (did you mean 'quote'?)"),
    ("duplicate-key", replace("title: A test briefing\n", "title: A test briefing\ntitle: Again\n"), B, 3, "duplicate key 'title' (first at line 2)"),
    ("anchor-alias", replace("summary: A *small* briefing.", "summary: &s A small briefing.\nx: *s"), B, 3, "anchors (&name) and aliases"),
    ("too-large", replace("  - briefings\n", "  - briefings:\n      max_yaml_bytes: 200\n", "mkdocs.yml"), B, 1, "over the limit of 200 bytes"),
    ("impossible-month", replace("date: 2025-01", "date: 2025-13"), B, 12, "has no month 13"),
    ("impossible-day", replace("date: 2025-01", "date: 2025-02-30"), B, 12, "February 2025 has 28 days"),
    ("quote-not-found", replace("quote: 40 drones were shot down", "quote: 40 drones were shot dead"), B, 7,
     "the quote is not in seeds/a.txt; the closest passage (line 2 col 24) is \"40 drones were shot down\""),
    ("quote-ambiguous", replace("quote: officials said it twice\n    suffix: \", according\"", "quote: said it twice"), B, 18,
     "occurs 2 times in seeds/a.txt (line 3 col 11, line 3 col 40)"),
    ("unknown-source", replace("sources: [agency, ministry]", "sources: [agency, ministy]"), B, 8, "unknown source 'ministy' (did you mean 'ministry'?)"),
    ("unknown-entity", replace("entities: [region]", "entities: [regoin]"), B, 11, "unknown entity 'regoin' (did you mean 'region'?)"),
    ("unknown-publisher", replace("title: A test briefing", "title: A test briefing\npublisher: agncy"), B, 3, "unknown source 'agncy' (did you mean 'agency'?)"),
    ("unknown-relation-claim", replace("corroborates: a-test#drones", "corroborates: a-test#drone"), B, 23, "briefing 'a-test' has no claim 'drone' (did you mean 'drones'?)"),
    ("unknown-relation-briefing", replace("corroborates: a-test#drones", "corroborates: a-tset#drones"), B, 23, "relation target briefing 'a-tset' does not exist (did you mean 'a-test'?)"),
    ("credibility-range", replace("credibility: 2", "credibility: 7"), B, 9, "claim 'drones' `credibility` is 7, out of range"),
    ("credibility-string", replace("credibility: 2", "credibility: '2'"), B, 9, "`credibility` must be a whole number, not '2'"),
    ("reliability-letter", replace("reliability: B", "reliability: G", "briefings/sources/agency.yml"), "briefings/sources/agency.yml", 3, "'G', which is not allowed"),
    ("yaml-syntax", replace("tags: [test]", "tags: [test"), B, 5, "YAML syntax error"),
    ("tab-indent", replace("    credibility: 3", "\tcredibility: 3"), B, 21, "indent with spaces, not tabs"),
    ("missing-required", replace("    credibility: 3\n", ""), B, 17, "claim 'twice' lacks the required key 'credibility'"),
    ("bad-file-id", write("briefings/Bad_Name.yml", BRIEFING), "briefings/Bad_Name.yml", 1, "is not a valid id"),
    ("missing-seed", replace("article: a.txt", "article: b.txt"), B, 1, "article 'b.txt' is not a file in seeds/ (did you mean 'a.txt'?)"),
    ("seed-in-folder", replace("article: a.txt", "article: ../a.txt"), B, 1, "without folders"),
    ("seed-changed", replace("article: a.txt", "article: a.txt\narticle_sha256: '" + "0" * 64 + "'"), B, 2, "changed since it was pinned"),
    ("non-http-url", replace("note: A wire service.", "note: A wire service.\nurl: 'javascript:alert(1)'", "briefings/sources/agency.yml"),
     "briefings/sources/agency.yml", 5, "only http:// and https:// addresses are allowed"),
    ("duplicate-claim-id", replace("  - id: twice", "  - id: drones"), B, 17, "claim id 'drones' is used twice"),
    ("seed-not-utf8", write("seeds/a.txt", b"caf\xe9 40 drones were shot down\n"), "seeds/a.txt", 1, "not UTF-8"),
    ("empty-yaml", write(B, ""), B, 1, "file is empty"),
    ("list-at-top", write(B, "- a\n- b\n"), B, 1, "holds a list"),
    ("bad-claim-id", replace("  - id: drones", "  - id: Drones Down"), B, 6, "an id uses only lower-case letters"),
]


@pytest.fixture(scope="module")
def good_site(tmp_path_factory) -> Path:
    from conftest import Archive, BRIEFING as _b, ENTITIES, MKDOCS_YML, SEED, SOURCES  # noqa: F401

    a = Archive(tmp_path_factory.mktemp("good"))
    a.write("mkdocs.yml", MKDOCS_YML)
    a.write("docs/index.md", "# Home\n")
    a.write("seeds/a.txt", SEED)
    a.write(B, BRIEFING)
    for sid, text in SOURCES.items():
        a.write(f"briefings/sources/{sid}.yml", text)
    for eid, text in ENTITIES.items():
        a.write(f"briefings/entities/{eid}.yml", text)
    return a.build()


def snapshot(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("case, mutate, path, line, words", CASES, ids=[c[0] for c in CASES])
@pytest.mark.parametrize("strict", [False, True], ids=["build", "strict"])
def test_error_kind(case, mutate, path, line, words, strict, archive, good_site, caplog) -> None:
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
    result = subprocess.run(cmd, cwd=archive.root, capture_output=True, text=True)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert re.search(r"briefings/a-test\.yml:7:12: error: claim 'drones': the quote is not in seeds/a\.txt",
                     result.stderr), result.stderr
    assert snapshot(archive.site) == before
