"""The MkDocs adapter: translates MkDocs events into calls of the core (and runs Pagefind)."""
