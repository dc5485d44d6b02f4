"""The Zensical config of an archive, derived from its mkdocs.yml: what the MkDocs plugin adds to the config
at build time, written out, and the plugin itself left out.

Zensical reads mkdocs.yml but runs no third-party MkDocs plugin: the archive reaches it as the docs folder
``briefings generate`` writes. So the config keeps every setting of mkdocs.yml (theme, palette, ``font: false``
so no page asks Google for fonts, Markdown extensions, navigation, validation) and, as the plugin's
``on_config`` does, adds ``attr_list``, the archive's stylesheet and script, and the search separator that
splits words at punctuation. Search is Zensical's own (its ``search.json``, built in), whichever search the
MkDocs build uses; the offline plugin is left out (the copy to open from disk is MkDocs-only for now).
"""
from __future__ import annotations

from collections.abc import Collection
from typing import Any

import yaml

from ..core.search import SEPARATOR
from ..core.urls import is_local_address
from ..load.siteconfig import Tagged
from ..site import SCRIPT, STYLESHEET, THEME_TOOLTIPS, without_theme_tooltips

#: The Python-Markdown extension that passes generated HTML blocks through unparsed (rawblocks.py).
RAW_BLOCKS = "briefing_archive.zensical.rawblocks"
#: Plugins the derived config leaves out: ours (Zensical cannot run it; its work is in the docs folder)
#: and the offline copy's, which is built with MkDocs.
LEFT_OUT = frozenset({"briefings", "offline"})


def _name(entry: Any) -> str:
    name = entry if isinstance(entry, str) else next(iter(entry)) if isinstance(entry, dict) and entry else ""
    return str(name).removeprefix("material/")


def _plugins(given: Any) -> list[Any]:
    """mkdocs.yml's plugins without ours and the offline one, with search splitting words at punctuation."""
    entries = list(given.items()) if isinstance(given, dict) else [
        (e, {}) if isinstance(e, str) else next(iter(e.items())) for e in given or []]
    plugins: list[Any] = []
    for name, options in entries:
        if _name(name) in LEFT_OUT:
            continue
        options = dict(options or {})
        if _name(name) == "search":
            options.setdefault("separator", SEPARATOR)
        plugins.append({name: options} if options else name)
    if not any(_name(p) == "search" for p in plugins):   # Zensical searches by default: with our separator
        plugins.append({"search": {"separator": SEPARATOR}})
    return plugins


def _nav(nav: Any, files: Collection[str]) -> Any:
    """The navigation, each page named by the path the docs folder has it at (a generated page that is
    not an index sits at ``<name>/index.md``)."""
    if isinstance(nav, list):
        return [_nav(item, files) for item in nav]
    if isinstance(nav, dict):
        return {key: _nav(value, files) for key, value in nav.items()}
    if isinstance(nav, str) and nav.endswith(".md") and nav not in files and f"{nav[:-3]}/index.md" in files:
        return f"{nav[:-3]}/index.md"
    return nav


def zensical_config(mkdocs: dict[str, Any], docs_dir: str, site_dir: str, files: Collection[str]) -> dict[str, Any]:
    """The Zensical config for the generated docs folder ``docs_dir`` (holding ``files``) and output ``site_dir``,
    both relative to where the config is written."""
    config = {key: value for key, value in mkdocs.items() if key != "plugins"}
    config["docs_dir"], config["site_dir"] = docs_dir, site_dir
    if is_local_address(config.get("site_url")):   # a loopback address is no address to publish (format v1.2)
        config.pop("site_url", None)
    config["plugins"] = _plugins(mkdocs.get("plugins"))
    extensions = list(config.get("markdown_extensions") or [])
    if not any(_name(e) == "attr_list" for e in extensions):   # generated headings carry `{#_id}` ids
        extensions.append("attr_list")
    if RAW_BLOCKS not in extensions:   # generated HTML straight to the page, unparsed (as with MkDocs)
        extensions.append(RAW_BLOCKS)
    config["markdown_extensions"] = extensions
    config["extra_css"] = [*[c for c in config.get("extra_css") or [] if c != STYLESHEET], STYLESHEET]
    config["extra_javascript"] = [*[j for j in config.get("extra_javascript") or [] if j != SCRIPT], SCRIPT]
    theme = config.get("theme")
    theme = dict(theme) if isinstance(theme, dict) else {"name": theme or "material"}
    # Material's look (Zensical's "classic"), which the archive's colours and the axe checks were made with;
    # `variant: modern` in mkdocs.yml's theme chooses Zensical's new look instead (Material ignores the key).
    theme.setdefault("variant", "classic")
    if THEME_TOOLTIPS in (theme.get("features") or ()):   # as the plugin does (see site.THEME_TOOLTIPS)
        theme["features"] = without_theme_tooltips(theme["features"])
    config["theme"] = theme
    if "nav" in config:
        config["nav"] = _nav(config["nav"], files)
    return config


class _Dumper(yaml.SafeDumper):
    pass


def _tagged(dumper: yaml.SafeDumper, value: Tagged) -> yaml.Node:
    if isinstance(value.value, dict):
        return dumper.represent_mapping(value.tag, value.value)
    if isinstance(value.value, list):
        return dumper.represent_sequence(value.tag, value.value)
    return dumper.represent_scalar(value.tag, str(value.value))


_Dumper.add_representer(Tagged, _tagged)


def config_text(config: dict[str, Any]) -> str:
    """The config as YAML (mkdocs.yml's format, which Zensical reads), with a line saying where it came from."""
    head = "# Derived from mkdocs.yml by `make zensical` (scripts/build_zensical.py); edit mkdocs.yml, not this file.\n"
    return head + yaml.dump(config, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=120)
