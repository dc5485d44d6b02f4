"""The pipeline in one call: what is derived from the archive is derived once per build."""
from __future__ import annotations

import sys
from collections import Counter

import pytest

from briefing_archive.core.config import ArchiveConfig
from briefing_archive.derive import ledger, links, related
from briefing_archive.site import build_site


def test_links_ledger_and_related_are_derived_once_per_build(archive, monkeypatch: pytest.MonkeyPatch) -> None:
    """Pages and exports share one ledger (it was built twice: once for the pages, once for archive.json)."""
    calls: Counter[str] = Counter()
    for module, name in ((ledger, "build_ledger"), (links, "build_links"), (related, "related_briefings")):
        original = getattr(module, name)

        def counted(*args, _original=original, _name=name, **kwargs):
            calls[_name] += 1
            return _original(*args, **kwargs)

        # wherever the package looks the function up: its own module and every module that imported it
        for loaded in [m for n, m in sys.modules.items() if n.startswith("briefing_archive")]:
            if getattr(loaded, name, None) is original:
                monkeypatch.setattr(loaded, name, counted)
    output = build_site(ArchiveConfig.at(archive.root))
    assert calls == {"build_ledger": 1, "build_links": 1, "related_briefings": 1}
    assert b'"figures":[{"metric":"drones-downed"' in output.files["archive.json"]
