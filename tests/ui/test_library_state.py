"""LibraryState without Pilot: sort, filter, unfinished only, cursor, progress, neighbours."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timezone

from tui.corpus.summary import ArticleSummary
from tui.ui.library.state import LibraryState, cells, when


def row(path: str, **kw: object) -> ArticleSummary:
    base = {"title": path.upper(), "annotated": True, "words": 100}
    return ArticleSummary(path=path, **{**base, **kw})  # type: ignore[arg-type]


ROWS = [
    row("c.txt", title="Ceasefire holds", source="AP", claims_total=4, claims_reviewed=4),
    row(
        "a.txt",
        title="Aleppo airport",
        source="Reuters",
        claims_total=10,
        claims_reviewed=2,
        suggestions=3,
        words=900,
    ),
    row(
        "b.txt",
        title="Border talks",
        source="AFP",
        claims_total=2,
        claims_reviewed=0,
        attention=1,
        words=50,
    ),
    row("d.txt", title="Drone strike", source="Reuters", annotated=False, words=300),
]


def paths(state: LibraryState) -> list[str]:
    return [s.path for s in state.visible]


def test_the_order_given_until_sorted_then_any_column_both_ways() -> None:
    state = LibraryState(ROWS)
    assert paths(state) == ["c.txt", "a.txt", "b.txt", "d.txt"]
    state.sort_by("title")
    assert paths(state) == ["a.txt", "b.txt", "c.txt", "d.txt"]
    state.sort_by("title")
    assert paths(state) == ["d.txt", "c.txt", "b.txt", "a.txt"]
    state.sort_by("words")  # numbers: biggest first on the first press
    assert paths(state) == ["a.txt", "d.txt", "c.txt", "b.txt"]
    state.sort_by("claims")  # by share reviewed; an article without a sidecar last
    assert paths(state) == ["c.txt", "a.txt", "b.txt", "d.txt"]
    state.sort_by("claims")
    assert paths(state) == ["b.txt", "a.txt", "c.txt", "d.txt"]


def test_the_cursor_stays_on_its_article_through_sorting_and_filtering() -> None:
    state = LibraryState(ROWS)
    state.select("b.txt")
    state.sort_by("title")
    assert state.current is not None and state.current.path == "b.txt"
    state.set_filter("reuters")
    assert paths(state) == ["a.txt", "d.txt"]
    assert state.current is not None and state.current.path == "d.txt"  # next one after b
    state.set_filter("")
    assert len(state.visible) == 4


def test_filter_as_you_type_needs_every_word() -> None:
    state = LibraryState(ROWS)
    state.set_filter("reuters drone")
    assert paths(state) == ["d.txt"]
    state.set_filter("REUTERS airport")
    assert paths(state) == ["a.txt"]
    state.set_filter("reuters ceasefire")
    assert paths(state) == []
    assert state.current is None


def test_unfinished_only_and_the_progress_line() -> None:
    state = LibraryState(ROWS)
    assert state.status_line() == "1 / 4 articles done · 6 / 16 claims reviewed"
    state.toggle_unfinished()
    assert paths(state) == ["a.txt", "b.txt", "d.txt"]
    assert state.status_line().endswith("· showing 3")
    state.update(replace(ROWS[1], claims_reviewed=10, suggestions=0))  # a.txt finished
    assert paths(state) == ["b.txt", "d.txt"]
    assert state.progress().done == 2
    big = LibraryState(
        [row(f"{i}.txt", claims_total=9, claims_reviewed=9 if i < 312 else 3) for i in range(1204)]
    )
    assert big.status_line() == "312 / 1,204 articles done · 5,484 / 10,836 claims reviewed"


def test_next_and_previous_follow_the_library_order_even_for_a_hidden_article() -> None:
    state = LibraryState(ROWS)
    state.sort_by("title")
    assert state.neighbour("b.txt", +1) == "c.txt"
    assert state.neighbour("b.txt", -1) == "a.txt"
    assert state.neighbour("a.txt", -1) is None and state.neighbour("d.txt", +1) is None
    state.toggle_unfinished()  # c.txt is done: hidden
    assert state.neighbour("b.txt", +1) == "d.txt"
    assert state.neighbour("c.txt", +1) == "d.txt"  # finished while open: its old place
    assert state.neighbour("c.txt", -1) == "b.txt"


def test_cells_show_counts_only_once_there_is_a_sidecar() -> None:
    now = datetime(2024, 12, 1, 12, 0, tzinfo=timezone.utc)
    done = cells(replace(ROWS[0], last_by="ana", last_at="2024-11-03T09:00:00Z"), now)
    assert done[0] == "✓" and done[5] == "4/4" and done[-1].startswith("ana ")
    fresh = cells(ROWS[3], now)
    assert fresh[0] == " " and fresh[5] == "–" and fresh[6] == "–"
    assert cells(ROWS[2], now)[0] == "!"
    assert when("2023-05-01T10:00:00Z", now) == "2023-05-01"
    assert when("", now) == ""
