"""A fixture archive for the first screen (format v1.2): one claim of each kind of grounds, some marked key.

Added to ``conftest.archive`` (whose sources it uses) as briefing ``v-test``:

- tanks (the ministry, 1) and tanks-count (the monitor, 2) corroborate each other: independent;
- bridge (the press office, 3) alone; bridge-dawn (unattributed, 3) echoes it: a named echo;
- town (unattributed, 6): nothing bears on it;
- road-wire and road-office (2 each) echo each other: apart, but both rest on the ministry (not independent);
- hostile (the agency, 3): author text that must stay text.

Key claims: road-office, bridge-dawn, town and hostile, listed out of grade order.
"""
from __future__ import annotations

from conftest import Archive

V_SEED = ("The ministry said ten tanks burned. The monitor counted ten tanks. The press office said the bridge fell. "
          "It is said the bridge fell at dawn. It is said the town was quiet. The wire said the road was cut. "
          "The press office said the road was cut too. The agency said <script>alert(1)</script> & <b>x</b>.\n")
HOSTILE = "<script>alert(1)</script> & <b>x</b>"
V_BRIEFING = f"""\
article: v.txt
title: V
summary: The verdict's fixture.
claims:
  - id: tanks
    quote: ten tanks burned
    sources: [ministry]
    credibility: 1
    relations:
      - corroborates: v-test#tanks-count
  - id: tanks-count
    quote: counted ten tanks
    sources: [monitor]
    credibility: 2
    note: Held at 2, the monitor being new to the archive.
  - id: bridge
    quote: press office said the bridge fell
    sources: [press-office]
    credibility: 3
  - id: bridge-dawn
    quote: the bridge fell at dawn
    sources: [unattributed]
    credibility: 3
    key: true
    relations:
      - echoes: v-test#bridge
  - id: town
    quote: the town was quiet
    sources: [unattributed]
    credibility: 6
    key: true
  - id: road-wire
    quote: wire said the road was cut
    sources: [wire]
    credibility: 2
    relations:
      - echoes: v-test#road-office
  - id: road-office
    quote: the road was cut too
    sources: [press-office]
    credibility: 2
    key: true
  - id: hostile
    quote: "{HOSTILE}"
    sources: [agency]
    credibility: 3
    key: true
"""
V_SOURCES = {
    "press-office": "name: Press office\nkind: government\nrole: belligerent\nparty: Ruritania\nreliability: C\n"
                    "note: n\ndepends_on: [ministry]\n",
    "wire": "name: The Wire\nkind: news-outlet\nreliability: B\nnote: n\ndepends_on: [ministry]\n",
    "unattributed": "name: Unattributed\nkind: unattributed\nidentified: false\nreliability: F\nnote: n\n",
    "monitor": "name: Monitor\nkind: other\nrole: neutral\nreliability: B\nnote: n\n",
}
#: What each claim's grade rests on, as every page words it.
GROUNDS = {
    "tanks": "confirmed: corroborated by an independent report (Monitor)",
    "tanks-count": "probably true: corroborated by an independent report (The Ministry)",
    "bridge": "possibly true: rests on Press office alone",
    "bridge-dawn": "possibly true: no identified source, but named by an echo of Press office",
    "town": "cannot be judged: no identified source",
    "road-wire": "probably true: echoed by Press office, not independently",
    "road-office": "probably true: echoed by The Wire, not independently",
    "hostile": "possibly true: rests on The Agency alone",
}
#: The key claims, best grade first (the briefing's order among equals).
LEAD = ("road-office", "bridge-dawn", "hostile", "town")


def with_verdicts(archive: Archive, *, keys: bool = True) -> Archive:
    """``archive`` with briefing v-test; without ``keys``, no claim is marked key."""
    archive.write("seeds/v.txt", V_SEED)
    archive.write("briefings/v-test.yml", V_BRIEFING if keys else V_BRIEFING.replace("    key: true\n", ""))
    for sid, text in V_SOURCES.items():
        archive.write(f"briefings/sources/{sid}.yml", text)
    return archive
