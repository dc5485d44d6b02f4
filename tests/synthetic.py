"""A new article for any archive, as an author would add it: a seed, its briefing, new source and entity
profiles, and one relation to a claim the archive already holds.

The repository's archive grows; what the suite asserts of it must hold after any valid addition. So
``test_repository_archive.py`` runs its checks on the archive as committed and again with an article from
:func:`add_article`, and a property test draws many such articles. Everything written here follows the
authoring guide: each quote is a whole sentence of the seed (unique there), every chain ends with an
identified originator graded 3 (a named originator alone is 3), and the one relation is an ``echoes`` of an
existing claim graded 1 to 5, which changes no grade the archive's other claims may hold.
"""
from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

PLACES = ["Harbour district", "Northern ridge", "River crossing", "Old quarter", "Rail junction", "Eastern plain"]
NOUNS = ["convoys", "patrols", "supply trucks", "field hospitals", "bridges", "radar posts", "depots"]
VERBS = ["said", "reported", "stated", "told reporters", "announced"]
KINDS = ["government", "military", "intelligence", "news-outlet", "officials", "analyst"]
RUBRIC = {"B": "outlet-relaying", "C": "party-named", "D": "party-unnamed"}


@dataclass(frozen=True)
class Added:
    """What :func:`add_article` wrote, for the tests to look for."""

    briefing: str
    claims: tuple[str, ...]
    sources: tuple[str, ...]
    entities: tuple[str, ...]
    relation: str | None          # "<briefing>#<claim>" the new article echoes, if the archive had one to echo


def q(text: str) -> str:
    """A YAML double-quoted scalar (JSON's escaping is valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _free(existing: set[str], stem: str) -> str:
    n = 1
    while f"{stem}-{n}" in existing:
        n += 1
    return f"{stem}-{n}"


def _echo_target(root: Path, briefings_dir: str) -> str | None:
    """The first claim, in file order, graded 1 to 5 (an echo of a 6 would name it, which a 6 must not be)."""
    for path in sorted((root / briefings_dir).glob("*.yml")):
        data = yaml.safe_load(path.read_text("utf-8")) or {}
        for claim in data.get("claims") or ():
            if isinstance(claim, dict) and claim.get("credibility") in (1, 2, 3, 4, 5):
                return f"{path.stem}#{claim['id']}"
    return None


def add_article(root: Path, seed: int = 0, claims: int = 4, seeds_dir: str = "seeds",
                briefings_dir: str = "briefings") -> Added:
    """Write one new article into the archive at ``root`` (ids chosen not to collide with what is there)."""
    rng = random.Random(seed)
    folder = root / briefings_dir
    taken = {p.stem for p in folder.glob("*.yml")} | {p.stem for p in (folder / "sources").glob("*.yml")}
    taken |= {p.stem for p in (folder / "entities").glob("*.yml")}
    bid = _free(taken, "generated-field-report")
    taken.add(bid)
    sources = [_free(taken | {f"{bid}-x"}, f"gen-source-{i}") for i in range(2)]
    outlet, originator = sources
    entities = []
    for _ in range(3):
        entities.append(_free(taken | set(entities), "gen-place"))
    places = rng.sample(PLACES, 3)

    sentences, claim_ids = [], []
    for n in range(claims):
        noun, place = rng.choice(NOUNS), places[n % 3]
        count = rng.randint(2, 900)
        sentence = (f"Officials of the {place} command {rng.choice(VERBS)} that {count} {noun} "
                    f"were seen near the {place.lower()} in report number {n + 1}.")
        sentences.append(sentence)
        claim_ids.append(f"{noun.split()[-1]}-seen-{n + 1}")
    seed_name = f"{bid}.txt"
    (root / seeds_dir / seed_name).write_text(
        "Field report from the front\n" + "\n".join(sentences) + "\nThe report could not be verified.\n",
        encoding="utf-8")

    target = _echo_target(root, briefings_dir)
    lines = [
        f"article: {q(seed_name)}",
        f"title: {q(f'{places[0]} command reports sightings, officials say')}",
        "summary: >",
        f"  A generated field report: officials of the {places[0]} command report what was seen near",
        "  three places. Each claim rests on that command alone and is possibly true.",
        "tags: [generated, field-report]",
        "warnings:",
        f"  - quote: {q('The report could not be verified.')}",
        "    note: The article's own caution.",
        "claims:",
    ]
    for n, (cid, sentence) in enumerate(zip(claim_ids, sentences, strict=True)):
        lines += [f"  - id: {cid}", f"    quote: {q(sentence)}", f"    sources: [{outlet}, {originator}]",
                  "    credibility: 3",
                  "    note: Possibly true; it rests on the command alone, a party with a stake in the report.",
                  f"    entities: [{entities[n % 3]}]"]
        if n == 0 and target:
            lines += ["    relations:", f"      - echoes: {target}"]
    (folder / f"{bid}.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")

    (folder / "sources" / f"{outlet}.yml").write_text(
        f"name: {q('Generated Field Wire ' + str(seed))}\nkind: news-outlet\nreliability: B\n"
        f"rubric: {RUBRIC['B']}\nnote: A wire service that relays the command's reports.\n", encoding="utf-8")
    (folder / "sources" / f"{originator}.yml").write_text(
        f"name: {q(places[0] + ' command')}\nkind: {rng.choice(KINDS[:3])}\nparty: Generated Party\n"
        f"reliability: C\nrubric: {RUBRIC['C']}\nnote: A party to the fighting, named, reporting on its own "
        "sector.\n", encoding="utf-8")
    for eid, place in zip(entities, places, strict=True):
        (folder / "entities" / f"{eid}.yml").write_text(
            f"name: {q(place)}\nkind: place\naliases: [{q(place.lower())}]\n", encoding="utf-8")
    return Added(bid, tuple(claim_ids), tuple(sources), tuple(entities), target)


def claim_count(root: Path, briefings_dir: str = "briefings") -> int:
    """How many claims the archive's briefing files hold (read from the YAML, not from the tool)."""
    total = 0
    for path in (root / briefings_dir).glob("*.yml"):
        total += len((yaml.safe_load(path.read_text("utf-8")) or {}).get("claims") or ())
    return total


def ids_of(root: Path, folder: str) -> list[str]:
    return sorted(p.stem for p in (root / folder).glob("*.yml") if re.fullmatch(r"[a-z0-9-]+", p.stem))
