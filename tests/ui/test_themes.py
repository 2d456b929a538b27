from tui.ui.resources import seed_article, themes_dir
from tui.ui.themes import VARIABLE_DEFAULTS, load_themes


def test_bundled_themes_load_with_the_entity_palette():
    themes = load_themes()
    assert themes.problems == ()
    names = {t.name for t in themes.themes}
    assert {"dark", "light", "high-contrast", "okabe-ito"} <= names
    for theme in themes.themes:
        assert set(VARIABLE_DEFAULTS) <= set(theme.variables), theme.name
    assert {t.name: t.dark for t in themes.themes}["light"] is False


def test_bad_theme_files_are_reported_and_skipped(tmp_path):
    (tmp_path / "good.yaml").write_text("name: good\nprimary: '#336699'\n")
    (tmp_path / "broken.yaml").write_text("name: [oops\n")
    (tmp_path / "colour.yaml").write_text("name: colour\nprimary: notacolour\n")
    (tmp_path / "extra.yaml").write_text("name: extra\nprimary: '#fff'\nsparkle: yes\n")
    themes = load_themes((tmp_path,))
    assert [t.name for t in themes.themes] == ["good"]
    notice = themes.notice
    assert "broken.yaml" in notice and "colour.yaml" in notice and "extra.yaml" in notice
    assert "\n" not in notice


def test_resources_find_themes_and_seed():
    assert (themes_dir() / "dark.yaml").is_file()
    assert seed_article().is_file()
