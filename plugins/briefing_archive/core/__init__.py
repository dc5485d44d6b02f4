"""The ground floor: the archive as frozen data and the rules every stage shares.

Nothing here reads files beyond the package's own data, or imports a later stage.
"""
