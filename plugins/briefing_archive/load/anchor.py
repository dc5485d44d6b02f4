"""Locate an author's quote (W3C TextQuoteSelector) in an article's canonical text.

Authors copy quotes from browsers, editors and PDFs, so the quote rarely has
the article's exact white space, quote marks or dashes.  Both sides are
therefore *folded* (see the format contract) before an exact, case-sensitive
search, and every match is mapped back to the article's original code point
offsets so the page can show the article's own characters.

Folding, in order:

1. (quotes/prefix/suffix only) NFC normalisation; the article is NFC already.
2. Quote marks and apostrophes fold to ``'`` or ``"``; hyphens, dashes and
   the minus sign fold to ``-``.  This step is one-to-one per code point.
3. Every maximal run of white space (``str.isspace``: spaces, tabs, line
   breaks, NBSP and the other Unicode spaces) becomes one space, or nothing
   when it touches a dash, so ``land—even`` == ``land - even`` == ``land -even``.
4. (quotes/prefix/suffix only) leading and trailing spaces are stripped.

Because step 2 is per character and step 3 only looks at a run's two
neighbours, folding any passage that starts and ends on a non-space
character gives exactly the corresponding slice of the folded article.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from dataclasses import dataclass

from rapidfuzz import fuzz

from ..core.model import Span
from .closest import closest_passage, snap_to_words

__all__ = [
    "Ambiguous",
    "AnchorResult",
    "Anchored",
    "Empty",
    "FoldedText",
    "NotFound",
    "anchor",
    "fold",
]

_SINGLE_QUOTES = "'\u2018\u2019\u201a\u201b\u2032`"
_DOUBLE_QUOTES = '"\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb'
_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"

# One-to-one code point map (str.translate keeps offsets unchanged).
_CHAR_MAP: dict[int, str] = {
    **{ord(c): "'" for c in _SINGLE_QUOTES},
    **{ord(c): '"' for c in _DOUBLE_QUOTES},
    **{ord(c): "-" for c in _DASHES},
}

# In str patterns ``\s`` matches exactly the code points for which
# str.isspace() is true (tabs, line breaks, NBSP, U+202F, U+2007, ...).
_WS_RUN = re.compile(r"\s+")
_ANY_WS = re.compile(r"\s")
_NEEDS_INDEX = re.compile(r"\s\s|-\s|\s-")


def _fold_core(text: str, index: array[int] | None) -> str:
    """Steps 2-3 of the folding; fill ``index`` (folded -> original start) if given.

    Kept as one function so the article and the quotes fold identically.
    A kept space is indexed at the first code point of its run.
    """
    t = text.translate(_CHAR_MAP)
    n = len(t)
    parts: list[str] = []
    pos = 0
    for m in _WS_RUN.finditer(t):
        s, e = m.span()
        parts.append(t[pos:s])
        if index is not None:
            index.extend(range(pos, s))
        # The run is maximal, so its neighbours are non-space characters.
        if not ((s > 0 and t[s - 1] == "-") or (e < n and t[e] == "-")):
            parts.append(" ")
            if index is not None:
                index.append(s)
        pos = e
    parts.append(t[pos:])
    if index is not None:
        index.extend(range(pos, n))
    return "".join(parts)


def fold(s: str) -> str:
    """Fold a quote, prefix or suffix for matching against ``FoldedText.folded``.

    NFC (not NFKC, so e.g. ligatures stay distinct), quote marks and dashes
    unified, white space collapsed or dropped next to dashes, and stripped
    (YAML folded scalars add a trailing newline).
    """
    return _fold_core(unicodedata.normalize("NFC", s), None).strip(" ")


class FoldedText:
    """The article folded once for matching (build once per article, reuse for all its quotes).

    ``starts[k]`` is the original offset of folded character ``k``; a folded
    space stands for a whole white-space run and maps to the run's first
    code point.  Leading/trailing white space of the article is kept (as one
    space) since quotes are stripped and never match it.
    """

    __slots__ = ("folded", "starts", "text")

    def __init__(self, text: str) -> None:
        self.text: str = text
        translated = text.translate(_CHAR_MAP)
        if _NEEDS_INDEX.search(translated) is None:
            # Fast path, the common case: every white-space run is one code point and touches no
            # dash, so folding only turns each into a space and offsets map one to one.
            self.starts: array[int] | range = range(len(text))
            self.folded: str = _ANY_WS.sub(" ", translated)
        else:
            self.starts = array("q")
            self.folded = _fold_core(text, self.starts)

    def orig_end(self, k: int) -> int:
        """Original offset just after folded character ``k`` (a space covers its whole run)."""
        if self.folded[k] != " ":
            return self.starts[k] + 1
        # A kept run is followed directly by the next folded character.
        return self.starts[k + 1] if k + 1 < len(self.starts) else len(self.text)

    def span(self, fstart: int, fend: int) -> Span | None:
        """Original span of folded range ``[fstart, fend)``, trimmed to non-space ends.

        None when the range holds nothing but white space.
        """
        folded = self.folded
        while fstart < fend and folded[fstart] == " ":
            fstart += 1
        while fend > fstart and folded[fend - 1] == " ":
            fend -= 1
        if fstart >= fend:
            return None
        # Both ends are non-space, hence single original code points.
        return Span(self.starts[fstart], self.starts[fend - 1] + 1)

    def __repr__(self) -> str:
        return f"FoldedText({self.text[:40]!r}{'...' if len(self.text) > 40 else ''})"


@dataclass(frozen=True)
class Anchored:
    """The quote was found exactly once (after prefix/suffix filtering)."""

    span: Span


@dataclass(frozen=True)
class NotFound:
    """No match, or none that has the given prefix/suffix.

    ``closest`` helps the author fix the quote.  Without context it is the
    article passage most similar to the quote (``score`` = rapidfuzz partial
    ratio).  With ``with_context`` True the quote itself occurs and
    ``closest`` is the occurrence whose surroundings best resemble the
    prefix/suffix (``score`` = that context similarity).
    """

    closest: Span | None
    score: float
    with_context: bool


@dataclass(frozen=True)
class Ambiguous:
    """Several matches remain after prefix/suffix: the first ones, in text order, and whether there are more."""

    spans: tuple[Span, ...]
    more: bool = False


@dataclass(frozen=True)
class Empty:
    """The quote is empty or white space only after folding."""


AnchorResult = Anchored | NotFound | Ambiguous | Empty


#: Places an ambiguous quote's result lists; past them the author is told there are more.
PLACES = 10
#: Occurrences whose surroundings are compared with a prefix/suffix found nowhere, to point at the closest.
CONTEXT_CANDIDATES = 100
#: Characters of a prefix or suffix compared with each occurrence's surroundings, for the message only.
CONTEXT_SCORED = 128


def _first(haystack: str, needle: str, limit: int) -> list[int]:
    """The first ``limit`` starts of ``needle``, overlapping ones included: at most ``limit`` searches, each
    linear in the text (listing every occurrence made "a" in a run of a million "a"s a million of them)."""
    found: list[int] = []
    i = haystack.find(needle)
    while i != -1:
        found.append(i)
        if len(found) == limit:
            break
        i = haystack.find(needle, i + 1)
    return found


def _first_in_context(folded: str, q: str, prefix: str, suffix: str, limit: int) -> list[int]:
    """The first ``limit`` starts of ``q`` that have ``prefix`` just before and ``suffix`` just after, one
    folded space allowed between: each way of joining them is one string searched for, so an occurrence
    without its context costs nothing (checking each occurrence's context cost their number times the
    context's length). The ways exclude each other (the quote and its context start and end on non-spaces)."""
    found: list[int] = []
    for before in ("", " ") if prefix else ("",):
        for after in ("", " ") if suffix else ("",):
            shift = len(prefix) + len(before)
            found += (i + shift for i in _first(folded, prefix + before + q + after + suffix, limit))
    return sorted(found)[:limit]


def _suffix_at(folded: str, end: int) -> int:
    """Where a suffix must begin after a match ending at ``end`` (skips one folded space)."""
    return end + 1 if folded.startswith(" ", end) else end


def _context_score(folded: str, start: int, end: int, prefix: str, suffix: str) -> float:
    """How much an occurrence's surroundings resemble the wanted prefix/suffix (0..100)."""
    scores: list[float] = []
    if prefix:
        p_end = start - 1 if start > 0 and folded[start - 1] == " " else start
        scores.append(fuzz.ratio(prefix, folded[max(0, p_end - len(prefix)) : p_end]))
    if suffix:
        s_start = _suffix_at(folded, end)
        scores.append(fuzz.ratio(suffix, folded[s_start : s_start + len(suffix)]))
    return sum(scores) / len(scores) if scores else 0.0


def anchor(
    article: FoldedText,
    quote: str,
    prefix: str | None = None,
    suffix: str | None = None,
    places: int = PLACES,
) -> AnchorResult:
    """Find ``quote`` in ``article``; prefix/suffix (if given) must adjoin the match.

    Exact search on folded strings (a few ``str.find`` calls, each linear, never one per occurrence);
    rapidfuzz runs only when there is no match, to point the author at the closest passage. An ambiguous
    quote lists its first ``places`` occurrences.
    """
    q = fold(quote)
    if not q:
        return Empty()
    p = fold(prefix) if prefix else ""
    s = fold(suffix) if suffix else ""
    folded = article.folded
    n = len(q)

    if n > len(folded) or folded.find(q) == -1:
        if not folded.strip(" "):
            return NotFound(None, 0.0, with_context=False)
        start, end, score = closest_passage(folded, q)
        start, end = snap_to_words(folded, start, end)
        return NotFound(article.span(start, end), score, with_context=False)

    def span(i: int) -> Span:
        return Span(article.starts[i], article.starts[i + n - 1] + 1)

    kept = _first_in_context(folded, q, p, s, places + 1) if p or s else _first(folded, q, places + 1)
    if len(kept) == 1:
        return Anchored(span(kept[0]))
    if kept:
        return Ambiguous(tuple(span(i) for i in kept[:places]), more=len(kept) > places)

    # Only the words nearest the quote, at the first occurrences, decide which one the message points at: a
    # long prefix or suffix scored against each of thousands of occurrences would cost their product.
    p, s = p[-CONTEXT_SCORED:], s[:CONTEXT_SCORED]
    best = max(_first(folded, q, CONTEXT_CANDIDATES), key=lambda i: _context_score(folded, i, i + n, p, s))
    return NotFound(span(best), _context_score(folded, best, best + n, p, s), with_context=True)
