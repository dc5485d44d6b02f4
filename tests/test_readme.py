"""The repository's front pages (README.md, CONTRIBUTING.md): every relative link reaches a file, and every
`#anchor` a heading of it, as GitHub names headings."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import REPO

FENCED = re.compile(r"^```.*?^```", re.DOTALL | re.MULTILINE)
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")


def slug(heading: str) -> str:
    """GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def anchors(path: Path) -> set[str]:
    text = FENCED.sub("", path.read_text("utf-8"))
    found = set()
    for heading in re.findall(r"^#{1,6} (.*)$", text, re.MULTILINE):
        explicit = re.search(r"\{#([\w-]+)\}\s*$", heading)
        found.add(explicit.group(1) if explicit else slug(heading))
    return found


@pytest.mark.parametrize("page", ["README.md", "CONTRIBUTING.md"])
def test_every_relative_link_resolves(page: str) -> None:
    text = FENCED.sub("", (REPO / page).read_text("utf-8"))
    text = re.sub(r"`[^`]*`", "", text)    # code spans are not links
    broken = []
    for target in LINK.findall(text):
        if re.match(r"[a-z]+:", target):
            continue
        path, _, anchor = target.partition("#")
        file = (REPO / path) if path else REPO / page
        if not file.exists() or (anchor and file.suffix == ".md" and anchor not in anchors(file)):
            broken.append(target)
    assert broken == []


def test_slugs_are_githubs() -> None:
    assert slug("Open data, and the site's address") == "open-data-and-the-sites-address"
    assert slug("How the code is laid out") == "how-the-code-is-laid-out"
