"""Link entity names in rendered notes: the first occurrence of each entity per note.

Works on the sanitised HTML of a note, never on its Markdown, so it cannot break
Markdown syntax; text inside links, code and pre is left alone so it cannot nest
links. Names and aliases match whole-word and case-sensitively, longest first.
"""
from __future__ import annotations

import html
import re
from typing import Callable, Mapping

from .markup import esc
from .model import Entity

_TAG = re.compile(r"(<[^>]+>)")
_SKIP = ("a", "code", "pre")


class EntityLinker:
    def __init__(self, entities: Mapping[str, Entity]) -> None:
        names: dict[str, str] = {}
        for e in entities.values():
            for name in (e.name, *e.aliases):
                names.setdefault(html.escape(name, quote=False), e.id)   # notes are HTML: match the escaped form
        self._by_name = names
        body = "|".join(re.escape(n) for n in sorted(names, key=lambda n: (-len(n), n)))
        self._pattern = re.compile(rf"(?<![\w-])(?:{body})(?![\w-])") if names else None

    def link(self, html: str, href: Callable[[str], str], skip: frozenset[str] = frozenset()) -> str:
        """Return ``html`` with the first mention of each entity linked (except those in ``skip``)."""
        if self._pattern is None or not html:
            return html
        done = set(skip)
        depth = 0
        out = []
        for part in _TAG.split(html):
            if part.startswith("<"):
                m = re.match(r"<(/?)([a-zA-Z0-9]+)", part)
                if m and m.group(2).lower() in _SKIP:
                    depth += -1 if m.group(1) else 1
                out.append(part)
                continue
            if depth > 0 or not part:
                out.append(part)
                continue

            def replace(match: re.Match) -> str:
                eid = self._by_name[match.group()]
                if eid in done:
                    return match.group()
                done.add(eid)
                return f'<a class="bx-entity" href="{esc(href(eid))}">{match.group()}</a>'

            out.append(self._pattern.sub(replace, part))
        return "".join(out)
