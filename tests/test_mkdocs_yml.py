"""One reading of mkdocs.yml: the command line reads the plugin's settings by MkDocs' tag rules.

`briefings check` and `briefings generate` read mkdocs.yml without MkDocs (load/siteconfig.py); a setting written
with `!ENV` (or any tag) must mean to them what it means to `mkdocs build`, or an author's check passes on an
archive the build refuses, or refuses one it builds.
"""
from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs import exceptions
from mkdocs.config import load_config

from briefing_archive.cli.main import main
from briefing_archive.core.config import Settings
from briefing_archive.load.settings import archive_config

VAR = "BRIEFINGS_TEST_LEXICON"
SIZE = "BRIEFINGS_TEST_SEED_BYTES"
LEXICONS = Path(__file__).resolve().parent.parent / "plugins" / "briefing_archive" / "lexicons"


@contextmanager
def env(**values: str | None) -> Iterator[None]:
    """Set (a string) or unset (None) environment variables for the block, then put them back."""
    before = {k: os.environ.get(k) for k in values}
    try:
        for k, v in values.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
        yield
    finally:
        for k, v in before.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def with_plugin_options(archive, options: str) -> Path:
    """The fixture archive's mkdocs.yml with ``options`` (YAML lines) under the briefings plugin."""
    path = archive.root / "mkdocs.yml"
    text = path.read_text("utf-8")
    assert "  - briefings\n" in text
    path.write_text(text.replace("  - briefings\n", "  - briefings:\n" + options), "utf-8")
    return path


def mkdocs_settings(config_file: Path) -> dict[str, object] | None:
    """The plugin's options as MkDocs validates them (None: MkDocs refuses the config)."""
    try:
        config = load_config(str(config_file))
    except (exceptions.ConfigurationError, exceptions.Abort):
        return None
    return {name: config.plugins["briefings"].config[name] for name in Settings.__dataclass_fields__}


def cli_settings(root: Path) -> dict[str, object] | None:
    """The plugin's options as the command line reads them (None: it refuses them, as it does with exit 2)."""
    try:
        config, problems = archive_config(root)
    except (ValueError, yaml.YAMLError):
        return None
    if any(p.severity == "error" for p in problems):
        return None
    return {name: getattr(config.settings, name) for name in Settings.__dataclass_fields__}


# Environment values: absent, empty, a lexicon's name, YAML that types as something else than text, odd text.
ENV_VALUES = st.one_of(st.none(), st.sampled_from(["", "phia", "icd203", "12", "true", "null", "~", "[a, b]",
                                                   "a: b", "'quoted'", "0x10", "1e3", "no"]),
                       st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=8))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lexicon=ENV_VALUES, size=ENV_VALUES)
def test_the_cli_reads_env_tags_as_mkdocs_does(archive, lexicon, size) -> None:
    """For any value of the variables (or none), MkDocs and the command line read the same settings, or both
    refuse them."""
    config_file = archive.root / "mkdocs.yml"
    if "!ENV" not in config_file.read_text("utf-8"):
        with_plugin_options(archive, f"      lexicon: !ENV [{VAR}, icd203]\n"
                                     f"      max_seed_bytes: !ENV [OTHER_UNSET_VARIABLE, {SIZE}, 65536]\n")
    with env(**{VAR: lexicon, SIZE: size}):
        assert cli_settings(archive.root) == mkdocs_settings(config_file)


@pytest.mark.parametrize("options", [
    "      lexicon: !relative $config_dir/lexicon.yml\n",   # a path placeholder to MkDocs, never text
    "      lexicon: !relative $site_dir/lexicon.yml\n",     # an unknown prefix
    "      lexicon: !relative lexicon.yml\n",               # `!relative` alone takes no value
    "      lexicon: !ENV {a: b}\n",                         # !ENV takes a name or a list
    "      seeds_dir: !!python/name:os.sep\n",              # a Python object, not text (no safe reader makes it)
])
def test_tags_the_build_refuses_are_refused_by_the_check(archive, capsys, options) -> None:
    config_file = with_plugin_options(archive, options)
    if "python/name" not in options:
        assert mkdocs_settings(config_file) is None
    assert cli_settings(archive.root) is None
    assert main(["check", str(archive.root)]) == 2
    assert "Traceback" not in capsys.readouterr().err


def test_a_bad_tag_elsewhere_in_mkdocs_yml_stops_the_check_as_it_stops_the_build(archive, capsys) -> None:
    config_file = archive.root / "mkdocs.yml"
    config_file.write_text(config_file.read_text("utf-8") + "extra:\n  where: !relative $nowhere\n", "utf-8")
    assert mkdocs_settings(config_file) is None
    assert main(["check", str(archive.root)]) == 2
    err = capsys.readouterr().err
    assert "$nowhere" in err
    assert "mkdocs.yml" in err
    assert "Traceback" not in err


@pytest.mark.slow   # two real MkDocs builds
@pytest.mark.parametrize("value", [None, "phia"], ids=["unset", "set"])
def test_check_and_build_agree_with_and_without_the_variable(archive, capsys, value) -> None:
    """`lexicon: !ENV [VAR, icd203]`: `briefings check` passes and the built site uses the lexicon the check read,
    with the variable unset (the default) and set."""
    with_plugin_options(archive, f"      lexicon: !ENV [{VAR}, icd203]\n")
    archive.write("docs/index.md", "# Home\n\n<!-- briefings:lexicon -->\n")
    with env(**{VAR: value}):
        assert main(["check", str(archive.root)]) == 0, capsys.readouterr()
        chosen = cli_settings(archive.root)
        site = archive.build(strict=True)
    assert chosen is not None
    assert chosen["lexicon"] == (value or "icd203")
    name = yaml.safe_load((LEXICONS / f"{chosen['lexicon']}.yml").read_text("utf-8"))["name"]
    assert f"The lexicon in use: <strong>{name}</strong>" in (site / "index.html").read_text("utf-8")
