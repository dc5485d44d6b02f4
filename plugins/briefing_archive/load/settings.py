"""Read and check the plugin's settings in an mkdocs.yml without importing MkDocs.

The command line validates an archive without building it, so it reads only the
``briefings`` entry of ``plugins:`` and checks it against the same table
(:mod:`briefing_archive.core.config`) that MkDocs' options are built from. Tags such
as ``!!python/name`` or ``!ENV`` used elsewhere in mkdocs.yml are tolerated and ignored.
"""
from __future__ import annotations

from pathlib import Path

import yaml

from ..core.config import ArchiveConfig, check_settings
from ..core.problems import Problem

CONFIG_FILES = ("mkdocs.yml", "mkdocs.yaml", "properdocs.yml")


class _TolerantLoader(yaml.SafeLoader):
    pass


def _any_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> object:
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_scalar(node)  # type: ignore[arg-type]


_TolerantLoader.add_multi_constructor("", _any_tag)


def _plugin_node(root: yaml.Node | None) -> yaml.MappingNode | None:
    """The mapping under ``plugins: - briefings:``, if the plugin has settings."""
    if not isinstance(root, yaml.MappingNode):
        return None
    for key, value in root.value:
        if key.value == "plugins" and isinstance(value, yaml.SequenceNode):
            for entry in value.value:
                if isinstance(entry, yaml.MappingNode):
                    for name, options in entry.value:
                        if name.value == "briefings" and isinstance(options, yaml.MappingNode):
                            return options
    return None


def find_config_file(root: Path) -> Path:
    """The site's config file in ``root`` (mkdocs.yml first); FileNotFoundError when there is none."""
    found = next((root / n for n in CONFIG_FILES if (root / n).is_file()), None)
    if found is None:
        raise FileNotFoundError(f"no mkdocs.yml in {root}")
    return found


def archive_config(root: Path | str) -> tuple[ArchiveConfig, list[Problem]]:
    """The archive configured by ``ROOT/mkdocs.yml`` and a problem per wrong setting (an unknown name
    is a warning, as in MkDocs; a wrong value an error, and its default is used)."""
    config_file = find_config_file(Path(root))
    node = _plugin_node(yaml.compose(config_file.read_text("utf-8"), Loader=_TolerantLoader))
    options: dict[str, object] = {}
    where: dict[str, tuple[int, int]] = {}
    if node is not None:
        loader = _TolerantLoader("")
        for key, value in node.value:
            options[key.value] = loader.construct_object(value, deep=True)
            where[key.value] = (key.start_mark.line + 1, key.start_mark.column + 1)
    settings, wrong = check_settings(options)
    problems = [Problem(config_file.name, *where[name], severity, message)
                for name, (severity, message) in wrong.items()]
    return ArchiveConfig.at(root, settings), problems
