"""`briefings pin` edits through the parser's positions (issue 22, R7): whatever scalar style each value is
written in, whatever ``article_sha256:`` text a value or a comment holds, only the top-level key changes."""
from __future__ import annotations

import hashlib

from hypothesis import given
from hypothesis import strategies as st

from briefing_archive.cli.main import main
from briefing_archive.cli.pin import with_sha256
from briefing_archive.load.yamlfile import load_yaml

DECOY = "article_sha256: " + "0" * 64
HASHES = st.text(alphabet="0123456789abcdef", min_size=64, max_size=64) | st.sampled_from(
    ["0" * 64, "1" * 63 + "0", "1e" + "5" * 62])   # all digits, and one YAML would read as a float


def styled(key: str, words: str, style: str, nl: str) -> str:
    """``key: <words>`` in one scalar style; the multi-line ones put the decoy on a line of their own (at the
    start of the line in quotes, which YAML allows at the top level: where a line pattern finds a key)."""
    if style == "plain":
        return f"{key}: {words}{nl}  {DECOY.replace(': ', ' ')}{nl}"
    if style == "double":
        return f'{key}: "{words}{nl}{DECOY}{nl}  end"{nl}'
    if style == "single":
        return f"{key}: '{words}{nl}{DECOY}{nl}  end'{nl}"
    indicator = {"literal": "|", "folded": ">", "keep": "|+", "strip": ">-"}[style]
    return f"{key}: {indicator}{nl}  {words}{nl}  {DECOY}{nl}{nl}"


STYLES = st.sampled_from(["plain", "double", "single", "literal", "folded", "keep", "strip"])
WORDS = st.text(alphabet="abc xyz", min_size=1, max_size=10).map(lambda s: "w " + s.strip() + " w")


@st.composite
def briefing(draw) -> str:
    nl = draw(st.sampled_from(["\n", "\r\n"]))
    parts = [draw(st.sampled_from([f"article: a.txt{nl}", f'article: "a.txt"{nl}', f"article: >-{nl}  a.txt{nl}"]))]
    if draw(st.booleans()):
        parts[0] = parts[0].rstrip("\r\n") + f"  # {DECOY}{nl}"
    for key in ("title", "summary"):
        parts.append(styled(key, draw(WORDS), draw(STYLES), nl))
    parts.append(f"# {DECOY}{nl}")
    existing = draw(st.sampled_from([None, "plain", "quoted", "null", "literal"]))
    if existing is not None:
        value = {"plain": "f" * 64, "quoted": f"'{'e' * 64}'", "null": "null", "literal": f"|{nl}  {'d' * 64}{nl}"}
        line = f"article_sha256: {value[existing]}" + ("" if existing == "literal" else nl)
        parts.insert(draw(st.integers(0, len(parts))), line)
    if draw(st.booleans()):
        parts.insert(0, f"# yaml-language-server: $schema=x{nl}")
    return "".join(parts)


@given(briefing(), HASHES)
def test_pin_sets_the_top_level_key_and_nothing_else(text, sha256) -> None:
    before = load_yaml(text.encode(), "b.yml", 10**6)[0]
    assert before is not None
    new = with_sha256(text, sha256)
    after = load_yaml(new.encode(), "b.yml", 10**6)[0]
    assert after is not None
    assert after.data == {**before.data, "article_sha256": sha256}
    assert new.count(DECOY) == text.count(DECOY), "a value or comment holding the key's text is left as written"
    assert with_sha256(new, sha256) == new, "pinning twice changes nothing"
    # Only one line is new or changed: the rest of the file is kept, line ends included.
    old_lines, new_lines = text.splitlines(keepends=True), new.splitlines(keepends=True)
    assert len(set(new_lines) - set(old_lines)) <= 1
    lone_lf = "\n" in text.replace("\r\n", "")
    assert ("\n" in new.replace("\r\n", "")) == lone_lf, "the file's line ends are kept"


def test_pin_ignores_the_key_inside_a_multiline_title(archive, capsys) -> None:
    """The issue's reproduction: a line reading `article_sha256: 0000...` inside a double-quoted title."""
    path = archive.root / "briefings/a-test.yml"
    title = f'title: "A test\n{DECOY}\n  briefing"'
    path.write_text(path.read_text("utf-8").replace("title: A test briefing", title), encoding="utf-8")
    assert main(["pin", str(archive.root)]) == 0
    loaded = load_yaml(path.read_bytes(), "b.yml", 10**6)[0]
    seed = hashlib.sha256((archive.root / "seeds/a.txt").read_bytes()).hexdigest()
    assert loaded is not None
    assert loaded.data["article_sha256"] == seed
    assert loaded.data["title"] == f"A test {DECOY} briefing"
    assert main(["check", "--strict", str(archive.root)]) == 0, capsys.readouterr().out


def test_pin_keeps_a_byte_order_mark_and_crlf(archive) -> None:
    path = archive.root / "briefings/a-test.yml"
    original = path.read_text("utf-8").replace("\n", "\r\n")
    path.write_bytes(b"\xef\xbb\xbf" + original.encode())
    assert main(["pin", str(archive.root)]) == 0
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in raw
    assert b"\n" not in raw.replace(b"\r\n", b"")
    assert raw.decode("utf-8-sig").replace("\r\n", "\n").count("\n") == original.count("\r\n") + 1
