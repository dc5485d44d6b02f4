"""The Zensical adapter: a Zensical config derived from mkdocs.yml, for the docs folder `briefings generate`
writes (Zensical runs no MkDocs plugin, so the archive reaches it as files)."""
