from pathlib import Path

import pytest

from tui.extract.codebook import CodebookError, load_codebook, parse_codebook

ACLED_SUBTYPES = {
    "Battles": [
        "Armed clash",
        "Government regains territory",
        "Non-state actor overtakes territory",
    ],
    "Explosions/Remote violence": [
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ],
    "Violence against civilians": ["Sexual violence", "Attack", "Abduction/forced disappearance"],
    "Protests": [
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
    ],
    "Riots": ["Violent demonstration", "Mob violence"],
    "Strategic developments": [
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ],
}

MINIMAL = """
event_types:
  - name: Battles
    key: b
    subtypes:
      - {name: Armed clash, key: c, triggers: [clash]}
verdicts:
  - {name: verified, key: "1"}
entity_types:
  - {name: PERSON, key: p}
"""


def test_default_codebook_has_acled_types_in_order() -> None:
    cb = load_codebook()
    assert {t.name: [s.name for s in t.subtypes] for t in cb.event_types} == ACLED_SUBTYPES
    assert len(cb.subtypes) == 25
    assert all(s.event_type == t.name for t in cb.event_types for s in t.subtypes)


def test_default_keys_are_single_and_unique() -> None:
    cb = load_codebook()
    keys = [s.key for s in cb.subtypes]
    assert all(len(k) == 1 for k in keys)
    assert len(set(keys)) == len(keys)
    assert cb.subtype_for_key("n").name == "Non-state actor overtakes territory"


def test_default_verdicts_and_entity_types() -> None:
    cb = load_codebook()
    assert [(v.key, v.name) for v in cb.verdicts] == [
        ("1", "verified"),
        ("2", "disputed"),
        ("3", "false"),
        ("4", "unverifiable"),
        ("5", "needs context"),
    ]
    names = [e.name for e in cb.entity_types]
    assert names == [
        "PERSON",
        "ORG",
        "GPE",
        "LOC",
        "FAC",
        "NORP",
        "DATE",
        "TIME",
        "QUANTITY",
        "LAW",
        "EVENT",
    ]
    assert cb.entity_type_for_key("g").name == "GPE"
    assert cb.verdict_for_key("3").name == "false"


def test_default_triggers_and_casualties() -> None:
    cb = load_codebook()
    assert "truce" in cb.subtype("Agreement").triggers
    assert cb.subtype("Non-state actor overtakes territory").object == "location"
    assert cb.subtype(cb.casualties.subtype) is not None
    assert "kill" in cb.casualties.fatal and "wound" in cb.casualties.injury


def test_minimal_codebook_loads_from_path(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    cb = load_codebook(path)
    assert cb.subtype("Armed clash").triggers == ("clash",)
    assert cb.casualties.subtype == "Armed clash"  # defaults to the first sub-event type


@pytest.mark.parametrize(
    ("text", "fault"),
    [
        ("[a, b]", "top level: expected a mapping"),
        ("event_types: [\n  - {", "line"),
        (MINIMAL.replace("key: c", "key: cc"), "must be one character"),
        (MINIMAL.replace('key: "1"', "key: "), "missing 'key'"),
        (MINIMAL.replace("verdicts:", "verdicts_x:"), "missing 'verdicts'"),
        (MINIMAL.replace("[clash]", "clash"), "triggers: expected a list"),
        (MINIMAL.replace("[clash]", "[clash, yes]"), "triggers[1]"),
        (MINIMAL + "casualties: {subtype: Nope}\n", "'Nope' is not a sub-event type"),
        (MINIMAL.replace("triggers: [clash]}", "object: victim}"), "must be one of"),
        ("format: 9\n" + MINIMAL, "not supported"),
        (
            MINIMAL.replace(
                "      - {name: Armed clash, key: c, triggers: [clash]}",
                "      - {name: Armed clash, key: c}\n      - {name: Raid, key: c}",
            ),
            "key 'c' used by both",
        ),
    ],
)
def test_bad_codebooks_give_one_line_errors(tmp_path: Path, text: str, fault: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CodebookError) as info:
        load_codebook(path)
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith(str(path))
    assert fault in message


def test_missing_and_undecodable_files(tmp_path: Path) -> None:
    with pytest.raises(CodebookError, match="no such file"):
        load_codebook(tmp_path / "absent.yaml")
    bad = tmp_path / "latin.yaml"
    bad.write_bytes(b"name: caf\xe9\n")
    with pytest.raises(CodebookError, match="not UTF-8"):
        load_codebook(bad)
    with pytest.raises(CodebookError, match="directory"):
        load_codebook(tmp_path)


def test_parse_codebook_names_its_source() -> None:
    with pytest.raises(CodebookError, match=r"^custom\.yaml: "):
        parse_codebook("event_types: 3\nverdicts: []\nentity_types: []", "custom.yaml")
