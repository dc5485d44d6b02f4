"""The verdict of a claim's grade in words, from the one template that words it (``verdict.txt``).

The bottom line, the home page, the quotes' tooltips and ClaimReview all read :func:`verdict`, so a site that
overrides the template changes all of them. Many claims share their facts (one originator, nothing else): each
distinct wording is rendered once per set of templates.
"""
from __future__ import annotations

from functools import lru_cache

from ..derive.grounds import Grounds
from .templates import Templates, templates

#: The template that words the verdict (plain text).
VERDICT = "verdict.txt"


@lru_cache(maxsize=16384)
def verdict(grounds: Grounds, html: Templates | None = None) -> str:
    """``probably true: echoed by the UK Ministry of Defence, not independently``: plain text, one line."""
    return (html or templates()).text(VERDICT, g=grounds)
