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


def _all(text: str, name: str, typ: str) -> list[Found]:
    out, k = [], text.find(name)
    while k >= 0:
        out.append(Found(k, k + len(name), typ, 0.9))
        k = text.find(name, k + 1)
    return out


def test_a_name_given_in_two_versions_is_a_product_line() -> None:
    text = "Microsoft's Internet Explorer 9 is new. Internet Explorer 6 is old. Internet Explorer fails."
    found = _all(text, "Internet Explorer", "ORG")
    assert [t for _, t in _types(text, found)] == [MISC, MISC, MISC]


def test_a_team_in_a_results_table_is_no_product() -> None:
    # the twin: numbers after a name in a table are times and scores, not versions
    text = "3. Ekimov ( Russia ) Rabobank 29 seconds behind 4. Dekker ( Netherlands ) Rabobank 43"
    found = _all(text, "Rabobank", "ORG")
    assert [t for _, t in _types(text, found)] == ["ORG", "ORG"]


def test_a_vessel_read_whole_with_its_kind_hides_its_name_alone() -> None:
    text = "Space Shuttle Atlantis flew. Atlantis will go on display."
    found = [Found(0, 22, MISC, 0.9), Found(29, 37, "PERSON", 0.9)]
    assert _types(text, found) == [("Space Shuttle Atlantis", MISC), ("Atlantis", MISC)]


def test_the_kind_alone_hides_no_name() -> None:
    # the twin: "the Space Shuttle" names no vessel, so "Atlantis" the legend stays
    text = "the Space Shuttle era. Atlantis was a myth."
    found = [Found(4, 17, MISC, 0.9), Found(23, 31, "GPE", 0.9)]
    assert _types(text, found) == [("Space Shuttle", MISC), ("Atlantis", "GPE")]
