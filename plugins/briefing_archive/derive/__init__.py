"""Stage 2: what the archive implies (links, ledger, timeline, related briefings, reading guides),
computed from the model alone."""
