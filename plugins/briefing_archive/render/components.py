"""Pieces every page is built from: the badge, headings, front matter, tables.

Pure functions of their arguments (no archive): what needs the archive, such as a link to a
source by its name, is on :class:`~briefing_archive.render.context.RenderContext`.
"""
from __future__ import annotations

import html
import json
import re
from collections.abc import Sequence

from ..core.credibility import RELIABILITY, RELIABILITY_ICON, badge_meaning
from ..core.ids import label_of
from ..core.model import Figure
from .markup import esc, scroll_table, shorten, tip

NOT_RECORDED = "not recorded"


def badge_html(code: str, extra: str = "", href: str | None = None, css: str = "") -> str:
    """The one badge of the site: shape + letter(+number) as text, colour, and both definitions as tooltip.

    ``code`` is a claim badge (``B2``) or a bare reliability letter (``B``).
    """
    meaning = badge_meaning(code) if len(code) > 1 else f"{code}: source {RELIABILITY[code]}"
    classes = badge_classes(code) + css
    if href is not None:
        return f'<a class="{classes}" href="{esc(href)}"{tip(meaning + extra)}>{badge_inner(code)}</a>'
    return f'<abbr class="{classes}"{tip(meaning + extra)}>{badge_inner(code)}</abbr>'


def compact_badge(code: str, href: str, role: str = "") -> str:
    """A badge link for long lists: the grade as text and shape, no tooltip (the claim has it)."""
    label = f"{code} ({role})" if role else code
    return (f'<a class="bx-badge bx-rel-{code[0].lower()}" href="{esc(href)}" aria-label="{label}">'
            f"{RELIABILITY_ICON[code[0]]}{code}</a>")


def badge_classes(code: str) -> str:
    return f"bx-badge bx-rel-{code[0].lower()}" + (f" bx-cred-{code[1:]}" if len(code) > 1 else "")


def badge_inner(code: str) -> str:
    return f'<span class="bx-icon" aria-hidden="true">{RELIABILITY_ICON[code[0]]}</span>{code}'


def front_matter(title: str, *, searchable: bool = True) -> str:
    """A page's front matter. JSON is valid YAML; the title is HTML-escaped because themes print it raw."""
    search = "" if searchable else "search:\n  exclude: true\n"
    return f"---\ntitle: {json.dumps(esc(title))}\n{search}---\n\n"


def heading(level: int, text: str, ident: str) -> str:
    """A Markdown heading with an explicit id (generated ids start with ``_``: never a claim's permalink)."""
    return f"{'#' * level} {text} {{#{ident}}}\n\n"


#: Ends every definition label: hidden from the eye (the label column shows it is a label), it keeps label
#: and value apart where a page is read as plain text, as search indexes and their snippets read it
#: ("Rests on: the article ...", never "Rests onthe article ...").
LABEL_END = '<span class="bx-label-end" hidden>:</span>'


def fact(label: str, value: str) -> str:
    """One label and its value in a ``<dl>`` of facts (both HTML, already escaped), a word apart from the next."""
    return f"<dt>{label}{LABEL_END}</dt> <dd>{value}</dd> "


def html_table(headers: tuple[str, ...], rows: Sequence[tuple[str, ...]], css: str = "",
               labels: tuple[str, ...] | None = None, row_ids: Sequence[str] | None = None) -> str:
    """A table as one line of HTML (cells are HTML, already escaped), wrapped to scroll like Material's.

    Generated tables are HTML, never Markdown: a ``|`` or ``[x](y)`` in a cell stays text. Each cell
    carries its column's label (``labels``, escaped text; by default the headers' text), with which a
    phone starts the cell when the rows of a table of three columns or more stack (``bx-stack`` in
    briefings.css).
    """
    head = "".join(f'<th scope="col">{h}</th>' for h in headers)
    names = labels if labels is not None else tuple(esc(plain_of(h)) for h in headers)
    ids = row_ids or ()
    body = "".join(
        (f'<tr id="{ids[i]}">' if i < len(ids) else "<tr>")
        + "".join(f'<td data-label="{name}">{cell}</td>' for name, cell in zip(names, row, strict=True)) + "</tr>"
        for i, row in enumerate(rows))
    # Tables of three columns or more stack on a phone; two columns fit side by side.
    cls = " ".join(filter(None, (css, "bx-stack" if len(headers) > 2 else "")))
    cls = f' class="{cls}"' if cls else ""
    return scroll_table(f"<table{cls}><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")


def plain_of(html_text: str) -> str:
    """The text of a little HTML (a header cell): tags dropped, references read."""
    return html.unescape(re.sub(r"<[^>]*>", "", html_text))


BACKGROUND_LABEL = "Background, from outside the archive\u2019s articles"
#: How a page names a source's side (v1.1 "Sides"): only belligerents are "party to the conflict".
SIDE_LABEL = {"belligerent": "Party to the conflict", "backer": "Backs a party", "neutral": "Neutral (no side)",
              "unknown": "Side not known"}


def background_html(rendered: str) -> str:
    """Outside knowledge (already rendered, safe HTML) under its own label, never inside a note."""
    if not rendered:
        return ""
    return (f'<div class="admonition note bx-background"><p class="admonition-title">{BACKGROUND_LABEL}</p>'
            f"{rendered}</div>")


def claims_from(claims: int, reports: int) -> str:
    """``12 claims from 1 report``: claims cut from one report (one chain of sources) are not 12 reports."""
    return f"{claims} claim{'' if claims == 1 else 's'} from {reports} report{'' if reports == 1 else 's'}"


def or_not_recorded(value: str | None) -> str:
    return esc(value) if value else f"<em>{NOT_RECORDED}</em>"


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
