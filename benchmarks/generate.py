"""Deterministic synthetic archives in the real format, for the benchmark.

``generate(root, n)`` writes N briefings (about 870-word articles, 15 claims each with
notes, chains, entities, figures and dates, relations across briefings), shared source and
entity profiles, and the same text as a plain-Markdown baseline project without the plugin.
The same N and seed always give byte-identical files.
"""
from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

WORDS = ["forces", "front", "line", "village", "region", "artillery", "drones", "officials", "statement", "report", "losses", "troops", "advance", "defence", "ministry", "intelligence", "update", "sources", "operation", "units", "border", "command", "positions", "supply", "attack", "strike", "civilians", "reserve", "brigade", "winter", "offensive", "territory", "control", "agency", "analysts", "assessment", "estimate", "pressure", "logistics", "city", "river"]
VERBS = ("said", "reported", "stated", "claimed", "suggested", "noted", "added")
KINDS = ("government", "military", "intelligence", "state-media", "news-outlet", "officials", "analyst", "other")
RUBRIC = {"A": "independent-record", "B": "outlet-relaying", "C": "party-named", "D": "party-unnamed",
          "E": "record-of-falsehood", "F": "unknown"}
METRICS = ("troops-deployed", "casualties", "territory-gained", "drones-launched", "artillery-systems")
UNITS = {"troops-deployed": "troops", "casualties": "people", "territory-gained": "sq km",
         "drones-launched": "drones", "artillery-systems": "artillery systems"}
CLAIMS_PER_BRIEFING = 15
N_SOURCES = 40
UNNAMED = "source-unnamed"   # the catch-all profile of the claims graded 6
N_ENTITIES = 150

MKDOCS_YML = """\
site_name: Benchmark archive
site_url: http://127.0.0.1:8000/
theme:
  name: material
  font: false
markdown_extensions:
  - attr_list
  - admonition
  - toc:
      permalink: true
plugins:
  - search
{plugin}
nav:
  - Home: index.md
{nav}
"""


def q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def sentence(rng: random.Random, words: int) -> str:
    body = " ".join(rng.choice(WORDS) for _ in range(words))
    return body[0].upper() + body[1:] + "."


#: Grades by claim position, and the relations some claims make (kind, grade of the claim it targets),
#: chosen so the archive keeps the credibility rule (a --strict build passes): every source but the first
#: relays the first (so no two claims are independent and echoes are right), a 2 has a supporting basis, a 4
#: an undermining one, a 3 never meets a contradiction from a 1 or 2, and echoes join claims graded 3.
GRADES = (3, 3, 3, 2, 4, 6)
BASIS = {2: ("    basis: [against-interest]",), 4: ("    basis: [self-serving]",)}
RELATES = {0: ("echoes", 3), 1: ("updates", None), 4: ("contradicts", 4)}


def generate(root: Path, n: int, seed: int = 1) -> None:
    rng = random.Random(seed)
    if root.exists():
        shutil.rmtree(root)
    plugin_root, plain_root = root / "plugin", root / "plain"
    for sub in ("seeds", "briefings/sources", "briefings/entities", "docs"):
        (plugin_root / sub).mkdir(parents=True)
    (plain_root / "docs" / "articles").mkdir(parents=True)

    sources = []
    for i in range(N_SOURCES):
        letter = "ABCDEF"[i % 6]
        sid = f"source-{i:03d}"
        sources.append(sid)
        (plugin_root / "briefings" / "sources" / f"{sid}.yml").write_text(
            f"name: {q(f'Source {i} {rng.choice(WORDS).title()} Agency')}\nkind: {KINDS[i % len(KINDS)]}\n"
            f"party: {q(['Russia', 'Ukraine', 'United Kingdom', 'United States'][i % 4])}\n"
            f"reliability: {letter}\nrubric: {RUBRIC[letter]}\n"
            f"note: {q(sentence(rng, 25))}\n" + ("depends_on: [source-000]\n" if i else ""), encoding="utf-8")
    # Claims graded 6 rest on a catch-all profile (v1.2: an identified originator gives something to judge by)
    (plugin_root / "briefings" / "sources" / f"{UNNAMED}.yml").write_text(
        "name: Unnamed sources\nkind: other\nreliability: F\nrubric: unknown\nidentified: false\n"
        "note: Statements the articles attribute to no one they name.\n", encoding="utf-8")
    entities = []
    for i in range(N_ENTITIES):
        eid = f"entity-{i:03d}"
        entities.append(eid)
        (plugin_root / "briefings" / "entities" / f"{eid}.yml").write_text(
            f"name: {q(f'Place {i} {rng.choice(WORDS).title()}')}\nkind: place\n"
            f"aliases: [{q(f'Region {i}')}]\nnote: {q(sentence(rng, 12))}\n", encoding="utf-8")

    for b in range(n):
        bid = f"briefing-{b:05d}"
        paragraphs, claims, notes = [], [], []
        for k in range(CLAIMS_PER_BRIEFING):
            marker = f"sector {b}-{k}"
            count = rng.randint(10, 9000)
            src = rng.choice(sources)
            quote = f"{count} units moved through {marker} near the {rng.choice(WORDS)} {rng.choice(WORDS)}"
            filler = " ".join(sentence(rng, rng.randint(12, 20)) for _ in range(2))
            paragraphs.append(f"{filler} According to the agency, officials {rng.choice(VERBS)} that {quote}. "
                              f"{sentence(rng, 14)}")
            if k % 5 == 4:
                paragraphs.append(f"{rng.choice(WORDS).title()} and {rng.choice(WORDS)} update")
            note = f"{sentence(rng, 30)} Place {rng.randrange(N_ENTITIES)} is named."
            notes.append((f"moved-{k}", quote, note))
            date = f"2024-{rng.randint(1, 12):02d}" + (f"-{rng.randint(1, 28):02d}" if k % 2 else "")
            lines = [f"  - id: moved-{k}", f"    quote: {q(quote)}",
                     f"    sources: [{UNNAMED}]" if GRADES[k % len(GRADES)] == 6 else
                     f"    sources: [{rng.choice(sources)}, {src}]" if k % 3 else f"    sources: [{src}]",
                     f"    credibility: {GRADES[k % len(GRADES)]}", *BASIS.get(GRADES[k % len(GRADES)], ()),
                     f"    note: {q(note)}",
                     f"    entities: [{', '.join(sorted(rng.sample(entities, 3)))}]", f"    date: {date}",
                     "    figures:", f"      - metric: {METRICS[k % 5]}", f"        value: {count}",
                     f"        unit: {UNITS[METRICS[k % 5]]}", f"        qualifier: {rng.choice(['exact', 'about'])}"]
            if b > 0 and k in RELATES:
                kind, grade = RELATES[k]
                target = rng.choice([i for i in range(CLAIMS_PER_BRIEFING) if grade in (None, GRADES[i % len(GRADES)])])
                lines += ["    relations:", f"      - {kind}: briefing-{rng.randrange(b):05d}#moved-{target}"]
            claims.append("\n".join(lines))
        text = "\n".join(paragraphs) + "\n"
        seed_name = f"{b:05d}_synthetic.txt"
        (plugin_root / "seeds" / seed_name).write_text(text, encoding="utf-8")
        (plugin_root / "briefings" / f"{bid}.yml").write_text(
            f"article: {seed_name}\ntitle: {q(f'Synthetic briefing {b}')}\npublisher: null\n"
            f"published: 2025-{1 + b % 12:02d}-{1 + b % 28:02d}\nsummary: {q(sentence(rng, 40))}\n"
            f"tags: [{['kursk', 'donetsk', 'sumy', 'drones'][b % 4]}]\nclaims:\n" + "\n".join(claims) + "\n",
            encoding="utf-8")
        # The plain baseline: the same article text and notes as a Markdown page, 15 quotes highlighted.
        body = text
        for cid, quote, _ in notes:
            body = body.replace(quote, f'<mark id="{cid}">{quote}</mark>', 1)
        md = [f"# Synthetic briefing {b}", ""] + [line + "\n" for line in body.splitlines()]
        md += ["## Claims", ""] + [f"- **{cid}**: {note}" for cid, _, note in notes]
        (plain_root / "docs" / "articles" / f"{bid}.md").write_text("\n".join(md) + "\n", encoding="utf-8")

    index = "# Benchmark\n\nSynthetic archive.\n"
    (plugin_root / "docs" / "index.md").write_text(index, encoding="utf-8")
    (plugin_root / "mkdocs.yml").write_text(MKDOCS_YML.format(
        plugin="  - briefings", nav="  - Briefings: briefings/index.md\n  - Sources: sources/index.md\n"
                                    "  - Entities: entities/index.md"), encoding="utf-8")
    (plain_root / "docs" / "index.md").write_text(index + "\n" + "\n".join(
        f"- [Synthetic briefing {b}](articles/briefing-{b:05d}.md)" for b in range(n)) + "\n", encoding="utf-8")
    (plain_root / "mkdocs.yml").write_text(MKDOCS_YML.format(plugin="", nav="").replace(
        "site_name: Benchmark archive", "site_name: Benchmark archive\nvalidation:\n  omitted_files: info"),
        encoding="utf-8")


#: Estimative terms and hedges of the PHIA lexicon, woven into the long articles below.
TERMS = ("likely", "highly likely", "reportedly", "probably", "may", "could", "unlikely", "according to",
         "almost certainly", "is believed", "a realistic possibility")


def vocabulary(rng: random.Random, size: int = 3000) -> list[str]:
    """Pseudo-words from syllables: a vocabulary wide enough that word trigrams rarely repeat by chance."""
    syllables = [c + v for c in "bdfgklmnprstvz" for v in ("a", "e", "i", "o", "u", "ai", "ou")]
    words = {"".join(rng.choice(syllables) for _ in range(rng.randint(1, 4))) for _ in range(size * 2)}
    chosen = sorted(words)[:size]
    rng.shuffle(chosen)   # so the most frequent words are not all alike
    return chosen


def long_article(size: int, claims: int = 300, seed: int = 7) -> tuple[str, list[tuple[int, int]]]:
    """A synthetic article of about ``size`` characters and the spans of ``claims`` quotes spread through it.

    Paragraphs of 1-5 sentences (as in news copy), a short heading every eight paragraphs, an
    estimative term or hedge in half of the sentences, words drawn with a Zipf-like skew (as in prose).
    The same arguments always give the same text.
    """
    rng = random.Random(seed)
    words = vocabulary(rng)
    weights = [1 / (rank + 1) for rank in range(len(words))]
    parts: list[str] = []
    sentences: list[tuple[int, int]] = []    # (start, end) of each sentence, to place claims in
    length = paragraph = 0
    while length < size:
        if paragraph % 8 == 7:
            heading = " ".join(rng.choices(words, weights, k=rng.randint(2, 6))).capitalize()
            parts.append(heading + "\n")
            length += len(heading) + 1
        body: list[str] = []
        for _ in range(rng.randint(1, 5)):
            chosen = rng.choices(words, weights, k=rng.randint(8, 24))
            if rng.random() < 0.5:
                chosen.insert(rng.randrange(len(chosen)), rng.choice(TERMS))
            sentence = " ".join(chosen).capitalize() + rng.choice(".....?!")
            start = length + sum(len(s) + 1 for s in body)
            sentences.append((start, start + len(sentence)))
            body.append(sentence)
        line = " ".join(body) + "\n"
        parts.append(line)
        length += len(line)
        paragraph += 1
    text = "".join(parts)
    step = max(1, len(sentences) // claims)
    spans = []
    for start, end in sentences[step // 2::step][:claims]:
        # a quote of the sentence's middle words, cut at word boundaries
        left = text.index(" ", start, end) + 1 if " " in text[start:end] else start
        right = text.rindex(" ", left, end) if " " in text[left:end] else end
        spans.append((left, right) if left < right else (start, end))
    return text, spans


def mistype(passage: str, every: int = 40, seed: int = 3) -> str:
    """The passage with one letter changed about every ``every`` characters, as a careless copy would be."""
    rng = random.Random(seed)
    chars = list(passage)
    for i in range(rng.randrange(every), len(chars), every):
        if chars[i].isalpha():
            chars[i] = "x" if chars[i] != "x" else "y"
    return "".join(chars)


if __name__ == "__main__":
    import sys

    generate(Path(sys.argv[1]), int(sys.argv[2]))
