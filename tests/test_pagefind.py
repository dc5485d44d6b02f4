"""The Pagefind search backend: the site is indexed at build time and pages are marked for it."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.exceptions import Abort

from briefing_archive.core.characters import isolate_bidi
from briefing_archive.core.urls import CLAIMS_SEARCH_IDS
from briefing_archive.render.markup import esc

from conftest import SHIPPED, Archive, copy_shipped, write_fixture


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


def test_the_claim_records_are_the_same_each_build(tmp_path) -> None:
    """Same archive, same records: Pagefind's fragments (each record's text, meta and filters) are byte-identical
    across two builds. Pagefind itself orders a filter's values at random in its filter files (and so names them
    and its meta file differently each run): those are compared by what they hold, not by their order."""
    archive = copy_shipped(tmp_path / "shipped")
    archive.write("mkdocs.yml", archive.root.joinpath("mkdocs.yml").read_text().replace("  - search\n", "").replace(
        "      briefings_dir: briefings\n", "      briefings_dir: briefings\n      search: pagefind\n"))
    root = archive.root
    first, second = (Archive(root).build(site_dir=tmp_path / name) / "pagefind" for name in ("one", "two"))
    ids = json.loads((first.parent / CLAIMS_SEARCH_IDS).read_text())   # the explorer's row -> record id
    assert (first.parent / CLAIMS_SEARCH_IDS).read_bytes() == (second.parent / CLAIMS_SEARCH_IDS).read_bytes()
    assert all(ids)
    assert len(set(ids)) == len(ids)
    assert {f"{i}.pf_fragment" for i in ids} <= {p.name for p in (first / "fragment").iterdir()}
    fragments = sorted(p.name for p in (first / "fragment").iterdir())
    assert fragments == sorted(p.name for p in (second / "fragment").iterdir())
    assert all((first / "fragment" / n).read_bytes() == (second / "fragment" / n).read_bytes() for n in fragments)
    claims = [json.loads(gzip.decompress((first / "fragment" / n).read_bytes())[12:]) for n in fragments]
    for c in claims:   # each claim record lands on an element of its page, and carries every filter
        if "url" in c["meta"]:
            path, fragment = c["meta"]["url"].strip("/").split("#")
            assert f'id="{fragment}"' in (first.parent / path / "index.html").read_text(), c["url"]
            assert set(c["filters"]) == {"credibility", "reliability", "originator's side", "source", "status"}
    assert sum("url" in c["meta"] for c in claims) == sum(
        len(yaml.safe_load(p.read_text()).get("claims", [])) for p in (SHIPPED / "briefings").glob("*.yml"))

    def held(folder: Path) -> list[bytes]:
        return sorted(bytes(sorted(gzip.decompress(p.read_bytes()))) for p in (folder / "filter").iterdir())
    assert held(first) == held(second)


@settings(max_examples=1, deadline=None)   # one build: the names are many at once
@given(st.lists(st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp")),
                        min_size=1, max_size=12).filter(str.strip), min_size=2, max_size=2))
def test_a_filter_value_is_kept_escaped_once_whatever_the_name(tmp_path_factory, names) -> None:
    """The search panel shows a filter's value as HTML: the index must hold each source's and side's name
    escaped exactly once (as :func:`render.markup.esc` writes it), so a name shows as written and never runs.
    Pagefind decodes a filter's text more than once; this reads the values back from its index."""
    archive = write_fixture(Archive(tmp_path_factory.mktemp("filters")))
    use_pagefind(archive)
    hostile = ['<img src=x onerror=alert(1)> & "Co" &amp;', *names]
    profile = archive.root / "briefings" / "sources" / "agency.yml"
    profile.write_text(profile.read_text().replace("name: The Agency", f"name: {json.dumps(hostile[0] + hostile[1])}"))
    ministry = archive.root / "briefings" / "sources" / "ministry.yml"
    ministry.write_text(ministry.read_text().replace("party: Ruritania", f"party: {json.dumps(hostile[2])}"))
    site = archive.build()
    values: dict[str, set[str]] = {}
    for path in (site / "pagefind" / "fragment").iterdir():
        fragment = json.loads(gzip.decompress(path.read_bytes())[12:])
        for name, found in fragment["filters"].items():
            values.setdefault(name, set()).update(found)
    assert esc(isolate_bidi(hostile[0] + hostile[1])) in values["source"], values["source"]
    assert esc(isolate_bidi(hostile[2])) in values["originator's side"], values["originator's side"]


@pytest.mark.parametrize("count", [1, 40, 400])
def test_indexing_asks_pagefind_the_same_few_times_whatever_the_number_of_records(tmp_path, monkeypatch, count) -> None:
    """Pagefind's Python wrapper answers one request per tenth of a second, so a request per claim made a build at
    1,000 briefings take 25 minutes: however many records, the index is made in the same requests (the site's folder
    and the records' folder), and every record is in it, with its id for the claims explorer."""
    from pagefind.index import PagefindIndex

    from briefing_archive.mkdocs import pagefind
    from briefing_archive.render.searchrecords import SearchRecord

    asked: list[str] = []
    for name in ("add_directory", "add_custom_record", "add_html_file"):
        real = getattr(PagefindIndex, name)

        def counted(self, *args, _real=real, _name=name, **kwargs):
            asked.append(_name)
            return _real(self, *args, **kwargs)
        monkeypatch.setattr(PagefindIndex, name, counted)
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text('<html lang="en"><body><main data-pagefind-body><h1>Home</h1></main></body></html>')
    records = [SearchRecord(f"/briefings/b{n}/#c{n}", f"claim number {n} quillwort", (("title", f"Claim {n}"),),
                            (("credibility", (f"{n % 6 + 1}: grade",)),)) for n in range(count)]
    pagefind.build_index(site, records)
    assert asked == ["add_directory", "add_directory"]
    ids = json.loads((site / CLAIMS_SEARCH_IDS).read_text())
    assert len(ids) == count
    assert all(ids)
    assert len(set(ids)) == count
