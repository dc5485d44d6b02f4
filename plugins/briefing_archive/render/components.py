"""Pieces every page is built from: the badge, headings, front matter, tables, each from its template.

Pure functions of their arguments (no archive): what needs the archive, such as a link to a
source by its name, is on :class:`~briefing_archive.render.context.RenderContext`. Each HTML piece is rendered
from a template under ``templates/components/`` and returned as :class:`~markupsafe.Markup`; ``html`` is the
site's templates (its overrides first), the package's own when not given. Badges recur by the ten thousand
with a few dozen distinct codes: each distinct badge is rendered once per set of templates.
"""
from __future__ import annotations

import html as _html
import json
import re
from collections.abc import Sequence
from functools import lru_cache

from markupsafe import Markup

from ..core.credibility import RELIABILITY, RELIABILITY_ICON, badge_meaning
from ..core.ids import label_of
from ..core.model import Figure
from .markup import esc, shorten
from .templates import Templates, templates

NOT_RECORDED = "not recorded"


def badge_html(code: str, extra: str = "", href: str | None = None, css: str = "", *,
               html: Templates | None = None) -> Markup:
    """The one badge of the site: shape + letter(+number) as text, colour, and both definitions as tooltip.

    ``code`` is a claim badge (``B2``) or a bare reliability letter (``B``).
    """
    return _badge(html or templates(), code, extra, href, css)


@lru_cache(maxsize=4096)
def _badge(html: Templates, code: str, extra: str, href: str | None, css: str) -> Markup:
    meaning = badge_meaning(code) if len(code) > 1 else f"{code}: source {RELIABILITY[code]}"
    return badge_link(code, href, tip=meaning + extra, css=css, html=html)


def badge_link(code: str, href: str | None, *, tip: str, css: str = "", number: int | None = None,
               html: Templates | None = None) -> Markup:
    """A badge with its own tooltip (``tip``, plain text) and, after a quote, its endnote ``number``."""
    return (html or templates()).html("components/badge.html", code=code, icon=RELIABILITY_ICON[code[0]],
                                      classes=badge_classes(code) + css, tip=tip, href=href, number=number)


def compact_badge(code: str, href: str, role: str = "", *, html: Templates | None = None) -> str:
    """A badge link for long lists: the grade as text and shape, no tooltip (the claim has it). HTML as a plain
    string, as its callers join it to other HTML with ``+`` (which would escape a str joined to Markup).

    A build asks for one by the hundred thousand (every claim on each page that lists it; one claim's alike on
    pages as deep): each distinct one is rendered once."""
    return _compact_badge(html or templates(), code, href, role)


@lru_cache(maxsize=1 << 16)
def _compact_badge(html: Templates, code: str, href: str, role: str) -> str:
    return str(html.html("components/compact_badge.html", code=code, icon=RELIABILITY_ICON[code[0]], href=href,
                         label=f"{code} ({role})" if role else code))


def badge_classes(code: str) -> str:
    return f"bx-badge bx-rel-{code[0].lower()}" + (f" bx-cred-{code[1:]}" if len(code) > 1 else "")


def badge_inner(code: str, *, html: Templates | None = None) -> Markup:
    return (html or templates()).html("components/badge_inner.html", code=code, icon=RELIABILITY_ICON[code[0]])


def front_matter(title: str, *, searchable: bool = True) -> str:
    """A page's front matter. JSON is valid YAML; the title is HTML-escaped because themes print it raw."""
    search = "" if searchable else "search:\n  exclude: true\n"
    return f"---\ntitle: {json.dumps(esc(title))}\n{search}---\n\n"


def heading(level: int, text: str, ident: str, *, html: Templates | None = None) -> str:
    """A Markdown heading with an explicit id (generated ids start with ``_``: never a claim's permalink);
    ``text`` is Markdown the caller made safe. Ends with the blank line that ends a Markdown block."""
    return _heading(html or templates(), level, text, ident)


@lru_cache(maxsize=4096)
def _heading(html: Templates, level: int, text: str, ident: str) -> str:
    return f"{html.html('components/heading.html', level=level, text=Markup(text), ident=ident)}\n\n"


def fact(label: str, value: str, *, html: Templates | None = None) -> Markup:
    """One label and its value in a ``<dl>`` of facts (both HTML, already escaped), a word apart from the next."""
    return (html or templates()).html("components/fact.html", label=Markup(label), value=Markup(value))


def html_table(headers: tuple[str, ...], rows: Sequence[tuple[str, ...]], css: str = "",
               labels: tuple[str, ...] | None = None, row_ids: Sequence[str] | None = None, *,
               html: Templates | None = None) -> str:
    """A table as one line of HTML (cells are HTML, already escaped), wrapped to scroll like Material's; a plain
    string, as its callers join it to other HTML with ``+`` (which would escape a str joined to Markup).

    Generated tables are HTML, never Markdown: a ``|`` or ``[x](y)`` in a cell stays text. Each cell
    carries its column's label (``labels``, escaped text; by default the headers' text), with which a
    phone starts the cell when the rows of a table of three columns or more stack (``bx-stack`` in
    briefings.css).
    """
    names = labels if labels is not None else tuple(esc(plain_of(h)) for h in headers)
    ids = row_ids or ()
    body = [{"id": ids[i] if i < len(ids) else None, "cells": list(zip(names, row, strict=True))}
            for i, row in enumerate(rows)]
    # Tables of three columns or more stack on a phone; two columns fit side by side.
    classes = " ".join(filter(None, (css, "bx-stack" if len(headers) > 2 else "")))
    return str((html or templates()).html("components/table.html", classes=classes,
                                          headers=[Markup(h) for h in headers], rows=body))


def plain_of(html_text: str) -> str:
    """The text of a little HTML (a header cell): tags dropped, references read."""
    return _html.unescape(re.sub(r"<[^>]*>", "", html_text))


BACKGROUND_LABEL = "Background, from outside the archive\u2019s articles"
#: How a page names a source's side (v1.1 "Sides"): only belligerents are "party to the conflict".
SIDE_LABEL = {"belligerent": "Party to the conflict", "backer": "Backs a party", "neutral": "Neutral (no side)",
              "unknown": "Side not known"}


def background_html(rendered: str, *, html: Templates | None = None) -> Markup:
    """Outside knowledge (already rendered, safe HTML) under its own label, never inside a note."""
    if not rendered:
        return Markup()
    return (html or templates()).html("components/background.html", label=BACKGROUND_LABEL, rendered=Markup(rendered))


def claims_from(claims: int, reports: int) -> str:
    """``12 claims from 1 report``: claims cut from one report (one chain of sources) are not 12 reports."""
    return f"{claims} claim{'' if claims == 1 else 's'} from {reports} report{'' if reports == 1 else 's'}"


def or_not_recorded(value: str | None, *, html: Templates | None = None) -> Markup:
    return (html or templates()).html("components/or_not_recorded.html", value=value, not_recorded=NOT_RECORDED)


def code_spans(text: str, *, html: Templates | None = None) -> Markup:
    """Plain text whose backticked words are shown as code (the rule's table names relation kinds so)."""
    return (html or templates()).html("components/code_spans.html", parts=text.split("`"))


def excerpt(quote: str, limit: int = 90) -> str:
    """A quote on one line, cut after its last whole word within ``limit`` characters (ellipsis included;
    a first word longer than that is cut, so that the excerpt still shows something of the quote)."""
    flat = " ".join(quote.split())
    cut = shorten(flat, limit - 1, sentences=False)
    return cut if cut != "\u2026" else flat[: limit - 1].rstrip() + "\u2026"


def figure_value(f: Figure) -> str:
    """A figure's value as readers write it (thousands separated)."""
    return f"{f.value:,}" if isinstance(f.value, int) else f"{f.value:,g}"


def figure_text(f: Figure) -> str:
    """A figure in words: ``DPRK casualties: about 4,000 troops, period 2024-12``."""
    qualifier = {"exact": "", "about": "about ", "at-least": "at least ", "at-most": "at most "}[f.qualifier]
    period = f", period {f.period}" if f.period else ""
    return f"{label_of(f.metric)}: {qualifier}{figure_value(f)} {f.unit}{period}"
