"""The decoder's fast path reads well-formed data as the checked decoder does, else steps aside."""

import copy
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.budget import examples
from tests.store.test_sidecar import annotations, sample
from tui.store import codec_fast
from tui.store.codec import CodecError, decode, decode_checked, encode

JUNK = [None, True, False, 0, -1, 7, 1.5, "", "x", "auto", "accepted", [], {}, [1], {"a": 1}]


def _places(data: Any) -> list[tuple[Any, Any]]:
    """Every (container, key or index) in ``data``, depth first."""
    out: list[tuple[Any, Any]] = []
    if isinstance(data, dict):
        for k, v in data.items():
            out.append((data, k))
            out.extend(_places(v))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            out.append((data, i))
            out.extend(_places(v))
    return out


def test_well_formed_data_takes_the_fast_path() -> None:
    data = encode(sample())
    fast = codec_fast.decode(data)
    assert fast is not None
    assert fast == decode_checked(data) == sample().sorted()
    assert fast.claims[0].review.history[0].verdict == "disputed"
    assert fast.events[0].fatalities is not None and fast.events[0].fatalities.estimate == 24


@settings(max_examples=examples(30), deadline=None)
@given(annotations())
def test_fast_path_equals_checked_decoder(ann: Any) -> None:
    data = encode(ann)
    fast = codec_fast.decode(data)
    assert fast is not None
    assert fast == decode_checked(data)


@settings(max_examples=examples(60), deadline=None)
@given(st.integers(0, 10_000), st.sampled_from([*JUNK, "<delete>"]))
def test_a_changed_value_is_read_alike_or_left_to_the_checked_decoder(
    where: int, value: Any
) -> None:
    data = copy.deepcopy(encode(sample()))
    places = _places(data)
    container, key = places[where % len(places)]
    if value == "<delete>" and isinstance(container, dict):
        del container[key]
    else:
        container[key] = copy.deepcopy(value)
    try:
        checked = decode_checked(data)
    except CodecError:
        checked = None
    fast = codec_fast.decode(data)
    if fast is not None:  # never accepts what the checked decoder refuses, never differs
        assert fast == checked
    if checked is None:
        with pytest.raises(CodecError):
            decode(data)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["claims"][0]["cue"].pop("text"), "claims[0].cue.text: missing"),
        (lambda d: d["entities"][0]["mentions"][0].update(start=True), "expected an integer"),
        (lambda d: d["events"][0].update(status="maybe"), "events[0].status: 'maybe' is not one"),
        (lambda d: d["claims"][1].update(id="c1"), "duplicate id 'c1'"),
    ],
)
def test_errors_are_the_checked_decoders(change: Any, message: str) -> None:
    data = encode(sample())
    change(data)
    assert codec_fast.decode(data) is None
    with pytest.raises(CodecError) as info:
        decode(data)
    assert message in str(info.value)
