"""The engine-agnostic build: archive folder in, pages and files out.

An adapter for a site engine calls :func:`build_site` once per build and hands the
results to its engine; nothing here knows which engine that is.
"""
from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

from .loader import ArchiveConfig, load_archive
from .model import Archive
from .pages import render_pages, scales_markdown, seed_files
from .problems import ArchiveError, Problem
from .schemacheck import KINDS, schema_text

#: The stylesheet of the generated pages, published at this path of the site.
STYLESHEET = "assets/briefings/briefings.css"

#: Placeholders a hand-written page may contain; the build fills them in.
PLACEHOLDERS = {"<!-- briefings:scales -->": scales_markdown}


@dataclass(frozen=True)
class SiteOutput:
    archive: Archive
    pages: dict[str, str]        # docs-tree path -> Markdown
    files: dict[str, bytes]      # docs-tree path -> bytes (seeds, schemas)
    problems: tuple[Problem, ...]  # warnings only (errors raise)


def build_site(config: ArchiveConfig, directory_urls: bool = True, strict: bool = False) -> SiteOutput:
    """Load and check the archive, then render it; raise ArchiveError with every problem on failure.

    With ``strict``, warnings fail the build here too, before anything is written.
    """
    archive, problems = load_archive(config)
    if archive is None or (strict and problems):
        raise ArchiveError(problems)
    files = seed_files(archive)
    for kind in KINDS:
        files[f"schema/{kind}.schema.json"] = schema_text(kind).encode("utf-8")
    files[STYLESHEET] = resources.files(__package__).joinpath("assets/briefings.css").read_bytes()
    return SiteOutput(archive, render_pages(archive, directory_urls), files, tuple(problems))


def fill_placeholders(markdown: str) -> str:
    """Replace the build's placeholders in a hand-written page."""
    for marker, render in PLACEHOLDERS.items():
        if marker in markdown:
            markdown = markdown.replace(marker, render())
    return markdown
