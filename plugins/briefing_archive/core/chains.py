"""How an attribution chain reads: from the article back to the source the claim originates with.

Pages, tooltips and exports all say it the same way ("the article ← Reuters ← UK MoD"),
with the roles of :meth:`Claim.roles`.
"""
from __future__ import annotations

from collections.abc import Mapping

from .model import Claim, Source

#: Where every chain starts, and the arrow between its links (read: "relays what comes from").
ARTICLE = "the article"
ARROW = " \u2190 "


def chain_text(claim: Claim, sources: Mapping[str, Source]) -> str:
    """The chain as plain text: ``the article ← A ← B + C`` (sources cited together joined by ``+``)."""
    return ARTICLE + ARROW + ARROW.join(" + ".join(sources[s].name for s in link) for link in claim.chain)
