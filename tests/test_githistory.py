"""The archive's history read from git (issue 27): real repositories in temp folders, dates and names set by env."""
from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing_archive.core.config import ArchiveConfig
from briefing_archive.core.history import FIELDS, ArchiveHistory, Change
from briefing_archive.core.model import Archive as Model
from briefing_archive.load.archive import check_archive
from briefing_archive.load.history import read_history
from briefing_archive.load.history import summary as summary_module

from conftest import BRIEFING, Archive, commit, git, write_fixture

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
DRONES, TWICE = "a-test#drones", "a-test#twice"



def repository(a: Archive) -> Archive:
    git(a.root, "init", "-q", "-b", "main")
    return a


def history(a: Archive, archive: Model | None = None) -> ArchiveHistory:
    return read_history(a.root, a.root / "briefings", archive)


TWICE_2 = BRIEFING.replace("credibility: 3", "credibility: 2\n    regraded: echoed by the ministry")
QUOTE_FIXED = TWICE_2.replace("quote: 40 drones were shot down", "quote: 40 drones were shot down over the region")
RENAMED = QUOTE_FIXED.replace("id: drones", "id: drones-downed\n    renamed_from: drones").replace(
    "a-test#drones", "a-test#drones-downed")
TWICE_3 = RENAMED.replace("credibility: 2\n    regraded", "credibility: 3\n    regraded")


@pytest.fixture
def sequence(tmp_path: Path) -> tuple[Archive, list[str]]:
    """The issue's series: graded 3, then 2 with a reason, a quote fix, a rename, a source re-graded, 3 again."""
    a = repository(write_fixture(Archive(tmp_path / "archive")))
    shas = [commit(a, "Add the test briefing", "2025-02-01T09:00:00+01:00")]
    a.write("briefings/a-test.yml", TWICE_2)
    shas.append(commit(a, "Re-grade twice", "2025-03-04T10:00:00+00:00"))
    a.write("briefings/a-test.yml", QUOTE_FIXED)
    shas.append(commit(a, "Fix the quote of drones", "2025-03-10T10:00:00+00:00"))
    a.write("briefings/a-test.yml", RENAMED)
    shas.append(commit(a, "Rename drones", "2025-03-12T10:00:00+00:00"))
    a.write("briefings/sources/agency.yml", "name: The Agency\nkind: news-outlet\nreliability: C\nnote: A wire.\n")
    shas.append(commit(a, "Agency re-graded after a retraction", "2025-04-01T10:00:00+00:00"))
    a.write("briefings/a-test.yml", TWICE_3)
    shas.append(commit(a, "Twice: the ministry withdrew its figure", "2025-04-02T10:00:00+00:00"))
    return a, shas


def test_the_issues_sequence_gives_exactly_its_changes(sequence: tuple[Archive, list[str]]) -> None:
    a, (c1, c2, c3, c4, c5, c6) = sequence
    h = history(a)
    assert (h.status, h.since, h.line) == ("full", None, None)
    d1, d2, d3, d4 = "2025-02-01T09:00:00+01:00", "2025-03-04T10:00:00+00:00", "2025-03-10T10:00:00+00:00", \
        "2025-03-12T10:00:00+00:00"
    assert h.claims[TWICE] == (
        Change(d1, c1, "Add the test briefing", "added", None, 3),
        Change(d2, c2, "echoed by the ministry", "credibility", 3, 2),   # the field set by this commit wins
        Change(d4, c4, "Rename drones", "relations", (("corroborates", DRONES),),
               (("corroborates", "a-test#drones-downed"),)),
        # `regraded` left as it was explains nothing: the commit message does
        Change("2025-04-02T10:00:00+00:00", c6, "Twice: the ministry withdrew its figure", "credibility", 2, 3))
    assert h.claims["a-test#drones-downed"] == (
        Change(d1, c1, "Add the test briefing", "added", None, 2),
        Change(d3, c3, "Fix the quote of drones", "quote", "40 drones were shot down",
               "40 drones were shot down over the region"),
        Change(d4, c4, "Rename drones", "renamed", DRONES, "a-test#drones-downed"))
    assert DRONES not in h.claims   # its history went on under the new id
    assert h.sources["agency"] == (Change(d1, c1, "Add the test briefing", "added", None, "B"),
                                   Change("2025-04-01T10:00:00+00:00", c5, "Agency re-graded after a retraction",
                                          "reliability", "B", "C"))
    assert h.sources["ministry"] == (Change(d1, c1, "Add the test briefing", "added", None, "C"),)
    assert h.entered == {"a-test": d1}
    assert {c.field for changes in h.claims.values() for c in changes} <= set(FIELDS)


def test_the_final_state_loads_and_renamed_from_a_live_claim_is_an_error(sequence: tuple[Archive, list[str]]) -> None:
    a, _ = sequence
    checked = check_archive(ArchiveConfig.at(a.root))
    assert checked.archive is not None, [p.format() for p in checked.problems]
    a.write("briefings/a-test.yml", TWICE_3.replace("renamed_from: drones", "renamed_from: a-test#twice"))
    problems = [p.format() for p in check_archive(ArchiveConfig.at(a.root)).problems if p.severity == "error"]
    assert len(problems) == 1, problems
    assert problems[0].startswith("briefings/a-test.yml:"), problems
    assert "`renamed_from` names 'a-test#twice', which is still a claim of the archive; " in problems[0], problems
    a.write("briefings/a-test.yml", TWICE_3.replace("renamed_from: drones", "renamed_from: Not An Id"))
    problems = [p.format() for p in check_archive(ArchiveConfig.at(a.root)).problems if p.severity == "error"]
    assert problems
    assert all(p.startswith("briefings/a-test.yml:") and "renamed_from" in p for p in problems)


def test_a_copy_without_git_builds_and_says_so_once(archive: Archive, caplog: pytest.LogCaptureFixture) -> None:
    h = history(archive)
    assert h.status == "none"
    assert not h.claims
    assert not h.sources
    assert h.line == "history not available: the archive's folder is not in a git repository"
    with caplog.at_level(logging.INFO):
        archive.build()
    assert sum("history not available" in r.getMessage() for r in caplog.records) == 1


def test_a_shallow_clone_gives_history_since_its_oldest_commit(sequence: tuple[Archive, list[str]],
                                                               tmp_path: Path) -> None:
    a, shas = sequence
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "2", f"file://{a.root}", str(clone))
    h = read_history(clone, clone / "briefings")
    assert h.status == "shallow"
    assert h.since == "2025-04-01T10:00:00+00:00"
    assert h.line is not None
    assert h.line.startswith("history since 2025-04-01")
    assert h.claims[TWICE][-1].commit == shas[-1]
    assert [c.field for c in h.claims[TWICE]] == ["added", "credibility"]


def test_uncommitted_changes_have_no_commit_and_no_date(tmp_path: Path) -> None:
    a = repository(write_fixture(Archive(tmp_path / "archive")))
    commit(a, "Add", "2025-02-01T09:00:00+00:00")
    a.write("briefings/a-test.yml", BRIEFING.replace("quote: 40 drones were shot down",
                                                     "quote: 40 drones were shot down over the region"))
    a.write("briefings/sources/agency.yml", "name: The Agency\nkind: news-outlet\nreliability: C\nnote: A wire.\n")
    checked = check_archive(ArchiveConfig.at(a.root))
    assert checked.archive is not None, [p.format() for p in checked.problems]
    h = history(a, checked.archive)
    assert h.claims[DRONES][-1] == Change(None, None, None, "quote", "40 drones were shot down",
                                          "40 drones were shot down over the region")
    assert h.sources["agency"][-1] == Change(None, None, None, "reliability", "B", "C")
    assert h.claims[TWICE] == history(a).claims[TWICE]   # unchanged: nothing added
    # the preview hands the last history back: git is not read again while HEAD stays, the working tree is
    again = read_history(a.root, a.root / "briefings", checked.archive, previous=h)
    assert again.git is h.git
    assert again == h
    commit(a, "Commit the edits", "2025-02-02T09:00:00+00:00")
    moved = read_history(a.root, a.root / "briefings", checked.archive, previous=h)
    assert moved.git is not h.git
    assert moved.claims[DRONES][-1].commit is not None


HOSTILE = "<script>alert(1)</script> \"'& {{ x }} ${HOME} `id` \u202e\u2066 -- ]]> \\x00"


def test_commit_messages_are_kept_verbatim_as_data(tmp_path: Path) -> None:
    a = repository(write_fixture(Archive(tmp_path / "archive")))
    commit(a, HOSTILE + "\n\nA body that is not the first line.", "2025-02-01T09:00:00+00:00")
    a.write("briefings/a-test.yml", BRIEFING.replace("credibility: 3", "credibility: 4"))
    commit(a, "", "2025-02-02T09:00:00+00:00")
    h = history(a)
    assert h.claims[TWICE][0].reason == HOSTILE
    assert h.claims[TWICE][1] == Change("2025-02-02T09:00:00+00:00", h.claims[TWICE][1].commit, None,
                                        "credibility", 3, 4)   # no reason given: None, never hidden


def test_the_same_commits_give_the_same_history_cache_or_not(sequence: tuple[Archive, list[str]], tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    a, _ = sequence
    monkeypatch.setenv("BRIEFINGS_CACHE_DIR", "off")
    uncached = history(a)
    monkeypatch.setenv("BRIEFINGS_CACHE_DIR", str(tmp_path / "cache"))
    cold = history(a)

    def no_blob(*_: object) -> None:
        raise AssertionError("a blob was read again")
    monkeypatch.setattr(summary_module, "summarize", no_blob)
    monkeypatch.setattr("briefing_archive.load.history.summarize", no_blob)
    warm = history(a)
    assert uncached == cold == warm
    assert repr(uncached) == repr(warm)


@st.composite
def series(draw: st.DrawFn) -> list[tuple[str, int, int]]:
    """Operations on a one-briefing archive: (regrade | requote | rename, which claim, value)."""
    return draw(st.lists(st.tuples(st.sampled_from(["regrade", "requote", "rename"]), st.integers(0, 2),
                                   st.integers(1, 6)), min_size=1, max_size=5))


def _write(a: Archive, claims: dict[str, tuple[int, str, str | None]]) -> None:
    body = "".join(f"  - id: {cid}\n    quote: {quote}\n    sources: [agency]\n    credibility: {grade}\n"
                   + (f"    renamed_from: {former}\n" if former else "")
                   for cid, (grade, quote, former) in claims.items())
    a.write("briefings/b.yml", f"article: a.txt\ntitle: T\nsummary: S\nclaims:\n{body}")


@settings(max_examples=12, deadline=None)
@given(ops=series())
def test_a_random_series_replays_to_its_final_state(tmp_path_factory: pytest.TempPathFactory,
                                                    ops: list[tuple[str, int, int]]) -> None:
    a = repository(Archive(tmp_path_factory.mktemp("random")))
    claims: dict[str, tuple[int, str, str | None]] = {f"c{i}": (3, f"quote {i}", None) for i in range(3)}
    _write(a, claims)
    commit(a, "start", "2025-01-01T00:00:00+00:00")
    fresh = iter(range(100))
    for day, (op, which, value) in enumerate(ops, start=2):
        cid = sorted(claims)[which]
        grade, quote, _ = claims[cid]
        if op == "regrade":
            claims[cid] = (value, quote, None)
        elif op == "requote":
            claims[cid] = (grade, f"{quote} {value}", None)
        else:
            claims[f"r{next(fresh)}-{cid}"] = (grade, quote, cid)
            del claims[cid]
        _write(a, claims)
        commit(a, f"{op} {cid}", f"2025-01-{day:02d}T00:00:00+00:00")
    h = read_history(a.root, a.root / "briefings")
    assert set(h.claims) == {f"b#{cid}" for cid in claims}   # every history followed its renames
    for cid, (grade, quote, _) in claims.items():
        changes = h.claims[f"b#{cid}"]
        assert changes[0].field == "added"
        assert sum(c.field == "added" for c in changes) == 1
        seen_grade, seen_quote, seen_key = changes[0].after, None, None
        for c in changes[1:]:
            if c.field == "credibility":
                assert c.before == seen_grade
                seen_grade = c.after
            elif c.field == "quote":
                assert seen_quote is None or c.before == seen_quote
                seen_quote = c.after
            elif c.field == "renamed":
                assert seen_key is None or c.before == seen_key
                seen_key = c.after
        assert seen_grade == grade
        assert seen_quote in (None, quote)
        assert (seen_quote is not None or quote.count(" ") == 1)
        assert seen_key in (None, f"b#{cid}")
        dates = [c.date for c in changes]
        assert dates == sorted(dates)


TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=30)
CLAIM = st.fixed_dictionaries(
    {"id": st.from_regex(r"[a-z][a-z0-9-]{0,8}", fullmatch=True), "quote": TEXT,
     "sources": st.lists(st.one_of(st.sampled_from(["a", "b"]), st.lists(st.sampled_from(["c", "d"]), max_size=2)),
                         max_size=3),
     "credibility": st.integers(1, 6)},
    optional={"note": TEXT, "regraded": TEXT, "renamed_from": TEXT, "entities": st.lists(TEXT, max_size=2),
              "figures": st.lists(st.fixed_dictionaries({"metric": TEXT, "value": st.integers(), "unit": TEXT}),
                                  max_size=2),
              "relations": st.lists(st.fixed_dictionaries({"echoes": st.just("x#y")}), max_size=2)})


@settings(max_examples=150, deadline=None)
@given(claims=st.lists(CLAIM, max_size=5), indent=st.sampled_from([0, 2, 4]), tail=st.sampled_from(["", "tags: [x]\n"]),
       style=st.sampled_from([None, '"', "|"]))
def test_reading_claim_by_claim_gives_what_reading_the_whole_file_gives(
        claims: list[dict[str, object]], indent: int, tail: str, style: str | None) -> None:
    """The fast path (each claim item parsed alone, once per run) and the whole file read agree on every layout
    yaml writes; an item that refers to another's anchor falls back to the whole file."""
    import yaml
    items = yaml.safe_dump(claims, allow_unicode=True, sort_keys=False, default_style=style) if claims else ""
    body = "claims:\n" + "".join(" " * indent + line if line else line for line in items.splitlines(keepends=True))
    text = "article: a.txt\ntitle: T\n" + body + tail
    whole = summary_module.summarize("briefing", text.encode())
    assert whole is not None
    items = summary_module.items_of(text.encode())
    if claims:   # (an empty list is "claims:" and nothing: read whole)
        assert items is not None
        assert len(items) == len(claims)
        assert summary_module.assemble(items, {t: summary_module.read_item(t) for t in items}) == whole
    assert summary_module.summarize_by_items(text.encode()) == whole
    shared = (b"claims:\n  - id: one\n    sources: &s [a, b]\n    credibility: 2\n    quote: q\n"
              b"  - id: two\n    sources: *s\n    credibility: 3\n    quote: r\n")
    assert summary_module.summarize_by_items(shared) == summary_module.summarize("briefing", shared)
    assert summary_module.summarize_by_items(shared) is not None
    assert [summary_module.read_item(t) for t in summary_module.items_of(shared) or ()][1] == summary_module.WHOLE


@pytest.mark.parametrize("text", [
    'claims:\n  - id: a\n    note: "abc\n    quote: wrong"\n    quote: right\n    credibility: 2\n',
    "claims:\n  - id: a\n    note: |\n      - id: b\n      quote: no\n    quote: yes\n    credibility: 2\n",
    "claims:\n  - id: a\n    figures:\n    - {metric: m,\n  value: 1}\n    quote: q\n    credibility: 2\n",
    "claims:\n  - id: a\n    note: &n x\n    quote: *n\n    credibility: 2\n",
    "claims:\n- id: a\n  <<: {quote: m}\n  credibility: 2\n- id: b\n  quote: q # c\n  credibility: 5\n",
])
def test_awkward_layouts_read_as_the_whole_file_reads_them(text: str) -> None:
    assert summary_module.summarize_by_items(text.encode()) == summary_module.summarize("briefing", text.encode())


def test_items_read_in_every_core_are_read_alike() -> None:
    texts = [f"- id: c{i}\n  quote: q {i}\n  sources: [a, [b, c]]\n  credibility: {1 + i % 6}\n  note: n\n"
             for i in range(summary_module.PARALLEL_AFTER + 10)]
    assert summary_module.read_items(texts) == [summary_module.read_item(t) for t in texts]
