"""Differences between two reviews, the merged review's start, and taking a side."""

from dataclasses import replace
from pathlib import Path

from tests.corpus.test_agreement import TEXT, at, full, mention
from tui.corpus.agreement_diff import compare, settled
from tui.corpus.agreement_settle import initial
from tui.model import Annotations, Entity, Event, Review
from tui.review import ReviewSession
from tui.store import read
from tui.text.document import Document


def two_reviews() -> tuple[Annotations, Annotations]:
    """A and B differ in five places; everything else is alike."""
    a = full()
    b = full()
    # 1. B calls the first claim false (A: verified).
    b = replace(b, claims=(replace(b.claims[0], review=Review("false")), *b.claims[1:]))
    # 2. B types "Rebels" as a person.
    b = replace(b, mentions=(replace(b.mentions[0], type="PERSON"), *b.mentions[1:]))
    # 3. B marks "The army" where A marked "army".
    b = replace(b, mentions=(*b.mentions[:2], replace(b.mentions[2], span=at("The army"))))
    # 4. Only A marks "Monday" (B rejected the suggestion).
    monday = mention("9", "Monday", "DATE")
    a = replace(
        a, mentions=(*a.mentions, monday), entities=(*a.entities, Entity("e9", "Monday", "DATE"))
    )
    b = replace(
        b,
        mentions=(*b.mentions, replace(monday, status="rejected")),
        entities=(*b.entities, Entity("e9", "Monday", "DATE")),
    )
    # 5. Only B has an event on "assault".
    b = replace(b, events=(*b.events, Event("v7", "Battles", "Armed clash", at("assault"))))
    return a, b


def test_identical_reviews_have_no_differences() -> None:
    c = compare(full(), full())
    assert c.differences == ()
    assert set(c.agreed) == {"1", "2", "3", "c1", "c2", "c3", "v1", "v2"}


def test_differences_in_document_order_with_what_differs() -> None:
    c = compare(*two_reviews())
    got = [(d.kind, d.anchor.text, d.differs) for d in c.differences]
    assert got == [
        ("mention", "Rebels", ("type",)),
        ("claim", "said", ("verdict",)),
        ("mention", "Monday", ("presence",)),
        ("mention", "army", ("span",)),
        ("event", "assault", ("presence",)),
    ]
    assert [d.a is None for d in c.differences] == [False, False, False, False, True]
    # B saw "Monday" and rejected it: the difference carries B's rejected copy.
    assert c.differences[2].b.status == "rejected" and c.differences[2].b.span.text == "Monday"
    assert c.differences[4].a is None  # A never had an "assault" event at all


def test_the_merged_review_starts_with_what_both_agree_on() -> None:
    c = compare(*two_reviews())
    merged = initial(c)
    assert sorted(m.id for m in merged.mentions) == ["2"]
    assert sorted(x.id for x in merged.claims) == ["c2", "c3"]
    assert sorted(e.id for e in merged.events) == ["v1", "v2"]
    assert [s for s, _ in settled(c, merged)] == ["open"] * 5


def session(tmp_path: Path, ann: Annotations) -> ReviewSession:
    out = tmp_path / "merged.yaml"
    return ReviewSession(Document(TEXT), ann, sidecar_path=out, reviewer="judge")


def test_taking_sides_settles_saves_and_undoes(tmp_path: Path) -> None:
    a, b = two_reviews()
    c = compare(a, b)
    s = session(tmp_path, initial(c))
    assert s.take_version(c, 0, "B") is not None  # "Rebels" as B's PERSON
    assert s.take_version(c, 1, "A") is not None  # A's verdict
    assert s.take_version(c, 2, "B") is not None  # B says Monday is not there
    assert s.take_version(c, 4, "B") is not None  # B's event
    states = settled(c, s.annotations)
    assert [st for st, _ in states] == ["B", "A", "B", "open", "B"]
    rebels = states[0][1]
    assert (rebels.type, rebels.by) == ("PERSON", "judge")
    assert s.entity(rebels.entity).type == "PERSON"  # an entity of its own type
    assert states[1][1].review.verdict == "verified" and states[1][1].review.by == ""
    assert states[2][1].status == "rejected"  # kept, rejected: re-extraction won't revive it
    event = states[4][1]
    assert event.id not in {e.id for e in a.events}  # B's item gets a fresh id
    # Taking the same side again changes nothing; the other side replaces in place.
    assert s.take_version(c, 0, "B") is None
    s.take_version(c, 0, "A")
    states = settled(c, s.annotations)
    assert states[0][0] == "A" and states[0][1].id == rebels.id
    assert len([m for m in s.annotations.mentions if m.span.text == "Rebels"]) == 1
    # Every step is undoable, one at a time.
    s.undo()
    assert settled(c, s.annotations)[0][0] == "B"
    for _ in range(4):
        s.undo()
    assert [st for st, _ in settled(c, s.annotations)] == ["open"] * 5
    s.redo()
    assert s.flush()
    kept = read(tmp_path / "merged.yaml").annotations
    assert [st for st, _ in settled(c, kept)] == ["B", "open", "open", "open", "open"]


def test_an_edit_after_taking_a_side_is_neither_side(tmp_path: Path) -> None:
    c = compare(*two_reviews())
    s = session(tmp_path, initial(c))
    s.take_version(c, 1, "A")
    claim = settled(c, s.annotations)[1][1]
    s.set_verdict(claim.id, "disputed")
    assert settled(c, s.annotations)[1][0] == "edited"


def test_an_event_taken_from_b_links_to_the_merged_claim(tmp_path: Path) -> None:
    a, b = full(), full()
    b = replace(b, events=(*b.events, Event("v7", "Battles", "Attack", at("assault"), claim="c2")))
    c = compare(a, b)
    s = session(tmp_path, initial(c))
    s.take_version(c, 0, "B")
    (event,) = [e for e in s.annotations.events if e.trigger.text == "assault"]
    assert event.claim == "c2"


def test_a_mention_linked_to_another_entity_is_a_difference_settled_by_name(
    tmp_path: Path,
) -> None:
    """B ties "Rebels" and "army" to one entity ("the fighters"): each mention's link
    differs, and taking B's puts them under the merged review's entity of that name."""
    a = full()
    fighters = Entity("e99", "the fighters", "ORG")
    b = replace(
        a,
        entities=(*a.entities, fighters),
        mentions=tuple(
            replace(m, entity="e99") if m.span.text in ("Rebels", "army") else m for m in a.mentions
        ),
    )
    c = compare(a, b)
    assert [(d.anchor.text, d.differs) for d in c.differences] == [
        ("Rebels", ("entity",)),
        ("army", ("entity",)),
    ]
    s = session(tmp_path, initial(c))
    s.take_version(c, 0, "B")
    s.take_version(c, 1, "B")
    merged = s.annotations
    linked = {m.span.text: merged.entity(m.entity).name for m in merged.mentions}  # type: ignore[union-attr]
    assert linked == {"Rebels": "the fighters", "army": "the fighters", "Aleppo": "Aleppo"}
    assert [state for state, _ in settled(c, merged)] == ["B", "B"]
    assert compare(b, merged).differences == ()  # the merged review links as B does
    s.undo()
    assert [state for state, _ in settled(c, s.annotations)] == ["B", "open"]
