"""Whether two claims are independent: three values, never two (v1.1 "Independence has three values").

Two claims are independent when neither rests only on unidentified originators and their
identified originators, with everything those depend on, share no source; not independent when
they share one (named); otherwise their independence cannot be established. A catch-all profile
(``identified: false``) is never a shared origin: two articles' unattributed statements are not
one source, and not independent of each other either.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass

from .model import Claim, Source

INDEPENDENT = "independent"
NOT_INDEPENDENT = "not independent"
CANNOT_BE_ESTABLISHED = "cannot be established"


@dataclass(frozen=True)
class Verdict:
    value: str                              # one of the three constants above
    shared: frozenset[str] = frozenset()    # the nearest shared origins (what they rest on is shared too)
    assumed: bool = False                   # not independent only through dependences known from outside the articles
    apart: bool = True                      # neither claim's originators are among the sources the other rests on

    @property
    def independent(self) -> bool:
        return self.value == INDEPENDENT


def identified_originators(claim: Claim, sources: Mapping[str, Source]) -> tuple[str, ...]:
    return tuple(s for s in claim.originators if sources[s].identified)


class _Reach:
    """What each source rests on through one graph of ``depends_on``, computed once for the archive.

    Each source's closure (itself and everything it depends on, directly or through a chain) is a bit set held
    in a Python int, one bit per source, numbered so that a source comes after everything it depends on. A
    pair of claims then costs a few machine-word operations per 64 sources, never a walk of the chain again
    (a walk per pair made a chain of S profiles cost S squared), and all closures take S*S/8 bytes (8 MB at
    8,000 sources, where sets of ids took gigabytes).
    """

    def __init__(self, sources: Mapping[str, Source], depends_on: Callable[[Source], Iterable[str]]) -> None:
        def edges(sid: str) -> list[str]:
            return [dep for dep in depends_on(sources[sid]) if dep in sources]

        self.order: list[str] = []                   # bit i is order[i]
        self.closure: dict[str, int] = {}
        for component in _components(sorted(sources), edges):
            first = len(self.order)
            self.order.extend(component)
            mask = ((1 << len(component)) - 1) << first
            for sid in component:
                for dep in edges(sid):
                    mask |= self.closure.get(dep, 0)   # a dependence inside the component is in ``mask``
            for sid in component:
                self.closure[sid] = mask
        self.bit = {sid: 1 << i for i, sid in enumerate(self.order)}
        self.identified = sum(self.bit[sid] for sid in self.order if sources[sid].identified)

    def of(self, source_ids: Iterable[str]) -> int:
        """The union of the sources' closures (an unknown id adds nothing)."""
        out = 0
        for sid in source_ids:
            out |= self.closure.get(sid, 0)
        return out

    def bits(self, source_ids: Iterable[str]) -> int:
        return sum({self.bit[sid] for sid in source_ids if sid in self.bit})

    def nearest(self, shared: int) -> frozenset[str]:
        """The shared sources no other shared source rests on: the highest-numbered one rests on nothing above it
        (everything that depends on a source is numbered after it), and what it rests on is set aside; one
        step per named origin, each a few word operations."""
        out = []
        while shared:
            sid = self.order[shared.bit_length() - 1]
            out.append(sid)
            shared &= ~self.closure[sid]
        return frozenset(out)


def _components(nodes: list[str], edges: Callable[[str], list[str]]) -> Iterator[list[str]]:
    """The strongly connected components of ``depends_on`` (Tarjan's algorithm, without recursion: a chain of
    thousands must not overflow the stack), each after every component it depends on. A cycle of sources that
    each relay the other is one component, and each of them rests on all of it."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    for root in nodes:
        if root in index:
            continue
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        work: list[tuple[str, Iterator[str]]] = [(root, iter(edges(root)))]
        while work:
            node, todo = work[-1]
            for dep in todo:
                if dep not in index:
                    index[dep] = low[dep] = len(index)
                    stack.append(dep)
                    on_stack.add(dep)
                    work.append((dep, iter(edges(dep))))
                    break
                if dep in on_stack:
                    low[node] = min(low[node], index[dep])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    yield sorted(component)


class Origins:
    """Every source's originator closure, once per archive: with the dependences the articles show and
    assumed ones (:attr:`full`), and with the shown ones alone (:attr:`shown`)."""

    def __init__(self, sources: Mapping[str, Source]) -> None:
        self.sources = sources
        self.full = _Reach(sources, lambda s: s.depends_on)
        self.shown = _Reach(sources, lambda s: [d for d in s.depends_on if d not in {a for a, _ in s.assumed}])

    def verdict(self, a: Claim, b: Claim) -> Verdict:
        """The verdict for two claims (symmetric)."""
        full = self.full
        apart = not (full.bits(a.originators) & full.of(b.originators)
                     or full.bits(b.originators) & full.of(a.originators))
        ia, ib = identified_originators(a, self.sources), identified_originators(b, self.sources)
        if not ia or not ib:
            return Verdict(CANNOT_BE_ESTABLISHED, apart=apart)
        shared = full.of(ia) & full.of(ib) & full.identified
        if not shared:
            return Verdict(INDEPENDENT, apart=apart)
        shown = self.shown.of(ia) & self.shown.of(ib) & self.shown.identified
        if shown:
            return Verdict(NOT_INDEPENDENT, self.shown.nearest(shown), apart=apart)
        return Verdict(NOT_INDEPENDENT, full.nearest(shared), assumed=True, apart=apart)


def independence(a: Claim, b: Claim, sources: Mapping[str, Source]) -> Verdict:
    """The verdict for two claims (symmetric); for many pairs, :func:`remembered` computes the closures once."""
    return Origins(sources).verdict(a, b)


def remembered(sources: Mapping[str, Source]) -> Callable[[Claim, Claim], Verdict]:
    """:func:`independence` with every source's closure computed once, and each verdict remembered by the two
    claims' originators, all it reads of them: an archive's thousands of relations join a few dozen sources."""
    origins = Origins(sources)
    memo: dict[tuple[tuple[str, ...], tuple[str, ...]], Verdict] = {}

    def verdict(a: Claim, b: Claim) -> Verdict:
        key = (a.originators, b.originators)
        found = memo.get(key)
        if found is None:
            found = memo[key] = origins.verdict(a, b)
        return found
    return verdict


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
