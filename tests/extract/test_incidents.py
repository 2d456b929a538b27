"""One event per incident, as a reader of a whole article sees it: the mentions of one
attack spread over paragraphs join, places and times of other clauses do not split
them, and a generic word does not change what the incident was."""

import re

from tui.extract.codebook import default_codebook
from tui.extract.event_build import incidents
from tui.extract.events import find_drafts
from tui.extract.pipeline import extract
from tui.extract.subtypes import SubtypeCoder, subtype_model
from tui.model import Event
from tui.text.document import Document


def events_of(text: str) -> tuple[Event, ...]:
    return extract(Document(text)).events


def said(e: Event) -> list[str]:
    return [s.text for s in e.trigger_spans]


def places(e: Event) -> list[str]:
    return [r.span.text for r in e.location]


def allowed(text: str) -> set[str]:
    """The sub-event types the learned coder may choose for the text's one incident."""
    model = subtype_model()
    assert model is not None
    (group,) = incidents(find_drafts(text, [], [], default_codebook()))
    return SubtypeCoder(default_codebook(), model).candidates(group)


LONDON = (
    "The ringleader of Saturday's terror attack in London was known to the police.\n"
    "He tried to recruit children in a park.\n"
    "The parents of the ringleader of Saturday's attack are reported to have been asylum "
    "seekers from Pakistan.\n"
    "A friend warned the police about previous terrorist attacks in Britain.\n"
    "There is deep frustration in Downing Street about Saturday's attack.\n"
)


def test_saturdays_attack_is_one_incident_wherever_it_is_named() -> None:
    events = events_of(LONDON)
    london = next(e for e in events if "London" in places(e))
    starts = [s.start for s in london.trigger_spans]
    assert said(london) == ["attack", "attack", "attack"]
    assert starts == [m.end() for m in re.finditer(r"Saturday's (terror )?(?=attack)", LONDON)]
    # places of other clauses: where the parents came from, where the frustration is
    assert places(london) == ["London"]
    # "previous attacks" stay an incident of their own
    previous = [e for e in events if e is not london and e.trigger.text == "attacks"]
    assert len(previous) == 1 and len(previous[0].trigger_spans) == 1


def test_different_named_places_still_keep_attacks_apart() -> None:
    text = (
        "Saturday's attack in London killed seven people.\n"
        "Saturday's attack in Manchester killed two people.\n"
    )
    assert [places(e) for e in events_of(text)] == [["London"], ["Manchester"]]


MANCHESTER = (
    "Salman Abedi carried out the May 22 concert bombing in the city, leaders said.\n"
    "Locals warned the police about him.\n"
    "Lawmakers demanded to know why he was not watched.\n"
    "Abedi, the bomber behind the Manchester suicide bombing, is seen in this image taken "
    "from CCTV on the night he committed the attack.\n"
)


def test_a_generic_word_and_a_generic_place_join_the_named_bombing() -> None:
    (bombing,) = [e for e in events_of(MANCHESTER) if e.type != "Strategic developments"]
    assert said(bombing) == ["bombing", "suicide bombing", "attack"]
    # the one word only a suicide bomb has names the incident's kind
    assert bombing.subtype == "Suicide bomb"
    # "the city" does not disagree with "Manchester"; CCTV is where the image came from
    assert "Manchester" in places(bombing) and "CCTV" not in places(bombing)


def test_without_the_specific_word_a_bombing_keeps_its_coding() -> None:
    text = "A bombing in the market of Kuvara killed five people on Monday."
    (e,) = events_of(text)
    assert e.subtype == "Remote explosive/landmine/IED"


def test_a_generic_word_is_a_violent_demonstration_only_where_a_crowd_is() -> None:
    lone = allowed("He committed the attack on the night of May 22.")
    assert "Violent demonstration" not in lone
    assert {"Armed clash", "Attack", "Mob violence"} <= lone  # mob violence: "attack"
    crowd = allowed("A crowd gathered outside, and the attack on the town hall went on for hours.")
    assert "Violent demonstration" in crowd


def test_demonstrating_a_quality_is_no_protest() -> None:
    assert events_of("His tweet was all about demonstrating that she was trying to distract.") == ()
    assert events_of("The minister demonstrated his commitment to the plan.") == ()
    # "thus demonstrating the impotency of such controls" (a Breitbart column)
    assert events_of("The vote demonstrated the impotency of such controls.") == ()
    assert events_of("These figures demonstrate such failures.") == ()
    (protest,) = events_of("Thousands demonstrated in the capital against the new law on Sunday.")
    assert protest.subtype == "Peaceful protest"


# Text whose line breaks were lost (a scraped page, a corpus storing each article as one
# string) is one long "paragraph"; locality is then measured in sentences.
_TOWN = (
    "The city has grown quickly over the last decade. Its markets are busy in the morning. "
    "Many residents work in trade and farming. The governor opened a new road last year. "
)
_RAID = "Gunmen carried out an attack on a police checkpoint in Kandahar on Monday. "
_BOMBING = (
    "A suicide bomber blew himself up at a wedding in Herat on Friday. "
    "Officials said the attack was the deadliest this year. "
)


def test_text_without_line_breaks_keeps_two_incidents_apart() -> None:
    text = _RAID + _TOWN + _TOWN + _BOMBING
    assert "\n" not in text
    raid, bombing = events_of(text)
    assert said(raid) == ["attack"] and places(raid) == ["Kandahar"]
    assert bombing.subtype == "Suicide bomb"
    assert said(bombing) == ["blew himself up", "attack"] and places(bombing) == ["Herat"]


def test_text_without_line_breaks_still_joins_a_repeat_mention() -> None:
    text = (
        _RAID + _TOWN + _TOWN + "Police are questioning witnesses to the attack on the checkpoint."
    )
    (raid,) = events_of(text)
    assert said(raid) == ["attack", "attack"] and places(raid) == ["Kandahar"]


REDEPLOY = (
    "Rebels swept into the town, forcing the army to redeploy.\n\n"
    "The governor said schools would close for a week.\n\n"
    "Officials met in the capital to discuss the budget.\n\n"
    "The army said the rebels had attacked from several directions, prompting a "
    "{word} operation to strengthen its lines."
)


def test_a_noun_made_from_the_trigger_verb_is_the_same_incident_paragraphs_later() -> None:
    # The seed showed "redeploy" and "a redeployment operation" as two events.
    (e,) = [e for e in events_of(REDEPLOY.format(word="redeployment")) if "redeploy" in said(e)]
    assert said(e) == ["redeploy", "redeployment"]


def test_another_word_of_the_kind_paragraphs_later_is_another_incident() -> None:
    # The twin: "withdrawal" is the same kind of move but not the same word, and it is
    # three paragraphs away, so it does not join.
    evs = events_of(REDEPLOY.format(word="withdrawal"))
    assert ["redeploy"] in [said(e) for e in evs]
    assert ["withdrawal"] in [said(e) for e in evs]


SCOTT = (
    "The police shooting of Keith Lamont Scott sparked protests in Charlotte.\n\n"
    "The mayor said the city would lift its curfew on Monday.\n\n"
    "Shops on Trade Street reopened after several days of closures.\n\n"
    "The death of {who} has turned the city into a focus of the national debate."
)


def test_a_death_of_the_person_shot_paragraphs_later_is_the_same_incident() -> None:
    # Seen on a Washington Post story: "the death of Scott" was an event of its own,
    # coded as mob violence, three paragraphs after the shooting that killed him.
    evs = events_of(SCOTT.format(who="Scott"))
    (shooting,) = [e for e in evs if "shooting" in said(e)]
    assert said(shooting) == ["shooting", "death"]
    assert not [e for e in evs if said(e) == ["death"]]


def test_a_death_of_someone_else_paragraphs_later_is_not_joined_to_the_shooting() -> None:
    # The twin: another person's death is not the shooting's toll.
    evs = events_of(SCOTT.format(who="Maria Lopez"))
    (shooting,) = [e for e in evs if "shooting" in said(e)]
    assert "death" not in said(shooting)


def test_a_sentence_opening_year_keeps_an_old_attack_apart_from_last_weekend() -> None:
    # Seen on a USA Today opinion piece: "In 2000, they attacked the USS Cole" joined
    # "Last weekend, America once again experienced attacks" as one incident: the year
    # was read as another clause's (a subject stands between it and the verb).
    text = (
        "Last weekend, America once again experienced attacks upon its shores. "
        "In 2000, they attacked the USS Cole, killing 17 sailors."
    )
    assert [said(e) for e in events_of(text)] == [["attacks"], ["attacked", "killing"]]


def test_a_sentence_opening_day_that_agrees_keeps_the_incident_whole() -> None:
    # The twin: an opening time that agrees with the incident's joins it.
    text = (
        "Gunmen attacked a checkpoint in Sarvan on Monday. "
        "On Monday, the attack killed three soldiers."
    )
    assert [said(e) for e in events_of(text)] == [["attacked", "attack", "killed"]]


def test_a_crowd_in_the_sentence_of_its_event_is_no_event_of_its_own() -> None:
    # "Demonstrators clashed": grouped by their codebook codings (a protest, a clash)
    # before the sub-event model coded both alike, they were two events for one
    (e,) = events_of("Demonstrators clashed with police in Dhaka on Friday.")
    assert e.trigger.text == "clashed"
    (e,) = events_of(
        "Security forces opened fire on demonstrators in Port Salem, killing four protesters."
    )
    # one incident: its coding is the sub-event model's (acled_sample scores it)
    assert e.type in ("Violence against civilians", "Riots", "Battles")
    assert e.fatalities is not None and e.fatalities.estimate == 4


def test_a_crowd_alone_is_still_the_report() -> None:
    # the twin: no other event word in its sentence, the crowd reports the protest
    (e,) = events_of("Hundreds of protesters gathered outside parliament on Monday.")
    assert e.trigger.text == "protesters" and e.type == "Protests"


def test_a_crowd_joined_to_its_event_does_not_pull_in_later_protests() -> None:
    # the Charlotte story: "protesters ... the fatal shooting of Keith Lamont Scott" put
    # the crowd in the shooting's incident, and every later "protests" joined it by stem
    ann = extract(
        Document(
            "Small groups of protesters called for information about the fatal shooting "
            "of Keith Lamont Scott on Tuesday.\n\n"
            "Late Sunday night, the city lifted a curfew it put in place after several "
            "days of protests.\n"
        )
    )
    shooting = next(e for e in ann.events if e.trigger.text == "shooting")
    assert [m.text for m in shooting.trigger_spans] == ["shooting"]
    assert any(m.text == "protests" for e in ann.events for m in e.trigger_spans)
