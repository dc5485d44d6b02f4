"""The live preview's problem banner: while the last edit left the archive with errors, every page the preview
serves says so at the top of its content, with the messages (`path:line:col: error: what; how to fix it`).

It is put into each HTML response as MkDocs' live-reload server sends it (a WSGI wrapper), never into the
built files:

- the dirty preview keeps most pages as last written (:class:`~.preview.Kept` pages are not rendered again),
  so a render-time hook would miss them, or would have to render every page again on each broken and each
  fixed edit; adding a few hundred bytes to the page being sent costs nothing on a rebuild;
- ``site_dir`` never holds it, so no `mkdocs build` can carry it, and a fix takes it away on the next reload
  (live reload reloads every open page after each rebuild, and the banner is read as the page is sent);
- no script runs for it: an autoescaping Jinja template writes the messages, which may quote author text.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from types import TracebackType
from wsgiref.types import StartResponse, WSGIApplication, WSGIEnvironment

from jinja2 import Environment

from ..core.problems import Problem

#: Warnings shown by name when the archive also has errors (the rest are counted; the terminal lists them all).
SHOWN_WARNINGS = 5

_TEMPLATE = Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True).from_string("""\
<div class="admonition failure bx-preview-problems" role="alert">
<p class="admonition-title">{{ headline }}</p>
<ul>
{% for line in errors %}
<li><code>{{ line }}</code></li>
{% endfor %}
</ul>
{% if warnings %}
<p>{{ warnings_headline }}</p>
<ul>
{% for line in warnings %}
<li><code>{{ line }}</code></li>
{% endfor %}
</ul>
{% endif %}
</div>
""")

_CONTENT = re.compile(rb"<article\b[^>]*\bmd-content__inner\b[^>]*>")   # Material's content column
_BODY = re.compile(rb"<body\b[^>]*>")


def _count(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def banner(problems: Sequence[Problem]) -> bytes:
    """The banner's HTML for an archive with these problems; empty when none of them is an error."""
    errors = [p.format() for p in problems if p.severity == "error"]
    if not errors:
        return b""
    warnings = [p.format() for p in problems if p.severity != "error"]
    headline = (f"The archive has {_count(len(errors), 'error')}"
                + (f" and {_count(len(warnings), 'warning')}" if warnings else "")
                + ": this preview shows the last valid version until they are fixed.")
    shown = warnings[:SHOWN_WARNINGS]
    warnings_headline = ("Warnings:" if len(shown) == len(warnings) else
                         f"The first {len(shown)} warnings ({len(warnings) - len(shown)} more in the terminal):")
    return _TEMPLATE.render(headline=headline, errors=errors, warnings=shown,
                            warnings_headline=warnings_headline).encode("utf-8")


def insert(page: bytes, html: bytes) -> bytes:
    """``page`` with ``html`` at the top of its content (of its body, on a page without Material's)."""
    found = _CONTENT.search(page) or _BODY.search(page)
    at = found.end() if found else 0
    return page[:at] + html + page[at:]


ExcInfo = tuple[type[BaseException], BaseException, TracebackType] | tuple[None, None, None] | None


def with_banner(app: WSGIApplication, current: Callable[[], bytes]) -> WSGIApplication:
    """``app`` (the live-reload server's), with ``current()``'s banner in every HTML page it sends.

    ``current`` is read after ``app`` answered: the server waits for a running rebuild before it sends a page,
    so the banner is the one of the build the page comes from."""
    def serve(environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        answer: list[tuple[str, list[tuple[str, str]], ExcInfo]] = []

        def hold(status: str, headers: list[tuple[str, str]], exc_info: ExcInfo = None, /) -> Callable[[bytes], object]:
            answer[:] = [(status, headers, exc_info)]
            return lambda _data: None   # WSGI's write(data); the server's app writes nothing through it

        body = app(environ, hold)
        status, headers, exc_info = answer[0]
        html = current()
        kind = next((v for k, v in headers if k.lower() == "content-type"), "")
        if not html or not kind.startswith("text/html"):
            start_response(status, headers, exc_info)
            return body
        try:
            page = insert(b"".join(body), html)
        finally:
            close = getattr(body, "close", None)
            if close is not None:
                close()
        headers = [(k, v) for k, v in headers if k.lower() != "content-length"]
        start_response(status, [*headers, ("Content-Length", str(len(page)))], exc_info)
        return [page]

    return serve
