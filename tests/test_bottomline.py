"""The bottom line: counts computed from grades and verdicts, each leading to its claims."""
from __future__ import annotations

from briefing_archive.core.config import ArchiveConfig
from briefing_archive.core.rule import judge
from briefing_archive.derive.bottomline import bottom_line
from briefing_archive.derive.stage import derive_archive
from briefing_archive.load.archive import load_archive
from briefing_archive.render.bottomline import bottom_line_html
from briefing_archive.render.context import RenderContext
from test_grades import three_verdicts

from conftest import Archive, write_fixture


def loaded(tmp_path):
    archive, problems = load_archive(ArchiveConfig.at(three_verdicts(
        write_fixture(Archive(tmp_path / "archive"), site_config=False)).root))
    assert archive is not None, problems
    assert problems == [], problems
    return archive


def test_counts_follow_grades_sides_and_verdicts(tmp_path) -> None:
    archive = loaded(tmp_path)
    a, b = archive.briefings
    line = bottom_line(a, judge(archive), archive.sources)
    assert line.total == 2
    assert {c.key: c.claims for c in line.groups} == {"confirmed": (), "probable": ("drones",),
                                                      "possible": ("twice",), "doubtful": (), "unjudged": ()}
    assert {c.key: c.claims for c in line.resting} == {"party": ("drones",), "unidentified": ()}
    # drones: corroborated by twice and hail (independent); twice: corroborates drones (independent)
    assert {c.key: c.claims for c in line.agreement} == {"independent": ("drones", "twice"), "dependent": ()}
    line = bottom_line(b, judge(archive), archive.sources)
    assert {c.key: c.claims for c in line.resting} == {"party": ("rain",), "unidentified": ("snow",)}
    assert {c.key: c.claims for c in line.agreement} == {"independent": ("hail",), "dependent": ("rain", "snow")}
    assert sum(len(c.claims) for c in line.groups) == line.total


def test_each_count_links_to_its_claims(tmp_path) -> None:
    archive = loaded(tmp_path)
    html = bottom_line_html(RenderContext.build(derive_archive(archive)), archive.briefings[1])
    assert html.startswith('<div class="bx-bottom-line" id="_bottom-line"')
    assert '<a href="#snow"><strong>1</strong> of 3 probably true</a> (none confirmed)' in html   # one: the claim
    assert '<a href="?show=possible#_claims"><strong>2</strong> of 3 possibly true</a>' in html  # more: filtered
    assert "<li class=\"bx-g-doubtful\"><strong>0</strong> of 3 doubtful or improbable</li>" in html  # none: no link
    assert '<a href="?agree=dependent#_claims"><strong>2</strong> of 3 agree with other reports' in html


def test_home_lists_latest_briefings_and_the_most_corroborated_claims(tmp_path) -> None:
    from briefing_archive.render.home import home_html

    archive = loaded(tmp_path)
    html = home_html(RenderContext.build(derive_archive(archive)))
    latest = html[html.index('id="_latest"'):html.index('id="_most-corroborated"')]
    assert latest.index("A test briefing") < latest.index(">B</a>")      # neither is dated: by title
    assert "1 probably true</span> \u00b7 " in latest
    top = html[html.index('id="_most-corroborated"'):html.index('id="_most-contested"')]
    first = top[top.index("<li>"):top.index("</li>")]
    assert 'href="briefings/a-test/#drones"' in first
    assert first.endswith("probably true: corroborated by independent reports (The Agency and Monitor)")
    assert "No claim of the archive is contradicted by another yet." in html


def test_the_shipped_home_and_index_show_the_briefings(shipped_site) -> None:
    from html import unescape

    home = unescape((shipped_site / "index.html").read_text("utf-8"))
    assert "<!-- briefings:home -->" not in home
    assert 'id="_latest"' in home
    assert home.count('class="bx-mix-line"') == 2
    index = unescape((shipped_site / "briefings" / "index.html").read_text("utf-8"))
    assert "not recorded" not in index          # no column of nothing: the articles have no date or publisher
    assert index.count('class="bx-line"') == 2
    assert "37 claims: " in index
