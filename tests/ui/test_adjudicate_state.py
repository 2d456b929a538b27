"""The adjudication state without a screen: stepping, how each difference stands, what shows."""

from pathlib import Path

from tests.corpus.test_agreement_settle import session, two_reviews
from tui.corpus.agreement_diff import compare
from tui.corpus.agreement_settle import initial
from tui.ui.adjudicate.state import AdjudicationState


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
    from tests.corpus.test_agreement import full

    st = AdjudicationState(compare(full(), full()))
    assert not st.step(1) and not st.step_open(1)
    assert st.status() == "the reviews agree on everything: nothing to adjudicate"
