"""A briefing that is still a draft must not publish: what ``briefings new`` left to fill in.

The scaffold's title and summary are placeholders starting with ``TODO``; left as they are they
would publish a page titled "TODO: ..." (an error). A briefing without claims while its article
attributes what it says is a warning (contract v1.1): the page would present an unread article.
Sentences left uncovered in a briefing that has claims are not checked here: ``briefings
coverage`` reports them.
"""
from __future__ import annotations

import re

from ..core.attribution import attributed_sentences
from ..core.model import Briefing
from ..core.positions import line_col
from ..core.problems import Problem
from .documents import Document

#: A value the scaffold left as it wrote it: it starts with the word TODO.
PLACEHOLDER = re.compile(r"\s*TODO\b")
#: What each placeholder field asks for.
WANTED = {"title": "write the article's headline, or a short title of your own, in its place",
          "summary": "write one paragraph in its place: what the article reports and how far it can be trusted"}


def placeholder_problems(doc: Document) -> list[Problem]:
    """An error at each field of ``WANTED`` that still holds the scaffold's TODO."""
    out = []
    for key, how in WANTED.items():
        value = doc.data.get(key)
        if isinstance(value, str) and PLACEHOLDER.match(value):
            shown = " ".join(value.split())
            shown = shown if len(shown) <= 60 else shown[:57] + "..."
            out.append(doc.problem((key,), f"the briefing's `{key}` is still the scaffold's placeholder "
                                           f"'{shown}'; {how}"))
    return out


def no_claims_problem(doc: Document, briefing: Briefing) -> Problem | None:
    """A warning when the briefing has no claims while its article has attributed sentences."""
    if briefing.claims:
        return None
    sentences = attributed_sentences(briefing.article.text)
    if not sentences:
        return None
    line, col = doc.positions.of_key(("claims",)) if ("claims",) in doc.positions.keys else (1, 1)
    first_line, _ = line_col(briefing.article.text, sentences[0].start)
    return Problem(doc.path, line, col, "warning", (
        f"briefing '{doc.id}' has no claims, but its article has {len(sentences)} attributed sentence(s) "
        f"(the first on line {first_line}); annotate them as claims (`briefings new` writes a TODO claim for "
        "each), or remove the briefing until it is annotated"))
