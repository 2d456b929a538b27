from pathlib import Path

from tui.ui.config import default_config_path, load_config, parse_config


def test_default_path_follows_xdg(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert default_config_path() == tmp_path / "marginalia" / "config.yaml"


def test_missing_default_file_is_fine():
    config = load_config()
    assert config.problems == () and config.measure == 100 and config.notice is None


def test_good_config(tmp_path):
    path = tmp_path / "config.yaml"
    path.write_text("theme: light\nmeasure: 72\nreviewer: Ana\nkeymap:\n  next-claim: ctrl+n\n")
    config = load_config(path)
    assert config.problems == ()
    assert (config.theme, config.measure, config.reviewer) == ("light", 72, "Ana")
    assert config.keymap == {"next-claim": "ctrl+n"}


def test_unknown_keys_and_bad_values_are_reported_in_one_notice(tmp_path):
    path = tmp_path / "config.yaml"
    path.write_text("colour: red\nmeasure: wide\nkeymap:\n  fly: f\n  quit: 3\n")
    config = load_config(path)
    assert config.measure == 100  # bad value falls back
    notice = config.notice
    assert notice is not None and "\n" not in notice
    for fragment in ("unknown key colour", "measure", "fly", "quit"):
        assert fragment in notice


def test_bad_yaml_reports_the_line(tmp_path):
    path = tmp_path / "config.yaml"
    path.write_text("theme: [light\n")
    config = load_config(path)
    assert "not valid YAML" in config.notice


def test_explicit_missing_file_is_a_problem(tmp_path):
    assert load_config(tmp_path / "nope.yaml").problems


def test_parse_rejects_non_string_theme():
    assert "theme" in parse_config({"theme": 3}, Path("c.yaml")).notice
