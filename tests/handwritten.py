"""What a hand-written page's Markdown promises (its list items, its fenced blocks), and what its built HTML
holds, read from the page's article: shared by the tests of the docs pages (test_handwritten.py)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

#: A list item's first line: a bullet or a number with a full stop, then text.
ITEM = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}\.)[ \t]+\S")
#: A fence's opening line: its indentation, its backticks or tildes, then an optional language.
FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>[^`]*)$")
#: A line of text that a list marker starts: what a list item that did not become one leaves in a paragraph.
MARKER_LINE = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}\.)[ \t]")
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})


@dataclass
class Source:
    """What the Markdown of a page asks for: its list items and the bodies of its fenced blocks, in order."""

    items: int = 0
    fences: list[str] = field(default_factory=list)


def read_markdown(markdown: str) -> Source:
    """Count list items outside fences and comments, and collect each fence's body (its indentation removed)."""
    found = Source()
    lines = markdown.split("\n")
    if lines and lines[0] == "---":      # front matter is not the page's Markdown
        lines = lines[lines.index("---", 1) + 1:]
    fence: re.Match[str] | None = None
    body: list[str] = []
    in_comment = False
    for line in lines:
        if fence is not None:
            closing = re.match(rf"^[ \t]*{re.escape(fence['fence'][0])}{{{len(fence['fence'])},}}[ \t]*$", line)
            if closing:
                cut = len(fence["indent"])
                found.fences.append("\n".join(re.sub(rf"^[ ]{{0,{cut}}}", "", b) for b in body).strip("\n"))
                fence, body = None, []
            else:
                body.append(line)
            continue
        if in_comment:
            in_comment = "-->" not in line
            continue
        if line.lstrip().startswith("<!--") and "-->" not in line:
            in_comment = True
        elif (opening := FENCE.match(line)) is not None:
            fence = opening
        elif ITEM.match(line):
            found.items += 1
    return found


class Node:
    """An element of a parsed page: its tag, attributes and children (nodes and strings)."""

    def __init__(self, tag: str, attrs: dict[str, str | None], parent: Node | None) -> None:
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[Node | str] = []

    def iter(self, tag: str | None = None):
        for child in self.children:
            if isinstance(child, Node):
                if tag is None or child.tag == tag:
                    yield child
                yield from child.iter(tag)

    def text(self, skip: frozenset[str] = frozenset()) -> str:
        """The text inside, leaving out the elements whose tag is in ``skip``."""
        return "".join(c if isinstance(c, str) else "" if c.tag in skip else c.text(skip) for c in self.children)

    @property
    def elements(self) -> list[Node]:
        return [c for c in self.children if isinstance(c, Node)]


class _Tree(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = self.at = Node("#root", {}, None)

    def handle_starttag(self, tag, attrs):
        node = Node(tag, dict(attrs), self.at)
        self.at.children.append(node)
        if tag not in VOID:
            self.at = node

    def handle_endtag(self, tag):
        at: Node | None = self.at
        while at is not None and at.tag != tag:
            at = at.parent
        if at is not None and at.parent is not None:   # a stray end tag closes nothing
            self.at = at.parent

    def handle_data(self, data):
        self.at.children.append(data)


def article(html: str) -> Node:
    """The page's main content (Material's ``<article>``), as a tree."""
    tree = _Tree()
    tree.feed(html)
    tree.close()
    found = next(tree.root.iter("article"), None)
    assert found is not None, "the page has no <article>"
    return found


def rendering_problems(source: Source, page: Node, extra_items: int = 0) -> list[str]:
    """How the page's HTML fails what its Markdown asks for; ``extra_items``: list items the page's HTML has
    from elsewhere (a placeholder the build fills in)."""
    problems = []
    items = sum(1 for _ in page.iter("li"))
    if items != source.items + extra_items:
        problems.append(f"{source.items} list items in the Markdown (+{extra_items} filled in), {items} <li>")
    blocks = [pre.text().strip("\n") for pre in page.iter("pre") if any(c.tag == "code" for c in pre.elements)]
    for body in source.fences:
        if body in blocks:
            blocks.remove(body)
        else:
            problems.append(f"no <pre><code> holds the fenced block {body[:60]!r}")
    for node in [*page.iter("p"), *page.iter("li")]:
        text = node.text(skip=frozenset({"ul", "ol", "pre", "div", "code"}))
        if "```" in text or "~~~" in text:
            problems.append(f"a literal fence in <{node.tag}>: {text[:80]!r}")
        stray = [line for line in text.split("\n") if MARKER_LINE.match(line)]
        if stray:
            problems.append(f"a list marker left as text in <{node.tag}>: {stray[0][:80]!r}")
    return problems
