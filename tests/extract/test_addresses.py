"""A street address is one facility, and "in front of X" says where: the explosion in
front of 131 West 23rd Street happened at 131 West 23rd Street, not at "front of 131
West", and 131 is no figure."""

from tui.extract.pipeline import extract
from tui.model import Annotations
from tui.text.document import Document

BOMB = (
    "The explosion went off around 8:30 p.m. in front of 131 West 23rd Street, "
    "according to NYPD Commissioner James O'Neill."
)


def mentions(ann: Annotations) -> list[tuple[str, str]]:
    return [(m.span.text, m.type) for m in ann.mentions]


def test_an_address_is_one_facility_not_a_figure() -> None:
    found = mentions(extract(Document(BOMB)))
    assert ("131 West 23rd Street", "FAC") in found
    assert all(t != "QUANTITY" for _, t in found)


def test_a_house_number_and_a_named_street() -> None:
    found = mentions(
        extract(Document("Protesters gathered at 1600 Pennsylvania Avenue on Friday."))
    )
    assert ("1600 Pennsylvania Avenue", "FAC") in found


def test_a_name_an_address_lies_in_keeps_it() -> None:
    # the twin: no number, or a longer name around it, is left to the tagger
    found = mentions(extract(Document("He wrote for the Wall Street Journal in 2015.")))
    assert ("Wall Street Journal", "ORG") in found
    assert all(t != "FAC" for _, t in found)


def test_in_front_of_says_where() -> None:
    (e,) = extract(Document(BOMB)).events
    assert [r.span.text for r in e.location] == ["131 West 23rd Street"]
    (e,) = extract(Document("A bomb exploded in front of the police station in Kabul.")).events
    assert [r.span.text for r in e.location] == ["police station", "Kabul"]
