"""The adjudication state without a screen: stepping, how each difference stands, what shows."""

from dataclasses import replace
from pathlib import Path

from rich.console import Console

from tests.corpus.test_agreement import full
from tests.corpus.test_agreement_settle import session, two_reviews
from tui.corpus.agreement_diff import compare
from tui.corpus.agreement_settle import initial
from tui.model import Entity
from tui.ui.adjudicate.panel import Version
from tui.ui.adjudicate.state import AdjudicationState, Line


def state() -> AdjudicationState:
    c = compare(*two_reviews())
    st = AdjudicationState(c, ("alice", "bob"))
    st.refresh(initial(c))
    return st


def test_stepping_stops_at_the_ends() -> None:
    st = state()
    assert st.current is None and "5 differences · 5 of 5 open" in st.status()
    assert st.step(-1) and st.index == 4  # K first goes to the last one
    assert not st.step(1) and st.index == 4
    st.index = None
    assert st.step(1) and st.index == 0
    assert not st.step(-1) and st.index == 0
    assert st.status() == "difference 1/5 · mention “Rebels” · type · open · 5 of 5 open"


def test_the_two_versions_side_by_side_mark_what_differs() -> None:
    st = state()
    st.step(1)
    st.step(1)  # the claim whose verdict differs
    a, b, merged = st.versions()
    assert [(x.text, x.differs) for x in a if x.aspect == "verdict"] == [
        ("verdict: verified", True)
    ]
    assert [(x.text, x.differs) for x in b if x.aspect == "verdict"] == [("verdict: false", True)]
    assert not any(x.differs for x in a if x.aspect != "verdict")
    assert [x.text for x in merged] == ["open: not decided yet"]


def test_taking_a_side_shows_in_the_state_after_refresh(tmp_path: Path) -> None:
    st = state()
    s = session(tmp_path, st.merged)
    st.step(1)
    s.take_version(st.comparison, st.index, "B")
    st.refresh(s.annotations)
    assert st.status() == "difference 1/5 · mention “Rebels” · type · took B · 4 of 5 open"
    merged = st.versions()[2]
    assert [x.text for x in merged][:2] == ["“Rebels”", "PERSON"]
    assert not any(x.differs for x in merged)  # exactly B's: nothing of its own
    # Next open skips the settled one and wraps around.
    assert st.step_open(1) and st.index == 1
    st.index = 4
    assert st.step_open(1) and st.index == 1


def test_an_item_only_one_side_has_reads_as_not_annotated() -> None:
    st = state()
    st.index = 4  # only B's "assault" event
    a, b, _ = st.versions()
    assert [(x.text, x.differs) for x in a] == [("not annotated", True)]
    assert b[0].text == "Battles / Armed clash" and "“assault”" in b[1].text


def test_nothing_to_adjudicate_says_so() -> None:
    st = AdjudicationState(compare(full(), full()))
    assert not st.step(1) and not st.step_open(1)
    assert st.status() == "the reviews agree on everything: nothing to adjudicate"


def test_a_wrapped_value_continues_under_itself_not_under_the_label() -> None:
    lines = [
        Line("content", "content: “the rebels took the airport and the city”", True, 9),
        Line("kind", "kind: said", False, 6),
        Line("presence", "rejected (not there)", True),
    ]
    console = Console(width=30, record=True, color_system=None)
    console.print(Version("A · alice", lines))
    shown = [row.rstrip() for row in console.export_text().splitlines()]
    assert shown == [
        "A · alice",
        "≠ content: “the rebels took",
        "           the airport and the",
        "           city”",
        "  kind: said",
        "≠ rejected (not there)",
    ]
    assert str(Version("A · alice", lines)).splitlines()[1] == (
        "≠ content: “the rebels took the airport and the city”"
    )
    # Too narrow to hang under the label: the value goes below it, under the mark.
    console = Console(width=14, record=True, color_system=None)
    console.print(Version("A", lines[:1]))
    assert [r.rstrip() for r in console.export_text().splitlines()[1:3]] == [
        "≠ content:",
        "  “the rebels",
    ]


def test_a_link_difference_shows_each_sides_entity_marked() -> None:
    a = full()
    b = replace(
        a,
        entities=(*a.entities, Entity("e99", "the fighters", "ORG")),
        mentions=tuple(
            replace(m, entity="e99") if m.span.text == "Rebels" else m for m in a.mentions
        ),
    )
    st = AdjudicationState(compare(a, b))
    st.refresh(initial(st.comparison))
    assert st.step(1)
    va, vb, _ = st.versions()
    # A's entity is named like the mention: shown anyway, since that is what differs.
    assert [(x.text, x.differs) for x in va if x.aspect == "entity"] == [("of Rebels", True)]
    assert [(x.text, x.differs) for x in vb if x.aspect == "entity"] == [("of the fighters", True)]
