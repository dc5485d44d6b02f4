"""The archive as immutable data: what was loaded, checked and anchored.

Frozen dataclasses, no behaviour beyond derived values, no engine imports: every
renderer and exporter reads these and nothing else.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from .ids import claim_key
from .lexicon import Lexicon, Occurrence

#: The two roles of a chain: sources that relay a claim, and the source(s) it originates with.
REPORTER, ORIGINATOR = "reporter", "originator"


@dataclass(frozen=True)
class Span:
    """A half-open range of code point offsets into the canonical article text."""

    start: int  # inclusive
    end: int  # exclusive


@dataclass(frozen=True)
class Source:
    id: str
    name: str
    kind: str
    reliability: str
    note: str
    party: str | None = None
    url: str | None = None
    depends_on: tuple[str, ...] = ()
    rubric: str | None = None     # the rubric line the grade follows
    role: str | None = None       # belligerent | backer | neutral | unknown (v1.1 "Sides")
    identified: bool = True       # False for a catch-all profile (unattributed, "unnamed analysts")
    background: str | None = None  # Markdown: outside knowledge, shown under its own label
    assumed: tuple[tuple[str, str], ...] = ()   # (source id, why) of dependences known from outside the articles


@dataclass(frozen=True)
class Entity:
    id: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    note: str | None = None
    background: str | None = None


@dataclass(frozen=True)
class Figure:
    metric: str
    value: float | int
    unit: str
    qualifier: str = "exact"
    period: str | None = None


@dataclass(frozen=True)
class Relation:
    kind: str        # a name of core.relations.KINDS (corroborates, echoes, ...)
    briefing: str    # target briefing id
    claim: str       # target claim id

    @property
    def target(self) -> str:
        return claim_key(self.briefing, self.claim)


@dataclass(frozen=True)
class Claim:
    id: str
    quote: str
    span: Span
    chain: tuple[tuple[str, ...], ...]   # each link is one source id, or several cited together (the last)
    credibility: int
    note: str | None = None
    prefix: str | None = None
    suffix: str | None = None
    entities: tuple[str, ...] = ()
    date: str | None = None
    relations: tuple[Relation, ...] = ()
    figures: tuple[Figure, ...] = ()
    basis: tuple[str, ...] = ()        # reasons for the grade (v1.1 vocabulary)
    background: str | None = None
    key: bool = False                  # one of the claims the summary rests on: the bottom line opens with it
    renamed_from: str | None = None    # the claim's former id (``briefing#claim`` or a bare id): its history goes on
    regraded: str | None = None        # why the grade changed, for the commit that sets it

    @property
    def reporters(self) -> tuple[str, ...]:
        """Sources that relay the claim (every link but the last)."""
        return tuple(s for link in self.chain[:-1] for s in link)

    @property
    def originators(self) -> tuple[str, ...]:
        """The source(s) the claim originates with (the last link)."""
        return self.chain[-1]

    def roles(self) -> Iterator[tuple[str, tuple[str, ...]]]:
        """Each link of the chain with its role: every link reports, but the last originates."""
        last = len(self.chain) - 1
        for i, link in enumerate(self.chain):
            yield (ORIGINATOR if i == last else REPORTER), link


@dataclass(frozen=True)
class Caution:
    """A passage where the article itself warns the reader (the YAML's `warnings`)."""

    quote: str
    span: Span
    note: str | None = None
    prefix: str | None = None
    suffix: str | None = None


@dataclass(frozen=True)
class Article:
    file: str          # file name in seeds/
    text: str          # canonical text (NFC, LF, no BOM)
    sha256: str        # of the seed file's bytes


@dataclass(frozen=True)
class Briefing:
    id: str
    title: str
    article: Article
    summary: str
    publisher: str | None = None
    published: str | None = None
    tags: tuple[str, ...] = ()
    warnings: tuple[Caution, ...] = ()
    claims: tuple[Claim, ...] = ()
    terms: tuple[Occurrence, ...] = ()   # estimative terms and hedges found in the article

    @property
    def spans(self) -> tuple[Span, ...]:
        """Where every claim, then every caution, sits in the article."""
        return tuple(c.span for c in self.claims) + tuple(w.span for w in self.warnings)


@dataclass(frozen=True)
class Archive:
    briefings: tuple[Briefing, ...]
    sources: dict[str, Source] = field(default_factory=dict)
    entities: dict[str, Entity] = field(default_factory=dict)
    lexicon: Lexicon | None = None
