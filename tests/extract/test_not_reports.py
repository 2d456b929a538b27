"""Words of events that report none: deaths by illness, titles of linked stories,
"no casualties", "the injured" (people, not an event)."""

from tui.extract.pipeline import extract
from tui.model import Event
from tui.text.document import Document


def events_of(text: str) -> tuple[Event, ...]:
    return extract(Document(text)).events


def said(events: tuple[Event, ...]) -> list[str]:
    return [s.text for e in events for s in e.trigger_spans]


def test_deaths_by_illness_are_no_events() -> None:
    assert events_of("Officials said eight people died of the yet unidentified disease.") == ()
    assert events_of("There have been at least 10 deaths from the outbreak of cholera.") == ()
    assert said(events_of("An old man was dying of diabetes, the doctor said.")) == []


def test_deaths_by_violence_still_are() -> None:
    assert said(events_of("Officials said eight people died of gunshot wounds."))[:1] == ["died"]
    assert said(events_of("Two soldiers died from their injuries on Monday."))[:1] == ["died"]
    assert said(events_of("Eight people died when a bomb exploded near the hospital.")) != []


def test_a_bracketed_title_of_a_linked_story_reports_nothing() -> None:
    text = (
        "Maduro wants to rewrite the constitution.\n"
        "[How a new kind of protest movement has arisen in Venezuela]\n"
        "Thousands protested in Caracas [on Monday] against the vote.\n"
    )
    assert said(events_of(text)) == ["protested"]


def test_a_death_sentence_or_a_charge_is_no_death() -> None:
    assert events_of("Jurors must decide whether he should be sentenced to death.") == ()
    assert events_of("He was charged with using a weapon resulting in death.") == ()
    # the killing itself stays one event, "to death" part of its verb's report
    (shot,) = events_of("A man was shot to death outside the airport on Sunday.")
    assert [s.text for s in shot.trigger_spans] == ["shot"]
    (hacked,) = events_of("Militants hacked two villagers to death in Beni.")
    assert hacked.subtype == "Attack"


def test_no_casualties_with_adjectives_between_is_no_toll() -> None:
    assert said(events_of("There were no military casualties, the army said.")) == []
    assert said(events_of("The ministry reported no serious injuries on Monday.")) == []


def test_casualties_without_a_negation_are_reported() -> None:
    # the twins: the same words, not negated
    assert said(events_of("There were heavy military casualties, the army said.")) != []
    assert said(events_of("The ministry reported serious injuries on Monday.")) != []


def test_the_dead_and_the_injured_name_people_not_an_event() -> None:
    text = "A bomb exploded in Kabul on Monday. Rescuers helped the injured and buried the dead."
    assert said(events_of(text)) == ["exploded"]


def test_a_casualty_word_that_reports_stays_a_mention() -> None:
    # "that killed", "those killed": a verb; "the dead man": an adjective of a noun
    text = "A bomb that killed five people exploded in Kabul. The dead man was a guard."
    assert {"killed", "dead"} <= set(said(events_of(text)))
