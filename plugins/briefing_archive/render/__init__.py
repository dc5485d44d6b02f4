"""Stage 3: the archive as pages, ``{page path: Markdown with its HTML in place}``, for any engine."""
