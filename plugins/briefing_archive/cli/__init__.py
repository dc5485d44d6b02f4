"""The ``briefings`` command line (entry point :func:`briefing_archive.cli.main.main`)."""
