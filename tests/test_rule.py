"""The credibility rule and three-valued independence (v1.1), on hand-built claims."""
from __future__ import annotations

import pytest

from briefing_archive.core.independence import (
    CANNOT_BE_ESTABLISHED,
    INDEPENDENT,
    NOT_INDEPENDENT,
    independence,
    verdict_words,
)
from briefing_archive.core.model import Claim, Source, Span
from briefing_archive.core.rule import Related, missing_evidence

SOURCES = {
    "mod": Source("mod", "UK MoD", "government", "B", "n", role="backer"),
    "reuters": Source("reuters", "Reuters", "news-outlet", "B", "n", depends_on=("mod",)),
    "kyiv": Source("kyiv", "Ukraine's military", "military", "C", "n", role="belligerent"),
    "tass": Source("tass", "TASS", "state-media", "C", "n", role="belligerent"),
    "unattributed": Source("unattributed", "Unattributed", "unattributed", "F", "n", identified=False),
}


def claim(cid: str, origin: str, grade: int, basis: tuple[str, ...] = ()) -> Claim:
    return Claim(cid, "q", Span(0, 1), ((origin,),), grade, basis=basis)


def rel(kind: str, a: Claim, b: Claim) -> Related:
    return Related(kind, f"x#{b.id}", b, independence(a, b, SOURCES))


def test_independence_has_three_values() -> None:
    assert independence(claim("a", "mod", 2), claim("b", "kyiv", 2), SOURCES).value == INDEPENDENT
    shared = independence(claim("a", "mod", 2), claim("b", "reuters", 2), SOURCES)
    assert shared.value == NOT_INDEPENDENT
    assert shared.shared == {"mod"}
    # two unattributed statements are neither one origin nor independent
    unnamed = independence(claim("a", "unattributed", 6), claim("b", "unattributed", 6), SOURCES)
    assert unnamed.value == CANNOT_BE_ESTABLISHED


@pytest.mark.parametrize(("grade", "relations", "basis", "ok"), [
    (2, [], (), False),                                   # nothing supports it
    (2, [], ("against-interest",), True),                 # a supporting basis
    (2, [("echoes", "kyiv")], (), True),                  # echoes from other originators count
    (2, [("echoes", "reuters")], (), False),              # a relay of the MoD repeats it: no support
    (2, [("echoes", "unattributed")], (), False),         # an unnamed statement supports nothing
    (2, [("echoes", "mod")], (), False),                  # one report cut in two does not
    (1, [("corroborates", "kyiv")], (), True),
    (1, [("echoes", "reuters")], (), False),              # 1 needs independent corroboration
    (2, [("contradicts", "kyiv")], (), False),            # contradicted by an independent 2
    (3, [], (), True),
    (4, [], (), False),
    (4, [], ("self-serving",), True),
    (5, [("contradicts", "kyiv")], (), True),
    (5, [("contradicts", "reuters")], (), False),         # not independent of the MoD
    (6, [], (), False),                                   # v1.2: a named originator alone gives 3
    (6, [("corroborates", "kyiv")], (), False),
])
def test_each_grade_needs_its_evidence(grade, relations, basis, ok) -> None:
    c = claim("c", "mod", grade, basis)
    related = [rel(kind, c, claim(f"o-{origin}", origin, 2)) for kind, origin in relations]
    why = missing_evidence(c, related, SOURCES)
    assert (why is None) is ok, why


def test_a_claim_on_unidentified_sources_alone_is_6() -> None:
    c = claim("c", "unattributed", 3)
    assert "grade it 6" in (missing_evidence(c, [], SOURCES) or "")
    assert missing_evidence(claim("c", "unattributed", 6), [], SOURCES) is None


def test_an_echo_lends_no_more_than_it_has() -> None:
    """Echoes support a grade of 2 only from a claim graded 1 or 2; corroboration from one graded 1-3."""
    c = claim("c", "mod", 2)
    assert missing_evidence(c, [rel("echoes", c, claim("o", "kyiv", 3))], SOURCES) is not None
    assert missing_evidence(c, [rel("corroborates", c, claim("o", "kyiv", 3))], SOURCES) is None
    assert missing_evidence(c, [rel("corroborates", c, claim("o", "kyiv", 4))], SOURCES) is not None


def test_an_echo_that_names_it_gives_3_and_unnamed_echoes_stay_6() -> None:
    """v1.2: an unnamed statement that says what a named claim graded 3 says is 3, not 6 (a named originator says
    the same); one echoing a named 2 may be 2; two unnamed statements echoing each other stay 6."""
    c = claim("c", "unattributed", 6)
    named_3 = [rel("echoes", c, claim("o", "mod", 3))]
    assert "names it" in (missing_evidence(c, named_3, SOURCES) or "")
    assert missing_evidence(claim("c", "unattributed", 3), named_3, SOURCES) is None
    named_2 = [rel("echoes", c, claim("o", "mod", 2))]
    assert missing_evidence(claim("c", "unattributed", 2), named_2, SOURCES) is None
    assert missing_evidence(c, named_2, SOURCES) is not None
    unnamed = [rel("echoes", c, claim("o", "unattributed", 6))]
    assert missing_evidence(c, unnamed, SOURCES) is None
    assert missing_evidence(claim("c", "unattributed", 3), unnamed, SOURCES) is not None


def test_an_assumed_dependence_is_named_as_one() -> None:
    sources = {**SOURCES, "agency": Source("agency", "Agency", "news-outlet", "B", "n", depends_on=("mod",),
                                           assumed=(("mod", "why"),))}
    verdict = independence(claim("a", "agency", 2), claim("b", "mod", 2), sources)
    assert verdict.value == NOT_INDEPENDENT
    assert verdict.assumed
    assert verdict.shared == {"mod"}
    assert "assumption from outside the articles" in verdict_words(verdict, {"mod": "MoD"})
