"""Stage 4: the archive as open data files (Web Annotations, archive JSON, ClaimReview, Atom feed, seeds)."""
