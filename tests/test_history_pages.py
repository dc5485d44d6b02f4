"""The archive's history shown where readers look (issue 27 items 2 and 5): a claim's entry, a source's page,
/changes/, the Atom feed and the home page, from real git repositories built in temp folders (dates and names by
env), and real MkDocs builds."""
from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import lxml.html
import pytest

from briefing_archive.exports.feed import entry_id, regrade_id
from test_githistory import QUOTE_FIXED, RENAMED, TWICE_2, repository
from test_payloads import PAYLOAD, live_markup

from conftest import BRIEFING, Archive, commit, write_fixture

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
ATOM = "{http://www.w3.org/2005/Atom}"
SITE = "Test archive"
D1, D2, D3, D4, D5, D6 = ("2025-02-01T09:00:00+01:00", "2025-03-04T10:00:00+00:00", "2025-03-10T10:00:00+00:00",
                          "2025-03-12T10:00:00+00:00", "2025-04-01T10:00:00+00:00", "2025-04-05T10:00:00+00:00")
#: A second briefing, entered last and recording no publication date: the newest of the home page.
LATER = BRIEFING.replace("title: A test briefing", "title: A later briefing").replace("a-test#", "b-later#")


def series(root: Path) -> tuple[Archive, list[str]]:
    """The issue's series: graded 3, then 2 with a reason, a quote fix, a rename, a source re-graded; then a second
    briefing."""
    a = repository(write_fixture(Archive(root)))
    a.write("docs/index.md", "# Home\n\n<!-- briefings:home -->\n")
    shas = [commit(a, "Add the test briefing", D1)]
    for text, message, date in ((TWICE_2, "Re-grade twice", D2), (QUOTE_FIXED, "Fix the quote of drones", D3),
                                (RENAMED, "Rename drones", D4)):
        a.write("briefings/a-test.yml", text)
        shas.append(commit(a, message, date))
    a.write("briefings/sources/agency.yml", "name: The Agency\nkind: news-outlet\nreliability: C\nnote: A wire.\n")
    shas.append(commit(a, "Agency re-graded after a retraction", D5))
    a.write("briefings/b-later.yml", LATER)
    shas.append(commit(a, "Add a later briefing", D6))
    return a, shas


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Archive, list[str], Path]:
    a, shas = series(tmp_path_factory.mktemp("history") / "archive")
    return a, shas, a.build(strict=True)


def page(site: Path, path: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring((site / path / "index.html").read_text("utf-8"))


def text(element: lxml.html.HtmlElement) -> str:
    return " ".join(element.text_content().split())


def history_of(site: Path, bid: str, cid: str) -> str:
    doc = page(site, f"briefings/{bid}")
    section = doc.get_element_by_id(f"_note-{cid}").getparent()
    found = section.find_class("bx-history-line")
    return text(found[0]) if found else ""


def change_rows(site: Path, path: str = "changes") -> list[list[str]]:
    return [[text(td) for td in tr.findall("td")] for tr in page(site, path).xpath("//table[contains(concat(' ', @class, ' '), ' bx-changes ')]/tbody/tr")]


def test_a_claims_entry_shows_its_grade_since_and_a_short_history(built) -> None:
    _, _, site = built
    assert history_of(site, "a-test", "twice") == ("graded 3 on 2025-02-01; 2 since 2025-03-04: echoed by the "
                                                   "ministry; relations changed on 2025-03-12")
    assert history_of(site, "a-test", "drones-downed") == ("graded 2 since 2025-02-01; quote corrected on 2025-03-10; "
                                                           "renamed from a-test#drones on 2025-03-12")
    assert history_of(site, "b-later", "twice") == ""     # never changed: nothing to say
    # the claim entries never repeat the history's status; a whole history has none anywhere
    assert not page(site, "briefings/a-test").find_class("bx-history-status")


def test_a_sources_page_shows_its_reliability_history(built) -> None:
    _, _, site = built
    doc = page(site, "sources/agency")
    facts = {text(dt).rstrip(":"): text(dt.getnext()) for dt in doc.xpath("//dl[@class='bx-profile']/dt")}
    assert facts["Reliability history"] == ("graded B on 2025-02-01; C since 2025-04-01: Agency re-graded after a "
                                            "retraction")
    assert "Reliability history" not in {text(dt).rstrip(":") for dt in page(site, "sources/ministry").xpath("//dt")}


def test_changes_lists_every_regrade_and_correction_newest_first(built) -> None:
    _, _, site = built
    rows = change_rows(site)
    assert [(r[0], r[2], r[3], r[4]) for r in rows] == [
        ("2025-04-01", "reliability re-graded", "B → C", "Agency re-graded after a retraction"),
        ("2025-03-12", "renamed", "a-test#drones → a-test#drones-downed", "Rename drones"),
        ("2025-03-12", "relations changed", "corroborates a-test#drones → corroborates a-test#drones-downed",
         "Rename drones"),
        ("2025-03-10", "quote corrected", "“40 drones were shot down” → “40 drones were shot down over the region”",
         "Fix the quote of drones"),
        ("2025-03-04", "re-graded", "3 → 2", "echoed by the ministry"),
    ]
    links = [[a.get("href") for a in tr.iter("a")] for tr in page(site, "changes").xpath("//table[contains(concat(' ', @class, ' '), ' bx-changes ')]/tbody/tr")]
    assert links[0] == ["../sources/agency/"]
    assert links[1] == ["../briefings/a-test/#drones-downed", "../briefings/a-test/"]
    assert links[4] == ["../briefings/a-test/#twice", "../briefings/a-test/"]
    home = page(site, "")
    assert "../changes/" not in [a.get("href") for a in home.iter("a")]
    assert "changes/" in [a.get("href") for a in home.iter("a")]   # the nav and the home page link to it


def feed_entries(site: Path) -> list[dict[str, str]]:
    root = ET.fromstring((site / "feed.xml").read_bytes())
    return [{"id": e.findtext(f"{ATOM}id") or "", "title": e.findtext(f"{ATOM}title") or "",
             "updated": e.findtext(f"{ATOM}updated") or "", "summary": e.findtext(f"{ATOM}summary") or "",
             "href": e.find(f"{ATOM}link").get("href")} for e in root.findall(f"{ATOM}entry")]


def test_the_feed_has_an_entry_per_regrade_and_the_home_pages_order(built) -> None:
    _, shas, site = built
    entries = feed_entries(site)
    ids = [e["id"] for e in entries]
    assert ids == [entry_id(SITE, "b-later"), regrade_id(SITE, "source:agency", shas[4][:12]),
                   regrade_id(SITE, "a-test#twice", shas[1][:12]), entry_id(SITE, "a-test")]
    agency, twice = entries[1], entries[2]
    assert (twice["title"], twice["updated"], twice["summary"], twice["href"]) == (
        "Re-graded 3 → 2: “officials said it twice”", "2025-03-04T10:00:00+00:00", "echoed by the ministry",
        "briefings/a-test/#twice")
    assert (agency["title"], agency["updated"], agency["href"]) == ("The Agency re-graded B → C",
                                                                   "2025-04-01T10:00:00+00:00", "sources/agency/")
    home = page(site, "")
    assert text(home.find_class("bx-order")[0]).startswith(
        "Newest first by when each briefing entered the archive (its first commit).")
    latest = [a.get("href") for li in home.xpath("//ul[@class='bx-latest']/li") for a in li.iter("a")][:2]
    assert latest == ["briefings/b-later/", "briefings/a-test/"]
    briefing_ids = [e["id"] for e in entries if e["id"] in (entry_id(SITE, "b-later"), entry_id(SITE, "a-test"))]
    assert briefing_ids == [entry_id(SITE, "b-later"), entry_id(SITE, "a-test")]   # the home page's order


def test_the_same_commits_give_byte_identical_pages(built, tmp_path: Path) -> None:
    a, _, site = built
    again = a.build(strict=True, site_dir=tmp_path / "again")
    for path in ("changes/index.html", "briefings/a-test/index.html", "sources/agency/index.html", "index.html",
                 "feed.xml"):
        assert (again / path).read_bytes() == (site / path).read_bytes(), path


def test_a_copy_without_git_says_history_is_not_available(built, tmp_path: Path) -> None:
    a, _, _ = built
    copy = tmp_path / "copy"
    shutil.copytree(a.root, copy, ignore=shutil.ignore_patterns(".git", "site"))
    site = Archive(copy).build(strict=True)
    status = page(site, "changes").find_class("bx-history-status")
    assert [text(s) for s in status] == ["History not available: the archive's folder is not in a git repository"]
    assert change_rows(site) == []
    assert history_of(site, "a-test", "twice") == ""
    assert [text(s) for s in page(site, "briefings/a-test").find_class("bx-history-status")] == [
        "History not available: the archive's folder is not in a git repository (changes)"]
    assert text(page(site, "").find_class("bx-order")[0]).startswith(
        "Newest first by publication date; briefings that record none follow by title")


def test_a_shallow_clone_says_history_since(built, tmp_path: Path) -> None:
    a, _, _ = built
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{a.root}", str(clone)], check=True,
                   capture_output=True)
    site = Archive(clone).build(strict=True)
    status = [text(s) for s in page(site, "changes").find_class("bx-history-status")]
    assert status == ["History since 2025-04-05 (a shallow clone: older commits are not here)"]
    assert change_rows(site) == []


def test_uncommitted_changes_read_not_yet_committed(tmp_path: Path) -> None:
    a, _ = series(tmp_path / "archive")
    a.write("briefings/a-test.yml", RENAMED.replace("credibility: 2\n    regraded: echoed by the ministry",
                                                    "credibility: 3"))
    site = a.build(strict=True)
    assert history_of(site, "a-test", "twice") == (
        "graded 3 on 2025-02-01; relations changed on 2025-03-12; 3 (not yet committed): re-graded; no reason given"
        " 1 earlier change2 on 2025-03-04: echoed by the ministry")   # the earlier one inside a <details>
    assert change_rows(site)[0][:4] == ["not yet committed", change_rows(site)[0][1], "re-graded", "2 → 3"]
    assert all(e["title"] != "Re-graded 2 → 3: “officials said it twice”" for e in feed_entries(site))


def test_a_hostile_commit_message_is_text_everywhere(tmp_path: Path) -> None:
    a, _ = series(tmp_path / "archive")
    regraded = RENAMED.replace("credibility: 2\n    regraded: echoed by the ministry", "credibility: 3")
    a.write("briefings/a-test.yml", regraded)
    commit(a, PAYLOAD, "2025-05-01T10:00:00+00:00")
    a.write("briefings/a-test.yml", regraded.replace("quote: 40 drones were shot down over the region",
                                                     "quote: 40 drones were shot down"))
    commit(a, PAYLOAD, "2025-05-02T10:00:00+00:00")
    site = a.build(strict=True)
    for path in ("changes", "briefings/a-test", ""):
        html = (site / path / "index.html").read_text("utf-8")
        assert live_markup(html) == [], path
    assert [row[4] for row in change_rows(site)[:2]] == [PAYLOAD, PAYLOAD]   # the quote fix, the re-grade
    assert PAYLOAD in history_of(site, "a-test", "twice")
    entry = next(e for e in feed_entries(site) if e["title"].startswith("Re-graded 2 → 3"))
    assert entry["summary"] == PAYLOAD            # escaped in the XML, read back as the text it was
    assert b"<script>" not in (site / "feed.xml").read_bytes()
