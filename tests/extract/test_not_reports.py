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


def test_a_word_in_another_sense_or_in_quotes_is_no_mention() -> None:
    assert "strike" not in said(events_of("Local journalists were on strike that week."))
    assert "strike" not in said(events_of("The opposition called a 48-hour strike on Monday."))
    assert "captured" not in said(events_of("The suspect was captured on surveillance cameras."))
    assert "death" not in said(events_of("He could face the death penalty in Boston."))
    text = 'A car exploded in Lyon on Friday. Macron called the explosion an "attack".'
    assert said(events_of(text)) == ["exploded", "explosion"]


def test_the_same_words_in_their_event_sense_still_are() -> None:
    assert "strike" in said(events_of("A US strike on the convoy killed four militants in Yemen."))
    assert "captured" in said(events_of("Rebels captured the town of Kidal after heavy fighting."))
    assert "death" in said(events_of("The attack led to the death of three soldiers in Mali."))
    text = "Gunmen attacked a police post in Kano, Macron said the attack was cowardly."
    assert "attack" in said(events_of(text))


def test_protesters_are_a_mention_only_where_no_other_names_their_protest() -> None:
    alone = "Protesters blocked the main road in Lagos on Monday."
    assert said(events_of(alone)) != []
    text = (
        "Thousands protested in Caracas on Monday against the vote.\n"
        "Later that week, colectivos were seen intimidating protesters in Petare.\n"
    )
    assert said(events_of(text)) == ["protested"]


def test_casualties_with_no_figure_beside_other_events_name_a_category() -> None:
    # "civilian casualties" in a survey of strikes is a category (WikiEvents train marks
    # 3 of the 67 toll nouns found); the strikes are the reports
    text = (
        "A drone strike hit a compound in Miranshah on Monday.\n"
        "The study counts civilian casualties caused by drones since 2004.\n"
    )
    assert said(events_of(text)) == ["drone strike"]
    # the positive twins: a figure of its own, or the only word of the report
    counted = text.replace("counts civilian casualties", "counts 20 civilian casualties")
    assert "casualties" in said(events_of(counted))
    assert said(events_of("A grenade was thrown at the office.\nCasualties unknown.")) == [
        "Casualties"
    ]


def test_an_execution_a_jury_may_order_is_no_killing() -> None:
    # WikiEvents train marks none of the 19 "execute" words found, 10 of them in trial
    # stories ("faces the possibility of execution if convicted")
    assert events_of("Tsarnaev faces the possibility of execution if convicted.") == ()
    assert events_of("The jury will decide whether he is executed or gets parole.") == ()
    # the positive twins: a killing by armed men, even after their own "court"
    (e,) = events_of("Militants executed five villagers in Beni on Sunday.")
    assert e.trigger.text == "executed" and e.subtype == "Attack"
    text = "Al Shabaab militants held a court which sentenced to death and executed a man."
    assert "executed" in said(events_of(text))


def test_a_word_quoted_with_the_stop_inside_the_quote_is_a_name() -> None:
    # American usage closes the quote after the stop: still a word someone used
    text = 'A blast hit a bakery in Lyon, in what the president called an "attack."'
    assert said(events_of(text)) == ["blast"]
    # the positive twin: a quoted sentence whose last word is the trigger reports it
    assert "attack" in said(events_of('"Gunmen will attack," the mayor warned.'))


def test_murder_named_as_a_charge_is_no_killing_reported() -> None:
    # WikiEvents train marks 1 of the 9 "murder" found after a charge word
    assert events_of("McVeigh is on trial on charges of murder and conspiracy.") == ()
    assert events_of("He was charged with five counts of attempted murder.") == ()
    # the positive twins: the killing itself
    (e,) = events_of("The murder of a priest in the church shocked the town.")
    assert e.trigger.text == "murder"
    (e,) = events_of("Gunmen murdered two farmers in the village.")
    assert e.trigger.text == "murdered"


def test_an_event_in_an_if_clause_is_a_condition_not_a_report() -> None:
    # WikiEvents train marks 1 of the 22 mentions found in an "if" clause
    text = "Investigators said that if the bomb had gone off, it would have caused damage."
    assert events_of(text) == ()
    assert events_of("If someone got hurt, I probably wouldn't care, the teenager said.") == ()
    # the positive twins: reported, or "if" asking whether
    assert said(events_of("The bomb went off in the market on Monday.")) == ["went off"]
    text = "It is unknown if the driver detonated the bomb near the checkpoint."
    assert said(events_of(text)) == ["detonated"]


def test_the_toll_of_a_condition_does_not_take_its_incident_away() -> None:
    # "killed" reports the marathon bombing; "setting off", in the "if" clause, hosts it.
    # Grouped with its background host, the whole incident (and "the bombing" after
    # it) was left out.
    text = (
        "He faces the death penalty if convicted of setting off the bombs that killed "
        "three people at the marathon.\nThe bombing shocked the city."
    )
    assert said(events_of(text)) == ["killed", "bombing"]


def test_a_fight_against_an_idea_is_a_campaign_not_a_battle() -> None:
    text = "She promised to step up the fight against Islamist terrorism in Britain."
    assert events_of(text) == ()
    assert events_of("Ministers agreed to combat extremism in schools.") == ()
    # the positive twin: a fight against people
    assert said(events_of("Rebels were fighting government troops near Idlib.")) == ["fighting"]
