"""Messages for YAML syntax errors that name the author's likely mistake and its fix.

libyaml says where parsing stopped ("did not find expected key"); an author copying an article's words
needs to hear what they wrote wrong: the article's own double quotes inside a double-quoted value, an
apostrophe inside a single-quoted one, a value starting with a character YAML reads as syntax, ``: ``
inside an unquoted value, text after ``|`` or ``>``. Each is named, with the value re-written so that
it loads (single quotes, or a block scalar).
"""
from __future__ import annotations

import re

import yaml


def syntax_problem(exc: yaml.MarkedYAMLError, text: str) -> tuple[int, int, str]:
    """Line, column and message of a YAML syntax error: where the author's mistake is, and how to fix it."""
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    at_tab = mark is not None and mark.index < len(text) and text[mark.index] == "\t"
    lines = _LINE_BREAK.split(text)
    message = _syntax_message(exc, at_tab=at_tab, line=lines[line - 1] if line <= len(lines) else "")
    unclosed = _unclosed_quote_line(text, line)
    if unclosed is None and "end of stream" in str(exc.problem):
        # A quote opened inside a value YAML had already ended (the article's own quote marks) reads to
        # the end of the file: the first earlier line with such a value is where to look.
        unclosed = next((n for n, ln in enumerate(lines[:line - 1], start=1)
                         if ln.lstrip().lstrip("- ").partition(": ")[2][:1] in ("'", '"') and first_mistake(ln)),
                        None)
    mistake = first_mistake(lines[unclosed - 1]) if unclosed is not None else None
    if mistake is not None and unclosed is not None:
        # The value that opens the quote YAML never saw closed is the mistake: point there, not at the end.
        what = " ".join(str(part) for part in (exc.context, exc.problem) if part)
        return unclosed, _value_col(lines[unclosed - 1]), f"YAML syntax error: {what}; {mistake}"
    if unclosed is not None:
        message += f"; is the quote opened on line {unclosed} unclosed?"
    return line, col, message


def _unclosed_quote_line(text: str, before: int) -> int | None:
    """First line before ``before`` whose value opens a double quote it does not close, if any."""
    for number, line in enumerate(text.splitlines()[:before - 1], start=1):
        value = line.split(": ", 1)[1] if ": " in line else ""
        if value.lstrip().startswith('"') and (value.replace('\\"', "").count('"') % 2 == 1):
            return number
    return None


def _syntax_message(exc: yaml.MarkedYAMLError, *, at_tab: bool, line: str) -> str:
    what = " ".join(str(part) for part in (exc.context, exc.problem) if part)
    if at_tab:
        return f"YAML syntax error: {what}; indent with spaces, not tabs"
    mistake = first_mistake(line)
    if mistake is not None:
        return f"YAML syntax error: {what}; {mistake}"
    return (f"YAML syntax error: {what}; check the indentation and quoting here "
            "(quote a value that contains ': ' or starts with a quote mark, '&', '*', '!' or '#')")


_LINE_BREAK = re.compile(r"\r\n|\r|\n")   # the line ends an editor counts (see the format's Inputs, v1.2)
#: ``key: value`` or ``- value`` (list items, possibly ``- key: value``) on one line of a file.
_VALUE_LINE = re.compile(r"^\s*(?P<dash>(?:-\s+)*)(?:(?P<key>[A-Za-z_][\w-]*)\s*:\s+)?(?P<value>\S.*?)\s*$")
#: A value may start with these only in quotes: YAML reads them as the start of something else.
_INDICATORS = {"*": "an alias (*name)", "&": "an anchor (&name)", "@": "a reserved character", "`": "a reserved character",
               "%": "a directive", "- ": "a list item", "? ": "a mapping key", "[": "a list ([a, b])",
               "{": "a mapping ({a: b})"}
_SHOWN = 80   # a suggested fix longer than this is described, not written out


def _ways_out(key: str | None, text: str) -> str:
    """How to write ``text`` as a value: single quotes (doubling any ' inside), or a block scalar."""
    head = f"{key}: " if key else "- "
    quoted = "'" + text.replace("'", "''") + "'"
    # A backslash is an escape in double quotes only: a value holding one is not shown re-quoted.
    example = f" (`{head}{quoted}`)" if len(quoted) <= _SHOWN and "\\" not in text else ""
    block = f"`{key}: >-` with" if key else "`- >-` with"
    return (f"write it in single quotes, doubling any ' inside{example}, or as a block: {block} the text on the "
            "next line, indented by two more spaces")


def first_mistake(line: str) -> str | None:
    """What an author new to YAML most likely got wrong on ``line`` (where the syntax error is), with the fix.

    The likely first mistakes when copying an article's words into a value: its own double quotes inside a
    double-quoted value (YAML ends the value at the second quote), an apostrophe inside a single-quoted one,
    a value starting with a character YAML reads as syntax (``*``, ``&``, ``@``, a backtick, ``[``...), text
    after ``|`` or ``>``, and ``: `` inside an unquoted value (read as a new key). None when the line shows none
    of these.
    """
    m = _VALUE_LINE.match(line)
    if m is None or not (m.group("key") or m.group("dash")):
        return None
    key, value = m.group("key"), m.group("value")
    field = f"the value of `{key}`" if key else "the list item"
    if value[0] in "\"'":
        mark = value[0]
        end = _closing(value, mark)
        rest = value[end + 1:].strip() if end is not None else ""
        if not rest or rest.startswith("#"):
            return None
        if mark == '"':
            return (f"{field} is in double quotes and holds more double quotes (the article's own?), and YAML ends "
                    f"the value at the second one; {_ways_out(key, value[1:-1] if value.endswith(mark) else value[1:])}")
        inner = (value[1:-1] if value.endswith(mark) else value[1:]).replace("''", "'")
        return (f"{field} is in single quotes and holds an apostrophe, and YAML ends the value there; "
                f"{_ways_out(key, inner)}")
    if value[0] in "|>":
        if value[1:].strip(" -+0123456789") and not value[1:].strip(" -+0123456789").startswith("#"):
            return (f"{field} starts with '{value[0]}', which begins a block: its text goes on the next lines, "
                    "indented by two more spaces; move the text there, or put the whole value in quotes")
        return None
    for start, meaning in _INDICATORS.items():
        if value.startswith(start) and (start not in "[{" or _closing_bracket(value) not in (None, len(value) - 1)):
            return (f"{field} starts with '{start.strip()}', which YAML reads as {meaning}, not as text; "
                    f"put the whole value in quotes: {_ways_out(key, value)}")
    if ": " in value or value.endswith(":"):
        return (f"{field} holds ': ', which YAML reads as the start of a new key; put the whole value in quotes: "
                f"{_ways_out(key, value)}")
    return None


def _value_col(line: str) -> int:
    """The column (from 1) where the value of a ``key: value`` or ``- value`` line starts."""
    m = _VALUE_LINE.match(line)
    return m.start("value") + 1 if m else 1


def _closing(value: str, mark: str) -> int | None:
    """Index of the quote mark that closes the quoted ``value`` (``\\"`` and ``''`` do not), if any."""
    i = 1
    while i < len(value):
        if mark == '"' and value[i] == "\\":
            i += 2
            continue
        if value[i] == mark:
            if mark == "'" and value[i + 1:i + 2] == "'":
                i += 2
                continue
            return i
        i += 1
    return None


def _closing_bracket(value: str) -> int | None:
    """Index of the bracket that closes the flow list or mapping ``value`` opens, if on this line."""
    depth = 0
    for i, char in enumerate(value):
        depth += char in "[{"
        depth -= char in "]}"
        if depth == 0:
            return i
    return None


