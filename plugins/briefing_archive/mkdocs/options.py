"""The plugin's MkDocs options, made from the core's table of settings (core/config.py), so MkDocs and the command
line's check of mkdocs.yml accept and refuse the same values."""
from __future__ import annotations

from typing import Any

from mkdocs.config import config_options as c

from ..core.config import SETTINGS


class _Exactly(c.Type[Any]):
    """MkDocs' type check, less its one surprise: `true` is no number here (bool is a subclass of int), as the
    command line's check of the same table says (core.config.check_settings)."""

    def run_validation(self, value: object) -> Any:
        if isinstance(value, bool) and self._type is not bool:
            raise c.ValidationError(f"Expected type: {self._type} but received: {type(value)}")
        return super().run_validation(value)


def option(name: str) -> Any:
    """The MkDocs option of one setting, with the type, default and choices of the core's table."""
    row = SETTINGS[name]
    if row.choices:
        return c.Choice(row.choices, default=row.default)
    return _Exactly(row.type, default=row.default)
