"""Each expensive derivation runs once per build (issue 24 item 1): the check judges the relations both ways, every
source's closure and each claim's standing, and the derive stage, the pages, the methodology page's per-side table,
ClaimReview and the exports read that judgement; nothing judges again.

Counted through wrappers put in place of every binding of the function in the package (a module that imported it
by name holds its own), so a new caller that computes one of them again is counted too.
"""
from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from briefing_archive.cli import generate as _generate  # noqa: F401  (loaded, so its bindings are counted too)
from briefing_archive.cli.main import main
from briefing_archive.core import independence, rule
from briefing_archive.core.config import ArchiveConfig
from briefing_archive.derive import links, stage
from briefing_archive.derive.stage import derive_archive
from briefing_archive.load.archive import load_archive
from briefing_archive.mkdocs import plugin as _plugin  # noqa: F401
from briefing_archive.render.placeholders import sides_markdown
from briefing_archive.site import build_site as _build_site  # noqa: F401

from conftest import Archive, copy_shipped

#: Once per build each: the judgement (relations both ways with verdicts, standings), the originator closures, the
#: derive stage and its links.
ONCE = {"judge": (rule, "judge"), "both_ways": (rule, "both_ways"), "derive_archive": (stage, "derive_archive"),
        "build_links": (links, "build_links")}


def counted(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """Calls of each function of :data:`ONCE`, of ``standing`` and of ``Origins`` (its closures), from now on."""
    calls = {name: 0 for name in (*ONCE, "standing", "Origins")}

    def wrap(name: str, original: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            calls[name] += 1
            return original(*args, **kwargs)
        return wrapper

    targets = {**ONCE, "standing": (rule, "standing")}
    for name, (module, attr) in targets.items():
        original = getattr(module, attr)
        replacement = wrap(name, original)
        for loaded in list(sys.modules.values()):   # every module of the package that bound it by name
            if getattr(loaded, "__name__", "").startswith("briefing_archive"):
                for key, value in list(vars(loaded).items()):
                    if value is original:
                        monkeypatch.setattr(loaded, key, replacement)
    init = independence.Origins.__init__

    def origins(self: independence.Origins, *args: Any, **kwargs: Any) -> None:
        calls["Origins"] += 1
        init(self, *args, **kwargs)
    monkeypatch.setattr(independence.Origins, "__init__", origins)
    return calls


def related_archive(root: Path, n: int) -> Archive:
    """The frozen shipped archive (two briefings whose claims relate both ways) and ``n`` copies of its first
    briefing, each relating to the original's first claim: more relations, more sources' pairs to judge."""
    a = copy_shipped(root)
    first = min((a.root / "briefings").glob("*.yml"))
    data = yaml.safe_load(first.read_text("utf-8"))
    target = f"{first.stem}#{data['claims'][0]['id']}"
    for i in range(n):
        copy = dict(data, title=f"{data['title']} (copy {i})", claims=[
            {k: v for k, v in c.items() if k != "relations"} | ({"relations": [{"echoes": target}]} if j == 0 else {})
            for j, c in enumerate(data["claims"])])
        a.write(f"briefings/copy-{i}.yml", yaml.safe_dump(copy, sort_keys=False, allow_unicode=True))
    return a


def judged_apart(root: Path) -> tuple[int, str]:
    """How many claims the archive at ``root`` holds, and its per-side table as the methodology page shows it,
    judged by a check and a derive stage of their own (before anything is counted)."""
    archive, problems = load_archive(ArchiveConfig.at(root))
    assert archive is not None, problems
    return sum(len(b.claims) for b in archive.briefings), sides_markdown(derive_archive(archive).sides).strip()


def assert_once(calls: dict[str, int], claims: int) -> None:
    assert {name: calls[name] for name in ONCE} == dict.fromkeys(ONCE, 1), calls
    assert calls["Origins"] == 1, calls        # every source's closure: the one memo of verdicts
    assert calls["standing"] == claims, calls  # each claim's standing, once


@pytest.mark.parametrize("copies", [0, 3])
def test_a_mkdocs_build_derives_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, copies: int) -> None:
    a = related_archive(tmp_path / "archive", copies)
    claims, sides = judged_apart(a.root)
    calls = counted(monkeypatch)
    site = a.build()
    assert_once(calls, claims)
    # what reads the judgement was made from it: the per-side table, ClaimReview, the exports' ceilings
    methodology = (site / "methodology" / "index.html").read_text("utf-8")
    assert sides in methodology
    assert all("ClaimReview" in page.read_text("utf-8") for page in (site / "briefings").glob("*/index.html"))
    assert '"ceiling"' in (site / "archive.json").read_text("utf-8")


def test_briefings_generate_derives_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    a = related_archive(tmp_path / "archive", 2)
    claims, sides = judged_apart(a.root)
    calls = counted(monkeypatch)
    out = tmp_path / "generated"
    assert main(["generate", str(out), "--root", str(a.root)]) == 0, capsys.readouterr()
    assert_once(calls, claims)
    assert sides in (out / "methodology.md").read_text("utf-8")


def test_check_sides_judges_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    """`briefings check --sides` has no build: the table is the check's own judgement, made once, and no page or
    derive stage is made for it."""
    a = related_archive(tmp_path / "archive", 1)
    claims, _ = judged_apart(a.root)
    calls = counted(monkeypatch)
    assert main(["check", "--sides", str(a.root)]) == 0
    assert "Originator's side" in capsys.readouterr().out
    assert (calls["judge"], calls["both_ways"], calls["Origins"], calls["standing"]) == (1, 1, 1, claims), calls
    assert calls["derive_archive"] == 0, calls


@pytest.mark.parametrize(("edit", "derive"), [
    (("    note: Probably true;", "    note: Edited, probably true;"), "kept"),   # prose alone: kept
    (("title: A test briefing", "title: A retitled briefing"), "again"),
    (("    credibility: 3", "    credibility: 4"), "again"),
])
def test_the_preview_derives_again_only_after_more_than_prose(archive: Archive, monkeypatch: pytest.MonkeyPatch,
                                                              edit: tuple[str, str], derive: str) -> None:
    """After an edit to prose alone the derive stage keeps its tables (nothing derived reads prose); after any other
    edit it derives them again."""
    from dataclasses import replace

    from briefing_archive.site import build_site

    config = replace(ArchiveConfig.at(archive.root), reuse=True)
    first = build_site(config)
    path = archive.root / "briefings" / "a-test.yml"
    text = path.read_text("utf-8")
    assert edit[0] in text
    path.write_text(text.replace(edit[0], edit[1], 1), "utf-8")
    calls = counted(monkeypatch)
    again = build_site(config, previous=first)
    assert calls["build_links"] == (1 if derive == "again" else 0)
    assert again.pages == build_site(replace(config, reuse=False)).pages
