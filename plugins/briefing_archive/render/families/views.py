"""The families of the compare view, the home page's snippet and the claims explorer's data file."""
from __future__ import annotations

from ...core import urls
from ...derive.compare import Pair
from ..claimdata import claims_data
from ..compare import compare_index, compare_part
from ..home import HOME_PLACEHOLDER, LATEST, home_html, latest
from .base import Family
from .lists import compare_list, one
from .reads import Reads


def pair_view(r: Reads, p: Pair) -> object:
    """What a pair's section shows: both briefings (titles, publishers, dates, claims) and the matches."""
    return (r.bare(p.first), r.bare(p.second),
            tuple((m.left.claim.id, m.kind, m.right.claim.id, m.by_right) for m in p.matches))


def parts(r: Reads) -> dict[str, list[Pair]]:
    return r.compare_parts


COMPARE_PARTS = Family("compare part", lambda r: ((page, page) for page in parts(r) if page != urls.COMPARE),
                       lambda r, page: tuple(pair_view(r, p) for p in parts(r)[page]),
                       lambda r, page: compare_part(r.ctx, page, parts(r)[page]), lambda r: r.sources)


COMPARE = Family("compare view", one(urls.COMPARE),
                 lambda r, _: (compare_list(r), tuple(pair_view(r, p) for p in parts(r).get(urls.COMPARE, ()))),
                 lambda r, _: compare_index(r.ctx, parts(r).get(urls.COMPARE, [])), lambda r: r.sources)


#: The home page's snippet: the latest briefings (their summaries' first line) and the claims most corroborated,
#: echoed and contested across the archive.
HOME = Family("home", one(HOME_PLACEHOLDER), lambda r, _: (r.everything, tuple(b.summary for b in latest(r.ctx)),
                                                          r.ctx.derived.latest.order[:LATEST],
                                                          r.ctx.derived.latest.basis, r.ctx.derived.latest.pending),
              lambda r, _: home_html(r.ctx), lambda r: r.sources, target="snippet")


#: The claims explorer's data: every claim, without prose.
CLAIMS_DATA = Family("claims data", one(urls.CLAIMS_DATA), lambda r, _: r.everything,
                     lambda r, _: claims_data(r.ctx.archive, r.ctx.claim_rows), lambda r: (r.sources, r.entities),
                     target="file")
