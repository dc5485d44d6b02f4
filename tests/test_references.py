"""Notes and summaries refer to briefings and claims by id (``[](<briefing-id>#<claim-id>)``): the link,
its text when the author gave none, its tooltip, and the errors for ids that do not exist."""
from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest

from briefing_archive.core.config import ArchiveConfig
from briefing_archive.core.markdown import references
from briefing_archive.load.archive import load_archive
from briefing_archive.render.markup import render_markdown

OTHER = """\
article: a.txt
title: Another briefing
summary: Compare [](a-test), and [the drones claim](a-test#drones).
claims:
  - id: friday
    quote: over the region on Friday night
    sources: [ministry]
    credibility: 3
    note: >
      Echoes [](a-test#drones). Not a reference in code: `[](a-test)`; a page
      link stays a page link: [agency](../../sources/agency/). See also [](b-other#friday).
"""


def add_other(archive) -> None:
    archive.write("briefings/b-other.yml", OTHER)


def page(site: Path, *parts: str) -> str:
    return (site.joinpath(*parts)).read_text("utf-8")


def note_of(html: str, cid: str) -> str:
    note = html[html.index(f'id="_note-{cid}"'):]
    return note[note.index("</h3>"):note.index('<dl class="bx-claim-facts">')]


@pytest.mark.usefixtures("no_warnings")
def test_references_become_links_with_the_targets_titles(archive) -> None:
    add_other(archive)
    site = archive.build(strict=True)
    html = page(site, "briefings", "b-other", "index.html")
    note = note_of(html, "friday")
    # a claim: the briefing's title and the claim's words, its grade in the tooltip
    assert re.search(r'<a href="\.\./\.\./briefings/a-test/#drones" data-bx-tip="A test briefing: &#8220;40 drones were shot down&#8221; '
                     r'\(C2: source fairly reliable; information probably true\)"[^>]*>A test briefing: '
                     r'&#8220;40 drones were shot down&#8221;</a>', note), note
    assert "<code>[](a-test)</code>" in note                       # code stays code
    assert '<a href="../../sources/agency/"' in note                 # an ordinary link stays as written
    assert re.search(r'<a href="#friday" [^>]*>Another briefing: &#8220;over the region on Friday night', note)
    summary = html[html.index('<div class="bx-summary">'):]
    summary = summary[:summary.index("</div>")]
    assert re.search(r'<a href="\.\./\.\./briefings/a-test/" data-bx-tip="Briefing: A test briefing"[^>]*>A test briefing</a>', summary)
    assert re.search(r'<a href="\.\./\.\./briefings/a-test/#drones" data-bx-tip="A test briefing: [^"]*"[^>]*>the drones claim</a>',
                     summary)


@pytest.mark.usefixtures("no_warnings")
def test_references_in_profiles_and_without_directory_urls(archive) -> None:
    add_other(archive)
    archive.write("mkdocs.yml", page(archive.root, "mkdocs.yml") + "use_directory_urls: false\n")
    archive.write("briefings/sources/agency.yml", "name: The Agency\nkind: news-outlet\nreliability: B\n"
                                                  "note: Relays the ministry, as in [](b-other#friday).\n")
    archive.write("briefings/entities/region.yml", "name: The Region\nkind: place\nnote: See [](a-test).\n")
    site = archive.build(strict=True)
    source = page(site, "sources", "agency.html")
    assert re.search(r'<a href="\.\./briefings/b-other\.html#friday" [^>]*>Another briefing: &#8220;over the '
                     r"region on Friday night&#8221;</a>", source), source
    entity = page(site, "entities", "region.html")
    assert re.search(r'<a href="\.\./briefings/a-test\.html" [^>]*>A test briefing</a>', entity)


def test_tooltips_read_a_reference_as_its_title(archive) -> None:
    add_other(archive)
    site = archive.build()
    html = unescape(page(site, "briefings", "b-other", "index.html"))
    tip = re.search(r'<mark class="bx-claim[^"]*" id="friday" data-bx-tip="([^"]*)"', html)
    assert tip is not None
    assert "Echoes A test briefing: \u201c40 drones were shot down\u201d." in tip.group(1)
    assert "[](a-test#drones)" not in tip.group(1)
    assert "in code: [](a-test);" in tip.group(1)


def test_the_feed_shows_a_reference_as_text_never_as_a_broken_link() -> None:
    assert render_markdown("See [](a-test#drones) and [the claim](a-test).") == \
        "<p>See a-test#drones and the claim.</p>"


def test_references_are_found_by_the_parser_not_by_pattern() -> None:
    text = ("[](a-b) [x](c-d#e-f) [y](https://example.test/a-b) [z](../a-b/) [w](A-B) `[](g-h)` \\[](i-j)\n\n"
            "    [](k-l)\n\n[r][ref]\n\n[ref]: m-n\n")
    assert references(text) == [("a-b", None), ("c-d", "e-f"), ("m-n", None)]


def problems_of(archive) -> list[str]:
    loaded, problems = load_archive(ArchiveConfig.at(archive.root))
    assert loaded is None
    return [p.format() for p in problems]


def test_unknown_references_are_errors_at_the_notes_value(archive) -> None:
    add_other(archive)
    text = OTHER.replace("[the drones claim](a-test#drones)", "[the drones claim](a-test#drone)")
    text = text.replace("Echoes [](a-test#drones)", "Echoes [](a-tset#drones) and [](b-othr)")
    archive.write("briefings/b-other.yml", text)
    archive.write("briefings/entities/region.yml", "name: The Region\nkind: place\nnote: See [](no-such-briefing).\n")
    found = problems_of(archive)
    assert ("briefings/b-other.yml:3:10: error: `summary` refers to a-test#drone, but briefing 'a-test' has no claim "
            "'drone' (did you mean 'drones'?); use one of its claim ids") in found, found
    assert ("briefings/b-other.yml:9:11: error: claim 'friday': `note` refers to an unknown briefing 'a-tset' "
            "(did you mean 'a-test'?); write [text](<briefing-id>#<claim-id>) or [](<briefing-id>) with the id of "
            "a file of briefings/") in found, found
    assert any(m.startswith("briefings/b-other.yml:9:11: error: claim 'friday': `note` refers to an unknown briefing "
                            "'b-othr'; write") for m in found), found   # never the referring file itself
    assert any(m.startswith("briefings/entities/region.yml:3:7: error: `note` refers to an unknown briefing "
                            "'no-such-briefing'") for m in found), found


def test_a_reference_in_a_warning_note_is_checked(archive) -> None:
    archive.write("briefings/a-test.yml", page(archive.root, "briefings", "a-test.yml").replace(
        "tags: [test]\n", "tags: [test]\nwarnings:\n  - quote: Heading of the piece\n    note: Unlike [](a-test#twise).\n"))
    found = problems_of(archive)
    assert any(m.startswith("briefings/a-test.yml:7:11: error: warning #1: `note` refers to a-test#twise, but briefing "
                            "'a-test' has no claim 'twise' (did you mean 'twice'?)") for m in found), found


def test_shipped_references_link_the_two_briefings(shipped_site: Path) -> None:
    html = page(shipped_site, "briefings", "north-korean-troops-withdrawn-after-heavy-losses", "index.html")
    note = note_of(html, "after-months-of-heavy-losses")
    assert ('<a href="../../briefings/north-korean-units-pulled-back-as-russian-gains-slow/" data-bx-tip="Briefing: North '
            "Korean units pulled back after heavy losses as Russia's gains slow\"") in note, note
    assert re.search(r'<a href="\.\./\.\./briefings/north-korean-units-pulled-back-as-russian-gains-slow/'
                     r'#withdrawal-due-to-losses" [^>]*>almost certain cause of the withdrawal</a>', note)
