"""Tables of hand-written pages, filled in from the code's own tables so the methodology the site
explains is the one it computes."""
from __future__ import annotations

from collections.abc import Callable, Mapping

from ..core.credibility import CREDIBILITY, RELIABILITY, RELIABILITY_ICON, RUBRIC
from ..core.lexicon import Lexicon
from ..core.model import Archive
from ..core.relations import kinds
from ..core.rule import BASIS_LABEL, NEEDS, SUPPORTING, UNDERMINING
from ..derive.sides import HEADINGS, side_cells, side_table
from .components import code_spans, html_table
from .markup import esc
from .reference import reference_markdown

# The three tables below fill placeholders of hand-written pages: each is an HTML block between blank
# lines, so the page's Markdown engine passes it through as it is.

def scales_markdown() -> str:
    """The two Admiralty scales as tables, from the same tables the badges use."""
    reliability = html_table(("Grade", "Source reliability"),
                             [(f"{RELIABILITY_ICON[k]} <strong>{k}</strong>", v) for k, v in RELIABILITY.items()])
    credibility = html_table(("Grade", "Information credibility", "What it needs (the credibility rule)"),
                             [(f"<strong>{k}</strong>", v, code_spans(NEEDS[k])) for k, v in CREDIBILITY.items()])
    return f"\n\n{reliability}\n\n{credibility}\n\n"


def basis_markdown() -> str:
    """The vocabulary of ``basis``: the reasons a grade may rest on, open to every side alike."""
    rows = [(esc(BASIS_LABEL[k]), "supporting", esc(v), f"<code>{k}</code>") for k, v in SUPPORTING.items()]
    rows += [(esc(BASIS_LABEL[k]), "undermining", esc(v), f"<code>{k}</code>") for k, v in UNDERMINING.items()]
    return f"\n\n{html_table(('Basis', 'Counts as', 'When', 'Written in a claim as'), rows)}\n\n"


def rubric_markdown() -> str:
    """The grading rubric: what earns each reliability letter, the same for every side."""
    rows = [(f"{RELIABILITY_ICON[r.letter]} <strong>{r.letter}</strong>", esc(r.who), esc(r.why),
             f"<code>{r.id}</code>") for r in RUBRIC]
    return f"\n\n{html_table(('Grade', 'Who', 'Why', 'Written in a profile as'), rows)}\n\n"


def relations_markdown() -> str:
    """How each relation kind counts in the rule, as Markdown list items (the methodology page's list
    continues the list the placeholder's line is in)."""
    return "\n".join(f"- {line}" for k in kinds() for line in k.methodology)


def relation_kinds_markdown() -> str:
    """The relation kinds as the authoring guide's table: the key, when to use it, how the other claim
    shows it."""
    rows = [f"| `{k.name}` | {k.use_when} | {k.inverse} |" for k in kinds()]
    return "\n".join(("| kind | use it when | shown on the other claim as |", "| --- | --- | --- |", *rows))


def lexicon_markdown(lexicon: Lexicon | None) -> str:
    """The estimative-language lexicon in use: its yardstick and its hedges (text from a lexicon file is
    author text, so it is escaped like any other)."""
    if lexicon is None:
        return ""
    rows = [(esc(t.label), esc(t.meaning.split(": ", 1)[1]), ", ".join(esc(f) for f in t.forms))
            for t in lexicon.estimates]
    out = [f"<p>The lexicon in use: <strong>{esc(lexicon.name)}</strong>.</p>",
           html_table(("Term", "Probability", "Forms matched"), rows)]
    if lexicon.hedges:
        out.append(f"<p>Hedges ({esc(lexicon.hedges.meaning)}): "
                   + ", ".join(f"<em>{esc(f)}</em>" for f in lexicon.hedges.forms) + ".</p>")
    return "\n\n" + "\n\n".join(out) + "\n\n"


def sides_markdown(archive: Archive) -> str:
    """The per-side table (v1.2): claims per grade, supported, graded below their ceiling, by originator's side."""
    rows = [tuple(esc(cell) for cell in side_cells(row)) for row in side_table(archive)]
    if not rows:
        return "\n\n<p>No claims yet.</p>\n\n"
    return f"\n\n{html_table(HEADINGS, rows)}\n\n"


#: Placeholders a hand-written page may contain; the build fills them in from the code's own tables.
PLACEHOLDERS: dict[str, Callable[[Archive], str]] = {
    "<!-- briefings:scales -->": lambda _archive: scales_markdown(),
    "<!-- briefings:rubric -->": lambda _archive: rubric_markdown(),
    "<!-- briefings:basis -->": lambda _archive: basis_markdown(),
    "<!-- briefings:lexicon -->": lambda archive: lexicon_markdown(archive.lexicon),
    "<!-- briefings:reference -->": lambda _archive: reference_markdown(),
    "<!-- briefings:sides -->": sides_markdown,
    "<!-- briefings:relations -->": lambda _archive: relations_markdown(),
    "<!-- briefings:relation-kinds -->": lambda _archive: relation_kinds_markdown(),
}


def fill_placeholders(markdown: str, archive: Archive, rendered: Mapping[str, str] | None = None) -> str:
    """Replace the build's placeholders in a hand-written page: those made from the code's tables, and
    those the build rendered with the archive (``rendered``: marker -> HTML, e.g. the home page's)."""
    for marker, render in PLACEHOLDERS.items():
        if marker in markdown:
            markdown = markdown.replace(marker, render(archive))
    for marker, html in (rendered or {}).items():
        if marker in markdown:
            markdown = markdown.replace(marker, html)
    return markdown
