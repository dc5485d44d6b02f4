"""The archive's HTML templates: a site overrides one from its theme's custom_dir; its problems are said at their
line; what it writes is escaped as the archive's own templates escape it."""
from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jinja2 import Environment, meta
from markupsafe import Markup
from mkdocs.exceptions import Abort, PluginError

from briefing_archive.core.config import ArchiveConfig
from briefing_archive.load.settings import archive_config
from briefing_archive.load.templates import OVERRIDES, read_overrides, template_names
from briefing_archive.render.fragments import unpack
from briefing_archive.render.templates import Templates
from briefing_archive.site import build_site

from conftest import Archive

THEMED = "theme:\n  name: material\n  custom_dir: overrides\n  font: false\n"


def themed(a: Archive) -> Archive:
    a.write("mkdocs.yml", (a.root / "mkdocs.yml").read_text("utf-8").replace(
        "theme:\n  name: material\n  font: false\n", THEMED))
    return a


def page(site: Path, briefing: str = "a-test") -> str:
    return (site / "briefings" / briefing / "index.html").read_text("utf-8")


def test_a_theme_override_changes_every_claim_entry(archive: Archive) -> None:
    themed(archive).write(f"overrides/{OVERRIDES}/claim.html",
                          '<article class="my-claim" id="mine-{{ claim.id }}">{{ claim.quote }}'
                          " graded {{ claim.credibility }}: {{ note }}</article>")
    html = page(archive.build(strict=True))
    assert re.findall(r'<article class="my-claim" id="mine-([\w-]+)">', html) == ["drones", "twice"]
    assert "bx-claim-note" not in html   # the archive's own entry is replaced, not added to
    assert 'graded 2: <p>Probably true; see <a href="../../sources/ministry/"' in html   # the note as HTML


def test_without_an_override_the_package_template_renders(archive: Archive) -> None:
    themed(archive).write("overrides/main.html", "{% extends 'base.html' %}")
    html = page(archive.build(strict=True))
    assert html.count('<section class="bx-claim-note') == 2


def test_plain_values_in_an_override_are_escaped(archive: Archive) -> None:
    themed(archive).write(f"overrides/{OVERRIDES}/claim.html", "<p class=q>{{ claim.quote }}|{{ 'a<b>&\"' }}</p>")
    archive.write("seeds/a.txt", (archive.root / "seeds/a.txt").read_text("utf-8"))
    html = page(archive.build(strict=True))
    assert "|a&lt;b&gt;&amp;&#34;</p>" in html or "|a&lt;b&gt;&amp;&quot;</p>" in html


@pytest.mark.parametrize(("text", "line", "words"), [
    ("<p>\n{% if claim.id %}\n{{ claim.quote }\n</p>", 3, "this template is not valid Jinja"),
    ("<p>\n\n{{ no_such_value.attribute }}</p>", 3, "this template failed while rendering a page"),
])
def test_a_broken_override_stops_the_build_at_its_line(archive: Archive, caplog: pytest.LogCaptureFixture,
                                                        text: str, line: int, words: str) -> None:
    themed(archive).write(f"overrides/{OVERRIDES}/claim.html", text)
    with pytest.raises((Abort, PluginError)):
        archive.build()
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert any(m.startswith(f"overrides/{OVERRIDES}/claim.html:{line}:1: error: {words}") for m in errors), errors
    assert not archive.site.exists()


def test_a_file_that_overrides_nothing_is_a_warning(archive: Archive, caplog: pytest.LogCaptureFixture) -> None:
    themed(archive).write(f"overrides/{OVERRIDES}/claims.html", "<p>misspelt</p>")
    archive.build()
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert any(m.startswith(f"overrides/{OVERRIDES}/claims.html:1:1: warning: this file overrides none") and
               "claim.html" in m for m in warnings), warnings


def test_a_link_out_of_the_override_folder_is_refused(archive: Archive, tmp_path: Path) -> None:
    outside = tmp_path / "outside.html"
    outside.write_text("<p>SecretOutside</p>", encoding="utf-8")
    themed(archive)
    folder = archive.root / "overrides" / OVERRIDES
    folder.mkdir(parents=True)
    (folder / "claim.html").symlink_to(outside)
    config, _ = archive_config(archive.root)
    overrides, problems = read_overrides(config)
    assert overrides == ()
    assert [p.severity for p in problems] == ["error"]


def test_the_command_line_reads_the_same_override_folder(archive: Archive) -> None:
    themed(archive).write(f"overrides/{OVERRIDES}/claim.html", "<p>mine</p>")
    config, _ = archive_config(archive.root)
    assert config.templates_dir == (archive.root / "overrides" / OVERRIDES).resolve()
    output = build_site(config)
    assert "<p>mine</p>" in "".join(unpack(output.fragments["briefings/a-test.md"]))


def test_every_package_template_compiles_and_names_only_what_it_is_given() -> None:
    """Each template compiles; the set of names is what load.templates lists (a site's override of any of them is
    recognised)."""
    html = Templates()
    env = Environment()
    for name in template_names():
        html.template(name)
        source = html.environment.loader.get_source(html.environment, name)[0]   # type: ignore[union-attr]
        assert meta.find_undeclared_variables(env.parse(source)) is not None
    assert "claim.html" in template_names()


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_a_value_is_escaped_as_the_archive_escapes_author_text(value: str) -> None:
    from briefing_archive.render.markup import esc
    html = Templates((("claim.html", "{{ value }}|{{ safe }}"),))
    out = html.html("claim.html", value=value, safe=Markup("<b>kept</b>"))
    assert out == f"{esc(value)}|<b>kept</b>"


def test_archive_config_without_a_theme_folder_has_no_overrides(tmp_path: Path) -> None:
    config = ArchiveConfig.at(tmp_path)
    assert read_overrides(config) == ((), [])
