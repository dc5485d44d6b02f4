"""mkdocs.yml as plain data, read without MkDocs but by MkDocs' tag rules: the one reader of the file, for the
command line's check of the plugin's settings (:mod:`.settings`), the engine-neutral generator and the configs
derived from it for other engines.

``!ENV`` is MkDocs' own: the constructor MkDocs registers (``yaml_env_tag.construct_env_tag``, from the
pyyaml-env-tag package it depends on), so ``!ENV VAR`` and ``!ENV [VAR, OTHER, default]`` give here exactly what
``mkdocs build`` gets, down to how a variable's text is typed. ``!relative`` is checked as MkDocs checks it when it
reads the file (``$config_dir`` or ``$docs_dir`` with a path after them, or nothing) and kept as a :class:`Tagged`
value: MkDocs makes it a path placeholder resolved only while a page renders, never text, so a setting that must
be text refuses it in both readers. Every other tag (``!!python/name:...`` in an extension's options, say) is
kept as a :class:`Tagged` value too, so a derived config can write it back for an engine that understands it.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
import yaml_env_tag


@dataclass(frozen=True)
class Tagged:
    """A value under a YAML tag this reader does not resolve, kept to be written back as it was."""

    tag: str
    value: Any

    def __repr__(self) -> str:
        return f"{self.tag} {self.value!r}"   # as written in mkdocs.yml, for messages


class SiteLoader(yaml.SafeLoader):
    """YAML's safe types plus MkDocs' tags (see the module's docstring)."""


def _relative(loader: yaml.SafeLoader, node: yaml.Node) -> Tagged:
    """``!relative``, refused where MkDocs refuses it (its messages), else kept as written."""
    value = loader.construct_scalar(node) if isinstance(node, yaml.ScalarNode) else None
    if not isinstance(value, str):
        raise yaml.constructor.ConstructorError(None, None, f"expected a scalar node, but found {type(node).__name__}",
                                                node.start_mark)
    prefix = value.partition("/")[0]
    if prefix.startswith("$") and prefix not in ("$config_dir", "$docs_dir"):
        raise yaml.constructor.ConstructorError(None, None, f"Unknown prefix {prefix!r} in {node.tag} {value!r}; "
                                                "use $config_dir or $docs_dir", node.start_mark)
    if value and not prefix.startswith("$"):
        raise yaml.constructor.ConstructorError(None, None, f"'!relative' tag does not expect any value; "
                                                f"received {value!r}", node.start_mark)
    return Tagged(node.tag, value)


def _other(loader: yaml.SafeLoader, _suffix: str, node: yaml.Node) -> Tagged:
    value: Any
    if isinstance(node, yaml.MappingNode):
        value = loader.construct_mapping(node, deep=True)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_scalar(node)  # type: ignore[arg-type]
    return Tagged(node.tag, value)


SiteLoader.add_constructor("!ENV", yaml_env_tag.construct_env_tag)
SiteLoader.add_constructor("!relative", _relative)
SiteLoader.add_multi_constructor("", _other)


def read_site_config(path: Path) -> dict[str, Any]:
    """The whole of an mkdocs.yml as data (an empty file is an empty mapping)."""
    data = yaml.load(path.read_text("utf-8"), Loader=SiteLoader)
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
