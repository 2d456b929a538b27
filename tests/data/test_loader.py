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


# The extractor's own word lists must be cached (the load-time budget counts on it);
# any other file may be left out (JSON cannot hold it exactly) or not yet rebuilt after
# an edit: then it is parsed as YAML, slower but right. training/check_built.py reports
# a stale cache.
CACHED = (
    "abbreviations.yaml",
    "claims_cues.yaml",
    "claims_grammar.yaml",
    "claims_hedges.yaml",
    "claims_sources.yaml",
    "gazetteer_norp.yaml",
    "gazetteer_orgs.yaml",
    "gazetteer_places.yaml",
    "names_titles.yaml",
    "ner_patterns.yaml",
    "quantities_words.yaml",
)


def test_the_json_cache_never_disagrees_with_the_yaml() -> None:
    from training.build_yaml_cache import DATA

    cache = data._yaml_cache()
    texts = {data.yaml_key(p.read_text(encoding="utf-8")): p for p in sorted(DATA.glob("*.yaml"))}
    for name in CACHED:
        assert data.yaml_key(data.data_text(name)) in cache, (
            f"{name}: run python -m training.build_yaml_cache"
        )
    for key in cache:
        if key in texts:  # an entry of a file edited since is simply never used
            text = texts[key].read_text(encoding="utf-8")
            assert data.safe_yaml(text) == data.parse_yaml(text), texts[key].name


def test_a_text_not_in_the_cache_is_parsed_as_yaml() -> None:
    text = data.data_text("abbreviations.yaml") + "\nextra: [x]\n"
    assert data.yaml_key(text) not in data._yaml_cache()
    parsed = data.safe_yaml(text)
    assert parsed["extra"] == ["x"]
    assert "Gen" in parsed["never_final"]
    # a cached read is a fresh object: changing it changes no later read
    first = data.data_mapping("abbreviations.yaml")
    first["never_final"].clear()
    assert "Gen" in data.data_mapping("abbreviations.yaml")["never_final"]
