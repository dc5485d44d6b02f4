"""Stage 4: the archive as open data files of the site (Web Annotations, archive JSON, Atom feed, seeds).

ClaimReview is embedded in each briefing page, so it is rendered with the page (``render.claimreview``).
"""
