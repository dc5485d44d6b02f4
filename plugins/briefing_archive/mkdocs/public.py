"""A site without a public address publishes no address of this machine: no sitemap, no canonical links.

A ``site_url`` on loopback (the shipped default, ``http://127.0.0.1:8000/``), ``localhost`` or absent counts as
none (:func:`~briefing_archive.core.urls.is_local_address`): a sitemap's entries must be absolute, and a canonical
link to this machine would send any reader of the published site nowhere.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from ..core.urls import is_local_address

#: The theme's sitemap (MkDocs writes it and its .gz).
SITEMAP = "sitemap.xml"


def without_sitemap(config: MkDocsConfig) -> None:
    """Do not render the sitemap (on_config); :func:`drop_sitemap` keeps its template from being copied."""
    if is_local_address(config.site_url):
        config.theme.static_templates.discard(SITEMAP)


def drop_sitemap(files: Files, config: MkDocsConfig) -> None:
    """Leave out the theme's sitemap template, which MkDocs copies as it is when it does not render it (on_files);
    a sitemap.xml of docs/ is the site's own and stays."""
    sitemap = files.get_file_from_path(SITEMAP)
    if sitemap is not None and is_local_address(config.site_url) and sitemap.generated_by is None \
            and not Path(sitemap.abs_src_path or "").is_relative_to(Path(config.docs_dir)):
        files.remove(sitemap)


def without_canonical(page: Page, config: MkDocsConfig) -> None:
    """No canonical link on a page of a site without a public address (on_pre_page)."""
    if is_local_address(config.site_url):
        page.canonical_url = None
