"""The article passage closest to a quote that is not in it, for the "did you mean" of a message.

Runs only when a quote does not anchor, on the folded text (see :mod:`.anchor`),
and in time linear in the article: a long quote's candidate places come from
shared word n-grams before any edit distance is computed.
"""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from itertools import accumulate
from statistics import median_low

from rapidfuzz import fuzz

#: Quotes up to this many characters are compared with every passage of the article (rapidfuzz's
#: partial ratio), as they always were: up to here that costs about what the candidate search below
#: costs (both linear in the article; measured crossover 384-512 characters, see
#: benchmarks/RESULTS.md) and finds short passages better, beyond it it grows with the quote squared.
FULL_SEARCH_MAX = 384
_GRAM = 3              # words per n-gram that votes for where a long quote would sit
_COMMON = 8            # an n-gram found more often than this in the article is too common to vote
_CANDIDATES = 3        # best-supported places compared with rapidfuzz
_SCORE_MAX = 50_000    # characters compared when scoring a place (rapidfuzz's ratio is quadratic)
_CHUNK = 1 << 20       # characters of the article split into words at a time


def closest_passage(folded: str, q: str) -> tuple[int, int, float]:
    """(start, end, score) of the passage of the folded article most like the quote.

    A short quote is compared with every passage. A long one would make that cost grow with the
    article times the quote squared, so candidate places are found first, in time linear in the
    article and the quote, and only those are compared (see :func:`_closest_long`).
    """
    if len(q) <= FULL_SEARCH_MAX:
        return _aligned(q, folded)
    return _closest_long(folded, q)


def _aligned(q: str, folded: str) -> tuple[int, int, float]:
    """rapidfuzz's best alignment of ``q`` in ``folded`` (it gives none only below a score cutoff,
    which is not set, so the fallback is the text's start)."""
    al = fuzz.partial_ratio_alignment(q, folded)
    if al is None:
        return 0, min(len(q), len(folded)), 0.0
    return al.dest_start, al.dest_end, al.score


def _closest_long(folded: str, q: str) -> tuple[int, int, float]:
    """The closest passage for a long quote: word n-grams vote, rapidfuzz compares a few places.

    Each word trigram the quote shares with the article votes for the offset where the quote
    would begin (its offset in the article minus its offset in the quote); trigrams found more
    than a few times in the article do not vote, so the votes stay proportional to the quote.
    Single words vote when no trigram is shared. The best-supported offsets give windows of
    about the quote's length, and the one rapidfuzz finds most similar wins. With no word in
    common at all, the quote's beginning is aligned like a short quote.
    """
    votes = _votes(folded, q, _GRAM) or _votes(folded, q, 1)
    if votes:
        places = _places(votes, len(q), len(folded))
    else:
        start, _, _ = _aligned(q[:FULL_SEARCH_MAX], folded)
        places = [(start, min(len(folded), start + len(q)))]
    scored = [(fuzz.ratio(q[:_SCORE_MAX], folded[start:min(end, start + _SCORE_MAX)]), -rank, start, end)
              for rank, (start, end) in enumerate(places)]
    score, _, start, end = max(scored)
    return start, end, score


def _votes(folded: str, q: str, n: int) -> list[tuple[int, int]]:
    """(article offset - quote offset, quote offset) for each word n-gram the quote shares with the
    article, except those found more than ``_COMMON`` times in the article."""
    grams: dict[tuple[str, ...], list[int]] = {}
    words = q.split(" ")
    offsets = list(accumulate((len(w) + 1 for w in words), initial=0))
    for k, gram in enumerate(zip(*(words[i:] for i in range(n)), strict=False)):  # n-grams: the shortest ends it
        grams.setdefault(gram, []).append(offsets[k])
    found: dict[tuple[str, ...], list[int]] = {}
    for base, chunk in _word_chunks(folded, n):
        at = None
        for k, gram in enumerate(zip(*(chunk[i:] for i in range(n)), strict=False)):
            if gram in grams:
                places = found.setdefault(gram, [])
                if len(places) <= _COMMON:
                    at = at or list(accumulate((len(w) + 1 for w in chunk), initial=base))
                    places.append(at[k])
    return [(a - b, b) for gram, places in found.items() if len(places) <= _COMMON
            for a in places for b in grams[gram]]


def _word_chunks(folded: str, n: int) -> Iterator[tuple[int, list[str]]]:
    """(offset, words) of the folded article about a megabyte at a time, to bound memory; each chunk
    after the first repeats the last ``n - 1`` words of the one before, so every n-gram is seen once."""
    base = 0
    while base < len(folded):
        cut = folded.find(" ", base + _CHUNK)
        cut = len(folded) if cut == -1 else cut
        words = folded[base:cut].split(" ")
        yield base, words
        if cut == len(folded):
            return
        keep = words[max(1, len(words) - (n - 1)):]
        base = cut + 1 - sum(len(w) + 1 for w in keep)


def _places(votes: list[tuple[int, int]], length: int, size: int) -> list[tuple[int, int]]:
    """(start, end) of the ``_CANDIDATES`` best-supported places: groups of votes whose offsets lie
    within a tenth of the quote's length of each other (copies drop or add a few words)."""
    votes.sort()
    offsets = [d for d, _ in votes]
    width = max(32, length // 10)
    support = sorted(range(len(votes)), key=lambda i: (i - bisect_right(offsets, offsets[i] + width), i))
    taken: list[tuple[int, int]] = []
    places = []
    for i in support:
        j = bisect_right(offsets, offsets[i] + width)
        if any(i < b and a < j for a, b in taken):
            continue
        taken.append((i, j))
        places.append(_extent(votes[i:j], length, size))
        if len(places) == _CANDIDATES:
            break
    return places


def _extent(group: list[tuple[int, int]], length: int, size: int) -> tuple[int, int]:
    """Where a group of votes puts the passage: its start from the votes of the quote's first
    words, its end from those of its last words (the median of each, so a stray vote cannot move
    it), within the article."""
    by_quote = sorted(group, key=lambda v: v[1])
    quarter = max(1, len(by_quote) // 4)
    start = median_low(d for d, _ in by_quote[:quarter])
    end = median_low(d for d, _ in by_quote[-quarter:]) + length
    # votes place the quote's first character before the article's end and its last after the
    # start, and a group spans less than the quote's length: the extent is never empty
    return max(0, start), min(size, end)


def snap_to_words(folded: str, start: int, end: int) -> tuple[int, int]:
    """Widen or narrow a fuzzy alignment to whole words, so the passage shown reads naturally.

    An edge that cuts a word keeps the word when most of it is inside, else drops it.
    """
    def word_bounds(i: int) -> tuple[int, int]:
        lo = i
        while lo > 0 and not folded[lo - 1].isspace():
            lo -= 1
        hi = i
        while hi < len(folded) and not folded[hi].isspace():
            hi += 1
        return lo, hi

    if 0 < start < len(folded) and not folded[start - 1].isspace() and not folded[start].isspace():
        lo, hi = word_bounds(start)
        start = lo if (hi - start) * 2 >= (hi - lo) else hi
    if 0 < end < len(folded) and not folded[end - 1].isspace() and not folded[end].isspace():
        lo, hi = word_bounds(end - 1)
        end = hi if (end - lo) * 2 >= (hi - lo) else lo
    while start < end and folded[start].isspace():
        start += 1
    while end > start and folded[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else word_bounds(start)
