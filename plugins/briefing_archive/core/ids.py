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
