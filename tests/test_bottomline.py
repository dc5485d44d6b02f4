"""The bottom line: counts computed from grades and verdicts, each leading to its claims."""
from __future__ import annotations

from briefing_archive.core.config import ArchiveConfig
from briefing_archive.core.rule import both_ways
from briefing_archive.derive.bottomline import bottom_line
from briefing_archive.load.archive import load_archive
from briefing_archive.render.bottomline import bottom_line_html
from briefing_archive.render.context import RenderContext
from test_grades import three_verdicts

from conftest import Archive, write_fixture


def loaded(tmp_path):
    archive, problems = load_archive(ArchiveConfig.at(three_verdicts(
        write_fixture(Archive(tmp_path / "archive"), site_config=False)).root))
    assert archive is not None and problems == [], problems
    return archive


def test_counts_follow_grades_sides_and_verdicts(tmp_path) -> None:
    archive = loaded(tmp_path)
    a, b = archive.briefings
    line = bottom_line(a, both_ways(archive), archive.sources)
    assert line.total == 2
    assert {c.key: c.claims for c in line.groups} == {"probable": ("drones",), "possible": ("twice",),
                                                      "doubtful": (), "unjudged": ()}
    assert {c.key: c.claims for c in line.resting} == {"party": ("drones",), "unidentified": ()}
    # drones: corroborated by twice and hail (independent); twice: corroborates drones (independent)
    assert {c.key: c.claims for c in line.agreement} == {"independent": ("drones", "twice"), "dependent": ()}
    line = bottom_line(b, both_ways(archive), archive.sources)
    assert {c.key: c.claims for c in line.resting} == {"party": ("rain",), "unidentified": ("snow",)}
    assert {c.key: c.claims for c in line.agreement} == {"independent": ("hail",), "dependent": ("rain", "snow")}
    assert sum(len(c.claims) for c in line.groups) == line.total


def test_each_count_links_to_its_claims(tmp_path) -> None:
    archive = loaded(tmp_path)
    html = bottom_line_html(RenderContext.build(archive), archive.briefings[1])
    assert html.startswith('<div class="bx-bottom-line" id="_bottom-line"')
    assert '<a href="#snow"><strong>1</strong> of 3 confirmed or probably true</a>' in html   # one: the claim
    assert '<a href="?show=possible#_claims"><strong>2</strong> of 3 possibly true</a>' in html  # more: filtered
    assert "<li class=\"bx-g-doubtful\"><strong>0</strong> of 3 doubtful or improbable</li>" in html  # none: no link
    assert '<a href="?agree=dependent#_claims"><strong>2</strong> of 3 agree with other reports' in html
