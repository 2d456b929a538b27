"""Repairs across a sentence's names: a body's member named after its possessive, a
place's formal name ("the State of Texas") read as two names."""

from __future__ import annotations

from tui.extract.gazetteer import gazetteer
from tui.extract.linking import Found
from tui.extract.name_repairs import admin_names_joined, members_named


def _found(text: str, spans: list[tuple[str, str, str]]) -> list[Found]:
    """Mentions given as (quoted text, type, source), found left to right in ``text``."""
    out, pos = [], 0
    for quote, typ, source in spans:
        start = text.index(quote, pos)
        out.append(Found(start, start + len(quote), typ, 0.9, source=source))
        pos = start + len(quote)
    return out


def _typed(text: str, spans: list[tuple[str, str, str]]) -> list[tuple[str, str]]:
    return [
        (text[f.start : f.end], f.type)
        for f in members_named(text, _found(text, spans), gazetteer())
    ]


def test_a_two_word_name_after_a_bodys_possessive_read_as_a_body_is_its_member() -> None:
    text = "elected were FTU's Alice Mak and New People Party's Regina Ip."
    spans = [
        ("FTU", "ORG", "tagger"),
        ("Alice Mak", "ORG", "tagger"),
        ("New People Party", "ORG", "rule"),
        ("Regina Ip", "ORG", "tagger"),
    ]
    assert _typed(text, spans) == [
        ("FTU", "ORG"),
        ("Alice Mak", "PERSON"),
        ("New People Party", "ORG"),
        ("Regina Ip", "PERSON"),
    ]


def test_a_body_after_a_bodys_possessive_stays_a_body() -> None:
    # the twins: a nationality or a head word inside, a rule's type, no possessive
    text = "AMR Corp's American Airlines, DAB's Civic Party, FTU's Youth Council, FTU Alice Mak"
    spans = [
        ("AMR Corp", "ORG", "tagger"),
        ("American Airlines", "ORG", "tagger"),
        ("DAB", "ORG", "tagger"),
        ("Civic Party", "ORG", "tagger"),
        ("FTU", "ORG", "tagger"),
        ("Youth Council", "ORG", "rule"),
        ("FTU", "ORG", "tagger"),
        ("Alice Mak", "ORG", "tagger"),
    ]
    assert all(t == "ORG" for _, t in _typed(text, spans))


def test_an_administrative_word_of_a_place_is_one_place() -> None:
    text = "the State of Texas and the Holy City of Jerusalem, the Federal Republic of Yugoslavia"
    found = _found(
        text,
        [
            ("State", "ORG", "tagger"),
            ("Texas", "GPE", "context"),
            ("Holy City", "LOC", "tagger"),
            ("Jerusalem", "GPE", "tagger"),
            ("Federal Republic", "GPE", "tagger"),
            ("Yugoslavia", "GPE", "tagger"),
        ],
    )
    out = admin_names_joined(text, found)
    assert [(text[f.start : f.end], f.type) for f in out] == [
        ("State of Texas", "GPE"),
        ("Holy City of Jerusalem", "GPE"),
        ("Federal Republic of Yugoslavia", "GPE"),
    ]


def test_another_word_of_a_place_or_an_administrative_word_of_a_body_stays_apart() -> None:
    # the twins: no administrative word, no place after it, a name holding "of" already
    text = "University of Texas, State of Emergency Council, Secretary of State of Texas"
    found = _found(
        text,
        [
            ("University", "ORG", "tagger"),
            ("Texas", "GPE", "tagger"),
            ("State", "ORG", "tagger"),
            ("Emergency Council", "ORG", "tagger"),
            ("Secretary of State", "ORG", "tagger"),
            ("Texas", "GPE", "tagger"),
        ],
    )
    out = admin_names_joined(text, found)
    assert len(out) == 6
