"""The fast sidecar reader must agree with yaml.safe_load, or step aside (None)."""

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.budget import examples
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


@settings(max_examples=examples(60))
@given(st.dictionaries(keys, values, min_size=1, max_size=4))
def test_reads_what_the_emitter_writes_as_yaml_does(data: dict) -> None:
    written = dump(data)
    got = parse(written)
    if got is None:  # allowed only for what a sidecar never holds: nested lists, infinities
        assert "-\n" in written or ".inf" in written
    else:
        assert got == yaml.safe_load(written) == data


@settings(max_examples=examples(120))
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


def _mutated(written: str, edits: list[tuple[int, int]]) -> str:
    """``written`` with lines re-indented, cut, repeated or stripped of their dash."""
    lines = written.split("\n")
    for where, op in edits:
        if not lines:
            break
        i = where % len(lines)
        if op == 0:
            lines[i] = "  " + lines[i]
        elif op == 1:
            lines[i] = lines[i][1:]
        elif op == 2:
            del lines[i]
        elif op == 3:
            lines.insert(i, lines[(i * 7 + 3) % len(lines)])
        else:
            lines[i] = lines[i].replace("- ", "", 1)
    return "\n".join(lines)


@settings(max_examples=examples(80))
@given(
    st.dictionaries(keys, values, min_size=1, max_size=4),
    st.lists(st.tuples(st.integers(0, 200), st.integers(0, 4)), min_size=1, max_size=3),
)
def test_nesting_edited_by_hand_is_read_alike_or_left_to_yaml(data: dict, edits: list) -> None:
    # Indentation moved, lines dropped or repeated: the block structure the fast reader
    # builds must be PyYAML's, or the text must go to PyYAML (which may reject it).
    source = _mutated(dump(data), edits)
    got = parse(source)
    if got is not None:
        assert got == yaml.safe_load(source)


def test_block_nesting_cases_agree_with_pyyaml() -> None:
    cases = [
        "a:\n- 1\n- b: 2\n  c:\n  - x\n  d: {}\ne: []\n",  # lists at their key's column
        "a:\n  b:\n    c: 1\nd: 2\n",  # back out two levels at once
        "- a: 1\n  b:\n- c\n- -1\n- 0.5\n- null\n",  # a list at the top, "b:" is null
        "a:\n    - 1\n    - 2\nb:\n",  # a deeper list under a key; a last key with nothing
        "a: x:y\nb: 'q'#\n",  # a colon inside a plain scalar; a quote after the start
    ]
    fast = [parse(c) for c in cases]
    assert fast[:4] == [yaml.safe_load(c) for c in cases[:4]]
    assert fast[4] is None and yaml.safe_load("a: x:y\n") == {"a": "x:y"}
    # outside the subset: a scalar continued on the next line, a sibling indented deeper
    for text in ("a:\n  abc\n", "a: b\n  c: d\n", "a: 1\n\nb: 2\n", "a: 1 \n", "- - 1\n"):
        assert parse(text) is None, text
