"""``briefings new``: a briefing file to start from, with a TODO claim per attributed sentence.

The file is valid YAML that an editor checks against the schema (its modeline). Its claims are
commented out; each is a sentence of the article that attributes what it says, its quote exactly
as the article has it (with the shortest ``prefix`` or ``suffix`` that picks it out where the
sentence occurs more than once). Everything the author must decide is a placeholder that cannot
pass ``briefings check`` (contract v1.2, "Inputs"): the title and summary (``TODO: ...``), each
claim's id (``claim-<n>``), its chain (``["TODO: reporting source", "TODO: originator"]``) and its
note (``TODO: ...``). So a draft never publishes: every placeholder left in place is an error at
its line that says what to write (see :mod:`briefing_archive.load.drafts`). The grade the scaffold
writes, 6 (truth cannot be judged), is a real value: the credibility rule judges it like any other.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from ..core.attribution import attributed_sentences
from ..core.characters import NOT_IN_YAML
from ..load import anchor as anchoring
from ..load.seeds import canonical_text


def default_id(seed: Path) -> str:
    """The seed's file stem, lower-cased, ``_`` turned into ``-`` (and nothing else an id cannot hold)."""
    ident = re.sub(r"[^a-z0-9-]+", "-", seed.stem.lower().replace("_", "-")).strip("-")
    return ident[:64] or "briefing"


def _yaml_string(text: str) -> str:
    """``text`` as a YAML double-quoted scalar on one line, holding nothing a YAML file may not hold.

    A JSON string is a valid YAML double-quoted scalar, whatever quotes or colons the text has; JSON escapes
    only C0 controls, so every other character a YAML file may not hold (contract v1.2: U+0085, U+2028,
    U+2029, C1 controls, non-characters) is written as an escape too: in a comment it would end the line
    where a reviewer sees none, and the text after it would be live YAML.
    """
    return NOT_IN_YAML.sub(_escape, json.dumps(text, ensure_ascii=False))


def _escape(found: re.Match[str]) -> str:
    code = ord(found.group())
    return f"\\u{code:04X}" if code <= 0xFFFF else f"\\U{code:08X}"


#: Words of context tried before giving up on picking out a sentence that occurs more than once (the whole
#: text before and after it always picks it out; only a long run of one repeated sentence needs that much).
MAX_CONTEXT_WORDS = 200
#: The chain the scaffold writes: visibly a placeholder, and refused by the check until replaced.
PLACEHOLDER_CHAIN = '["TODO: reporting source", "TODO: originator"]'


def _context(folded: anchoring.FoldedText, text: str, start: int, end: int) -> tuple[str | None, str | None]:
    """The shortest ``prefix`` (else ``suffix``, else both) that picks out the sentence at ``start:end``."""
    quote = text[start:end]
    if not isinstance(anchoring.anchor(folded, quote), anchoring.Ambiguous):
        return None, None
    before, after = text[:start].split(), text[end:].split()
    for n in range(1, min(MAX_CONTEXT_WORDS, max(len(before), len(after))) + 1):
        prefix, suffix = " ".join(before[-n:]) or None, " ".join(after[:n]) or None
        for tried in ((prefix, None), (None, suffix), (prefix, suffix)):
            if any(tried) and isinstance(anchoring.anchor(folded, quote, *tried), anchoring.Anchored):
                return tried
    return None, None   # the check will list the places; the author picks one


def scaffold(seed: Path, schema_ref: str) -> str:
    """The text of a new briefing file for the article at ``seed``."""
    text = canonical_text(seed.read_bytes())
    folded = anchoring.FoldedText(text)
    lines = [
        f"# yaml-language-server: $schema={schema_ref}",
        f"article: {_yaml_string(seed.name)}",
        "title: \"TODO: the briefing's title\"",
        "publisher: null        # TODO: a source id if the article says who published it; else leave null",
        "published: null        # TODO: YYYY, YYYY-MM or YYYY-MM-DD if the article gives it; else leave null",
        "summary: >",
        "  TODO: one paragraph: what the article reports and how far it can be trusted.",
        "tags: []",
        "warnings: []           # TODO: the article's own cautions about its sources, as `- quote: ...`",
        "claims:",
    ]
    sentences = attributed_sentences(text)
    if sentences:
        lines += ["# TODO: each commented claim below is a sentence that attributes what it says. Uncomment",
                  "# the claims you keep (remove the '#' at the start of their lines), trim each quote to the",
                  "# words the claim needs (they must stay exact), and replace every placeholder: the check",
                  "# refuses a claim-<n> id, a TODO text and the TODO chain until they are replaced."]
    for n, s in enumerate(sentences, start=1):
        lines.append(f"#  - id: claim-{n}              # TODO: a short id, e.g. troops-withdrawn")
        lines.append(f"#    quote: {_yaml_string(s.text)}")
        prefix, suffix = _context(folded, text, s.start, s.end)
        if prefix:
            lines.append(f"#    prefix: {_yaml_string(prefix)}")
        if suffix:
            lines.append(f"#    suffix: {_yaml_string(suffix)}")
        lines.append(f"#    sources: {PLACEHOLDER_CHAIN}  # source ids: the reporting source first, "
                     "the originator last")
        lines.append("#    credibility: 6           # TODO: 1 confirmed .. 6 truth cannot be judged")
        lines.append("#    note: \"TODO: why this grade: who the claim rests on and their stake\"")
    return "\n".join(lines) + "\n"
