"""The claims explorer's data: every claim as compact JSON, in a script that assigns one global.

The explorer page loads it with a plain ``<script src>``, which works from ``file://`` (an offline copy)
where ``fetch`` is refused. It is what a reader downloads before filtering, so it is compact: one array
per column (similar values side by side compress best), and lookup tables for what repeats (sources,
entities, parties, tags, briefings), which the columns refer to by index. Every text is a JSON string
and the page's script only ever sets it as ``textContent``, so no author text can run as HTML.

Columns, one entry per claim, in archive order:

- ``id``, ``q``: claim id and quote (cut at ``QUOTE_LIMIT`` characters; the briefing page has it all);
- ``g``: two characters a claim, reliability letter and credibility number (``B2``);
- ``ch``: the chain, links from the reporter to the originator(s) separated by ``>``, sources cited
  together by ``+``, each a base-36 index into ``src``;
- ``en``: entities, base-36 indexes into ``ent`` separated by ``.``; ``d``: the claim's date or "";
- ``k``: the kinds of the claim's relations (either way), one base-36 character a kind, each an index
  into ``words.kindKey`` (the registry of :mod:`core.relations`, so a new kind is a new filter option);
- ``f``: one character a claim, ``chr(48 + bits)``: status bits (1 corroborated, 2 echoed only,
  4 contradicted; none: standing alone), then verdict bits (8, 16, 32 in the order of ``VERDICTS``).

``b`` gives each briefing with its number of claims, whose rows follow one another.
"""
from __future__ import annotations

import json

from ..core.characters import isolate_bidi
from ..core.credibility import CREDIBILITY, RELIABILITY, RELIABILITY_ICON
from ..core.model import Archive, Source
from ..core.relations import aside, kinds
from ..derive.claims import ALONE, STATUS, STATUS_MEANING, VERDICT_WORDS, VERDICTS, ClaimRow
from .components import excerpt

#: Quotes longer than this are cut in the explorer (a whole word, then an ellipsis).
QUOTE_LIMIT = 300
#: The global the data file assigns.
GLOBAL = "BX_CLAIMS"
_STATUS_BITS = {key: 1 << i for i, key in enumerate(k for k in STATUS if k != ALONE)}
_VERDICT_BITS = {key: 8 << i for i, key in enumerate(VERDICTS)}


def side_text(s: Source) -> str:
    """A source's side in a few words, as the explorer's "originator's side" column shows it."""
    if s.party:
        return s.party + {"belligerent": " (party to the conflict)", "backer": " (backs a party)"}.get(s.role or "", "")
    if s.role == "neutral":
        return "neutral (no side)"
    return "side not known" if s.identified else "unnamed: side not known"


def quote_text(quote: str) -> str:
    """The quote as the explorer shows it: one line, at most ``QUOTE_LIMIT`` characters."""
    return isolate_bidi(excerpt(quote, QUOTE_LIMIT))


def flags(row: ClaimRow) -> str:
    bits = sum(_STATUS_BITS.get(s, 0) for s in row.status) + sum(_VERDICT_BITS[v] for v in row.verdicts)
    return chr(48 + bits)


def claims_data(archive: Archive, rows: tuple[ClaimRow, ...]) -> bytes:
    """The data file's bytes (UTF-8 JavaScript): ``window.BX_CLAIMS = {...};``."""
    used_sources = {s for r in rows for s in r.sources}
    sources = [s for s in archive.sources.values() if s.id in used_sources]
    used_entities = {e for r in rows for e in r.claim.entities}
    entities = [e for e in archive.entities.values() if e.id in used_entities]
    parties = sorted({s.party for s in sources if s.party})
    tags = sorted({t for b in archive.briefings for t in b.tags})
    s_index = {s.id: _b36(i) for i, s in enumerate(sources)}
    e_index = {e.id: _b36(i) for i, e in enumerate(entities)}
    p_index = {p: i for i, p in enumerate(parties)}
    t_index = {t: i for i, t in enumerate(tags)}
    registered = kinds()
    k_index = {k.name: _b36(i) for i, k in enumerate(registered)}
    data = {
        "v": 1,
        "words": {"rel": RELIABILITY, "icon": RELIABILITY_ICON, "cred": {str(k): v for k, v in CREDIBILITY.items()},
                  "status": list(STATUS.values()), "statusMeaning": list(STATUS_MEANING.values()),
                  "verdict": list(VERDICTS.values()), "verdictWords": list(VERDICT_WORDS.values()),
                  "statusKey": list(STATUS), "verdictKey": list(VERDICTS),
                  "kindKey": [k.name for k in registered], "kind": [f"{k.name} or {k.inverse}" for k in registered],
                  "kindMeaning": [k.meaning for k in registered], "verdictNone": f"no related claim ({aside()} aside)"},
        "src": [[s.id, isolate_bidi(s.name), s.reliability, p_index[s.party] if s.party else -1,
                 isolate_bidi(side_text(s))] for s in sources],
        "ent": [[e.id, isolate_bidi(e.name)] for e in entities],
        "pty": [isolate_bidi(p) for p in parties],
        "tag": tags,
        "b": [[b.id, isolate_bidi(b.title), b.published or "", [t_index[t] for t in b.tags], len(b.claims)]
              for b in archive.briefings if b.claims],
        "id": [r.claim.id for r in rows],
        "q": [quote_text(r.claim.quote) for r in rows],
        "g": "".join(r.code for r in rows),
        "ch": [">".join("+".join(s_index[s] for s in link) for link in r.claim.chain) for r in rows],
        "en": [".".join(e_index[e] for e in r.claim.entities) for r in rows],
        "d": [r.claim.date or "" for r in rows],
        "f": "".join(flags(r) for r in rows),
        "k": ["".join(k_index[k] for k in r.kinds) for r in rows],
    }
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return f"window.{GLOBAL}={text};\n".encode()


def _b36(i: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        i, r = divmod(i, 36)
        out = digits[r] + out
        if not i:
            return out
