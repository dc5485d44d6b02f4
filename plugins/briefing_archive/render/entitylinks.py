"""Link entity names in rendered notes: the first occurrence of each entity per note.

Works on the sanitised HTML of a note, never on its Markdown, so it cannot break
Markdown syntax. Names are matched in the text a reader sees (character references
decoded), never in markup or inside a reference such as ``&gt;``, and the text around a
match is escaped again; text inside links, code and pre is left alone so links never
nest. Names and aliases match whole-word and case-sensitively, longest first.
"""
from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping

from ..core.model import Entity
from .markup import esc

_TAG = re.compile(r"(<[^>]*>)")
_SKIP = ("a", "code", "pre")


class EntityLinker:
    def __init__(self, entities: Mapping[str, Entity]) -> None:
        names: dict[str, str] = {}
        for e in entities.values():
            for name in (e.name, *e.aliases):
                names.setdefault(name, e.id)
        self._by_name = names
        body = "|".join(re.escape(n) for n in sorted(names, key=lambda n: (-len(n), n)))
        self._pattern = re.compile(rf"(?<![\w-])(?:{body})(?![\w-])") if names else None

    def link(self, html_text: str, href: Callable[[str], str], skip: frozenset[str] = frozenset()) -> str:
        """Return ``html_text`` with the first mention of each entity linked (except those in ``skip``)."""
        if self._pattern is None or not html_text:
            return html_text
        done = set(skip)
        depth = 0
        out = []
        for part in _TAG.split(html_text):
            if part.startswith("<"):
                m = re.match(r"<(/?)([a-zA-Z0-9]+)", part)
                if m and m.group(2).lower() in _SKIP:
                    depth += -1 if m.group(1) else 1
                out.append(part)
            elif depth > 0 or not part:
                out.append(part)
            else:
                out.append(self._link_text(part, href, done))
        return "".join(out)

    def _link_text(self, part: str, href: Callable[[str], str], done: set[str]) -> str:
        """One run of text between tags, with its new mentions linked (unchanged when it has none)."""
        assert self._pattern is not None
        text = html.unescape(part)
        pieces: list[str] = []
        pos = 0
        for match in self._pattern.finditer(text):
            eid = self._by_name[match.group()]
            if eid in done:
                continue
            done.add(eid)
            pieces.append(esc(text[pos:match.start()]))
            pieces.append(f'<a class="bx-entity" href="{esc(href(eid))}">{esc(match.group())}</a>')
            pos = match.end()
        if not pieces:
            return part
        pieces.append(esc(text[pos:]))
        return "".join(pieces)
