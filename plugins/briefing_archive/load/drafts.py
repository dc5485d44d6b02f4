"""A briefing that is still a draft must not publish: what ``briefings new`` left to fill in.

The scaffold writes placeholders that cannot pass (contract v1.2, "Inputs"): claim ids
``claim-<n>``, texts starting with ``TODO``, and a chain of ``TODO`` sources. Each one left in a
briefing is an error at its value that says what to write instead. They are found before the
schema check, and their values are faults (see :class:`Document`): a placeholder chain is
reported once, as a placeholder, never also as an id of the wrong shape or an unknown source.

A briefing without claims while its article attributes what it says is a warning (contract v1.1):
the page would present an unread article. Sentences left uncovered in a briefing that has claims
are not checked here: ``briefings coverage`` reports them.
"""
from __future__ import annotations

import re
from typing import Any

from ..core.attribution import attributed_sentences
from ..core.model import Article
from ..core.positions import line_col
from ..core.problems import Problem
from .documents import Document
from .yamlfile import KeyPath, Positions

#: A value the scaffold left as it wrote it: it starts with the word TODO.
PLACEHOLDER = re.compile(r"\s*TODO\b")
#: The claim ids the scaffold numbers: they say nothing of the claim, and its permalink would be meaningless.
PLACEHOLDER_ID = re.compile(r"claim-[0-9]+")
#: The ids the scaffold's messages give as examples.
EXAMPLE_ID = "troops-withdrawn"
#: What each field holding a placeholder asks for (by its key; a list item by its list's key).
WANTED = {
    "title": "write the article's headline, or a short title of your own, in its place",
    "summary": "write one paragraph in its place: what the article reports and how far it can be trusted",
    "note": "write the analyst's assessment in its place (for a claim: why this grade, who the claim rests on "
            "and their stake), or remove `note`",
    "background": "write what the analyst knows from outside the archive's articles in its place, or remove "
                  "`background`",
    "quote": "copy the exact words of the article in its place",
    "prefix": "write the article's words just before the quote in its place, or remove `prefix`",
    "suffix": "write the article's words just after the quote in its place, or remove `suffix`",
    "publisher": "write the source id of the outlet (a file of briefings/sources/ without .yml), or null",
    "published": "write the date as YYYY, YYYY-MM or YYYY-MM-DD, or null when the article does not give it",
    "date": "write the date as YYYY, YYYY-MM or YYYY-MM-DD, or remove `date`",
    "period": "write the period as YYYY, YYYY-MM or YYYY-MM-DD, or remove `period`",
    "entities": "write an entity id (a file of briefings/entities/ without .yml), or remove the item",
    "tags": "write a tag (lower-case letters a-z, digits and '-'), or remove the item",
    "article": "write the file name of the article in seeds/",
    "id": "give the claim a short id that says what it claims, e.g. " + EXAMPLE_ID,
}
CHAIN = ("write the attribution chain as source ids (files of briefings/sources/ without .yml), the reporting "
         "source first and the originator last, e.g. [uk-mod] or [nyt, ukrainian-officials]; "
         "[unattributed] when the article names no one")
RELATION = "write the related claim as <briefing-id>#<claim-id>, or remove the relation"


def placeholder_problems(data: Any, positions: Positions, path: str) -> tuple[list[Problem], frozenset[KeyPath]]:
    """An error at each placeholder the scaffold writes that is still in a briefing, and the paths of the
    placeholders that stand where a value of another shape belongs (checked no further)."""
    if not isinstance(data, dict):
        return [], frozenset()
    out: list[Problem] = []
    faults: set[KeyPath] = set()

    def problem(where: KeyPath, message: str) -> None:
        line, col = positions.of_value(where)
        out.append(Problem(path, line, col, "error", message))

    claims = data.get("claims")
    for ci, claim in enumerate(claims if isinstance(claims, list) else ()):
        if not isinstance(claim, dict):
            continue
        cid = claim.get("id")
        if isinstance(cid, str) and PLACEHOLDER_ID.fullmatch(cid):
            problem(("claims", ci, "id"), f"claim id '{cid}' is the placeholder `briefings new` writes; give the "
                                          "claim a short id that says what it claims, e.g. " + EXAMPLE_ID)
        chain = claim.get("sources")
        if isinstance(chain, list) and any(_placeholder(v) for v in _strings(chain)):
            faults.add(("claims", ci, "sources"))
            problem(("claims", ci, "sources"), f"{_label(data, ('claims', ci, 'sources'))} is still the placeholder "
                                               f"chain `briefings new` writes; {CHAIN}")
    for where, value in _walk(data, ()):
        if not _placeholder(value) or any(where[:i] in faults for i in range(len(where))):
            continue
        faults.add(where)
        field = next((k for k in reversed(where) if isinstance(k, str)), "")
        how = RELATION if "relations" in where else WANTED.get(field, "write the value the format asks for in its "
                                                                      "place (see the format reference)")
        problem(where, f"{_label(data, where)} is still the scaffold's placeholder '{_shown(value)}'; {how}")
    return out, frozenset(faults)


def _placeholder(value: Any) -> bool:
    return isinstance(value, str) and PLACEHOLDER.match(value) is not None


def _strings(value: Any) -> list[Any]:
    """The items of a chain, the list in last place flattened."""
    return [s for v in value for s in (v if isinstance(v, list) else [v])]


def _walk(value: Any, where: KeyPath) -> list[tuple[KeyPath, Any]]:
    """Every scalar of a document with its path, in document order."""
    if isinstance(value, dict):
        return [found for k, v in value.items() for found in _walk(v, where + (k,))]
    if isinstance(value, list):
        return [found for i, v in enumerate(value) for found in _walk(v, where + (i,))]
    return [(where, value)]


def _label(data: dict[str, Any], where: KeyPath) -> str:
    """``the briefing's `title```, ``claim 'x': `note```, ``warning #2: `quote```."""
    field = next((k for k in reversed(where) if isinstance(k, str)), "")
    if len(where) >= 3 and where[0] in ("claims", "warnings") and isinstance(where[1], int):
        if where[0] == "warnings":
            return f"warning #{where[1] + 1}: `{field}`"
        claim = data["claims"][where[1]]
        cid = claim.get("id") if isinstance(claim, dict) else None
        return f"claim '{cid}': `{field}`" if isinstance(cid, str) else f"claim #{where[1] + 1}: `{field}`"
    return f"the briefing's `{field}`"


def _shown(value: str) -> str:
    shown = " ".join(value.split())
    return shown if len(shown) <= 60 else shown[:57] + "..."


def no_claims_problem(doc: Document, article: Article) -> Problem | None:
    """A warning when the briefing has no claims while its article has attributed sentences."""
    if doc.data.get("claims") or not doc.usable(("claims",)):
        return None
    sentences = attributed_sentences(article.text)
    if not sentences:
        return None
    line, col = doc.positions.of_key(("claims",)) if ("claims",) in doc.positions.keys else (1, 1)
    first_line, _ = line_col(article.text, sentences[0].start)
    return Problem(doc.path, line, col, "warning", (
        f"briefing '{doc.id}' has no claims, but its article has {len(sentences)} attributed sentence(s) "
        f"(the first on line {first_line}); annotate them as claims (`briefings new` writes a TODO claim for "
        "each), or remove the briefing until it is annotated"))
