"""The fast sidecar reader must agree with yaml.safe_load, or step aside (None)."""

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.store.emit import dump
from tui.store.fastyaml import parse

text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)))
scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), text)
# Sidecar keys are plain words; a key YAML reads as something else ("no") is written
# quoted, which the fast reader leaves to PyYAML (tested below).
keys = st.from_regex(r"[a-z_]{1,8}", fullmatch=True).filter(lambda k: yaml.safe_load(k) == k)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(keys, inner, max_size=3)),
    max_leaves=12,
)


@settings(max_examples=300)
@given(st.dictionaries(keys, values, min_size=1, max_size=4))
def test_reads_what_the_emitter_writes_as_yaml_does(data: dict) -> None:
    written = dump(data)
    got = parse(written)
    if got is None:  # allowed only for what a sidecar never holds: nested lists, infinities
        assert "-\n" in written or ".inf" in written
    else:
        assert got == yaml.safe_load(written) == data


@settings(max_examples=500)
@given(
    st.lists(
        st.sampled_from(
            [
                "a: 1",
                "b: x",
                "c:",
                "- 1",
                "- k: v",
                "  k2: 'q'",
                '  d: "x\\ty"',
                "e: [1, 2]",
                "f: no",
                "g: 0x1F",
                "h: 1:20",
                "i: 2026-11-25",
                "j: ~",
                "k: x # c",
                "# note",
                "",
                "  - z",
                'l: "a',
                "m: -.5",
                "n: 1_000",
                "o: .inf",
                "p: &a 1",
                "q: *a",
                "r: !!str 1",
                "\tt: 1",
                "s: 1.5e+3",
                'u: "\\x41\\u00e9"',
                'v: "\\q"',
                "w: yes",
                "- - 1",
                "x:  two",
                "---",
                "y: a: b",
            ]
        ),
        max_size=8,
    )
)
def test_hand_edited_text_is_read_alike_or_left_to_yaml(lines: list[str]) -> None:
    source = "\n".join(lines) + "\n"
    got = parse(source)
    if got is None:
        return
    assert got == yaml.safe_load(source)


def test_quoted_keys_are_left_to_pyyaml() -> None:
    assert parse('"no": 1\n') is None
    assert yaml.safe_load('"no": 1\n') == {"no": 1}


def test_sidecar_shapes_take_the_fast_path() -> None:
    written = dump(
        {
            "marginalia": 1,
            "entities": [{"id": "e1", "aliases": [], "mentions": [{"start": 0, "prefix": "The "}]}],
        }
    )
    assert parse("# header\n" + written) == yaml.safe_load(written)
