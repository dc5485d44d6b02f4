"""A site's override of the verdict's wording (verdict.txt) changes every place that words a grade: the bottom
line, the quotes' tooltips and ClaimReview; an override of a shared fragment (the badge) changes it on the page."""
from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from briefing_archive.core.config import ArchiveConfig
from briefing_archive.core.rule import judge
from briefing_archive.derive.grounds import claim_grounds
from briefing_archive.load.archive import load_archive
from briefing_archive.load.templates import OVERRIDES
from briefing_archive.render.templates import Templates
from verdict_fixture import LEAD, with_verdicts

from conftest import Archive

THEMED = "theme:\n  name: material\n  custom_dir: overrides\n  font: false\n"
#: An override that words each claim's facts in its own way, with characters that HTML and JSON must escape.
VERDICT = 'ZZ <{{ g.grade }}> & {{ g.own | join("+") or "nobody" }}{% if g.contradicted.count %} !{% endif %}'


def themed(a: Archive) -> Archive:
    a.write("mkdocs.yml", (a.root / "mkdocs.yml").read_text("utf-8").replace(
        "theme:\n  name: material\n  font: false\n", THEMED))
    return a


def expected(root: Path, briefing: str) -> dict[str, str]:
    """Claim id -> what VERDICT says of it, from the facts derive hands over."""
    archive, _ = load_archive(ArchiveConfig.at(root))
    assert archive is not None
    standings = judge(archive).standings
    b = next(b for b in archive.briefings if b.id == briefing)
    out = {}
    for c in b.claims:
        g = claim_grounds(b.id, c, standings, archive.sources)
        out[c.id] = f"ZZ <{g.grade}> & {'+'.join(g.own) or 'nobody'}{' !' if g.contradicted.count else ''}"
    return out


def test_a_verdict_override_words_the_bottom_line_the_tooltips_and_claim_review(archive: Archive) -> None:
    with_verdicts(themed(archive)).write(f"overrides/{OVERRIDES}/verdict.txt", VERDICT)
    site = archive.build(strict=True)
    html = (site / "briefings" / "v-test" / "index.html").read_text("utf-8")
    words = expected(archive.root, "v-test")
    assert len(set(words.values())) > 1                     # the claims' facts differ, and so do their words

    # the bottom line: each key claim with its own wording, escaped
    lead = re.findall(r'<li>.*?<a href="#([^"]+)">.*?<span class="bx-grounds">(.*?)</span></li>',
                      html[html.index('class="bx-lead"'):])
    assert [cid for cid, _ in lead][:len(LEAD)] == list(LEAD)
    for cid, shown in lead[:len(LEAD)]:
        assert "<" not in shown
        assert unescape(shown) == words[cid]

    # each quote's tooltip and its badge's tooltip: the override, first letter capitalised as a sentence
    for cid, text in words.items():
        sentence = f"{text[:1].upper()}{text[1:]}."
        (quote,) = re.findall(rf'<mark class="bx-claim[^"]*" id="{cid}" data-bx-tip="([^"]*)"', html)
        (badge,) = re.findall(rf'<a class="bx-badge[^"]* bx-ref" href="#_note-{cid}"[^>]* data-bx-tip="([^"]*)"', html)
        assert sentence in unescape(quote)
        assert sentence in unescape(badge)
    assert html.count('<span class="bx-grounds">') == html.count('<span class="bx-grounds">ZZ &lt;')   # none else

    # ClaimReview: the override as plain text
    (script,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL)
    reviews = json.loads(script)["@graph"]
    assert {r["url"].rsplit("#", 1)[1]: r["reviewRating"]["ratingExplanation"] for r in reviews} == words


def test_a_badge_override_changes_every_badge_of_the_briefing_page(archive: Archive) -> None:
    themed(archive).write(f"overrides/{OVERRIDES}/components/badge.html",
                          '<b class="my-badge" data-code="{{ code }}">{{ code }}</b>')
    html = (archive.build(strict=True) / "briefings" / "a-test" / "index.html").read_text("utf-8")
    assert 'class="bx-badge' not in html
    badges = re.findall(r'<b class="my-badge" data-code="([A-F][1-6]?)">\1</b>', html)
    assert len(badges) >= 2 * html.count('<section class="bx-claim-note')   # each claim's quote and its entry


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_a_plain_text_template_writes_values_as_they_are(value: str) -> None:
    """A ``.txt`` template is not HTML: what it writes is escaped where it is shown (a tooltip, JSON), not twice."""
    assert Templates((("verdict.txt", "{{ v }}|{{ v | upper }}"),)).text("verdict.txt", v=value) == \
        f"{value}|{value.upper()}"
