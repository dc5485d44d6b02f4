"""schema.org ClaimReview of a briefing's claims, embedded in its page as JSON-LD.

Structured data for search engines and fact-check aggregators; it is part of the page,
so it is rendered here rather than written as a file of the site like the other exports.

The rating. The Admiralty credibility 1-5 is a scale from confirmed to improbable: it is given as
``ratingValue`` ``6 - credibility`` on a stated scale of ``worstRating`` 1 (improbable) to ``bestRating``
5 (confirmed). Credibility 6 ("truth cannot be judged") is not a point on that scale, and least of all
its worst end, which readers take for "false": its Rating has no value and no scale, only words.
``alternateName`` is the badge in words (``B2: source usually reliable; information probably true``).

The authors (``itemReviewed.author``) are the claim's originators, typed for what they are; schema.org
expects a Person or an Organization there, so what is neither is left out rather than mistyped:

=====================================  ==========================================================
originator (source profile)            ``author``
=====================================  ==========================================================
kind ``unattributed``                  none: the article's own unattributed statements have no author
kind ``officials``; or rubric          none: a group of people, named or not (unnamed officials,
``party-unnamed`` / ``unknown``; or    soldiers, analysts, outlets, estimates) is neither one
``identified: false``                  Person nor an Organization
rubric ``paraphrased``                 none: the article's attribution cannot be checked against
                                       the source's own words, so it is not said to be its author
named, and a ``person`` entity         ``Person`` (e.g. a commander: the profile's name, or its part
has its name (or the same id)          before a parenthesis, is the entity's name or an alias)
``government``, ``intelligence``,      ``GovernmentOrganization``
``military``
``state-media``, ``news-outlet``       ``NewsMediaOrganization``
``analyst``, ``other``                 ``Organization`` only when an ``organisation`` entity has its
                                       name (or the same id); else none, its type being unknown
=====================================  ==========================================================

Whoever is left out is still named: ``itemReviewed.description`` gives the whole attribution chain.

The claim's ``appearance`` is the article, a ``CreativeWork``: the briefing's title as its ``name``, its published
text as its ``url`` (the briefing page when the site publishes excerpts only), its ``publisher`` (the name of
the source profile the briefing names) and ``datePublished`` when recorded. The review's ``datePublished`` is the briefing's recorded ``published`` date,
else the day the briefing entered the archive (its first commit, else its file's time: ``exports.history``),
never the build's clock.

A claim's history (issue 27, from the build's one read of git): ``dateModified`` is the date of its last committed
change of grade, quote, chain or relations (the commit's, with its offset), absent when none is known (never changed
since it entered, or no git); each such committed change is a ``correction`` (a ``CorrectionComment``: its words, a
commit message being author text like any other, and its ``datePublished``). Uncommitted changes are left out: the
review describes what is published.

Every string is plain Unicode: :func:`script_json` writes ``\\uXXXX`` escapes (ASCII only), so the
page's HTML blocks, which carry non-ASCII text as character references, never touch the script (and
character references are not decoded inside ``<script>``).
"""
from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from ..core import urls
from ..core.chains import chain_text
from ..core.changelog import MODIFYING, change_text, last_modified
from ..core.credibility import badge_code, badge_meaning
from ..core.history import Change
from ..core.ids import claim_key
from ..core.model import Archive, Briefing, Entity, Source
from ..core.rule import Standing
from ..core.urls import Addresses
from ..derive.grounds import claim_grounds
from .templates import Templates
from .verdict import verdict

#: Credibility grades that are points on the rating scale (6, "cannot be judged", is not).
RATED = range(1, 6)
BEST_RATING, WORST_RATING = 5, 1
#: Source kinds that are never one Person or one Organization.
NO_AUTHOR_KINDS = frozenset({"unattributed", "officials"})
#: Rubric lines of sources that name nobody in particular.
#: (``paraphrased``: an article's unquoted attribution names somebody, but cannot be checked against them.)
UNNAMED_RUBRICS = frozenset({"unattributed", "party-unnamed", "unknown", "paraphrased"})
KIND_TYPES = {"government": "GovernmentOrganization", "intelligence": "GovernmentOrganization",
              "military": "GovernmentOrganization", "state-media": "NewsMediaOrganization",
              "news-outlet": "NewsMediaOrganization"}
ENTITY_TYPES = {"person": "Person", "organisation": "Organization"}


def claim_review(b: Briefing, archive: Archive, at: Addresses, reviewer: str = "", *,
                 standings: Mapping[str, Standing], html: Templates | None = None,
                 verdicts: Mapping[str, str] | None = None, entered: str | None = None,
                 excerpts: bool = False, history: Mapping[str, tuple[Change, ...]] | None = None) -> dict[str, Any]:
    """schema.org ClaimReview for each graded claim of one briefing (the Admiralty label in words as
    alternateName). Kept lean (it is in every briefing page): the quote, the grade, the originators,
    the permalink, and the review's own author: the archive (``reviewer``, the ``author`` setting or the
    site's name), an Organization. ``ratingExplanation`` is what the grade rests on, worded as the page's
    verdict (the facts of :func:`derive.grounds.claim_grounds` worded by the ``verdict.txt`` template of ``html``,
    the site's templates, the package's when not given; ``verdicts``, claim id -> that wording, when the page
    has it already); ``standings``: every claim's standing, the build's (:attr:`derive.stage.Derived.standings`);
    ``entered``: the day (YYYY-MM-DD) the briefing entered the archive, its ``datePublished`` when it records none;
    ``excerpts``: the site publishes passages, not the articles' text (the ``appearance`` is the page then);
    ``history``: claim key -> its changes (the build's history), for ``dateModified`` and the corrections."""
    page = urls.briefing_page(b.id)
    named = _entity_types(archive.entities)
    published = b.published or entered
    article = appearance(b, at, page, archive.sources, excerpts=excerpts)
    reviews = []
    for c in b.claims:
        meaning = badge_meaning(badge_code(c, archive.sources))
        rating: dict[str, Any] = {"@type": "Rating"}
        if (value := rating_value(c.credibility)) is not None:
            rating.update(ratingValue=value, bestRating=BEST_RATING, worstRating=WORST_RATING)
        explained = (verdicts[c.id] if verdicts is not None
                     else verdict(claim_grounds(b.id, c, standings, archive.sources), html))
        rating.update(alternateName=meaning, ratingExplanation=explained)
        claim: dict[str, Any] = {"@type": "Claim"}
        authors = [a for a in (author(archive.sources[s], named) for s in c.originators) if a is not None]
        if authors:
            claim["author"] = authors
        claim["description"] = "Attribution chain: " + chain_text(c, archive.sources)
        claim["appearance"] = article
        reviews.append({
            "@type": "ClaimReview",
            "url": at.page(page, c.id, on=page),
            "claimReviewed": " ".join(b.article.text[c.span.start:c.span.end].split()),
            "itemReviewed": claim,
            "reviewRating": rating,
            **({"datePublished": published} if published else {}),
            **_corrections(history.get(claim_key(b.id, c.id), ()) if history is not None else ()),
            **({"author": {"@type": "Organization", "name": reviewer}} if reviewer else {}),
        })
    return {"@context": "https://schema.org", "@graph": reviews}


def _corrections(changes: tuple[Change, ...]) -> dict[str, Any]:
    """``dateModified`` and ``correction`` of one claim's review from its committed changes (none: nothing)."""
    modified = last_modified(changes)
    if modified is None:
        return {}
    return {"dateModified": modified,
            "correction": [{"@type": "CorrectionComment", "text": change_text(c), "datePublished": c.date}
                           for c in changes if c.date is not None and c.field in MODIFYING]}


def rating_value(credibility: int) -> int | None:
    """A credibility grade's ``ratingValue`` (1 improbable ... 5 confirmed), or None for 6 (not on the scale)."""
    return 6 - credibility if credibility in RATED else None


def appearance(b: Briefing, at: Addresses, page: str, sources: Mapping[str, Source], *,
               excerpts: bool = False) -> dict[str, Any]:
    """The article the claim appears in, as a schema.org CreativeWork: its published text, or with ``excerpts``
    the briefing page that shows its passages (addresses relative to ``page`` when the site has no public URL)."""
    seed = urls.seed_file(b.article.file)
    if excerpts:
        url = at.page(page, on=page)
    elif at.absolute:
        url = at.file(seed)
    else:
        url = urls.file_link(page, seed, directory_urls=at.directory_urls)
    work: dict[str, Any] = {"@type": "CreativeWork", "name": b.title, "url": url}
    if b.publisher is not None and b.publisher in sources:   # the publisher's source profile, by its id
        work["publisher"] = {"@type": "Organization", "name": sources[b.publisher].name}
    if b.published:
        work["datePublished"] = b.published
    return work


def author(source: Source, named: dict[str, str]) -> dict[str, str] | None:
    """The schema.org author for one originator, or ``None`` where it is no Person or Organization
    (see the module's table). ``named`` maps entity ids and names to their schema.org type."""
    if source.kind in NO_AUTHOR_KINDS or source.rubric in UNNAMED_RUBRICS or not source.identified:
        return None
    kind = named.get("#" + source.id) or named.get(_key(source.name)) or named.get(_key(source.name.split(" (")[0]))
    if kind != "Person":
        kind = KIND_TYPES.get(source.kind) or kind
    return {"@type": kind, "name": source.name} if kind else None


_cache: tuple[object, dict[str, str]] = (None, {})


def _entity_types(entities: dict[str, Entity]) -> dict[str, str]:
    """``#``entity id and every (normalised) name or alias -> Person or Organization, built once per archive."""
    global _cache
    if _cache[0] is not entities:
        types: dict[str, str] = {}
        for e in entities.values():
            if e.kind in ENTITY_TYPES:
                for key in ("#" + e.id, *(_key(n) for n in (e.name, *e.aliases))):
                    types.setdefault(key, ENTITY_TYPES[e.kind])
        _cache = (entities, types)
    return _cache[1]


def _key(name: str) -> str:
    return " ".join(name.casefold().split())


def script_json(data: Any) -> str:
    """JSON safe inside a ``<script>`` element: no ``</script>``, ``<!--`` or ``&`` can break out, and
    ASCII only (``\\uXXXX`` escapes), so nothing on the way to the page can turn a character into a
    character reference, which a script would keep as it is."""
    return (json.dumps(data, ensure_ascii=True, sort_keys=False)
            .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))
