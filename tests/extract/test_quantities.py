"""Counts and casualty figures: spans and normalised lower estimates."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.extract.quantities import estimate, find_quantities


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("dozens", 24),
        ("about 300", 300),
        ("hundreds of thousands", 200000),
        ("a dozen", 12),
        ("scores of people", 40),
        ("at least 17", 17),
        ("2,500", 2500),
        ("three", 3),
        ("tens of", 20),
        ("tens of thousands", 20000),
        ("several", 3),
        ("many millions", 2000000),
        ("half a dozen", 6),
        ("two hundred and fifty", 250),
        ("twenty-five", 25),
        ("1.5 million", 1500000),
        ("several hundred", 300),
        ("a few thousand", 2000),
        ("More than 40", 40),
        ("Dozens", 24),
        ("no figure here", None),
        ("", None),
    ],
)
def test_estimate(text: str, expected: int | None) -> None:
    assert estimate(text) == expected


def _found(text: str) -> list[tuple[str, int | None]]:
    return [(text[s:e], v) for s, e, v in find_quantities(text)]


def test_casualty_figures_in_prose() -> None:
    text = (
        "The army said dozens of its soldiers had been killed. It claimed about 300 "
        "rebel fighters had died. The war has killed hundreds of thousands of people "
        "over the last 48 hours."
    )
    assert _found(text) == [
        ("dozens", 24),
        ("about 300", 300),
        ("hundreds of thousands", 200000),
        ("48", 48),
    ]


def test_years_identifiers_money_rates_and_clock_times_are_not_counts() -> None:
    text = (
        "Fighting has been frozen since 2020, under Resolution 2254 of 2015, on Flight 17. "
        "It cost $300 and 40% of voters at 10:30 on the 3rd, a 24/7 watch."
    )
    assert _found(text) == []


def test_counts_beside_years_and_ordinals_are_kept() -> None:
    # The positive twin: real counts in a sentence with a year and an ordinal.
    text = (
        "Fighting since 2020 has killed 300 people, and 40 voters were hurt by 10 men on the 3rd."
    )
    assert _found(text) == [("300", 300), ("40", 40), ("10", 10)]


def test_four_digit_count_before_a_noun_is_kept() -> None:
    assert _found("Some 2000 people fled, and 1500 soldiers died.") == [
        ("Some 2000", 2000),
        ("1500", 1500),
    ]


def test_pronoun_one_is_not_a_count_but_one_man_is() -> None:
    assert _found("No one knew; one of them left. One man died.") == [("One", 1)]


def test_hedge_without_figure_is_not_a_quantity() -> None:
    assert _found("It flew over the city some days ago.") == []


def test_hedge_with_a_figure_is_a_quantity() -> None:
    # The positive twin: the same "some" before a number.
    assert _found("It flew over the city some 40 times.") == [("some 40", 40)]


def test_window_offsets_are_document_offsets() -> None:
    text = "Ignore 5 here. But count 12 there."
    start = text.index("But")
    assert find_quantities(text, start) == [(text.index("12"), text.index("12") + 2, 12)]


@given(st.text(max_size=200))
def test_spans_are_inside_the_text_and_ordered(text: str) -> None:
    last = 0
    for s, e, v in find_quantities(text):
        assert last <= s < e <= len(text)
        assert v is None or v >= 0
        last = e


def test_list_markers_are_not_counts() -> None:
    assert _found("1. Mark Crear 13.26 seconds\n2) Ten men") == [("Ten", 10)]
    # after blank space at a line's start, and at the very start of the text
    assert _found("Casualties:\n \t3. Ten men died") == [("Ten", 10)]
    # a figure mid-line before ". " or ") " is a count, however long the line
    long_line = "the rebels fought on " * 5000
    assert _found(long_line + "and 3) killed") == [("3", 3)]
    assert _found("They said 12. Then four men died") == [("12", 12), ("four", 4)]
