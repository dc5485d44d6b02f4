"""Drawings made at build time as inline SVG: a briefing's evidence profile.

Each drawing carries its text alternative (``<title>``) and reads without JavaScript. (The relation
network that was drawn here gave way to the compare view: see :mod:`.relations`.)
"""
from __future__ import annotations

from ..core.credibility import badge_meaning
from ..derive.guide import Guide
from .components import claims_from
from .markup import esc


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
