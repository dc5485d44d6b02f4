"""Where the lexicon's estimative terms and hedges occur in each article.

A rendering concern (``briefings check`` never needs them), found once per article
even when several briefings share it.
"""
from __future__ import annotations

from dataclasses import replace

from ..core.lexicon import Occurrence
from ..core.model import Archive, Briefing


def with_terms(archive: Archive, found: dict[tuple[str, str], tuple[Occurrence, ...]] | None = None,
               termed: dict[str, tuple[Briefing, Briefing]] | None = None) -> Archive:
    """The archive with each article's estimative terms and hedges found.

    ``found`` (article file and digest -> its terms) is filled as articles are searched; the live preview passes
    the last build's, for the same lexicon, so only new or changed articles are searched again. ``termed``
    (briefing id -> the loaded briefing and it with its terms), filled likewise: a briefing the loader kept (the
    same object) gets the same briefing with terms as last time, so what compares builds finds it by identity."""
    if archive.lexicon is None or any(b.terms for b in archive.briefings):
        return archive
    lexicon = archive.lexicon
    found = {} if found is None else found

    def terms(b: Briefing) -> tuple[Occurrence, ...]:
        key = (b.article.file, b.article.sha256)
        if key not in found:
            found[key] = lexicon.find(b.article.text)
        return found[key]

    memo = {} if termed is None else termed

    def with_its_terms(b: Briefing) -> Briefing:
        was = memo.get(b.id)
        if was is not None and was[0] is b:
            return was[1]
        memo[b.id] = (b, replace(b, terms=terms(b)))
        return memo[b.id][1]

    briefings = tuple(with_its_terms(b) for b in archive.briefings)
    return replace(archive, briefings=briefings)
