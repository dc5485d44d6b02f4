"""``briefings generate OUT_DIR``: the archive as a docs folder any Python-Markdown engine that reads
mkdocs.yml can build, with no plugin (Zensical today; whatever follows MkDocs tomorrow).

The archive is checked exactly as the MkDocs plugin checks it (the same :func:`~briefing_archive.site.build_site`
call, the same problems, nothing written on error). The folder then holds the hand-written pages of ``docs_dir``
with their placeholders filled in, every generated page as whole Markdown with its HTML blocks in place, and the
data files (exports, schemas, seeds, the stylesheet and scripts). The HTML blocks are raw HTML between blank
lines, which Python-Markdown passes through untouched; author text inside them is escaped, so no engine can
turn it into markup.

Each generated page is written at the folder of its address (``briefings/<id>/index.md`` for
``/briefings/<id>/``): its links are relative to that address, and an engine that resolves a link from the
page's file (Zensical) then reads it exactly as one that resolves it from the address (MkDocs).

The folder is written beside its final place and swapped in whole, so a reader of ``OUT_DIR`` never sees
half of it; a folder holding anything but an earlier generation is refused, never overwritten.
"""
from __future__ import annotations

import argparse
import os
import shutil
from collections.abc import Mapping
from pathlib import Path

from ..core.config import ArchiveConfig
from ..core.problems import ArchiveError, Problem
from ..load.docs import docs_files, page_path, taken_pages
from ..load.guard import read_bytes
from ..load.settings import find_config_file
from ..load.siteconfig import SiteOptions, site_options
from ..render.fragments import inline, marked, unpack
from ..render.placeholders import fill_placeholders
from ..site import SiteOutput, build_site
from .console import Console

#: Written into every generated folder (engines skip dot files), so a later run knows it may replace it.
MARKER = ".briefings-generated"


def run_generate(config: ArchiveConfig, args: argparse.Namespace, console: Console) -> int:
    """Check the archive, then write the docs folder; 0 written, 1 problems (nothing written), 2 usage."""
    site = site_options(find_config_file(config.root))
    out = Path(args.out_dir).resolve()
    if reason := unusable(out, site.docs_dir.resolve(), config.root):
        console.note(f"briefings: error: {reason}")
        return 2
    hand, refused = docs_files(site.docs_dir, config.root, config.display)
    try:
        output = build_site(config, directory_urls=site.use_directory_urls, strict=site.strict or args.strict,
                            site_url=site.site_url,
                            site_name=site.site_name)
    except ArchiveError as exc:
        return _failed([*refused, *exc.problems], console)
    problems = [*refused, *taken_pages(hand, output.pages, directory_urls=site.use_directory_urls,
                                       shown=config.display)]
    if problems:
        return _failed([*problems, *output.problems], console)
    for problem in output.problems:
        console.problem(problem)
    if output.history is not None and output.history.line is not None:
        console.note(f"briefings: {output.history.line}")
    try:
        tree = docs_tree(output, site, hand)
    except (ValueError, OSError) as exc:   # a hand-written file changed since it was checked, or is not UTF-8
        console.note(f"briefings: error: {exc}; nothing was written")
        return 1
    write_tree(tree, out)
    console.note(f"wrote {len(output.pages)} generated pages and {len(tree) - len(output.pages)} other files "
                 f"into {out}")
    return 0


def _failed(problems: list[Problem], console: Console) -> int:
    for problem in problems:
        console.problem(problem)
    console.note(f"{len(problems)} problem(s) in the briefing archive; nothing was written")
    return 1


def unusable(out: Path, docs_dir: Path, root: Path) -> str | None:
    """Why ``out`` may not be (re)written, or None."""
    if out == docs_dir or out.is_relative_to(docs_dir) or docs_dir.is_relative_to(out) or root.is_relative_to(out):
        return f"{out} overlaps the archive or its docs folder {docs_dir}; give a folder of its own"
    if out.is_symlink() or (out.exists() and not out.is_dir()):
        return f"{out} exists and is not a folder; it was left as it is"
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).is_file():
        return (f"{out} is not empty and was not written by `briefings generate`; it was left as it is "
                "(generate replaces the whole folder: give a new or empty one)")
    return None


def docs_tree(output: SiteOutput, site: SiteOptions, hand: Mapping[str, Path]) -> dict[str, bytes]:
    """Every file of the generated docs folder, by path, from the checked output and the hand-written files
    the guard let through (``hand``, none of them at a generated page's place: see :func:`taken_pages`)."""
    tree: dict[str, bytes] = {}
    for path, markdown in output.pages.items():
        page = marked(inline(markdown, unpack(output.fragments[path])))
        tree[page_path(path, directory_urls=site.use_directory_urls)] = page.encode("utf-8")
    tree.update({path: data for path, data in output.files.items() if path not in hand})
    tree.update({path: _filled(markdown, output) for path, markdown in output.default_pages.items()
                 if path not in hand})
    for path, file in hand.items():
        data = read_bytes(file, site.docs_dir, str)
        tree[path] = _filled(data.decode("utf-8"), output) if path.endswith(".md") else data
    return tree


def _filled(markdown: str, output: SiteOutput) -> bytes:
    return fill_placeholders(markdown, output.archive, output.snippets).encode("utf-8")


def write_tree(tree: Mapping[str, bytes], out: Path) -> None:
    """Write the folder beside ``out``, then swap it in with renames (the old one is deleted after)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    new = out.parent / f".{out.name}.tmp.{os.getpid()}"
    old = out.parent / f".{out.name}.old.{os.getpid()}"
    for leftover in (new, old):
        shutil.rmtree(leftover, ignore_errors=True)
    try:
        for path, data in sorted(tree.items()):
            target = new / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        (new / MARKER).write_text("Written by `briefings generate`; the next run replaces this whole folder.\n",
                                  encoding="utf-8")
        moved = out.exists()
        if moved:
            os.rename(out, old)
        try:
            os.rename(new, out)
        except OSError:
            if moved:
                os.rename(old, out)   # the last folder back where it was
            raise
    finally:
        shutil.rmtree(new, ignore_errors=True)
        shutil.rmtree(old, ignore_errors=True)
