"""The guarded reader (format v1.2, "Inputs"): generated layouts of links, as files and as folders at any depth,
to inside and outside, into hidden folders, for docs/, seeds/, briefings/, briefings/sources/ and
briefings/entities/. A link that leaves the folder it is read from (or reaches into a hidden folder) is an error
naming the link, and a secret planted behind it is in no file written; a link that stays inside is read."""
from __future__ import annotations

import logging
import os
import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.exceptions import Abort

from briefing_archive.cli.main import main
from briefing_archive.load.docs import PAGE_FOLDERS
from briefing_archive.render.pages import render_pages

from conftest import Archive, write_fixture

ROOTS = ("docs", "seeds", "briefings", "briefings/sources", "briefings/entities")
#: The file of each folder a link may replace, and how a secret is put into what the site publishes from it.
FILES = {
    "seeds": ("a.txt", lambda text, secret: text + f"The ministry quoted {secret} twice.\n"),
    "briefings": ("a-test.yml", lambda text, secret: text.replace("title: A test briefing", f"title: A {secret}")),
    "briefings/sources": ("agency.yml", lambda text, secret: text.replace("A wire service.", f"A {secret} service.")),
    "briefings/entities": ("region.yml", lambda text, secret: text.replace("name: The Region", f"name: The {secret}")),
}


@dataclass(frozen=True)
class Layout:
    where: str     # the folder the file is read from
    kind: str      # "file": the file is a link; "folder": a folder above it is; "root": the folder itself is
    above: int     # docs/ only: plain folders between docs/ and the link
    below: int     # docs/ only, a linked folder: folders between the link and the file
    target: str    # "outside" the project, into ".git", into a "hidden" folder of the base, or "inside" it

    @property
    def refused(self) -> bool:
        return self.target != "inside"


@st.composite
def layouts(draw: st.DrawFn) -> Layout:
    where = draw(st.sampled_from(ROOTS))
    kind = draw(st.sampled_from(("file", "folder", "root") if where == "docs" else ("file", "root")))
    above = draw(st.integers(0, 2)) if where == "docs" and kind != "root" else 0
    below = draw(st.integers(0, 2)) if kind == "folder" else 0
    return Layout(where, kind, above, below, draw(st.sampled_from(("outside", "git", "hidden", "inside"))))


def plant(a: Archive, layout: Layout, secret: str, outside: Path) -> str:
    """Make the layout's link in the fixture archive, with ``secret`` behind it; the link's path."""
    root = a.root
    deep = "/".join(f"d{i}" for i in range(layout.above))
    if layout.kind == "root":
        link = layout.where
        base = root if layout.where in ("docs", "seeds", "briefings") else root / "briefings"
    elif layout.where == "docs":
        link = "/".join(p for p in ("docs", deep, "leak.md" if layout.kind == "file" else "linked") if p)
        base = root / "docs"
    else:
        link = f"{layout.where}/{FILES[layout.where][0]}"
        base = root / ("seeds" if layout.where == "seeds" else "briefings")
    name = Path(link).name
    target = {"outside": outside / "x" / name, "git": root / ".git" / "x" / name,
              "hidden": base / ".private" / name, "inside": base / "real" / name}[layout.target]
    target.parent.mkdir(parents=True, exist_ok=True)
    page = f"# Leak\n\n{secret}\n"
    if layout.where == "docs" and layout.kind == "file":
        target.write_text(page, encoding="utf-8")
    elif layout.where == "docs" and layout.kind == "folder":
        inner = target.joinpath(*(f"e{i}" for i in range(layout.below)))
        inner.mkdir(parents=True)
        (inner / "leak.md").write_text(page, encoding="utf-8")
    elif layout.kind == "root":
        (root / link).rename(target)
        if layout.where == "docs":
            (target / "leak.md").write_text(page, encoding="utf-8")
        else:
            file, put = FILES[layout.where]
            (target / file).write_text(put((target / file).read_text("utf-8"), secret), encoding="utf-8")
    else:
        file, put = FILES[layout.where]
        target.write_text(put((root / link).read_text("utf-8"), secret), encoding="utf-8")
        (root / link).unlink()
    (root / link).parent.mkdir(parents=True, exist_ok=True)
    (root / link).symlink_to(os.path.relpath(target, (root / link).parent), target_is_directory=target.is_dir())
    return link


def holds(folder: Path, secret: str) -> list[str]:
    """The files under ``folder`` whose bytes hold ``secret`` (links not followed: only what was written)."""
    found = []
    for dirpath, _, names in os.walk(folder):
        for n in names:
            path = Path(dirpath, n)
            if not path.is_symlink() and secret.encode() in path.read_bytes():
                found.append(path.relative_to(folder).as_posix())
    return found


def fresh(factory: pytest.TempPathFactory) -> tuple[Archive, Path]:
    place = factory.mktemp("layout")
    return write_fixture(Archive(place / "archive")), place / "outside"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(layout=layouts())
def test_check_and_generate_refuse_every_link_out(layout: Layout, tmp_path_factory, capsys) -> None:
    a, outside = fresh(tmp_path_factory)
    secret = f"Secret{uuid.uuid4().hex}"
    link = plant(a, layout, secret, outside)
    capsys.readouterr()
    checked = main(["check", str(a.root)])
    said = capsys.readouterr().out.splitlines()
    out = a.root.parent / "generated"
    generated = main(["generate", str(out), "--root", str(a.root)])
    capsys.readouterr()
    if layout.refused:
        assert checked == 1, (link, said)
        assert any(line.startswith(f"{link}:1:1: error: ") for line in said), (link, said)
        assert generated == 1
        assert not out.exists()
    else:
        assert checked == 0, said
        assert generated == 0, "a link that stays inside its folder is read"
        assert holds(out, secret), "a link that stays inside its folder is read"
    assert not out.exists() or not holds(out, secret) or not layout.refused


@pytest.mark.slow   # real MkDocs builds
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(layout=layouts())
def test_the_build_refuses_every_link_out_before_writing(layout: Layout, tmp_path_factory, caplog) -> None:
    a, outside = fresh(tmp_path_factory)
    secret = f"Secret{uuid.uuid4().hex}"
    good = a.build()
    kept = {p: p.read_bytes() for p in good.rglob("*") if p.is_file()}
    link = plant(a, layout, secret, outside)
    caplog.clear()
    caplog.set_level(logging.INFO)
    if layout.refused:
        with pytest.raises(Abort):
            a.build()
        errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
        assert any(m.startswith(f"{link}:1:1: error: ") for m in errors), (link, errors)
        assert {p: p.read_bytes() for p in good.rglob("*") if p.is_file()} == kept, "the last good site is kept"
    else:
        a.build()
        assert holds(a.site, secret)
    assert not layout.refused or not holds(a.site, secret)


def test_a_hand_written_page_at_each_generated_path_is_an_error(tmp_path_factory, capsys) -> None:
    """Every page the plugin generates (of the fixture) is refused by check when written by hand, naming it;
    and each lies in one of the folders check looks in before it renders anything."""
    a, _ = fresh(tmp_path_factory)
    from briefing_archive.load.archive import load_archive
    from briefing_archive.load.settings import archive_config

    config, _ = archive_config(a.root)
    archive, _ = load_archive(config)
    assert archive is not None
    pages = render_pages(archive)
    assert all(path.split("/")[0] in PAGE_FOLDERS for path in pages), sorted(pages)
    for path in pages:
        a.write(f"docs/{path}", "# Mine\n")
        capsys.readouterr()
        assert main(["check", str(a.root)]) == 1
        said = capsys.readouterr().out
        assert f"docs/{path}:1:1: error: docs/{path} is written by hand" in said, said
        a.remove(f"docs/{path}")
        shutil.rmtree(a.root / "docs" / path.split("/")[0], ignore_errors=True)


def test_a_link_out_of_the_theme_override_folder_stops_the_build(tmp_path_factory, caplog) -> None:
    a, outside = fresh(tmp_path_factory)
    outside.mkdir()
    (outside / "main.html").write_text("{% extends 'base.html' %}SecretInTheTheme", encoding="utf-8")
    a.write("mkdocs.yml", (a.root / "mkdocs.yml").read_text("utf-8").replace("  name: material\n",
                                                                            "  name: material\n  custom_dir: overrides\n"))
    (a.root / "overrides").mkdir()
    (a.root / "overrides" / "main.html").symlink_to(outside / "main.html")
    with pytest.raises(Abort):
        a.build()
    assert any(r.getMessage().startswith("overrides/main.html:1:1: error: this file is a link to")
               for r in caplog.records)
    assert not a.site.exists() or not holds(a.site, "SecretInTheTheme")
    (a.root / "overrides" / "main.html").unlink()
    (a.root / "overrides" / "main.html").write_text("{% extends 'base.html' %}", encoding="utf-8")
    a.build()   # a plain override file is fine
