"""The Pagefind search backend: the site is indexed at build time and pages are marked for it."""
from __future__ import annotations

import json

import pytest
from mkdocs.exceptions import Abort


def use_pagefind(archive, *, keep_material_search: bool = False) -> None:
    text = archive.root.joinpath("mkdocs.yml").read_text().replace("  - briefings\n", "  - briefings:\n      search: pagefind\n")
    if not keep_material_search:
        text = text.replace("  - search\n", "")
    archive.write("mkdocs.yml", text)


@pytest.mark.usefixtures("no_warnings")
def test_pagefind_indexes_the_site(archive) -> None:
    use_pagefind(archive)
    site = archive.build(strict=True)
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text())
    assert entry["languages"]
    assert not (site / "search" / "search_index.json").exists()
    briefing = (site / "briefings" / "a-test" / "index.html").read_text()
    assert "data-pagefind-body" in briefing
    assert 'id="bx-pagefind-search"' in briefing
    assert "data-search-exclude data-pagefind-ignore" in briefing
    assert "data-pagefind-body" not in (site / "figures" / "index.html").read_text()  # excluded from search
    assert "pagefind/pagefind-ui.js" in briefing
    assert "//" not in briefing.split("pagefind-ui.js")[0][-60:]


def test_pagefind_with_material_search_still_on_is_an_error(archive, caplog) -> None:
    use_pagefind(archive, keep_material_search=True)
    with pytest.raises(Abort):
        archive.build(strict=True)
    assert any("remove `- search` from `plugins:`" in r.getMessage() for r in caplog.records)
