"""Deaths named or described one by one count: "police shot and killed Keith Lamont
Scott" is one death, "killed a school guard" one, "killed Ahmed Rashid and his brother
Omar Rashid" two; victims of unknown number, killings not done, and a protest a death set
off get no toll from them."""

import pytest

from tui.extract.pipeline import extract
from tui.model import Event
from tui.text.document import Document


def toll(text: str) -> tuple[str, int | None] | None:
    events = [e for e in extract(Document(text)).events if e.fatalities is not None]
    if not events:
        return None
    f = events[0].fatalities
    assert f is not None
    return f.span.text, f.estimate


def only(text: str) -> Event:
    (e,) = extract(Document(text)).events
    return e


def test_a_named_victim_is_one_death_and_the_shooters_act() -> None:
    e = only("Police shot and killed Keith Lamont Scott, 43, a father of seven, on Tuesday.")
    # "shot and killed": the police did both; the age is neither victim nor toll
    assert [r.span.text for r in e.actors] == ["Police"]
    assert "43" not in [r.span.text for r in e.targets]
    assert e.fatalities is not None
    assert (e.fatalities.span.text, e.fatalities.estimate) == ("Keith Lamont Scott", 1)


def test_two_verbs_in_a_headline_passive_stay_passive() -> None:
    # the twin: "two men shot and killed in Chicago" were shot, they did not shoot
    e = only("Two men shot and killed in Chicago.")
    assert [r.span.text for r in e.actors] == []
    assert e.fatalities is not None and e.fatalities.estimate == 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gunmen killed a school guard on Monday.", ("school guard", 1)),
        ("Locals assaulted and killed a man in Debidwar.", ("man", 1)),
        ("The farmer was hacked to death by herders.", ("farmer", 1)),
        ("Gunmen killed Ahmed Rashid and his brother Omar Rashid in Kabul.",
         ("Ahmed Rashid and his brother Omar Rashid", 2)),
        ("Gunmen killed two soldiers and a civilian.", ("two", 2)),  # a written count wins
    ],
)  # fmt: skip
def test_victims_counted_one_by_one(text: str, expected: tuple[str, int]) -> None:
    assert toll(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen tried to kill a judge on Monday.",  # not done
        "Police killed civilians in the square.",  # how many?
        "Gunmen killed Ahmed Rashid and other bystanders.",
        "Civilian deaths rose in the province.",  # a kind of victim, not one
    ],
)
def test_no_toll_where_the_victims_are_not_counted(text: str) -> None:
    assert toll(text) is None


def test_a_death_that_set_off_protests_gives_them_no_toll() -> None:
    ann = extract(Document("The death of Scott sparked protests."))
    protests = [e for e in ann.events if e.type == "Protests"]
    assert protests and all(e.fatalities is None for e in protests)


def test_the_shooting_a_death_is_reported_of_takes_its_toll() -> None:
    # the twin: the death joins the event that caused it
    e = only("Police shot Keith Scott on Tuesday, and the death of Scott angered many.")
    assert e.fatalities is not None and e.fatalities.estimate == 1


def test_a_written_count_in_another_mention_beats_names() -> None:
    text = (
        "Gunmen attacked the market in Kabul, killing 12 people.\n\n"
        "The attack in Kabul killed Ahmed Rashid, a local trader.\n"
    )
    tolls = [e.fatalities for e in extract(Document(text)).events if e.fatalities is not None]
    assert tolls and tolls[0].estimate == 12
