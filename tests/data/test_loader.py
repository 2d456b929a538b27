"""tui.data: one way to read packaged data; YAML through a safe loader, C when there is one."""

from __future__ import annotations

import pytest
import yaml

import tui.data as data


def test_reads_packaged_files() -> None:
    assert data.has_data("codebook.yaml")
    assert not data.has_data("no-such-file.yaml")
    abbreviations = data.data_mapping("abbreviations.yaml")
    assert "Gen" in abbreviations["never_final"]
    assert data.data_text("NOTICE").startswith("Third-party data")
    with pytest.raises(FileNotFoundError):
        data.data_bytes("no-such-file.yaml")


def test_uses_the_c_loader_when_pyyaml_has_it(monkeypatch: pytest.MonkeyPatch) -> None:
    used = []
    real = yaml.load

    def spy(text, Loader):  # noqa: N803 - PyYAML's own keyword
        used.append(Loader)
        return real(text, Loader=Loader)

    monkeypatch.setattr(yaml, "load", spy)
    assert data.safe_yaml("a: [1, 2]") == {"a": [1, 2]}
    assert used[-1] is getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    monkeypatch.delattr(yaml, "CSafeLoader", raising=False)
    assert data.safe_yaml("a: [1, 2]") == {"a": [1, 2]}
    assert used[-1] is yaml.SafeLoader


def test_yaml_tags_build_no_objects() -> None:
    assert data.safe_yaml("x: !!str 3") == {"x": "3"}  # standard tags are fine
    with pytest.raises(yaml.YAMLError):
        data.safe_yaml("x: !!python/object/apply:os.getcwd []")


def test_a_mapping_is_required_where_one_is_expected(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(data, "data_text", lambda name: "- just\n- a list\n")
    with pytest.raises(ValueError, match="expected a mapping"):
        data.data_mapping("words.yaml")
    monkeypatch.setattr(data, "data_text", lambda name: "words: [a]\n")
    assert data.data_mapping("words.yaml") == {"words": ["a"]}
