"""Tables of hand-written pages, filled in from the code's own tables so the methodology the site
explains is the one it computes."""
from __future__ import annotations

from collections.abc import Callable, Mapping

from markupsafe import Markup

from ..core.credibility import CREDIBILITY, RELIABILITY, RELIABILITY_ICON, RUBRIC
from ..core.encodings import ENCODINGS
from ..core.lexicon import Lexicon
from ..core.model import Archive
from ..core.relations import kinds
from ..core.rule import BASIS_LABEL, NEEDS, SUPPORTING, UNDERMINING
from ..derive.sides import HEADINGS, SideRow, side_cells
from .claimreview import BEST_RATING, RATED, WORST_RATING, rating_value
from .components import code_spans, html_table
from .markup import esc
from .reference import reference_markdown
from .templates import Templates, templates

# The three tables below fill placeholders of hand-written pages: each is an HTML block between blank
# lines, so the page's Markdown engine passes it through as it is.

def scales_markdown(html: Templates | None = None) -> str:
    """The two Admiralty scales as tables, from the same tables the badges use."""
    grade = (html or templates()).macro("placeholders/cells.html", "grade")
    reliability = html_table(("Grade", "Source reliability"),
                             [(grade(RELIABILITY_ICON[k], k), v) for k, v in RELIABILITY.items()])
    credibility = html_table(("Grade", "Information credibility", "What it needs (the credibility rule)"),
                             [(grade("", k), v, code_spans(NEEDS[k], html=html)) for k, v in CREDIBILITY.items()])
    return f"\n\n{reliability}\n\n{credibility}\n\n"


def basis_markdown(html: Templates | None = None) -> str:
    """The vocabulary of ``basis``: the reasons a grade may rest on, open to every side alike."""
    code = (html or templates()).macro("placeholders/cells.html", "code")
    rows = [(esc(BASIS_LABEL[k]), "supporting", esc(v), code(k)) for k, v in SUPPORTING.items()]
    rows += [(esc(BASIS_LABEL[k]), "undermining", esc(v), code(k)) for k, v in UNDERMINING.items()]
    return f"\n\n{html_table(('Basis', 'Counts as', 'When', 'Written in a claim as'), rows)}\n\n"


def rubric_markdown(html: Templates | None = None) -> str:
    """The grading rubric: what earns each reliability letter, the same for every side."""
    grade, code = ((html or templates()).macro("placeholders/cells.html", name) for name in ("grade", "code"))
    rows = [(grade(RELIABILITY_ICON[r.letter], r.letter), esc(r.who), esc(r.why), code(r.id)) for r in RUBRIC]
    return f"\n\n{html_table(('Grade', 'Who', 'Why', 'Written in a profile as'), rows)}\n\n"


def ratings_markdown(html: Templates | None = None) -> str:
    """How each credibility grade is given as a ClaimReview rating, from the code that rates (render.claimreview)."""
    grade = (html or templates()).macro("placeholders/cells.html", "grade")
    rows = [(grade("", k), esc(v), esc(str(value) if (value := rating_value(k)) is not None
                                       else "none: no value and no scale, only the words"))
            for k, v in CREDIBILITY.items()]
    scale = (f"`ratingValue` on a scale of `worstRating` {WORST_RATING} to `bestRating` {BEST_RATING}; "
             f"grades {RATED.start}-{RATED.stop - 1} are points on it")
    return f"\n\n{html_table(('Grade', 'Information credibility', 'ClaimReview ratingValue'), rows)}\n\n{scale}.\n\n"


def encodings_markdown() -> str:
    """Each export with what it carries and what it loses, as Markdown list items (from :data:`ENCODINGS`)."""
    return "\n".join(f"- **{e.name}** ({e.where}): carries {e.carries}; loses {e.loses}." for e in ENCODINGS)


def relations_markdown() -> str:
    """How each relation kind counts in the rule, as Markdown list items (the methodology page's list
    continues the list the placeholder's line is in)."""
    return "\n".join(f"- {line}" for k in kinds() for line in k.methodology)


def relation_kinds_markdown() -> str:
    """The relation kinds as the authoring guide's table: the key, when to use it, how the other claim
    shows it."""
    rows = [f"| `{k.name}` | {k.use_when} | {k.inverse} |" for k in kinds()]
    return "\n".join(("| kind | use it when | shown on the other claim as |", "| --- | --- | --- |", *rows))


def lexicon_markdown(lexicon: Lexicon | None, html: Templates | None = None) -> str:
    """The estimative-language lexicon in use (``placeholders/lexicon.html``): its yardstick and its hedges
    (text from a lexicon file is author text, so it is escaped like any other)."""
    if lexicon is None:
        return ""
    rows = [(esc(t.label), esc(t.meaning.split(": ", 1)[1]), ", ".join(esc(f) for f in t.forms))
            for t in lexicon.estimates]
    hedges = (lexicon.hedges.meaning, lexicon.hedges.forms) if lexicon.hedges else None
    body = (html or templates()).html("placeholders/lexicon.html", lexicon=lexicon, hedges=hedges,
                                      table=Markup(html_table(("Term", "Probability", "Forms matched"), rows)))
    return f"\n\n{body}\n\n"


def sides_markdown(sides: tuple[SideRow, ...], html: Templates | None = None) -> str:
    """The per-side table (v1.2, ``placeholders/sides.html``): claims per grade, supported, graded below their
    ceiling, by originator's side; ``sides``: the build's (:attr:`~briefing_archive.derive.stage.Derived.sides`),
    so it fills :data:`SIDES` as one of the build's rendered placeholders (see :func:`fill_placeholders`)."""
    rows = [tuple(esc(cell) for cell in side_cells(row)) for row in sides]
    table = Markup(html_table(HEADINGS, rows)) if rows else None
    return f"\n\n{(html or templates()).html('placeholders/sides.html', table=table)}\n\n"


#: The per-side table's placeholder: filled with what the build rendered (:func:`sides_markdown`).
SIDES = "<!-- briefings:sides -->"
#: Placeholders a hand-written page may contain; the build fills them in from the code's own tables.
PLACEHOLDERS: dict[str, Callable[[Archive, Templates], str]] = {
    "<!-- briefings:scales -->": lambda _archive, html: scales_markdown(html),
    "<!-- briefings:rubric -->": lambda _archive, html: rubric_markdown(html),
    "<!-- briefings:basis -->": lambda _archive, html: basis_markdown(html),
    "<!-- briefings:lexicon -->": lambda archive, html: lexicon_markdown(archive.lexicon, html),
    "<!-- briefings:reference -->": lambda _archive, _html: reference_markdown(),
    "<!-- briefings:relations -->": lambda _archive, _html: relations_markdown(),
    "<!-- briefings:ratings -->": lambda _archive, html: ratings_markdown(html),
    "<!-- briefings:exports -->": lambda _archive, _html: encodings_markdown(),
    "<!-- briefings:relation-kinds -->": lambda _archive, _html: relation_kinds_markdown(),
}


def rendered_placeholders(archive: Archive, html: Templates) -> dict[str, str]:
    """Every placeholder of :data:`PLACEHOLDERS` rendered with the site's templates (the build does this once, so a
    site's overrides of ``placeholders/*`` fill its hand-written pages too)."""
    return {marker: render(archive, html) for marker, render in PLACEHOLDERS.items()}


def fill_placeholders(markdown: str, archive: Archive, rendered: Mapping[str, str] | None = None) -> str:
    """Replace the build's placeholders in a hand-written page: those made from the code's tables, and
    those the build rendered with the archive (``rendered``: marker -> HTML, e.g. the home page's)."""
    rendered = rendered or {}
    for marker, html in rendered.items():
        if marker in markdown:
            markdown = markdown.replace(marker, html)
    for marker, render in PLACEHOLDERS.items():   # not rendered by a build (a caller without one): the package's own
        if marker in markdown and marker not in rendered:
            markdown = markdown.replace(marker, render(archive, templates()))
    return markdown
