"""The indented JSON writer gives json.dumps's exact text."""

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.store.formats.json_indented import dumps

text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12)
scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), text)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.lists(inner, max_size=3).map(tuple),
        st.dictionaries(text, inner, max_size=3),
    ),
    max_leaves=15,
)


@settings(max_examples=200)
@given(values, st.integers(0, 3))
def test_same_text_as_json_dumps(value: Any, indent: int) -> None:
    assert dumps(value, indent) == json.dumps(value, ensure_ascii=False, indent=indent)


def test_a_w3c_shaped_page_and_values_it_leaves_to_json_dumps() -> None:
    page = {"id": "urn:x", "items": [{"body": [], "target": {"start": 4, "exact": "“Aleppo”\n"}}]}
    assert dumps(page) == json.dumps(page, ensure_ascii=False, indent=1)
    assert dumps(page).startswith('{\n "id": "urn:x",\n "items": [\n  {\n   "body": [],')
    odd = {1: float("nan"), "k": [float("inf")]}  # non-string keys, NaN: json.dumps's spelling
    assert dumps(odd) == json.dumps(odd, ensure_ascii=False, indent=1)
