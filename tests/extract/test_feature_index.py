"""Feature name -> row of a shipped model: the same answers as a dict, built only when
lookups are many (tui/extract/feature_index.py)."""

from __future__ import annotations

import pytest

from tui.data import data_bytes
from tui.extract.feature_index import FeatureIndex
from tui.extract.weights import unpack

NAMES = sorted(f"w={w}" for w in ("attack", "Aleppo", "rebels", "said", "killed", "ceasefire"))


def test_answers_like_a_dict_before_and_after_the_dict_is_built() -> None:
    index = FeatureIndex(list(NAMES))
    plain = {name: row for row, name in enumerate(NAMES)}
    asked = ["", "a", *NAMES[:3], "w=zzz"]  # before the first name, after the last
    assert len(asked) == len(NAMES)  # exactly the lookups answered by binary search
    first = [index.get(name) for name in asked]
    assert not index.built
    again = [index.get(name, -1) for name in [*NAMES, "w=absent"]]  # now from the dict
    assert index.built
    assert first == [plain.get(name) for name in asked]
    assert again == [*range(len(NAMES)), -1]
    assert index.getter()("w=said") == plain["w=said"]


def test_a_few_lookups_never_build_the_dict() -> None:
    index = FeatureIndex(list(NAMES))
    assert index.get("w=rebels") == NAMES.index("w=rebels")
    assert index.get("w=nothing") is None
    assert not index.built and index.getter() == index.get


def test_it_is_a_read_only_mapping() -> None:
    index = FeatureIndex(list(NAMES))
    assert len(index) == len(NAMES) and list(index) == NAMES
    assert "w=said" in index and "w=nothing" not in index and 3 not in index
    assert index["w=attack"] == NAMES.index("w=attack")
    with pytest.raises(KeyError):
        index["w=nothing"]
    assert dict(index) == {name: row for row, name in enumerate(NAMES)}


def test_names_out_of_order_get_their_dict_at_once() -> None:
    names = ["b", "a", "c"]
    index = FeatureIndex(names)
    assert index.built
    assert [index.get(n) for n in ("a", "b", "c", "d")] == [1, 0, 2, None]


def test_the_shipped_tagger_weights_are_looked_up_without_a_dict() -> None:
    weights = unpack(data_bytes("ner_tagger.bin"))
    names = list(weights.rows)
    assert names == sorted(names) and len(set(names)) == len(names)
    some = names[:: max(1, len(names) // 50)]
    assert [weights.rows.get(n) for n in some] == [names.index(n) for n in some]
    assert isinstance(weights.rows, FeatureIndex) and not weights.rows.built
