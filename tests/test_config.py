"""One settings table: MkDocs' options and the command line's checks are built from the same rows."""
from __future__ import annotations

from dataclasses import fields

from mkdocs.config import config_options as c

from briefing_archive.core.config import SETTINGS, ArchiveConfig, Settings, check_settings
from briefing_archive.load.settings import archive_config
from briefing_archive.mkdocs.plugin import BriefingsConfig


def test_mkdocs_options_are_the_settings_table() -> None:
    options = dict(BriefingsConfig._schema)
    assert list(options) == [f.name for f in fields(Settings)]
    for name, option in options.items():
        row = SETTINGS[name]
        assert option.default == row.default == getattr(Settings(), name)
        if row.choices:
            assert isinstance(option, c.Choice)
            assert tuple(option.choices) == row.choices
        else:
            assert isinstance(option, c.Type)
            assert option._type is row.type


def test_check_settings_refuses_what_mkdocs_refuses() -> None:
    settings, wrong = check_settings({"max_seed_bytes": "big", "publish_text": "some", "lexicon": "icd203",
                                      "max_yaml_bytes": True, "colour": "red"})
    assert settings == Settings(lexicon="icd203")
    assert {name: severity for name, (severity, _) in wrong.items()} == {
        "max_seed_bytes": "error", "publish_text": "error", "max_yaml_bytes": "error", "colour": "warning"}
    assert "use one of `full`, `excerpts`" in wrong["publish_text"][1]


def test_archive_config_reads_settings_with_their_lines(tmp_path) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: x\nplugins:\n  - search\n  - briefings:\n"
                                         "      seeds_dir: articles\n      max_seed_bytes: lots\n"
                                         "      colour: red\nextra:\n  x: !ENV [HOME, x]\n")
    config, problems = archive_config(tmp_path)
    assert config == ArchiveConfig.at(tmp_path, Settings(seeds_dir="articles"))
    assert [p.format() for p in problems] == [
        "mkdocs.yml:6:7: error: the briefings plugin's `max_seed_bytes` must be a whole number, not 'lots'",
        ("mkdocs.yml:7:7: warning: unknown setting `colour` of the briefings plugin; the settings are "
        "`seeds_dir`, `briefings_dir`, `max_yaml_bytes`, `max_seed_bytes`, `publish_text`, `search`, `lexicon`, "
        "`author`")]


def test_options_override_single_settings(tmp_path) -> None:
    config = ArchiveConfig.at(tmp_path, lexicon="icd203")
    assert config.lexicon == "icd203"
    assert config.seeds_dir == (tmp_path / "seeds").resolve()
    assert not config.excerpts
    assert ArchiveConfig.at(tmp_path, publish_text="excerpts").excerpts
