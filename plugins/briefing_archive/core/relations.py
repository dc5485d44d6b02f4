"""The relation kinds between claims, in one registry: every module that treats a kind reads it here.

A kind is written under a claim's ``relations`` (``corroborates: <briefing-id>#<claim-id>``) and counts in
both directions. What the build does with it follows from its :class:`Role` alone (how it counts in the
credibility rule of v1.2, whether it is an agreement, whether the two claims' independence is judged), so
a new kind with an existing role touches four files: its entry in :data:`KINDS`, a test, and the two schema
files editors read (``schema/briefing.schema.json``, ``schema/archive.schema.json``), written again by
``python -m briefing_archive.core.schemas``. The loader's validation, the published schemas, the methodology
page and the authoring guide (placeholders), the pages, the exports and the claims explorer's filter read
the registry.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Role(Enum):
    """How a kind counts in the credibility rule (format v1.2, "Support, defined once")."""

    #: Says the same, and the build refuses it between claims not shown independent: it *supports* when the
    #: other claim is graded 1, 2 or 3, and only it earns a 1 ("corroborated by an independent report").
    INDEPENDENT_AGREEMENT = "agreement that needs independence"
    #: Says the same without independence shown (the build warns when the two are independent): it *supports*
    #: when the other claim is graded 1 or 2, named and apart, and *names* the claim when it is graded 3.
    AGREEMENT = "agreement"
    #: Says the opposite: what grades 4 and 5 need, and what bars 1 to 3.
    CONTRADICTION = "contradiction"
    #: A source revises its own statement: no independence verdict, no weight in the rule.
    REVISION = "revision"
    #: Shown on both claims with their independence verdict, but weighs nothing in the rule.
    NEUTRAL = "counts as nothing"

    @property
    def agrees(self) -> bool:
        """Whether the kind says the same (the bottom line, the explorer's status and the compare view)."""
        return self in (Role.INDEPENDENT_AGREEMENT, Role.AGREEMENT)

    @property
    def judged(self) -> bool:
        """Whether pages state the two claims' independence (a source revising itself has none)."""
        return self is not Role.REVISION


@dataclass(frozen=True)
class RelationKind:
    name: str                   # the key an author writes (``corroborates``)
    inverse: str                # as read from the other claim (``corroborated by``)
    role: Role
    meaning: str                # a few words after the name: the schema's gloss ("" for none)
    use_when: str               # the authoring guide's "use it when" (Markdown)
    #: The relations page's gloss, where it says more than ``meaning`` (plain text; "" for the same).
    gloss: str = ""
    #: The methodology page's lines on how the kind counts, each a Markdown list item without its "- "
    #: (none: the rule's table says it all).
    methodology: tuple[str, ...] = ()

    @property
    def directed(self) -> bool:
        """Whether the relation reads differently from each end (written on both claims, it is two)."""
        return self.role is Role.REVISION


#: Every kind, in the order the format lists them (schemas, pages and filters keep it).
KINDS: dict[str, RelationKind] = {k.name: k for k in (
    RelationKind(
        "corroborates", "corroborated by", Role.INDEPENDENT_AGREEMENT,
        meaning="independent confirmation",
        use_when=("the other claim says the same and the two are **independent** (no shared originator, no "
                  "`depends_on` link)"),
        methodology=(("`corroborates` (always between independent claims) **supports** when the other claim is "
                      "graded 1, 2 or 3;"),)),
    RelationKind(
        "echoes", "echoed by", Role.AGREEMENT,
        meaning="says the same, but the two are not independent or their independence cannot be established",
        gloss=("says the same, but the two are not independent, or their independence cannot be established: the "
               "last column says which, and what they share"),
        use_when="it says the same, but the two are not shown to be independent (circular reporting)",
        methodology=(("`echoes` **supports** when the other claim is graded 1 or 2 (an echo lends no more than it "
                      "has), has an\n  identified originator (an unnamed statement supports nothing), and the two "
                      "are apart;"),
                     ("`echoes` with a claim graded 3, under the same conditions, **names** the claim: a named "
                      "originator says the\n  same, which is something to judge it by, but not support."))),
    RelationKind("contradicts", "contradicted by", Role.CONTRADICTION, meaning="", use_when="it says the opposite"),
    RelationKind("updates", "updated by", Role.REVISION, meaning="", use_when="it replaces an older statement"),
)}


def kinds() -> tuple[RelationKind, ...]:
    """The registered kinds, in order (read at call time, so a kind registered later is seen)."""
    return tuple(KINDS.values())


def kind(name_or_label: str) -> RelationKind:
    """The kind written ``name_or_label``, or read so from the other claim (``updated by``)."""
    found = KINDS.get(name_or_label)
    if found is None:
        found = next(k for k in KINDS.values() if k.inverse == name_or_label)
    return found


def role(name_or_label: str) -> Role:
    return kind(name_or_label).role


def named(role: Role) -> str:
    """The name of the (first) kind with ``role``: where the rule's wording names it (``corroborates``)."""
    return next(k.name for k in KINDS.values() if k.role is role)


def inverse(name: str) -> str:
    return KINDS[name].inverse


def aside() -> str:
    """The kinds whose claims' independence is not judged, as the explorer and pages say they are left
    out: "updates"."""
    return " and ".join(k.name for k in KINDS.values() if not k.role.judged)
