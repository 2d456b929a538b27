"""Named ships and spacecraft are hidden things, not places or people and faiths (tui/extract/things.py)."""

from __future__ import annotations

from tui.extract.gazetteer import gazetteer
from tui.extract.linking import MISC, Found
from tui.extract.things import things_hidden


def _found(text: str, *names: tuple[str, str]) -> list[Found]:
    out = []
    for name, typ in names:
        start = text.index(name)
        out.append(Found(start, start + len(name), typ, 0.9))
    return out


def _types(text: str, found: list[Found]) -> list[tuple[str, str]]:
    return [(text[f.start : f.end], f.type) for f in things_hidden(text, found, gazetteer())]


def test_a_name_after_a_vessel_noun_is_the_vessel_everywhere() -> None:
    text = "Space Shuttle Columbia lifted off from Florida. Columbia was lost in 2003."
    found = _found(text, ("Columbia", "GPE"), ("Florida", "GPE"))
    found.append(Found(48, 56, "GPE", 0.9))  # the second "Columbia"
    assert _types(text, found) == [("Columbia", MISC), ("Florida", "GPE"), ("Columbia", MISC)]
    text = "the cruise ship, Freewinds, and HMS Belfast"
    found = _found(text, ("Freewinds", "PERSON"), ("HMS Belfast", "ORG"))
    assert _types(text, found) == [("Freewinds", MISC), ("HMS Belfast", MISC)]


def test_a_name_after_an_airline_carrier_or_a_hard_liner_stays() -> None:
    # the twin: "carrier" alone is an airline, "hard-liner" a person's label
    text = "the national carrier EgyptAir and the hard-liner Netanyahu in Columbia"
    found = _found(text, ("EgyptAir", "ORG"), ("Netanyahu", "PERSON"), ("Columbia", "GPE"))
    assert _types(text, found) == [
        ("EgyptAir", "ORG"),
        ("Netanyahu", "PERSON"),
        ("Columbia", "GPE"),
    ]


def test_a_faith_or_its_feast_is_hidden() -> None:
    text = "pilgrims arrive in Mecca for the Hajj, a pillar of Islam"
    found = _found(text, ("Mecca", "GPE"), ("Hajj", "GPE"), ("Islam", "PERSON"))
    assert _types(text, found) == [("Mecca", "GPE"), ("Hajj", MISC), ("Islam", MISC)]


def test_a_place_named_like_a_faith_stays() -> None:
    # the twin: only the faith's own name, not a name beginning like it
    text = "flights from Islamabad to Easter Island"
    found = _found(text, ("Islamabad", "GPE"), ("Easter Island", "LOC"))
    assert _types(text, found) == [("Islamabad", "GPE"), ("Easter Island", "LOC")]
