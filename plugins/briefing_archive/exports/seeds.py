"""The articles as files of the site, so readers and annotation tools can fetch the exact text."""
from __future__ import annotations

from ..core import urls
from ..core.model import Archive


def seed_files(archive: Archive) -> dict[str, bytes]:
    """Each article as the archive holds it (UTF-8, LF, NFC, no BOM), at ``seeds/<file>``."""
    return {urls.seed_file(b.article.file): b.article.text.encode("utf-8") for b in archive.briefings}
