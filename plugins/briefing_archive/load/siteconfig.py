"""mkdocs.yml as plain data, read without MkDocs: for the engine-neutral generator and for the configs
derived from it for other engines.

``!ENV`` is resolved as MkDocs resolves it (``!ENV VAR`` or ``!ENV [VAR, OTHER, default]``), so a
generated site uses the same ``SITE_URL`` the MkDocs build would. Every other tag (``!!python/name:...``
in an extension's options, say) is kept as a :class:`Tagged` value, so a derived config can write it
back for an engine that understands it.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml


@dataclass(frozen=True)
class Tagged:
    """A value under a YAML tag this reader does not resolve, kept to be written back as it was."""

    tag: str
    value: Any


class _Loader(yaml.SafeLoader):
    pass


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    """``!ENV VAR`` or ``!ENV [VAR, ..., default]``: the first variable set, else the default (else None);
    a variable's text is read as a YAML scalar, so ``false`` is False, as in MkDocs."""
    if isinstance(node, yaml.SequenceNode):
        items = [loader.construct_object(child, deep=True) for child in node.value]
        names, default = (items[:-1], items[-1]) if len(items) > 1 else (items, None)
    else:
        names, default = [loader.construct_scalar(node)], None   # type: ignore[arg-type]
    for name in names:
        if isinstance(name, str) and name in os.environ:
            text = os.environ[name]
            return yaml.safe_load(text) if text else text
    return default


def _other(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Tagged:
    value: Any
    if isinstance(node, yaml.MappingNode):
        value = loader.construct_mapping(node, deep=True)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_scalar(node)  # type: ignore[arg-type]
    return Tagged(node.tag, value)


_Loader.add_constructor("!ENV", _env)
_Loader.add_multi_constructor("", _other)


def read_site_config(path: Path) -> dict[str, Any]:
    """The whole of an mkdocs.yml as data (an empty file is an empty mapping)."""
    data = yaml.load(path.read_text("utf-8"), Loader=_Loader)
    if isinstance(data, dict) or data is None:
        return data or {}
    raise ValueError(f"{path.name} is not a mapping of settings")


@dataclass(frozen=True)
class SiteOptions:
    """The engine settings the archive's pages depend on, with MkDocs' defaults."""

    site_name: str
    site_url: str | None
    use_directory_urls: bool
    docs_dir: Path
    strict: bool


def site_options(config_file: Path) -> SiteOptions:
    """The settings of ``config_file`` that shape the generated pages (names, addresses, folders)."""
    data = read_site_config(config_file)
    url = data.get("site_url")
    if url and not str(url).endswith("/"):
        url = f"{url}/"   # as MkDocs reads it: the site's folder
    return SiteOptions(site_name=str(data.get("site_name") or "Briefing archive"),
                       site_url=str(url) if url else None,
                       use_directory_urls=bool(data.get("use_directory_urls", True)),
                       docs_dir=config_file.parent.resolve() / str(data.get("docs_dir") or "docs"),
                       strict=bool(data.get("strict", False)))
