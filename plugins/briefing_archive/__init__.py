"""Briefing archive: seeds + YAML annotations -> a cross-linked, searchable static site."""
from __future__ import annotations

__version__ = "0.1.0"
