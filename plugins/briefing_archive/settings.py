"""Read the plugin's settings from an mkdocs.yml without importing MkDocs.

The command line validates an archive without building it, so it reads only the
``briefings`` entry of ``plugins:``; tags such as ``!!python/name`` or ``!ENV``
used elsewhere in mkdocs.yml are tolerated and ignored.
"""
from __future__ import annotations

from pathlib import Path

import yaml

from .loader import ArchiveConfig


class _TolerantLoader(yaml.SafeLoader):
    pass


def _any_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> object:
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_scalar(node)


_TolerantLoader.add_multi_constructor("", _any_tag)


def archive_config(root: Path | str) -> ArchiveConfig:
    """The archive configured by ``ROOT/mkdocs.yml`` (defaults when the plugin has no settings)."""
    root = Path(root)
    config_file = next((root / n for n in ("mkdocs.yml", "mkdocs.yaml", "properdocs.yml") if (root / n).is_file()),
                       None)
    if config_file is None:
        raise FileNotFoundError(f"no mkdocs.yml in {root}")
    data = yaml.load(config_file.read_text("utf-8"), Loader=_TolerantLoader) or {}
    options: dict = {}
    for entry in data.get("plugins") or ():
        if isinstance(entry, dict) and "briefings" in entry:
            options = entry["briefings"] or {}
    return ArchiveConfig.at(root, options.get("seeds_dir", "seeds"), options.get("briefings_dir", "briefings"),
                            options.get("max_yaml_bytes", 1_048_576), options.get("lexicon", "phia"),
                            options.get("publish_text", "full"), options.get("max_seed_bytes", 4 * 1024 * 1024))
