"""urls: page paths to site URLs (directory-style and file-style), and the relative links between pages,
checked against how a browser resolves them (urllib.parse.urljoin)."""
from __future__ import annotations

from urllib.parse import unquote, urljoin, urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing_archive.core import urls

SITE = "https://example.test/archive/"


@pytest.mark.parametrize(("page", "directory", "file"), [
    ("index.md", "", "index.html"),
    ("briefings/index.md", "briefings/", "briefings/index.html"),
    ("briefings/x.md", "briefings/x/", "briefings/x.html"),
    ("sources/uk-mod.md", "sources/uk-mod/", "sources/uk-mod.html"),
    ("a/b/c.md", "a/b/c/", "a/b/c.html"),
    ("reindex.md", "reindex/", "reindex.html"),           # ends in "index", is not an index page
    ("x/myindex.md", "x/myindex/", "x/myindex.html"),
    ("seeds/a.txt", "seeds/a.txt", "seeds/a.txt"),        # a file keeps its name in both modes
    ("feed.xml", "feed.xml", "feed.xml"),
    ("", "", ""),                                         # the site root
])
def test_page_url_in_both_modes(page, directory, file) -> None:
    assert urls.page_url(page, directory_urls=True) == directory
    assert urls.page_url(page, directory_urls=False) == file


@pytest.mark.parametrize(("name", "encoded"), [
    ("a b.txt", "a%20b.txt"),
    ("a#b.txt", "a%23b.txt"),          # would start a fragment
    ("a?b.txt", "a%3Fb.txt"),          # would start a query
    ("100%.txt", "100%25.txt"),        # would start an escape
    ("50%20off.txt", "50%2520off.txt"),  # an escape-looking name stays that name
    ("a&b;c=d.txt", "a%26b%3Bc%3Dd.txt"),
    ("\"<'>.txt", "%22%3C%27%3E.txt"),
    ("Київ.txt", "%D0%9A%D0%B8%D1%97%D0%B2.txt"),  # UTF-8, then percent-encoded
    ("a+b.txt", "a%2Bb.txt"),
])
def test_odd_file_names_are_percent_encoded(name, encoded) -> None:
    for directory_urls in (True, False):
        url = urls.page_url(urls.seed_file(name), directory_urls=directory_urls)
        assert url == "seeds/" + encoded
        parts = urlsplit(SITE + url)
        assert parts.query == ""
        assert parts.fragment == ""
        assert unquote(parts.path) == "/archive/seeds/" + name


def test_page_paths_of_each_kind() -> None:
    assert urls.briefing_page("b1") == "briefings/b1.md"
    assert urls.source_page("uk-mod") == "sources/uk-mod.md"
    assert urls.entity_page("kursk") == "entities/kursk.md"
    assert urls.seed_file("000_x.txt") == "seeds/000_x.txt"


@pytest.mark.parametrize(("from_page", "to_page", "fragment", "directory", "file"), [
    ("briefings/x.md", "sources/y.md", None, "../../sources/y/", "../sources/y.html"),
    ("briefings/x.md", "briefings/z.md", "c1", "../../briefings/z/#c1", "../briefings/z.html#c1"),
    ("briefings/x.md", "briefings/x.md", "c1", "#c1", "#c1"),                 # same page: the fragment alone
    ("briefings/x.md", "briefings/x.md", None, "../../briefings/x/", "../briefings/x.html"),
    ("index.md", "sources/y.md", None, "sources/y/", "sources/y.html"),
    ("index.md", "index.md", None, "./", "index.html"),                       # never an empty href
    ("sources/y.md", "index.md", None, "../../", "../index.html"),
    ("sources/index.md", "sources/y.md", None, "../sources/y/", "../sources/y.html"),
    ("briefings/x.md", "seeds/a b#1.txt", None, "../../seeds/a%20b%231.txt", "../seeds/a%20b%231.txt"),
    ("figures.md", "briefings/x.md", "_note-c", "../briefings/x/#_note-c", "briefings/x.html#_note-c"),
])
def test_links_between_pages(from_page, to_page, fragment, directory, file) -> None:
    assert urls.link(from_page, to_page, directory_urls=True, fragment=fragment) == directory
    assert urls.link(from_page, to_page, directory_urls=False, fragment=fragment) == file


# Page paths as the site has them: index pages, pages in folders, files with odd names.
_segment = st.text(alphabet="abcz-09", min_size=1, max_size=6).filter(lambda s: s != "index")
_odd = st.text(alphabet="ab #?%&+\u00e9\u043a", min_size=1, max_size=8)
pages = st.one_of(
    st.just("index.md"),
    st.lists(_segment, min_size=1, max_size=3).map(lambda p: "/".join(p) + "/index.md"),
    st.lists(_segment, min_size=1, max_size=3).map(lambda p: "/".join(p) + ".md"),
    _odd.map(lambda n: urls.seed_file(n + ".txt")),
)


@given(from_page=pages, to_page=pages, directory_urls=st.booleans(),
       fragment=st.one_of(st.none(), st.text(alphabet="abc-_0", min_size=1, max_size=5)))
def test_a_link_resolves_to_the_page_it_names(from_page, to_page, directory_urls, fragment) -> None:
    """Resolved against the URL of the page it sits on, a link reaches the target's URL (and fragment)."""
    here = SITE + urls.page_url(from_page, directory_urls=directory_urls)
    href = urls.link(from_page, to_page, directory_urls=directory_urls, fragment=fragment)
    assert href
    resolved = urlsplit(urljoin(here, href))
    target = urlsplit(SITE + urls.page_url(to_page, directory_urls=directory_urls))
    assert resolved.path == target.path
    assert resolved.query == ""
    assert resolved.fragment == (fragment or "")


@given(st.text(min_size=1, max_size=12).filter(lambda s: "/" not in s and "\x00" not in s
                                               and s not in (".", "..")))
def test_any_file_name_survives_the_round_trip(name) -> None:
    """A seed keeps its file name in the site, whatever it is (``notes.md`` is a file, not a page)."""
    url = urls.file_url(urls.seed_file(name))
    assert url.isascii()
    assert " " not in url
    assert "#" not in url
    assert "?" not in url
    assert unquote(url, errors="strict") == "seeds/" + name
    href = urls.file_link("briefings/x.md", urls.seed_file(name), directory_urls=True)
    assert unquote(urlsplit(urljoin(SITE + "briefings/x/", href)).path) == "/archive/seeds/" + name
