"""Read and check the plugin's settings in an mkdocs.yml without importing MkDocs.

The command line validates an archive without building it, so it reads only the
``briefings`` entry of ``plugins:`` and checks it against the same table
(:mod:`briefing_archive.core.config`) that MkDocs' options are built from. The file is read by
:mod:`.siteconfig`'s loader, MkDocs' tag rules, so ``lexicon: !ENV [VAR, default]`` means here what it
means to ``mkdocs build``; other tags (``!!python/name`` in an extension's options, say) are kept as written.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import yaml

from ..core.config import ArchiveConfig, check_settings
from ..core.problems import Problem
from .siteconfig import SiteLoader
from .templates import templates_dir

CONFIG_FILES = ("mkdocs.yml", "mkdocs.yaml", "properdocs.yml")


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
    with config_file.open(encoding="utf-8") as stream:   # named, so a YAML error says which file
        root_node = yaml.compose(stream, Loader=SiteLoader)
    # every tag in the file is read, as MkDocs reads them all (a bad `!ENV` anywhere stops it)
    node = _plugin_node(root_node)
    options: dict[str, object] = {}
    where: dict[str, tuple[int, int]] = {}
    if node is not None:
        loader = SiteLoader("")
        for key, value in node.value:
            options[key.value] = loader.construct_object(value, deep=True)
            where[key.value] = (key.start_mark.line + 1, key.start_mark.column + 1)
    settings, wrong = check_settings(options)
    problems = [Problem(config_file.name, *where[name], severity, message)
                for name, (severity, message) in wrong.items()]
    data = SiteLoader("").construct_document(root_node) if root_node is not None else {}
    theme = data.get("theme") if isinstance(data, dict) else None
    custom_dir = theme.get("custom_dir") if isinstance(theme, dict) else None
    config = ArchiveConfig.at(root, settings)
    folder = templates_dir(config.root / custom_dir) if isinstance(custom_dir, str) and custom_dir else None
    return replace(config, templates_dir=folder), problems
