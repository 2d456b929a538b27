"""The fast YAML writer must always be read back by yaml.safe_load as its input."""

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.budget import examples
from tui.store.emit import dump, scalar

# Lone surrogates cannot be UTF-8 encoded, so they never reach a file.
text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)))
scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), text)
keys = st.from_regex(r"[a-z_]{1,8}", fullmatch=True)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(keys, inner, max_size=3)),
    max_leaves=12,
)


@settings(max_examples=examples(100))
@given(text)
def test_any_string_round_trips(s: str) -> None:
    assert yaml.safe_load(f"k: {scalar(s)}\n")["k"] == s


@settings(max_examples=examples(40))
@given(st.dictionaries(keys, values, max_size=4))
def test_any_structure_round_trips(data: dict) -> None:
    assert yaml.safe_load(dump(data)) == data if data else dump(data) == ""


def test_tricky_strings_stay_strings() -> None:
    for s in [
        "yes",
        "no",
        "On",
        "null",
        "~",
        "123",
        "1.5",
        "2026-11-25",
        "1:20",
        "0x1F",
        ".inf",
        "a: b",
        "a #b",
        "#x",
        "- x",
        " lead",
        "trail ",
        "ends:",
        "\x85",
        "\u2028",
        "\ufeff",
    ]:
        assert yaml.safe_load(f"k: {scalar(s)}\n")["k"] == s, s
    assert scalar("Syrian army") == "Syrian army"  # readable where it can be
