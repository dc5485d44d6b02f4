"""Each claim as its own search record, for the Pagefind backend: found by its words, narrowed by its grade.

A record lands on the claim's permalink (``briefings/<id>/#<claim>``, the quote's anchor every claim link of
the site uses). Its text is the quote, the note and the background as plain text (never HTML: Pagefind's
interface escapes ``<`` and ``>`` of a record's text and shows its title, tags and filter values as text) and
its briefing's title. Its filters are the claims explorer's columns, in the explorer's words: credibility and
reliability with their meanings, the originators' sides, every source of the chain, and the claim's status
among the others as :mod:`derive.claims` classifies it (the same rows the explorer reads).
Records come in archive order, their filters and tags in a fixed order, so the same archive gives the same index.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..core import urls
from ..core.characters import isolate_bidi
from ..core.credibility import CREDIBILITY, RELIABILITY, badge_meaning
from ..core.model import Archive
from ..derive.claims import STATUS, ClaimRow
from .claimdata import side_text
from .components import excerpt
from .markup import plain_text

#: The filters' names, as the search panel heads them.
CREDIBILITY_FILTER, RELIABILITY_FILTER = "credibility", "reliability"
PARTY_FILTER, SOURCE_FILTER, STATUS_FILTER = "originator's side", "source", "status"
#: A result's title: the quote cut to this many characters (the excerpt under it shows the words found).
TITLE_LIMIT = 120


@dataclass(frozen=True)
class SearchRecord:
    """One claim as Pagefind indexes it (plain text throughout)."""

    url: str                                          # from the site root: /briefings/<id>/#<claim>
    content: str                                      # quote, note, background, briefing title
    meta: tuple[tuple[str, str], ...]                 # title first, then the tags a result shows
    filters: tuple[tuple[str, tuple[str, ...]], ...]  # filter name -> the claim's values


def credibility_value(n: int) -> str:
    return f"{n}: {CREDIBILITY[n]}"


def reliability_value(letter: str) -> str:
    return f"{letter}: {RELIABILITY[letter]}"


def claim_records(archive: Archive, rows: tuple[ClaimRow, ...], *, directory_urls: bool) -> tuple[SearchRecord, ...]:
    """Every claim's record, in archive order (the explorer's rows: :func:`derive.claims.claim_rows`)."""
    return tuple(_record(archive, r, directory_urls=directory_urls) for r in rows)


def _record(archive: Archive, row: ClaimRow, *, directory_urls: bool) -> SearchRecord:
    b, c = row.briefing, row.claim
    title = isolate_bidi(b.title)
    parts = [isolate_bidi(" ".join(c.quote.split())), plain_text(c.note), plain_text(c.background), title]
    sides = tuple(dict.fromkeys(isolate_bidi(s.party or side_text(s))
                                for s in (archive.sources[sid] for sid in c.originators)))
    status = tuple(STATUS[k] for k in row.status)
    return SearchRecord(
        url="/" + urls.page_url(urls.briefing_page(b.id), directory_urls=directory_urls) + f"#{c.id}",
        content="\n".join(p for p in parts if p),
        meta=(("title", f"\u201c{isolate_bidi(excerpt(c.quote, TITLE_LIMIT))}\u201d"),
              ("grade", badge_meaning(row.code)), ("status", ", ".join(status)), ("briefing", title)),
        filters=((CREDIBILITY_FILTER, (credibility_value(c.credibility),)),
                 (RELIABILITY_FILTER, (reliability_value(row.code[0]),)),
                 (PARTY_FILTER, sides),
                 (SOURCE_FILTER, tuple(isolate_bidi(archive.sources[s].name) for s in row.sources)),
                 (STATUS_FILTER, status)))
