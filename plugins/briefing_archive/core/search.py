"""Where search splits words: the separator the site search uses, and a check of one an author gives.

Material's search (lunr) splits text only at spaces and hyphens by default, so "(province)" or
"“almost" are indexed with the punctuation stuck to them, and a search for ``province`` or ``almost``
finds nothing there (Material's English pipeline has no trimmer to strip it). The separator below is
a regular expression that both Python and the browser's JavaScript read alike (no ``|`` inside a class:
Material's search highlighting splits the expression at ``|``; no look-behind).
"""
from __future__ import annotations

import re

#: Split at white space and any run of dashes, brackets, straight and curly quotes, slashes and sentence
#: punctuation; at a full stop or comma not followed by a digit (so "4,000" and "3.5" stay one word); and
#: at the character references the index keeps (``&amp;``, ``&lt;``, ``&#x27;``...). Same value as the
#: shipped mkdocs.yml.
SEPARATOR = ("[\\s\\-\u2010\u2011\u2012\u2013\u2014\u2015;:!?=()\\[\\]{}\"'\u201c\u201d\u2018\u2019"
             "\u201e\u201a\u00ab\u00bb\u2039\u203a/\\\\\u2026]+|[.,](?!\\d)|&(?:[lg]t|amp|quot|#\\d+|#x[0-9a-fA-F]+);")

#: Punctuation that must never stay attached to a word: brackets, straight and curly quotes, slashes, dashes.
MUST_SPLIT = "()[]\"'\u201c\u201d\u2018\u2019/\u2013\u2014"


def attached(separator: str) -> str:
    """The characters of :data:`MUST_SPLIT` that ``separator`` leaves stuck to a word ('' when none,
    or when the expression is not one Python can read: JavaScript-only syntax is not judged)."""
    try:
        pattern = re.compile(separator)
    except re.error:
        return ""
    return "".join(ch for ch in MUST_SPLIT
                   if [t for t in pattern.split(f"word{ch}word") if t] != ["word", "word"])


#: Above this many KB (gzip, as a static host sends it) a reader waits on Material's whole index before the first
#: result on every page, more than Pagefind's first query costs (``benchmarks/RESULTS.md``, claim search): the
#: build says so and names ``search: pagefind``.
WHOLE_INDEX_ADVICE_KB = 500


def index_advice(compressed: int, briefings: int) -> str | None:
    """What the build says of Material's search index of ``compressed`` bytes (gzip) for ``briefings``, or None
    while it is small."""
    if compressed <= WHOLE_INDEX_ADVICE_KB * 1024:
        return None
    return (f"briefings: Material's search index is {compressed / 1024:,.0f} KB compressed for {briefings:,} "
            f"briefings, fetched whole by every page before its first result; above {WHOLE_INDEX_ADVICE_KB} KB "
            "set `search: pagefind` under `- briefings` (a reader fetches only what a query needs: README, Search)")
