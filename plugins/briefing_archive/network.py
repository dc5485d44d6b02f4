"""How briefings relate: ranked related briefings, and the relation network drawn as SVG.

A related briefing scores one point per shared entity (entities named in more than
COMMON_ENTITY briefings do not count) and two per relation between their claims (either
direction). The network is drawn at build time: the claims that have relations on a circle,
one chord per relation, coloured and dashed by kind, with a ``<title>`` on every element so it
reads without JavaScript; beyond MAX_NODES claims only the table is shown.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from .links import Links
from .markup import esc
from .model import Archive, Briefing

KIND_STYLE = {"corroborates": "bx-rel-corroborates", "echoes": "bx-rel-echoes",
              "contradicts": "bx-rel-contradicts", "updates": "bx-rel-updates"}


@dataclass(frozen=True)
class Related:
    briefing: Briefing
    shared_entities: tuple[str, ...]
    relations: int

    @property
    def score(self) -> int:
        return len(self.shared_entities) + 2 * self.relations


#: An entity named in more briefings than this says nothing about how two of them relate (like a
#: stop word), and counting its pairs would grow with the square of the archive.
COMMON_ENTITY = 50
#: Beyond this many claims a drawing is no longer legible; the relations table says it all.
MAX_NODES = 300


def related_briefings(archive: Archive, links: Links, limit: int = 10) -> dict[str, tuple[Related, ...]]:
    """The ``limit`` most related briefings of each, by an inverted index (never all pairs)."""
    entities = {b.id: {e for c in b.claims for e in c.entities} for b in archive.briefings}
    named_in: dict[str, list[str]] = {}
    for bid, names in entities.items():
        for e in names:
            named_in.setdefault(e, []).append(bid)
    relation_counts: Counter[tuple[str, str]] = Counter()
    for b in archive.briefings:
        for c in b.claims:
            for rel in c.relations:
                if rel.briefing != b.id:
                    relation_counts[tuple(sorted((b.id, rel.briefing)))] += 1
    related_by: dict[str, Counter[str]] = {b.id: Counter() for b in archive.briefings}
    for (a, b), n in relation_counts.items():
        related_by[a][b] += 2 * n
        related_by[b][a] += 2 * n
    for names_bids in named_in.values():
        if 1 < len(names_bids) <= COMMON_ENTITY:
            for a in names_bids:
                counter = related_by[a]
                for b in names_bids:
                    if a != b:
                        counter[b] += 1
    by_id = {b.id: b for b in archive.briefings}
    out: dict[str, tuple[Related, ...]] = {}
    for b in archive.briefings:
        top = sorted(related_by[b.id].items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
        out[b.id] = tuple(Related(by_id[o], tuple(sorted(entities[b.id] & entities[o])),
                                  relation_counts[tuple(sorted((b.id, o)))]) for o, _ in top)
    return out


def network_svg(archive: Archive, href: dict[str, str]) -> str:
    """The claims that have relations, on a circle grouped by briefing, one chord per relation.

    ``href`` maps ``"<briefing-id>#<claim-id>"`` to the link of the claim's permalink.
    """
    edges = [(f"{b.id}#{c.id}", rel.target, rel.kind) for b in archive.briefings for c in b.claims
             for rel in c.relations]
    involved = {e[0] for e in edges} | {e[1] for e in edges}
    nodes = [(b, c) for b in archive.briefings for c in b.claims if f"{b.id}#{c.id}" in involved]
    if not nodes or len(nodes) > MAX_NODES:
        return ""
    size, radius = 720, 190
    centre = size / 2
    pos: dict[str, tuple[float, float, float]] = {}
    for i, (b, c) in enumerate(nodes):
        angle = 2 * math.pi * i / len(nodes) - math.pi / 2
        pos[f"{b.id}#{c.id}"] = (centre + radius * math.cos(angle), centre + radius * math.sin(angle), angle)
    counts = Counter(kind for _, _, kind in edges)
    alt = (f"Relation network: {len(nodes)} claims of {len({b.id for b, _ in nodes})} briefings, "
           + ", ".join(f"{n} {kind}" for kind, n in sorted(counts.items())) + " relations")
    out = [f'<svg class="bx-network" viewBox="0 0 {size} {size}" role="group" aria-labelledby="_network-title" '
           f'xmlns="http://www.w3.org/2000/svg"><title id="_network-title">{esc(alt)}</title>']
    for src, dst, kind in edges:
        x1, y1, _ = pos[src]
        x2, y2, _ = pos[dst]
        out.append(f'<path class="bx-edge {KIND_STYLE[kind]}" d="M{x1:.1f},{y1:.1f} Q{centre:.1f},{centre:.1f} '
                   f'{x2:.1f},{y2:.1f}"><title>{esc(f"{src} {kind} {dst}")}</title></path>')
    palette = node_palette(archive)
    for b, c in nodes:
        key = f"{b.id}#{c.id}"
        x, y, angle = pos[key]
        right = math.cos(angle) >= 0
        tx, ty = x + (10 if right else -10) * 1.0, y + 4
        label = c.id if len(c.id) <= 24 else c.id[:23] + "\u2026"
        out.append(f'<a href="{esc(href[key])}"><circle class="bx-node bx-node-{palette[b.id]}" cx="{x:.1f}" '
                   f'cy="{y:.1f}" r="6"><title>{esc(b.title)}: \u201c{esc(" ".join(c.quote.split()))}\u201d'
                   f'</title></circle><text x="{tx:.1f}" y="{ty:.1f}" text-anchor="{"start" if right else "end"}">'
                   f"{esc(label)}</text></a>")
    out.append("</svg>")
    return "".join(out)


def node_palette(archive: Archive) -> dict[str, int]:
    """Colour index (0-5) of each briefing's dots in the network."""
    return {b.id: i % 6 for i, b in enumerate(archive.briefings)}
