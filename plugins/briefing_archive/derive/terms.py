"""Where the lexicon's estimative terms and hedges occur in each article.

A rendering concern (``briefings check`` never needs them), found once per article
even when several briefings share it.
"""
from __future__ import annotations

from dataclasses import replace

from ..core.lexicon import Occurrence
from ..core.model import Archive


def with_terms(archive: Archive) -> Archive:
    """The archive with each article's estimative terms and hedges found."""
    if archive.lexicon is None or any(b.terms for b in archive.briefings):
        return archive
    lexicon = archive.lexicon
    found: dict[str, tuple[Occurrence, ...]] = {}
    briefings = tuple(replace(b, terms=found.setdefault(b.article.file, lexicon.find(b.article.text)))
                      for b in archive.briefings)
    return replace(archive, briefings=briefings)
