"""A one-off build's data files, let go once written."""
from __future__ import annotations

import os

from mkdocs.structure.files import File


class Released(File):
    """A generated data file (an article, an export) of a one-off build: once written into ``site_dir`` it is
    read back from there if anything asks for it again, so the build does not hold every article and export
    (hundreds of MB at 10,000 briefings) while MkDocs renders the pages."""

    def copy_file(self, dirty: bool = False) -> None:
        super().copy_file(dirty)
        if os.path.isfile(self.abs_dest_path):
            self.abs_src_path, self._content = self.abs_dest_path, None   # MkDocs reads a file without content
