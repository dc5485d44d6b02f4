"""Drawings made at build time as inline SVG: a briefing's evidence profile and the relation network.

Each drawing carries its text alternative (``<title>``) and reads without JavaScript.
The network puts the claims that have relations on a circle, one chord per relation,
coloured and dashed by kind; beyond MAX_NODES claims only the table is shown.
"""
from __future__ import annotations

import math
from collections import Counter

from ..core.credibility import badge_meaning
from ..core.model import Archive
from ..derive.guide import Guide
from .components import claims_from
from .markup import esc

KIND_STYLE = {"corroborates": "bx-rel-corroborates", "echoes": "bx-rel-echoes",
              "contradicts": "bx-rel-contradicts", "updates": "bx-rel-updates"}
#: Beyond this many claims a drawing is no longer legible; the relations table says it all.
MAX_NODES = 300


def evidence_svg(guide: Guide) -> str:
    """A stacked bar of the claims by badge, drawn at build time, with a text alternative inside."""
    if not guide.claims:
        return ""
    width, height = 600, 34
    alt = (f"Evidence profile, {claims_from(guide.claims, guide.reports)}: "
           + "; ".join(f"{code}, {claims_from(n, guide.reports_of(code))}" for code, n in guide.badges))
    parts = [(f'<svg class="bx-evidence" viewBox="0 0 {width} {height}" width="100%" role="img" '
              f'aria-labelledby="_evidence-title" xmlns="http://www.w3.org/2000/svg">'),
             f'<title id="_evidence-title">{esc(alt)}</title>']
    x = 0.0
    for code, n in guide.badges:
        w = width * n / guide.claims
        parts.append(f'<g class="bx-seg bx-fill-{code[0].lower()}"><title>{esc(f"{n} × {badge_meaning(code)} ({claims_from(n, guide.reports_of(code))})")}'
                     f'</title><rect x="{x:.2f}" y="0" width="{w:.2f}" height="{height}"/>')
        if w >= 34:
            parts.append(f'<text x="{x + w / 2:.2f}" y="{height / 2 + 5:.0f}" text-anchor="middle">{code}'
                         f'{" ×" + str(n) if w >= 60 else ""}</text>')
        parts.append("</g>")
        x += w
    parts.append("</svg>")
    return "".join(parts)


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
    out = [(f'<svg class="bx-network" viewBox="0 0 {size} {size}" role="group" aria-labelledby="_network-title" '
            f'xmlns="http://www.w3.org/2000/svg"><title id="_network-title">{esc(alt)}</title>')]
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
