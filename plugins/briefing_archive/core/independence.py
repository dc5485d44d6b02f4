"""Whether two claims are independent: three values, never two (v1.1 "Independence has three values").

Two claims are independent when neither rests only on unidentified originators and their
identified originators, with everything those depend on, share no source; not independent when
they share one (named); otherwise their independence cannot be established. A catch-all profile
(``identified: false``) is never a shared origin: two articles' unattributed statements are not
one source, and not independent of each other either.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from .model import Claim, Source

INDEPENDENT = "independent"
NOT_INDEPENDENT = "not independent"
CANNOT_BE_ESTABLISHED = "cannot be established"


@dataclass(frozen=True)
class Verdict:
    value: str                              # one of the three constants above
    shared: frozenset[str] = frozenset()    # the shared origins, when not independent
    assumed: bool = False                   # not independent only through dependences known from outside the articles

    @property
    def independent(self) -> bool:
        return self.value == INDEPENDENT


def identified_originators(claim: Claim, sources: Mapping[str, Source]) -> tuple[str, ...]:
    return tuple(s for s in claim.originators if sources[s].identified)


def independence(a: Claim, b: Claim, sources: Mapping[str, Source]) -> Verdict:
    """The verdict for two claims (symmetric)."""
    ia, ib = identified_originators(a, sources), identified_originators(b, sources)
    if not ia or not ib:
        return Verdict(CANNOT_BE_ESTABLISHED)
    shared = _shared(originator_closure(ia, sources), originator_closure(ib, sources), sources)
    if not shared:
        return Verdict(INDEPENDENT)
    shown = _shared(originator_closure(ia, sources, shown_only=True),
                    originator_closure(ib, sources, shown_only=True), sources)
    return Verdict(NOT_INDEPENDENT, shown or shared, assumed=not shown)


def remembered(sources: Mapping[str, Source]) -> Callable[[Claim, Claim], Verdict]:
    """:func:`independence` remembered by the two claims' originators, all it reads of them: an archive's
    thousands of relations join a few dozen sources."""
    memo: dict[tuple[tuple[str, ...], tuple[str, ...]], Verdict] = {}

    def verdict(a: Claim, b: Claim) -> Verdict:
        key = (a.originators, b.originators)
        found = memo.get(key)
        if found is None:
            found = memo[key] = independence(a, b, sources)
        return found
    return verdict


def _shared(a: frozenset[str], b: frozenset[str], sources: Mapping[str, Source]) -> frozenset[str]:
    return frozenset(s for s in a & b if sources[s].identified)


def originator_closure(source_ids: Iterable[str], sources: Mapping[str, Source],
                       shown_only: bool = False) -> frozenset[str]:
    """Sources plus everything they depend on, directly or through a chain of ``depends_on``;
    with ``shown_only``, only the dependences the articles show (not the assumed ones)."""
    seen: set[str] = set()
    todo = list(source_ids)
    while todo:
        sid = todo.pop()
        if sid in seen or sid not in sources:
            continue
        seen.add(sid)
        assumed = {dep for dep, _ in sources[sid].assumed} if shown_only else set()
        todo.extend(dep for dep in sources[sid].depends_on if dep not in assumed)
    return frozenset(seen)


def verdict_words(verdict: Verdict, names: Mapping[str, str]) -> str:
    """The verdict as a reader reads it, naming the shared origins (``names``: source id -> name)."""
    if verdict.value == INDEPENDENT:
        return "independent"
    if verdict.value == NOT_INDEPENDENT:
        shared = ", ".join(names[s] for s in sorted(verdict.shared))
        if verdict.assumed:
            return f"not independent, by an assumption from outside the articles: both rest on {shared}"
        return "not independent: both rest on " + shared
    return "independence cannot be established: one of them rests only on unidentified sources"
