"""Drawings made at build time as inline SVG: a briefing's evidence profile.

Each drawing carries its text alternative (``<title>``) and reads without JavaScript. (The relation
network that was drawn here gave way to the compare view: see :mod:`.relations`.) The geometry is computed
here; the markup is the ``briefing/evidence.html`` template's.
"""
from __future__ import annotations

from markupsafe import Markup

from ..core.credibility import badge_meaning
from ..derive.guide import Guide
from .components import claims_from
from .templates import Templates, templates

WIDTH, HEIGHT = 600, 34
#: Segments narrower than this carry no label; narrower than WIDE, no count.
LABELLED, WIDE = 34, 60


def evidence_svg(guide: Guide, *, html: Templates | None = None) -> Markup:
    """A stacked bar of the claims by badge, drawn at build time, with a text alternative inside."""
    if not guide.claims:
        return Markup()
    alt = (f"Evidence profile, {claims_from(guide.claims, guide.reports)}: "
           + "; ".join(f"{code}, {claims_from(n, guide.reports_of(code))}" for code, n in guide.badges))
    segments = []
    x = 0.0
    for code, n in guide.badges:
        w = WIDTH * n / guide.claims
        segments.append({
            "fill": code[0].lower(), "x": f"{x:.2f}", "w": f"{w:.2f}",
            "words": f"{n} × {badge_meaning(code)} ({claims_from(n, guide.reports_of(code))})",
            "label": (code + (f" ×{n}" if w >= WIDE else "")) if w >= LABELLED else None,
            "label_x": f"{x + w / 2:.2f}", "label_y": f"{HEIGHT / 2 + 5:.0f}"})
        x += w
    return (html or templates()).html("briefing/evidence.html", width=WIDTH, height=HEIGHT, alt=alt,
                                      segments=segments)
