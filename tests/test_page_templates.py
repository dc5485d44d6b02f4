"""The templates of the pages other than a briefing's: each says what it renders, a site overrides any of them
(a page's body or a macro file of table cells), a broken macro override is said at its line, and plain values are
escaped as the archive escapes author text."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import Markup

from briefing_archive.load.templates import OVERRIDES, template_names
from briefing_archive.render.markup import esc
from briefing_archive.render.templates import OverrideFailed, Templates
from test_templates import themed

from conftest import Archive

PAGE_KINDS = ("claims", "compare", "figures", "home", "indexes", "placeholders", "profiles", "relations", "tags",
              "timeline")


def test_every_page_kind_has_templates_and_each_says_what_it_renders() -> None:
    html = Templates()
    names = template_names()
    assert {name.split("/")[0] for name in names if "/" in name} >= set(PAGE_KINDS)
    loader = html.environment.loader
    assert loader is not None
    for name in names:
        source = loader.get_source(html.environment, name)[0]
        assert source.startswith("{#-"), name


def test_an_override_of_a_page_template_changes_the_page(archive: Archive) -> None:
    themed(archive).write(f"overrides/{OVERRIDES}/tags/tag.html",
                          '<p class="my-tag">{{ tag }} has {{ links | length }}</p>')
    site = archive.build(strict=True)
    page = (site / "tags" / "test" / "index.html").read_text("utf-8")
    assert '<p class="my-tag">test has 1</p>' in page
    assert "briefing(s) tagged" not in page   # the package's own body is replaced, not added to


def test_a_macro_override_that_fails_is_said_at_its_line() -> None:
    html = Templates((("relations/cells.html", ("{% macro claim(link, briefing) %}\n{{ link.no.such }}{% endmacro %}"
                       "{% macro verdict(found) %}{% endmacro %}")),))
    claim = html.macro("relations/cells.html", "claim")
    with pytest.raises(OverrideFailed) as failed:
        claim(Markup("<a>x</a>"), Markup("<a>y</a>"))
    assert (failed.value.name, failed.value.line) == ("relations/cells.html", 2)


@settings(max_examples=100, deadline=None)
@given(st.text(), st.text())
def test_plain_values_of_page_templates_are_escaped_and_markup_kept(tag: str, name: str) -> None:
    html = Templates()
    link = Markup(f'<a href="x">{esc(name)}</a>')
    out = html.html("tags/tag.html", tag=tag, links=[link])
    assert out == f"<p>1 briefing(s) tagged <code>{esc(tag)}</code>.</p>\n\n<ul><li>{link}</li></ul>"
    cell = html.macro("indexes/briefing_cell.html", "cell")(link, name)
    assert cell == f'{link}<br><span class="bx-line">{esc(name)}</span>'
