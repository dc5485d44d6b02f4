"""References from notes and summaries to briefings and claims: every id they name must exist.

A note refers to a briefing with a Markdown link whose target is an id (``[](<briefing-id>)``,
``[text](<briefing-id>#<claim-id>)``: see :mod:`briefing_archive.core.markdown`). An unknown id
is an error like any other bad id, at the value of the note or summary that names it.
"""
from __future__ import annotations

from collections.abc import Mapping
from collections.abc import Set as AbstractSet

from ..core.ids import claim_key
from ..core.markdown import references
from ..core.problems import Problem, did_you_mean
from .documents import MARKDOWN_FIELDS, Document, claim_ids
from .documents import _values as markdown_values  # the fields' values, as the nesting check finds them
from .yamlfile import KeyPath

HOW = "write [text](<briefing-id>#<claim-id>) or [](<briefing-id>) with the id of a file of briefings/"


def note_reference_problems(docs: Mapping[str, list[Document]], broken: AbstractSet[str] = frozenset()) -> list[Problem]:
    """Every reference in every Markdown field (notes, summaries) to a briefing or claim that does not exist.

    A ``broken`` briefing (it exists, with errors of its own) is neither missing nor checked further.
    """
    claims_of: dict[str, set[str] | None] = {bid: None for bid in broken}
    claims_of.update({d.id: claim_ids(d) for d in docs.get("briefing", ())})
    problems: list[Problem] = []
    for kind, patterns in MARKDOWN_FIELDS.items():
        for d in docs.get(kind, ()):
            for pattern in patterns:
                for where, text in markdown_values(d.data, pattern, d.faults):
                    if isinstance(text, str):
                        problems += _problems(d, where, text, claims_of, d.id if kind == "briefing" else None)
    return problems


def _problems(d: Document, where: KeyPath, text: str, claims_of: Mapping[str, set[str] | None],
              own: str | None) -> list[Problem]:
    out = []
    label = _label(d, where)
    for bid, cid in dict.fromkeys(references(text)):
        claims = claims_of.get(bid)
        if bid not in claims_of:
            out.append(d.problem(where, f"{label} refers to an unknown briefing '{bid}'"
                                        f"{did_you_mean(bid, claims_of, own)}; {HOW}"))
        elif cid is not None and claims is not None and cid not in claims:
            out.append(d.problem(where, f"{label} refers to {claim_key(bid, cid)}, but briefing '{bid}' has no claim '{cid}'"
                                        f"{did_you_mean(cid, claims)}; use one of its claim ids"))
    return out


def _label(d: Document, where: KeyPath) -> str:
    """How a message names the field: ``claim 'x': `note```, ``warning #2: `note```, ```summary```."""
    field = f"`{where[-1]}`"
    if len(where) >= 3 and where[0] == "claims":
        return f"claim '{d.data['claims'][where[1]].get('id')}': {field}"
    if len(where) >= 3 and where[0] == "warnings":
        return f"warning #{int(where[1]) + 1}: {field}"
    return field
