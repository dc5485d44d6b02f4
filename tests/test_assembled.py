"""The JSON exports serialised one briefing at a time (exports/assembled.py) are byte for byte the whole documents,
and the live preview's reuse of a briefing's part happens only for a briefing that is as it was."""
from __future__ import annotations

import json
from dataclasses import replace

from briefing_archive.core.config import ArchiveConfig, Settings
from briefing_archive.core.rule import judge
from briefing_archive.core.urls import Addresses
from briefing_archive.derive.stage import derive_archive
from briefing_archive.exports.annotations import web_annotations
from briefing_archive.exports.archive_data import archive_data
from briefing_archive.exports.assembled import exports
from briefing_archive.exports.references import within
from briefing_archive.load.archive import load_archive

from conftest import SHIPPED


def whole(data: object) -> bytes:
    return (json.dumps(data, separators=(",", ":")) + "\n").encode("ascii")


def loaded(root):
    archive, problems = load_archive(ArchiveConfig.at(root, Settings()))
    assert archive is not None, problems
    return archive


def test_parts_assemble_into_the_whole_documents() -> None:
    archive = loaded(SHIPPED)
    for at in (Addresses(None, directory_urls=True), Addresses("https://example.org/archive/", directory_urls=False)):
        derived = derive_archive(archive)
        ledger, judged = derived.ledger, derived.judged
        for excerpts in (False, True):
            data, notes, parts = exports(archive, at, excerpts=excerpts, ledger=ledger, judged=judged)   # a one-off build: no parts kept
            assert data == whole(archive_data(archive, at, excerpts=excerpts, ledger=ledger, judged=judged))
            assert notes == whole(web_annotations(archive, at, excerpts=excerpts, judged=judged))
            assert parts == {}
            again = exports(archive, at, excerpts=excerpts, ledger=ledger, judged=judged, reuse={})   # the preview's: the same, and its parts
            assert again[:2] == (data, notes)
            assert list(again[2]) == [b.id for b in archive.briefings]
            assert sum(p.count for p in again[2].values()) == json.loads(notes)["total"] > 0


def test_an_archive_without_annotations_has_no_first_page(archive) -> None:
    loaded_archive = loaded(archive.root)
    bare = replace(loaded_archive, briefings=tuple(replace(b, claims=(), warnings=()) for b in loaded_archive.briefings))
    at = Addresses(None, directory_urls=True)
    for reuse in (None, {}):
        _, notes, _ = exports(bare, at, excerpts=False, ledger=(), judged=judge(bare), reuse=reuse)
        assert notes == whole(web_annotations(bare, at, excerpts=False, judged=judge(bare)))
        assert "first" not in json.loads(notes)


def test_a_part_is_reused_only_for_the_briefing_it_was_made_from() -> None:
    archive = loaded(SHIPPED)
    at = Addresses(None, directory_urls=True)
    ledger = derive_archive(archive).ledger
    _, _, parts = exports(archive, at, excerpts=False, ledger=ledger, judged=judge(archive), reuse={})   # the preview's first build: parts with their inputs
    first = archive.briefings[0]
    edited = replace(archive, briefings=(replace(first, summary="An edited summary."), *archive.briefings[1:]))
    data, notes, again = exports(edited, at, excerpts=False, ledger=ledger, judged=judge(edited), reuse=parts)
    assert data == whole(archive_data(edited, at, excerpts=False, ledger=ledger, judged=judge(edited)))       # the edited briefing serialised again
    assert notes == whole(web_annotations(edited, at, excerpts=False, judged=judge(edited)))
    assert again[first.id] is not parts[first.id]
    assert all(again[b.id] is parts[b.id] for b in archive.briefings[1:])   # the others taken as they were


def test_a_part_is_made_again_when_a_claim_it_relates_to_changes() -> None:
    """A grade is not prose: the other briefing's part names the edited claim's independence verdict and
    annotates its relations both ways, so it is serialised again too; a title edit only where the other's notes
    refer to the briefing (the reference's words are its title)."""
    archive = loaded(SHIPPED)
    at = Addresses(None, directory_urls=True)
    ledger = derive_archive(archive).ledger
    _, _, parts = exports(archive, at, excerpts=False, ledger=ledger, judged=judge(archive), reuse={})
    first, second = archive.briefings
    target = next(r.target for c in second.claims for r in c.relations if r.target.startswith(first.id + "#"))
    graded = tuple(replace(c, credibility=6) if f"{first.id}#{c.id}" == target else c for c in first.claims)
    # A title shows in the other's part only where its notes refer to the briefing (a link's words: its title).
    cites_title = any(bid == first.id for bid, _ in within(second))
    for edited_first, second_again in ((replace(first, claims=graded), True),
                                       (replace(first, title="New"), cites_title)):
        edited = replace(archive, briefings=(edited_first, second))
        data, notes, again = exports(edited, at, excerpts=False, ledger=ledger, judged=judge(edited), reuse=parts)
        assert data == whole(archive_data(edited, at, excerpts=False, ledger=ledger, judged=judge(edited)))
        assert notes == whole(web_annotations(edited, at, excerpts=False, judged=judge(edited)))
        assert (again[second.id] is not parts[second.id]) == second_again
