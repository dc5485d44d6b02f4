"""Seeds with a byte-order mark, CRLF or CR line ends, or in NFD are read silently and anchored."""
from __future__ import annotations

import re
import unicodedata
from html import unescape

import pytest

VARIANTS = {
    "bom": lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"),
    "crlf": lambda t: t.replace("\n", "\r\n").encode("utf-8"),
    "cr": lambda t: t.replace("\n", "\r").encode("utf-8"),
    "nfd": lambda t: unicodedata.normalize("NFD", t).encode("utf-8"),
}


@pytest.mark.parametrize("variant", sorted(VARIANTS))
@pytest.mark.usefixtures("no_warnings")
def test_seed_variant_is_accepted_and_anchored(archive, variant) -> None:
    text = archive.root.joinpath("seeds/a.txt").read_text("utf-8").replace("Friday", "Fr\u00e9day caf\u00e9")
    archive.write("seeds/a.txt", VARIANTS[variant](text))
    archive.write("briefings/a-test.yml", archive.root.joinpath("briefings/a-test.yml").read_text()
                  .replace("quote: 40 drones were shot down", "quote: shot down over the region on Fr\u00e9day caf\u00e9"))
    site = archive.build(strict=True)
    html = unescape((site / "briefings" / "a-test" / "index.html").read_text("utf-8"))
    assert re.search('<mark class="bx-claim bx-rel-c [^"]*" id="drones" data-bx-tip="[^"]*">shot down over the region on Fr\u00e9day caf\u00e9</mark>', html)
    published = (site / "seeds" / "a.txt").read_bytes()
    assert not published.startswith(b"\xef\xbb\xbf")
    assert b"\r" not in published
    assert published.decode("utf-8") == unicodedata.normalize("NFC", text)
