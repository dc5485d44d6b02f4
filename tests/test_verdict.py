"""The first screen (format v1.2 "What a reader sees first"): the verdict wording written once and read by the
bottom line, the tooltips, ClaimReview and the home page; key claims; lists named by the rule."""
from __future__ import annotations

import re
from html import unescape

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing_archive.core.config import ArchiveConfig
from briefing_archive.core.independence import independence
from briefing_archive.core.model import Claim, Source, Span
from briefing_archive.core.rule import Related, judge, standing, supports
from briefing_archive.derive.bottomline import bottom_line
from briefing_archive.derive.grounds import claim_grounds, grounds
from briefing_archive.derive.stage import derive_archive
from briefing_archive.load.archive import load_archive
from briefing_archive.render.bottomline import bottom_line_html
from briefing_archive.render.context import RenderContext
from briefing_archive.render.home import home_html
from briefing_archive.render.verdict import verdict
from verdict_fixture import GROUNDS, HOSTILE, LEAD, with_verdicts

from conftest import Archive, write_fixture


def loaded(root, *, keys: bool = True, edit=None):
    archive = with_verdicts(write_fixture(Archive(root), site_config=False), keys=keys)
    if edit:
        edit(archive)
    found, problems = load_archive(ArchiveConfig.at(archive.root))
    assert found is not None, problems
    assert [p for p in problems if p.severity == "error"] == [], problems
    return found


def v_test(archive):
    return next(b for b in archive.briefings if b.id == "v-test")


def test_each_claim_is_worded_by_what_its_grade_rests_on(tmp_path) -> None:
    archive = loaded(tmp_path / "a")
    judged = judge(archive)
    b = v_test(archive)
    assert {c.id: verdict(claim_grounds(b.id, c, judged.standings, archive.sources)) for c in b.claims} == GROUNDS


def test_the_bottom_line_opens_with_the_key_claims_best_grade_first(tmp_path) -> None:
    archive = loaded(tmp_path / "a")
    line = bottom_line(v_test(archive), judge(archive), archive.sources)
    assert line.lead == LEAD
    assert line.keyed
    html = bottom_line_html(RenderContext.build(derive_archive(archive)), v_test(archive))
    lead = html[html.index('<ol class="bx-lead"'):html.index("</ol>")]
    assert re.findall(r'<a href="#([^"]+)">', lead) == list(LEAD)
    for cid in LEAD:   # each with its badge and what its grade rests on
        assert f'<span class="bx-grounds">{GROUNDS[cid].replace("&", "&amp;")}</span>' in lead
    assert lead.count('class="bx-badge') == len(LEAD)
    assert html.index('class="bx-lead"') < html.index('class="bx-groups"')     # it opens with them
    # "confirmed" of grade 1 alone, counted apart from probably true
    assert '<a href="#tanks"><strong>1</strong> of 8 confirmed</a>' in html
    assert '<a href="?show=probable#_claims"><strong>3</strong> of 8 probably true</a></li>' in html
    assert "none confirmed" not in html
    # an independent corroboration is said so; the echoes are not called independent
    assert '<a href="?agree=independent#_claims"><strong>2</strong> of 8 are corroborated by an independent report' \
        in html


def test_author_text_in_a_key_claim_stays_text(tmp_path) -> None:
    archive = loaded(tmp_path / "a")
    html = bottom_line_html(RenderContext.build(derive_archive(archive)), v_test(archive))
    assert HOSTILE not in html
    assert "<script" not in html
    assert "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;x&lt;/b&gt;" in html
    assert unescape(html).count(HOSTILE) == 1


def test_without_a_grade_1_it_says_none_confirmed(tmp_path) -> None:
    def no_grade_1(archive) -> None:
        path = archive.root / "briefings" / "v-test.yml"
        path.write_text(path.read_text().replace("credibility: 1", "credibility: 2"))
    archive = loaded(tmp_path / "a", edit=no_grade_1)
    html = bottom_line_html(RenderContext.build(derive_archive(archive)), v_test(archive))
    assert '<strong>4</strong> of 8 probably true</a> (none confirmed)</li>' in html
    assert "bx-g-confirmed" not in html
    assert not re.search(r"\bconfirmed</a>", html)


def test_without_key_claims_it_opens_with_the_best_supported_at_most_three(tmp_path) -> None:
    archive = loaded(tmp_path / "a", keys=False)
    judged = judge(archive)
    b = v_test(archive)
    line = bottom_line(b, judged, archive.sources)
    supported = [c for c in b.claims if standing(c, judged.related[f"{b.id}#{c.id}"], archive.sources).supported]
    assert not line.keyed
    assert len(line.lead) == min(3, len(supported))
    chosen = [next(c for c in b.claims if c.id == cid) for cid in line.lead]
    assert [c.credibility for c in chosen] == sorted(c.credibility for c in chosen)
    assert max(c.credibility for c in chosen) <= min(c.credibility for c in supported if c.id not in line.lead)
    assert line.lead == ("tanks", "tanks-count", "road-wire")
    assert 'aria-label="Best-supported claims"' in bottom_line_html(RenderContext.build(derive_archive(archive)), b)


def test_home_lists_are_named_by_the_rule(tmp_path) -> None:
    archive = loaded(tmp_path / "a")
    html = home_html(RenderContext.build(derive_archive(archive)))
    corroborated = html[html.index('id="_most-corroborated"'):html.index('id="_echoed"')]
    echoed = html[html.index('id="_echoed"'):html.index('id="_most-contested"')]
    assert "Echoed by other reports (none independently)</h2>" in echoed

    def listed(part: str) -> set[str]:
        return set(re.findall(r'href="briefings/v-test/#([^"]+)"', part))
    # corroborated: only a supporting corroborates relation; echoed: support by echoes alone (not a naming echo)
    assert listed(corroborated) == {"tanks", "tanks-count"}
    assert listed(echoed) == {"road-wire", "road-office"}
    for cid in ("tanks", "road-wire"):
        assert GROUNDS[cid] in html
    assert "not independently" not in corroborated
    assert "independent report" not in echoed


def test_home_says_so_when_no_claim_is_corroborated(tmp_path) -> None:
    def drop_corroboration(archive) -> None:
        for name in ("v-test", "a-test"):
            path = archive.root / "briefings" / f"{name}.yml"
            text = path.read_text().replace("    relations:\n      - corroborates: v-test#tanks-count\n", "")
            path.write_text(text.replace("    relations: [corroborates: a-test#drones]\n", ""))
    archive = loaded(tmp_path / "a", edit=drop_corroboration)
    html = home_html(RenderContext.build(derive_archive(archive)))
    assert "No claim of the archive is corroborated by an independent report yet." in html


def test_the_relations_page_says_which_verdict_each_echo_has(tmp_path) -> None:
    from briefing_archive.render.relations import relations_page

    page = unescape(relations_page(RenderContext.build(derive_archive(loaded(tmp_path / "a")))))
    assert "circular" not in page
    assert "not independent: both rest on The Ministry" in page
    assert "independence cannot be established: one of them rests only on unidentified sources" in page


# -- the wording as a property of any standing -------------------------------------------------------

#: Each grade in the words the verdict uses (format v1.2: "confirmed" only of 1).
GRADE_WORDS = {1: "confirmed", 2: "probably true", 3: "possibly true", 4: "doubtful", 5: "improbable",
               6: "cannot be judged"}
SOURCES = {
    "named": Source("named", "Named", "government", "C", "n"),
    "other": Source("other", "Other", "news-outlet", "B", "n"),
    "relay": Source("relay", "Relay", "news-outlet", "B", "n", depends_on=("named",)),
    "nobody": Source("nobody", "Nobody", "unattributed", "F", "n", identified=False),
}


def claim(cid: str, grade: int, origin: str) -> Claim:
    return Claim(cid, "q", Span(0, 1), ((origin,),), grade)


@given(grade=st.integers(1, 6), origin=st.sampled_from(sorted(SOURCES)),
       others=st.lists(st.tuples(st.sampled_from(["corroborates", "echoes", "contradicts"]), st.integers(1, 6),
                                 st.sampled_from(sorted(SOURCES))), max_size=4))
def test_confirmed_is_said_of_grade_1_alone_and_corroboration_only_when_it_supports(grade, origin, others) -> None:
    c = claim("c", grade, origin)
    related = []
    for i, (kind, g, o) in enumerate(others):
        other = claim(f"o{i}", g, o)
        related.append(Related(kind, f"b#o{i}", other, independence(c, other, SOURCES)))
    judged = standing(c, related, SOURCES)
    words = verdict(grounds(judged, SOURCES))
    assert words.startswith(GRADE_WORDS[grade] + ": ")
    assert ("confirmed" in words) == (grade == 1)
    corroborated = any(r.kind == "corroborates" and supports(r, SOURCES) for r in related)
    assert ("corroborated by an independent report" in words
            or "corroborated by independent reports" in words) == corroborated
    assert ("no identified source" in words) == (not judged.identified and not judged.supported)


@pytest.mark.parametrize("case", ["tooltip", "claimreview"])
def test_tooltips_and_claim_review_read_the_same_words(tmp_path, case) -> None:
    from briefing_archive.render.briefing import claim_tip
    from briefing_archive.render.claimreview import claim_review

    archive = loaded(tmp_path / "a")
    ctx = RenderContext.build(derive_archive(archive))
    b = v_test(archive)
    for c in b.claims:
        if case == "tooltip":
            text = claim_tip(ctx, b, c)
            assert GROUNDS[c.id][:1].upper() + GROUNDS[c.id][1:] + ". Chain: " in text
        else:
            reviews = claim_review(b, archive, ctx.addresses, standings=ctx.derived.standings)["@graph"]
            assert [r["reviewRating"]["ratingExplanation"] for r in reviews] == [GROUNDS[x.id] for x in b.claims]
            break
