"""The Pagefind search backend, for archives too large for a search index fetched whole.

Pagefind (``pagefind[extended]`` on PyPI ships its binary, so nothing downloads) indexes
the built site into small fragments and a reader's browser fetches only those a query
needs. Pages say what to index with ``data-pagefind-body``; parts excluded from search
carry ``data-pagefind-ignore`` from the core (:data:`markup.SEARCH_EXCLUDE`); the search box goes
where Material's own would be, in the header. Only the theme's own elements are touched here: the
first ``<article class="md-content__inner md-typeset">``, ``</nav>`` after the header and
``</head>`` come before any content, the headings' permalinks (``<a class="headerlink"``) are the Markdown
engine's, and author text, always escaped, can never spell them. Claims are sub-results of their
briefing: Pagefind splits a page at headings with ids, and each claim's note heading has one."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

BOX = ('<div class="md-header__option bx-pagefind" data-pagefind-ignore>'
       '<div id="bx-pagefind-search" role="search" aria-label="Search"></div></div>')


def prepare_page(html: str, root: str, *, searchable: bool, base_path: str = "/") -> str:
    """Mark a built page for Pagefind and give it the search box; ``root`` is the relative path
    from the page to the site root (``../../``), ``base_path`` the site's path on its host."""
    if searchable:
        html = html.replace('<article class="md-content__inner md-typeset">',
                            '<article class="md-content__inner md-typeset" data-pagefind-body>', 1)
        # A heading's permalink sign is no word of its title ("Article", not "Article¶", in sub-results).
        html = html.replace('<a class="headerlink" ', '<a class="headerlink" data-pagefind-ignore ')
    inner = html.find('class="md-header__inner')
    end = html.find("</nav>", inner)
    if inner != -1 and end != -1:
        html = html[:end] + BOX + html[end:]
    head = (f'<link rel="stylesheet" href="{root}pagefind/pagefind-ui.css">'
            f'<script src="{root}pagefind/pagefind-ui.js"></script>'
            '<script>addEventListener("DOMContentLoaded",function(){new PagefindUI({element:'
            f'"#bx-pagefind-search",baseUrl:{json.dumps(base_path)},showSubResults:true,showImages:false,'
            'resetStyles:false})})</script>')
    return html.replace("</head>", head + "</head>", 1)


def build_index(site_dir: Path) -> str | None:
    """Index the built site; None on success, else what Pagefind said."""
    result = subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site_dir), "--quiet"],
                            capture_output=True, text=True, check=False)
    if result.returncode != 0:
        return (result.stderr or result.stdout).strip()[-2000:]
    return None
