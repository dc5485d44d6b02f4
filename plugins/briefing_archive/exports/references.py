"""Notes and summaries as the exports publish them: each reference (``[text](<briefing-id>#<claim-id>)``) made a
link to the page it names, or its words alone (the feed), so no reader of the data meets the site's shorthand.

The site's pages render references from the parsed Markdown (``render.markup``); the exports keep the author's
Markdown, so the reference is rewritten in the text itself: each inline link or link definition whose target is a
reference is replaced, and the parse decides which of them are links (one inside a code span is text, left as it
is). The words a link shows when the author gave none are the target's title, as the pages show it.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import overload

from ..core import urls
from ..core.ids import ID_PATTERN
from ..core.markdown import references
from ..core.model import Archive, Briefing
from ..core.urls import Addresses

#: Characters of a claim's quote a link's text shows, when the author gave the link none.
QUOTE_CHARS = 70

_TARGET = rf"(?P<lt><)?(?P<bid>{ID_PATTERN})(?:#(?P<cid>{ID_PATTERN}))?(?(lt)>)"
_TITLE = r"""(?:[ \t]+(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\((?:[^()\\]|\\.)*\)))?"""
#: An inline link whose target may be a reference (group ``text``: the link's text).
_INLINE = re.compile(rf"\[(?P<text>(?:[^\[\]\\]|\\.)*)\]\([ \t]*{_TARGET}(?P<title>{_TITLE})[ \t]*\)")
#: A link definition (``[label]: target``) whose target may be a reference.
_DEFINITION = re.compile(rf"^(?P<head>[ ]{{0,3}}\[(?:[^\[\]\\]|\\.)+\]:[ \t]*){_TARGET}(?P<tail>{_TITLE}[ \t]*)$",
                         re.MULTILINE)
#: Markdown's ASCII punctuation, which a backslash makes literal text.
_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")

#: A reference (briefing id, claim id or None) -> (the address of its page, the words shown for it), or None
#: for a reference to nothing (the loader refuses those).
Target = Callable[[str, str | None], tuple[str, str] | None]


def targets(archive: Archive, at: Addresses) -> Target:
    """Where each reference of ``archive`` points (``at``: absolute from the site's URL, else relative to the site's
    root, where the exports are) and the words it shows: the briefing's title, and the claim's quote."""
    briefings: Mapping[str, Briefing] = {b.id: b for b in archive.briefings}

    def target(bid: str, cid: str | None) -> tuple[str, str] | None:
        b = briefings.get(bid)
        if b is None:
            return None
        if cid is None:
            return at.page(urls.briefing_page(bid)), b.title
        claim = next((c for c in b.claims if c.id == cid), None)
        if claim is None:
            return None
        quote = " ".join(b.article.text[claim.span.start:claim.span.end].split())
        return at.page(urls.briefing_page(bid), cid), f"{b.title}: \u201c{_cut(quote)}\u201d"

    return target


def within(b: Briefing) -> list[tuple[str, str | None]]:
    """Every reference of a briefing's notes, summary and cautions, in order."""
    texts = (b.summary, *(w.note for w in b.warnings), *(t for c in b.claims for t in (c.note, c.background)))
    return [ref for text in texts if text for ref in references(text)]


@overload
def linked(text: str, target: Target) -> str: ...
@overload
def linked(text: None, target: Target) -> None: ...
def linked(text: str | None, target: Target) -> str | None:
    """``text`` with each reference a Markdown link to its page (the target's words when the link had none)."""
    return _rewrite(text, target, links=True)


@overload
def unlinked(text: str, target: Target) -> str: ...
@overload
def unlinked(text: None, target: Target) -> None: ...
def unlinked(text: str | None, target: Target) -> str | None:
    """``text`` with each reference its words alone: the link's text, or the target's title (the feed)."""
    return _rewrite(text, target, links=False)


@overload
def _rewrite(text: str, target: Target, *, links: bool) -> str: ...
@overload
def _rewrite(text: None, target: Target, *, links: bool) -> None: ...
def _rewrite(text: str | None, target: Target, *, links: bool) -> str | None:
    if not text:
        return text
    found = references(text)
    if not found:
        return text
    out = text
    for pattern in (_INLINE, _DEFINITION):
        # Right to left, so the offsets of the matches still to replace hold.
        for m in reversed(list(pattern.finditer(out))):
            resolved = target(m["bid"], m["cid"])
            if resolved is None:
                continue
            new = _replacement(m, *resolved, definition=pattern is _DEFINITION, links=links)
            candidate = out[:m.start()] + new + out[m.end():]
            if len(references(candidate)) < len(found):   # it was a link, not text that looks like one
                out, found = candidate, references(candidate)
    return out


def _replacement(m: re.Match[str], href: str, words: str, *, definition: bool, links: bool) -> str:
    destination = f"<{href}>" if re.search(r"[\s()<>]", href) else href
    if definition:
        return f"{m['head']}{destination}{m['tail']}"
    shown = m["text"] if m["text"].strip() else _PUNCTUATION.sub(r"\\\1", words)
    return f"[{shown}]({destination}{m['title']})" if links else shown


def _cut(quote: str) -> str:
    """A quote cut to :data:`QUOTE_CHARS` at a word, with an ellipsis."""
    if len(quote) <= QUOTE_CHARS:
        return quote
    cut = quote.rfind(" ", 0, QUOTE_CHARS)
    return (quote[:cut] if cut > 0 else quote[:QUOTE_CHARS]).rstrip(" ,;:") + "\u2026"
