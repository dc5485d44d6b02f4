"""How the site's search is set up around the archive: Material's search plugin found by name, its word separator,
and the offline copy's worker shim (never a CDN's)."""
from __future__ import annotations

import logging
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin

from ..core.search import SEPARATOR, attached
from ..site import WORKER_SHIM

log = logging.getLogger("mkdocs.plugins.briefings")


def plugin_named(config: MkDocsConfig, name: str) -> BasePlugin[Any] | None:
    """The enabled plugin called ``name`` (``search`` is also ``material/search``), or None."""
    for key, plugin in config.plugins.items():
        if key.rsplit("/", 1)[-1] == name and plugin.config.get("enabled", True):
            return plugin
    return None


def split_words_at_punctuation(config: MkDocsConfig) -> None:
    """Material's search splits words at spaces and hyphens only, so "(province)" is not found by `province`:
    give it the archive's separator when mkdocs.yml sets none, and say so when the one set leaves punctuation
    stuck to words."""
    search = plugin_named(config, "search")
    if search is None or "separator" not in search.config:
        return
    given = search.config["separator"]
    if not given:
        search.config["separator"] = SEPARATOR
    elif stuck := attached(given):
        log.warning(f"briefings: the search plugin's `separator` leaves {' '.join(stuck)} attached to words, so a "
                    "search for a word right after one of them finds nothing; remove `separator` from mkdocs.yml "
                    f"(the archive's own is used then) or set it to '{SEPARATOR}'")


def offline_without_cdn(config: MkDocsConfig, search: str) -> None:
    """Material's offline plugin loads a worker shim for search from file:// from a CDN; load the shipped copy
    (a polyfill naming iframe-worker stops the offline plugin from adding its own)."""
    if plugin_named(config, "offline") is None:
        return
    polyfills = [p for p in config.extra.get("polyfills", []) if "iframe-worker" not in str(p)]
    config.extra["polyfills"] = [*polyfills, WORKER_SHIM]
    if search == "pagefind":
        log.warning("briefings: Pagefind's search cannot run from file://, so the offline copy will have no "
                    "working search; keep Material's search for it: `- search: {enabled: !ENV [BRIEFINGS_OFFLINE, "
                    "false]}` in `plugins:` (the offline copy uses it, the site Pagefind)")
