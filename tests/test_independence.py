"""Independence computed once per archive (issue 22, R6) agrees with its definition on any graph of sources.

The definition is the walk the build once made for every pair: a source's closure is itself and everything it
depends on; two claims share an origin when their identified originators' closures meet in an identified
source. The build now numbers sources and keeps each closure as bits; these properties hold it to the walk on
generated graphs, cycles, unknown ids and assumed dependences included.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping

from hypothesis import given, settings
from hypothesis import strategies as st

from briefing_archive.core.independence import (
    CANNOT_BE_ESTABLISHED,
    INDEPENDENT,
    NOT_INDEPENDENT,
    Origins,
    independence,
    remembered,
)
from briefing_archive.core.model import Claim, Source, Span


def walk(ids: Iterable[str], sources: Mapping[str, Source], *, shown_only: bool = False) -> set[str]:
    """The closure by the definition: follow ``depends_on`` (without assumed ones, if ``shown_only``)."""
    seen: set[str] = set()
    todo = list(ids)
    while todo:
        sid = todo.pop()
        if sid in seen or sid not in sources:
            continue
        seen.add(sid)
        assumed = {dep for dep, _ in sources[sid].assumed} if shown_only else set()
        todo.extend(dep for dep in sources[sid].depends_on if dep not in assumed)
    return seen


@st.composite
def archives(draw: st.DrawFn) -> tuple[dict[str, Source], Claim, Claim]:
    n = draw(st.integers(1, 6))     # few sources, so cycles and shared origins are common
    ids = [f"s{i}" for i in range(n)]
    sources = {}
    for sid in ids:
        deps = draw(st.lists(st.sampled_from([*ids, "unknown"]), unique=True, max_size=3))
        assumed = draw(st.lists(st.sampled_from(deps), unique=True)) if deps else []
        sources[sid] = Source(sid, sid, "other", "C", "n", depends_on=tuple(deps),
                              identified=draw(st.booleans()), assumed=tuple((a, "why") for a in assumed))
    a, b = (Claim(cid, "q", Span(0, 1), ((draw(st.sampled_from(ids)),),
                                         tuple(draw(st.lists(st.sampled_from(ids), min_size=1, max_size=3,
                                                             unique=True)))), 3)
            for cid in ("a", "b"))
    return sources, a, b


@settings(max_examples=400)
@given(archives())
def test_the_verdict_is_the_walks(case: tuple[dict[str, Source], Claim, Claim]) -> None:
    sources, a, b = case
    ia = [s for s in a.originators if sources[s].identified]
    ib = [s for s in b.originators if sources[s].identified]
    identified = {s for s in sources if sources[s].identified}
    shared = walk(ia, sources) & walk(ib, sources) & identified
    shown = walk(ia, sources, shown_only=True) & walk(ib, sources, shown_only=True) & identified
    verdict = independence(a, b, sources)
    assert verdict == independence(b, a, sources) == remembered(sources)(a, b)
    if not ia or not ib:
        assert verdict.value == CANNOT_BE_ESTABLISHED
    elif not shared:
        assert verdict.value == INDEPENDENT
    else:
        assert verdict.value == NOT_INDEPENDENT
        assert verdict.assumed == (not shown)
        within = shown if shown else shared
        nearest = verdict.shared
        # the nearest shared origins: among the shared ones, what every other shared origin is reached from,
        # and none of them rests on another
        assert nearest
        assert nearest <= within
        assert within <= walk(nearest, sources, shown_only=bool(shown))
        assert all(m not in walk([n], sources, shown_only=bool(shown)) for n in nearest for m in nearest if m != n)
    mine, theirs = set(a.originators), set(b.originators)
    assert verdict.apart == (mine.isdisjoint(walk(theirs, sources)) and theirs.isdisjoint(walk(mine, sources)))


def test_a_long_chain_names_the_nearest_shared_origin() -> None:
    """A chain of 3,000 relays (each depends on the one before) judged pair by pair names one origin per pair:
    the one nearest both (what it rests on is shared too), so the verdicts' words do not grow with the chain."""
    sources = {f"s{i}": Source(f"s{i}", f"S{i}", "other", "C", "n", depends_on=(f"s{i - 1}",) if i else ())
               for i in range(3000)}
    origins = Origins(sources)
    claims = [Claim(f"c{i}", "q", Span(0, 1), ((f"s{i}",),), 3) for i in range(3000)]
    for i in (1, 1500, 2999):
        verdict = origins.verdict(claims[i], claims[i - 1])
        assert verdict.value == NOT_INDEPENDENT
        assert verdict.shared == {f"s{i - 1}"}
        assert not verdict.apart
    assert origins.verdict(claims[0], claims[0]).shared == {"s0"}
