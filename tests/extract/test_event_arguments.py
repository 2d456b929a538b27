"""Event arguments and codes on sentences of real news shapes: a phrase after
"on/at/in" is no subject, "left N dead" is a toll, a place name before an event noun is
where it happened, and a police raid is not violence against civilians."""

from tui.extract.pipeline import extract
from tui.model import Event
from tui.text.document import Document


def events_in(text: str) -> tuple[Event, ...]:
    return extract(Document(text)).events


def texts(refs) -> list[str]:
    return [r.span.text for r in refs]


def test_a_place_after_on_is_where_not_who() -> None:
    (e,) = events_in("The terror attack on the bridge killed two people.")
    assert texts(e.actors) == []
    assert "bridge" in texts(e.location)
    assert e.fatalities is not None and e.fatalities.estimate == 2


def test_people_before_a_place_phrase_still_act() -> None:
    # the positive twin: the subject is what the place phrase belongs to
    (e,) = events_in("Gunmen in the village attacked a checkpoint in Sarvan on Monday.")
    assert texts(e.actors) == ["Gunmen"]
    assert texts(e.location) == ["Sarvan"]


def test_an_event_left_people_dead() -> None:
    (e,) = events_in("The school shooting left three children dead.")
    assert texts(e.actors) == []  # "school" says what was hit, not who shot
    assert texts(e.targets) == ["three children"]
    assert e.fatalities is not None and e.fatalities.estimate == 3
    assert [m.text for m in e.trigger_spans] == ["shooting", "dead"]


def test_an_adjective_after_a_determiner_still_joins_its_phrase() -> None:
    # the twin of "left": no event word between, "main" stays in the phrase
    (e,) = events_in("Rebels attacked the main checkpoint in Sarvan.")
    assert texts(e.targets) == ["main checkpoint"]


def test_an_event_noun_before_a_verb_is_the_event_and_its_place_where() -> None:
    (e,) = events_in("The Kabul bombing killed five.")
    assert [m.text for m in e.trigger_spans] == ["bombing", "killed"]
    assert e.trigger.text == "bombing"
    assert texts(e.location) == ["Kabul"] and texts(e.actors) == []
    assert e.subtype == "Remote explosive/landmine/IED"
    assert e.fatalities is not None and e.fatalities.estimate == 5


def test_a_modifier_before_an_event_noun_still_describes_it() -> None:
    # the twin: "bomb" before "attack" is no event of its own
    (e,) = events_in("A bomb attack hit the market in Kabul.")
    assert [m.text for m in e.trigger_spans] == ["attack"]


def test_a_police_raid_is_a_search_not_an_attack_on_civilians() -> None:
    for text in (
        "Counter-terror officers raided a house in east London on Monday.",
        "Police and counter-terror officers launched further raids early Monday.",
    ):
        (e,) = events_in(text)
        assert (e.type, e.subtype) == ("Strategic developments", "Arrests"), text


def test_a_raid_that_kills_stays_violence() -> None:
    (e,) = events_in("Police raided a village in Kano on Monday, killing two civilians.")
    assert e.type != "Strategic developments"
    assert e.fatalities is not None and e.fatalities.estimate == 2


def test_a_participle_after_a_comma_takes_the_main_subject() -> None:
    # "the bridge" is what was attacked; "killing" has the gunmen's subject
    (e,) = events_in("Gunmen attacked the bridge, killing two.")
    assert texts(e.actors) == ["Gunmen"]
    assert "two" in texts(e.targets)


def test_a_verb_after_its_subject_is_no_subject() -> None:
    # the positive twin: without a comma the phrase before the verb acts
    (e,) = events_in("Gunmen killed two guards at the bridge.")
    assert texts(e.actors) == ["Gunmen"]


def test_a_past_verb_after_a_place_phrase_is_no_adjective() -> None:
    (e,) = events_in("The shooting at the school left three children dead.")
    assert "three children" in texts(e.targets)
    assert not any("left" in t for t in texts(e.targets))
    assert e.fatalities is not None and e.fatalities.estimate == 3


def test_a_past_form_after_an_adverb_is_an_adjective() -> None:
    # the positive twin: "armed" after an adverb modifies the noun
    (e,) = events_in("The heavily armed men killed four guards.")
    assert texts(e.actors) == ["heavily armed men"]


def test_seizing_goods_is_looting_not_territory() -> None:
    (e,) = events_in("Unknown gunmen seized five oxen from herders in the village of Lou.")
    assert e.subtype == "Looting/property destruction"


def test_seizing_people_is_an_abduction() -> None:
    (e,) = events_in("Militants seized two soldiers at a checkpoint.")
    assert e.subtype == "Abduction/forced disappearance"


def test_seizing_a_town_is_still_territory() -> None:
    # the positive twin: ground taken, by a named group
    (e,) = events_in("Rebels seized the town of Kidal on Monday.")
    assert e.subtype == "Non-state actor overtakes territory"
    (e,) = events_in("Al-Shabaab seized Bulo Burte.")
    assert e.subtype == "Non-state actor overtakes territory"


def test_a_raid_that_made_arrests_is_one_arrests_event() -> None:
    # soldiers are no police: the arrests, not who raided, make it "Arrests"
    (e,) = events_in("Israeli forces raided the Jenin camp and arrested 20 Palestinians.")
    assert e.subtype == "Arrests"
    assert texts(e.actors) == ["Israeli forces"]
    assert "20 Palestinians" in texts(e.targets)


def test_a_raid_that_killed_stays_violence() -> None:
    # the positive twin: a raid that killed people is coded as violence
    (e,) = events_in(
        "Israeli forces raided the Jenin camp on Monday. Two Palestinians were killed."
    )
    assert e.type != "Strategic developments"
    assert e.fatalities is not None and e.fatalities.estimate == 2


def test_a_street_named_for_a_person_is_a_place() -> None:
    # the tagger reads "Rue Victor Hugo" as a person; after "street" it names the street
    (e,) = events_in("The explosion hit a bakery on the central street Rue Victor Hugo.")
    assert texts(e.location) == ["central street Rue Victor Hugo"]


def test_a_person_named_after_a_person_noun_stays_a_person() -> None:
    # the positive twin: "journalist John Smith" is someone hit, not somewhere
    (e,) = events_in("Gunmen killed the journalist John Smith in Lagos.")
    assert texts(e.targets) == ["journalist John Smith"]
    assert texts(e.location) == ["Lagos"]


def test_a_blast_at_a_market_that_killed_is_no_figure_of_speech() -> None:
    # "market" is a word of finance, but a sentence of deaths reports violence
    (e,) = events_in("A blast at a market in Baghdad left at least 30 dead.")
    assert e.trigger.text == "blast"
    assert e.subtype == "Remote explosive/landmine/IED"
    assert e.fatalities is not None and e.fatalities.estimate == 30


def test_a_market_blast_without_deaths_stays_figurative() -> None:
    # the positive twin: the stock market's "blast" is no event
    assert events_in("The rally saw the stock market blast past records.") == ()
    (e,) = events_in("A blast at a market in Baghdad wounded 30 people.")
    assert e.trigger.text == "blast"


def test_a_blast_that_hit_a_market_is_an_event() -> None:
    # markets are where bombs go off: "market" alone is no word of finance
    (e,) = events_in("A blast hit the market in Kabul.")
    assert e.trigger.text == "blast"
    assert e.subtype == "Remote explosive/landmine/IED"
    # the twin: an attack on a currency in a market story is a figure of speech
    assert events_in("The market took a hit after the attack on the currency.") == ()


def test_an_adjective_of_the_event_is_not_its_actor() -> None:
    # "boldest" describes the assault; the rebels made it
    (e,) = events_in(
        "The rebels launched a new offensive. It was the boldest rebel assault in years."
    )
    assert "rebel" in texts(e.actors)
    assert not any("boldest" in a for a in texts(e.actors))


def test_a_named_modifier_acts_whole() -> None:
    # the positive twin: a name before the event noun is kept as it is
    (e,) = events_in("The Taliban attack killed five soldiers.")
    assert texts(e.actors) == ["Taliban"]


def test_a_figure_after_at_is_the_object_not_a_passive_place() -> None:
    # "killed at least four": "at least" opens a figure, so the verb is active and the
    # phrase before it acts (it was read as "dozens killed at a checkpoint", victims)
    (e,) = events_in("Gunmen killed at least four soldiers at a checkpoint.")
    assert texts(e.actors) == ["Gunmen"] and texts(e.targets) == ["at least four soldiers"]
    # the positive twin: a participle after its subject, then a place, is a passive
    (e,) = events_in("Four soldiers killed at a checkpoint were buried on Monday.")
    assert e.actors == () and "Four soldiers" in texts(e.targets)


def test_a_place_in_a_participle_clause_after_a_comma_is_that_clauses() -> None:
    # the Charlotte story: the streets the protesters looped are not where Scott was shot
    text = (
        "Protesters called for information about the fatal shooting of Keith Lamont Scott, "
        "looping the streets around Bank of America Stadium."
    )
    shooting = next(e for e in events_in(text) if e.trigger.text == "shooting")
    assert texts(shooting.location) == []


def test_a_casualty_participle_after_a_comma_keeps_its_place_for_the_event() -> None:
    # the twin: "killing two" is the attack's own toll, and "in Kabul" its place
    (e,) = events_in("Gunmen attacked the bridge, killing two in Kabul.")
    assert texts(e.location) == ["Kabul"]


def test_the_machines_that_strike_stand_for_their_forces() -> None:
    # ACLED codes the military flying them as the actor
    (e,) = events_in("Russian warplanes bombed Idlib on Monday.")
    assert texts(e.actors) == ["Russian warplanes"]
    assert texts(e.targets) == ["Idlib"]


def test_a_country_before_a_strike_only_states_make_strikes() -> None:
    (e,) = events_in("Anwar al-Awlaki was killed in a 2011 U.S. drone strike.")
    assert texts(e.actors) == ["U.S."]
    assert "U.S." not in texts(e.location)


def test_a_city_before_a_bombing_is_still_where() -> None:
    # the twin: a city before any event noun, or a country before one any side makes
    (e,) = events_in("The Kabul bombing killed five.")
    assert texts(e.location) == ["Kabul"] and texts(e.actors) == []


def test_helicopters_dropping_barrel_bombs_is_an_air_strike_by_them() -> None:
    # ACLED's notes code all 13 "dropped ... bombs" they hold as air/drone strikes
    (e,) = events_in("Syrian helicopters dropped barrel bombs on Aleppo.")
    assert e.subtype == "Air/drone strike"
    assert texts(e.actors) == ["Syrian helicopters"]  # the object inside the words is no passive
    assert texts(e.targets) == ["Aleppo"]


def test_a_bomb_dropped_with_nothing_in_the_air_is_no_strike() -> None:
    # the twin: with no aircraft near, "drop * bomb" reports nothing
    assert events_in("He had dropped a time bomb into the river.") == ()
