"""The package's shape: stages import only earlier stages, the core stays light, modules stay small."""
from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from briefing_archive.core.ids import ID_PATTERN

PACKAGE = Path(__file__).resolve().parent.parent / "plugins" / "briefing_archive"
#: The pipeline, in order; a module may import its own stage and earlier ones only. Stages of one rank are siblings
#: and none imports another: render and exports both only read what derive made (addresses are core's), and each
#: engine's adapter stands alone.
STAGES = {"core": 0, "load": 1, "derive": 2, "render": 3, "exports": 3, "site": 5, "mkdocs": 6, "zensical": 6,
          "cli": 6}
#: The engines, and the one adapter that may import each.
ENGINES = {"mkdocs": "mkdocs", "properdocs": "mkdocs", "material": "mkdocs", "zensical": "zensical"}
MODULES = sorted(p for p in PACKAGE.rglob("*.py"))


def stage_of(path: Path) -> str:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return parts[0] if len(parts) > 1 or parts[0] == "site" else "package"


def imported(path: Path) -> list[tuple[str, int]]:
    """(top-level name inside the package or outside it, line) of every import of a module."""
    tree = ast.parse(path.read_text("utf-8"))
    depth = len(path.relative_to(PACKAGE).parts) - 1     # folders below the package
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level == 0:
                name = node.module or ""
                if name.startswith("briefing_archive."):
                    out.append(("pkg:" + name.split(".")[1], node.lineno))
                else:
                    out.append((name.split(".")[0], node.lineno))
            else:
                up = node.level - 1
                inside = Path(*path.relative_to(PACKAGE).parts[:depth])
                base = inside.parts[: len(inside.parts) - up] if up else inside.parts
                target = [*base, *((node.module or "").split(".") if node.module else [])]
                if not target:   # from . import x, at the package's top
                    target = [node.names[0].name]
                out.append(("pkg:" + target[0], node.lineno))
        elif isinstance(node, ast.Import):
            out += [(alias.name.split(".")[0], node.lineno) for alias in node.names]
    return out


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_a_stage_imports_only_itself_and_earlier_stages(path: Path) -> None:
    stage = stage_of(path)
    if stage == "package":
        return
    for name, line in imported(path):
        if name.startswith("pkg:"):
            other = name[4:]
            assert other in STAGES, f"{path}:{line}: imports briefing_archive.{other}, which is no stage"
            later = f"{path.relative_to(PACKAGE)}:{line}: the {stage} stage imports {other}, a later or sibling stage"
            assert stage == other or STAGES[other] < STAGES[stage], later


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_only_the_adapter_imports_an_engine(path: Path) -> None:
    """MkDocs only in mkdocs/, Zensical only in zensical/: the core, the generator and the CLI know no engine."""
    engines = {name for name, _ in imported(path) if ENGINES.get(name, stage_of(path)) != stage_of(path)}
    assert not engines, (f"{path.relative_to(PACKAGE)} imports {engines}: only the engine's own adapter "
                         "(briefing_archive/mkdocs/, briefing_archive/zensical/) may")


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_modules_stay_small(path: Path) -> None:
    assert len(path.read_text("utf-8").splitlines()) <= 350


def test_the_model_is_the_ground_floor() -> None:
    """Importing the model loads none of the libraries of the later stages."""
    heavy = ["jsonschema", "fastjsonschema", "yaml", "yamlcore", "rapidfuzz", "markdown_it", "nh3", "feedgen",
             "mkdocs"]
    code = ("import sys, json; import briefing_archive.core.model, briefing_archive.core.credibility; "
            f"print(json.dumps([m for m in {heavy!r} if m in sys.modules]))")
    loaded = json.loads(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                       check=True).stdout)
    assert loaded == []


def test_schemas_spell_ids_with_the_one_id_rule() -> None:
    """Every id pattern of every schema is the core's ID_PATTERN (relation targets: two of them)."""
    found = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            pattern = node.get("pattern")
            if isinstance(pattern, str) and "a-z0-9" in pattern:
                found.append(pattern)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for schema in (PACKAGE / "schema").glob("*.json"):
        walk(json.loads(schema.read_text("utf-8")))
    assert found, set(found)
    assert set(found) <= {f"^{ID_PATTERN}$", f"^{ID_PATTERN}#{ID_PATTERN}$"}, set(found)


def test_the_claim_key_is_written_once() -> None:
    """``briefing-id#claim-id`` is made and split only by core/ids.py (claim_key, split_claim_key): a module that
    spells it out again could drift from every table keyed by it."""
    spelled = re.compile(r"""\}#\{|\.(?:r?split|r?partition)\(["']#["']""")
    found = [f"{p.relative_to(PACKAGE)}:{n}" for p in MODULES if p.relative_to(PACKAGE).as_posix() != "core/ids.py"
             for n, line in enumerate(p.read_text("utf-8").splitlines(), 1)
             if spelled.search(line) and "ID_PATTERN" not in line and '["location"]' not in line]
    assert not found, f"use briefing_archive.core.ids.claim_key / split_claim_key at {found}"
