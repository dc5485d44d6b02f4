"""HTML fragments from Jinja2 templates, autoescaped, that a site overrides from its theme.

Each file of the package's ``templates/`` folder renders one fragment of a page (``claim.html`` a claim's entry,
...). A site replaces one by a file at the same relative path under ``briefings/`` in its theme's ``custom_dir``
(read by :mod:`..load.templates`), as Material's tags plugin lets a theme override its fragments.

Every ``{{ value }}`` is escaped as the rest of the archive escapes author text (:func:`.markup.esc`: direction
controls isolated, line breaks as ``&#10;`` so no Markdown engine sees a blank line); a value that already is
HTML arrives as :class:`~markupsafe.Markup` (the renderers' helpers return it) and is written as it is. ``.txt``
templates word plain text (the verdict of a grade), used alike by the page, its tooltips and the exports.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import Any

from jinja2 import (
    ChoiceLoader,
    DictLoader,
    Environment,
    PackageLoader,
    StrictUndefined,
    Template,
    TemplateError,
    TemplateSyntaxError,
    nodes,
)
from jinja2.compiler import CodeGenerator, Frame
from markupsafe import Markup

from ..core.problems import Problem
from ..load.templates import Overrides
from .markup import esc

#: Makes a Markup of a str already safe without Markup's own checks (the str is what a template rendered).
_markup = str.__new__


class OverrideFailed(Exception):
    """A site's template failed while a page rendered (it names a value the template is not given...)."""

    def __init__(self, name: str, line: int, message: str) -> None:
        super().__init__(f"{name}:{line}: {message}")
        self.name, self.line, self.message = name, line, message

    def problem(self, shown: Mapping[str, str]) -> Problem:
        return Problem(shown.get(self.name, self.name), self.line, 1, "error",
                       f"this template failed while rendering a page: {self.message}; fix it (the archive's own "
                       "template of the same name shows what it is given) or remove the file")


def _template_line(exc: BaseException) -> int:
    """The line of the template where ``exc`` was raised (Jinja maps its frames to template lines), else 1."""
    line, tb = 1, exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def _html_value(value: object) -> str:
    """What ``{{ value }}`` writes in an HTML template: HTML (anything with ``__html__``: Markup) as it is, anything
    else escaped as author text is (:func:`.markup.esc`). One call per value, where Jinja's own autoescaping would
    make two Markup objects per value (a fifth of a large build's rendering)."""
    if type(value) is str:
        return esc(value)
    html = getattr(value, "__html__", None)
    if html is not None:
        return str(html())
    return "None" if value is None else esc(value)


class _Generator(CodeGenerator):
    """Jinja's code generator, but an autoescaped ``{{ value }}`` is written by :func:`_html_value` (a ``.txt``
    template, not autoescaped, writes every value as it is)."""

    def _output_child_pre(self, node: nodes.Expr, frame: Frame, finalize: Any) -> None:
        if frame.eval_ctx.autoescape and not frame.eval_ctx.volatile:
            self.write("environment.html_value(")
        else:
            super()._output_child_pre(node, frame, finalize)


class _Environment(Environment):
    code_generator_class = _Generator
    html_value = staticmethod(_html_value)


def _html_or_text(name: str | None) -> bool:
    return name is None or not name.endswith(".txt")


class Templates:
    """The archive's templates with a site's overrides first; each compiled once and kept for the process."""

    def __init__(self, overrides: Overrides = ()) -> None:
        self.overrides = overrides
        self.environment = _Environment(
            loader=ChoiceLoader([DictLoader(dict(overrides)), PackageLoader("briefing_archive", "templates")]),
            autoescape=_html_or_text, undefined=StrictUndefined,
            trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=False, auto_reload=False)
        self._compiled: dict[str, Template] = {}
        self.names = frozenset(name for name, _ in overrides)

    def template(self, name: str) -> Template:
        found = self._compiled.get(name)
        if found is None:
            found = self._compiled[name] = self.environment.get_template(name)
        return found

    def html(self, name: str, /, **values: Any) -> Markup:
        """Fragment ``name`` rendered with ``values`` (plain values are escaped, :class:`Markup` kept)."""
        return _markup(Markup, self._render(name, values))

    def text(self, name: str, /, **values: Any) -> str:
        """Plain-text template ``name`` rendered with ``values`` (nothing escaped: the caller escapes the result
        where it goes into HTML)."""
        return self._render(name, values)

    def macro(self, name: str, macro: str, /) -> Callable[..., Markup]:
        """Macro ``macro`` of template ``name``, to call once per row of a long list (a macro call costs a
        fraction of a template's render); it writes HTML as :meth:`html` does."""
        found = getattr(self.template(name).module, macro)

        def call(*args: Any) -> Markup:
            try:
                return _markup(Markup, found(*args))
            except TemplateError:
                if name not in self.names:
                    raise
                try:   # a macro's frames are mapped to template lines only as a render's are, by Jinja's rewrite
                    self.environment.handle_exception()
                except TemplateError as exc:
                    raise OverrideFailed(name, _template_line(exc), str(exc)) from exc
                raise
        return call

    def _render(self, name: str, values: dict[str, Any]) -> str:
        try:
            return self.template(name).render(values)
        except TemplateError as exc:
            if name not in self.names:   # the archive's own templates are tested: a failure there is a bug
                raise
            raise OverrideFailed(name, _template_line(exc), str(exc)) from exc

    def problems(self, shown: Mapping[str, str]) -> list[Problem]:
        """Each override that does not compile, at its line (``shown``: template name -> path as messages show
        it)."""
        found = []
        for name, _ in self.overrides:
            try:
                self.template(name)
            except TemplateSyntaxError as exc:
                found.append(Problem(shown.get(name, name), exc.lineno or 1, 1, "error",
                                     f"this template is not valid Jinja: {exc.message}; fix it or remove the file "
                                     "to use the archive's own"))
            except TemplateError as exc:
                found.append(Problem(shown.get(name, name), 1, 1, "error",
                                     f"this template cannot be used: {exc}; fix it or remove the file"))
        return found


@lru_cache(maxsize=4)
def templates(overrides: Overrides = ()) -> Templates:
    """The templates for a site's overrides, made once per distinct overrides (the live preview reuses them)."""
    return Templates(overrides)
