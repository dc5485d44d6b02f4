"""The plugin's settings and where an archive lives: one table of names, types and defaults.

:class:`Settings` is the only place a default is written. The MkDocs adapter builds
its config options from it, and the command line validates ``mkdocs.yml`` against
it (:func:`check_settings`), so the two can never disagree.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from .problems import Severity


@dataclass(frozen=True)
class Settings:
    """The ``briefings`` plugin's settings in ``mkdocs.yml``, with their defaults."""

    seeds_dir: str = "seeds"
    """Folder of the articles (plain UTF-8 text), relative to mkdocs.yml."""
    briefings_dir: str = "briefings"
    """Folder of the briefing YAML files, with `sources/` and `entities/` inside, relative to mkdocs.yml."""
    max_yaml_bytes: int = 1_048_576
    """YAML files larger than this many bytes are refused."""
    max_seed_bytes: int = 4 * 1024 * 1024
    """Articles (seeds) larger than this many bytes are refused."""
    publish_text: str = field(default="full", metadata={"choices": ("full", "excerpts")})
    """`full` publishes each article's text; `excerpts` only the annotated passages with their sentences."""
    search: str = field(default="material", metadata={"choices": ("material", "pagefind")})
    """`material` (Material's search, the default) or `pagefind` for large archives: a reader fetches
    only what a query needs. With `pagefind`, remove `search` from `plugins:`."""
    lexicon: str = "phia"
    """Estimative-language lexicon: `phia` (UK PHIA yardstick), `icd203`, or a YAML file's path relative
    to mkdocs.yml."""
    author: str = ""
    """Who publishes the archive, named as the author of the Atom feed (RFC 4287 requires one); empty:
    the site name (`site_name`)."""


@dataclass(frozen=True)
class Setting:
    """One row of the table: what an adapter needs to declare the option."""

    name: str
    type: type
    default: str | int
    choices: tuple[str, ...]


def setting_table() -> tuple[Setting, ...]:
    """The settings as rows, in declaration order."""
    defaults = Settings()
    return tuple(Setting(f.name, type(getattr(defaults, f.name)), getattr(defaults, f.name),
                         tuple(f.metadata.get("choices", ()))) for f in fields(Settings))


SETTINGS: dict[str, Setting] = {s.name: s for s in setting_table()}


def check_settings(options: Mapping[str, object]) -> tuple[Settings, dict[str, tuple[Severity, str]]]:
    """Validate the plugin's options as MkDocs would: the settings (defaults where a value is wrong)
    and ``(severity, message)`` per option name that is unknown (a warning, as in MkDocs) or has a
    wrong value (an error)."""
    good: dict[str, object] = {}
    wrong: dict[str, tuple[Severity, str]] = {}
    for name, value in options.items():
        row = SETTINGS.get(name)
        if row is None:
            wrong[name] = ("warning", f"unknown setting `{name}` of the briefings plugin; the settings are "
                           + ", ".join(f"`{n}`" for n in SETTINGS))
        elif value is None:   # an empty option is its default to MkDocs (`name:` or `!ENV [UNSET]`)
            continue
        elif not isinstance(value, row.type) or isinstance(value, bool):
            what = "a whole number" if row.type is int else "text"
            wrong[name] = ("error", f"the briefings plugin's `{name}` must be {what}, not {value!r}")
        elif row.choices and value not in row.choices:
            wrong[name] = ("error", f"the briefings plugin's `{name}` is {value!r}; use one of "
                           + ", ".join(f"`{c}`" for c in row.choices))
        else:
            good[name] = value
    return replace(Settings(), **good), wrong  # type: ignore[arg-type]


@dataclass(frozen=True)
class ArchiveConfig:
    """Where an archive lives and how it is read. Paths are absolute; messages name files relative
    to ``root``."""

    root: Path
    seeds_dir: Path
    briefings_dir: Path
    settings: Settings = Settings()
    check_pins: bool = True      # False only while `briefings pin` records new hashes
    reuse: bool = False          # keep each file's result for the next load (a long-running preview)
    #: The site's overrides of the archive's HTML templates: ``briefings/`` in the theme's ``custom_dir``
    #: (:mod:`briefing_archive.load.templates`); None when the theme has no ``custom_dir``.
    templates_dir: Path | None = None

    @classmethod
    def at(cls, root: Path | str, settings: Settings | None = None, **options: str | int) -> ArchiveConfig:
        """Resolve the settings' relative folders against the folder of ``mkdocs.yml``; ``options``
        override single settings (e.g. ``lexicon="icd203"``)."""
        chosen = replace(settings or Settings(), **options)  # type: ignore[arg-type]
        root = Path(root).resolve()
        return cls(root, (root / chosen.seeds_dir).resolve(), (root / chosen.briefings_dir).resolve(), chosen)

    @property
    def max_yaml_bytes(self) -> int:
        return self.settings.max_yaml_bytes

    @property
    def max_seed_bytes(self) -> int:
        return self.settings.max_seed_bytes

    @property
    def lexicon(self) -> str:
        """A built-in lexicon's name, or a YAML file's path relative to ``root``."""
        return self.settings.lexicon

    @property
    def excerpts(self) -> bool:
        """Whether only the annotated passages of each article are published."""
        return self.settings.publish_text == "excerpts"

    def display(self, path: Path) -> str:
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()
