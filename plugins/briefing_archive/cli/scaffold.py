"""``briefings new``: a briefing file to start from, with a TODO claim per attributed sentence.

The file is valid YAML that an editor checks against the schema (its modeline), but
``briefings check`` refuses it until its title and summary replace their TODO
placeholders (a draft must not publish). Every TODO claim is valid YAML once
uncommented: its quote is the sentence exactly as the article has it, with a
``prefix`` where the sentence occurs more than once.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from ..core.attribution import attributed_sentences
from ..load import anchor as anchoring
from ..load.seeds import canonical_text


def default_id(seed: Path) -> str:
    """The seed's file stem, lower-cased, ``_`` turned into ``-`` (and nothing else an id cannot hold)."""
    ident = re.sub(r"[^a-z0-9-]+", "-", seed.stem.lower().replace("_", "-")).strip("-")
    return ident[:64] or "briefing"


def _yaml_string(text: str) -> str:
    # A JSON string is a valid YAML double-quoted scalar, whatever quotes or colons the text has.
    return json.dumps(text, ensure_ascii=False)


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
                  "# words the claim needs (they must stay exact), and fill in the TODOs."]
    for n, s in enumerate(sentences, start=1):
        lines.append(f"#  - id: claim-{n}              # TODO: a short id, e.g. troops-withdrawn")
        lines.append(f"#    quote: {_yaml_string(s.text)}")
        result = anchoring.anchor(folded, s.text)
        if isinstance(result, anchoring.Ambiguous):
            before = " ".join(text[max(0, s.start - 60):s.start].split()[-4:])
            if before:
                lines.append(f"#    prefix: {_yaml_string(before)}")
        lines.append("#    sources: [unattributed]  # TODO: the chain, reporting source first, originator last")
        lines.append("#    credibility: 6           # TODO: 1 confirmed .. 6 truth cannot be judged")
        lines.append("#    note: \"TODO: why this grade: who the claim rests on and their stake\"")
    return "\n".join(lines) + "\n"
