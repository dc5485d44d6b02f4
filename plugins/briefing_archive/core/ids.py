"""What an id is: the one rule for file stems, claim ids, tags and metrics, and the ids the site map keeps.

Ids are URL slugs and HTML ids, so they must be the whole value (``fullmatch``: a trailing line
break is not part of an id, although Python's ``$`` would let it through).
"""
from __future__ import annotations

import re

#: An id: what file names, claim ids, tags and metrics are made of (the schemas spell it ``^...$``).
ID_PATTERN = "[a-z0-9][a-z0-9-]{0,63}"
ID_RE = re.compile(ID_PATTERN)
#: Ids a file, tag or metric may not take: the site map's own pages in the folders ids share
#: (``briefings/index.md`` is the briefings index, not a briefing called "index").
RESERVED = frozenset({"index"})


def is_id(value: object) -> bool:
    return isinstance(value, str) and ID_RE.fullmatch(value) is not None


def claim_key(briefing_id: str, claim_id: str) -> str:
    """A claim's key across the archive, ``briefing-id#claim-id``: how a relation names its target, and the key of
    every table of claims (written only here, so no two tables can disagree)."""
    return f"{briefing_id}#{claim_id}"


def split_claim_key(key: str) -> tuple[str, str]:
    """The briefing's id and the claim's id of a key :func:`claim_key` made (or an author wrote)."""
    briefing_id, _, claim_id = key.partition("#")
    return briefing_id, claim_id


#: Words an id writes in lower case that a reader writes in capitals.
ACRONYMS = frozenset({"dprk", "uk", "us", "usa", "eu", "un", "nato", "ussr", "rok", "isw", "idf", "iaea", "icc",
                      "gur", "sbu", "fsb", "uav", "hq", "pow", "icbm", "atacms"})


def label_of(ident: str) -> str:
    """An id as words a reader can read, for a metric or a vocabulary key that has no label of its own:
    ``dprk-absence-from-battlefield`` -> "DPRK absence from battlefield"."""
    words = [w.upper() if w in ACRONYMS else w[:-1].upper() + "s" if w[:-1] in ACRONYMS and w.endswith("s") else w
             for w in ident.split("-") if w]
    if not words:
        return ident
    return " ".join([words[0][:1].upper() + words[0][1:], *words[1:]])
