"""The theme's tooltips never see author text (issue 22, R1): Material's and Zensical's ``content.tooltips`` build a
tooltip from an element's ``title`` as HTML, so the plugin and the derived Zensical config leave the feature off
whatever mkdocs.yml asks, and no page puts author text in a ``title`` (the archive's tooltips are in
``data-bx-tip``, built as text by its script; tests/test_inert_browser.py checks that in a browser)."""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from briefing_archive.site import THEME_TOOLTIPS
from briefing_archive.zensical.config import zensical_config
from test_payloads import hostile_archive

FEATURES = [THEME_TOOLTIPS, "navigation.top", "content.code.copy", "search.highlight", "toc.follow"]


@given(features=st.lists(st.sampled_from(FEATURES), max_size=8))
def test_the_zensical_config_leaves_the_theme_tooltips_off(features: list[str]) -> None:
    config = zensical_config({"theme": {"name": "material", "features": features}}, "docs", "site", set())
    assert config["theme"]["features"] == [f for f in features if f != THEME_TOOLTIPS]


class Titles(HTMLParser):
    """Every ``title`` attribute of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.titles: list[str] = []

    def handle_starttag(self, _tag, attrs) -> None:
        self.titles += [value or "" for name, value in attrs if name == "title"]


def test_no_author_text_in_a_title_and_the_theme_tooltips_off(tmp_path: Path) -> None:
    a = hostile_archive(tmp_path / "hostile")
    a.write("mkdocs.yml", a.root.joinpath("mkdocs.yml").read_text().replace(
        "  font: false\n", f"  font: false\n  features: [{THEME_TOOLTIPS}, navigation.top]\n"))
    site = a.build(strict=True)
    pages = sorted(site.rglob("*.html"))
    tips = 0
    for page in pages:
        html = page.read_text("utf-8")
        config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.DOTALL)[1])
        assert config["features"] == ["navigation.top"], page
        parser = Titles()
        parser.feed(html)
        assert [t for t in parser.titles if "alert(" in t] == [], page
        tips += html.count("data-bx-tip=")
    assert tips > 0
