"""Where a claim's content ends: an object phrase stops before the writer's adjunct
(PolNeAR marks "Machado", not "Machado since the debate"), a clause is left whole."""

from __future__ import annotations

from tests.extract.test_attribution import by_content, claims_of, contents


def test_an_object_stops_before_a_time_adjunct_or_a_participle_clause() -> None:
    c = by_content(
        claims_of("Clinton has not mentioned Machado since the Monday night debate."), "Machado"
    )
    assert contents(c) == ["Machado"]
    text = (
        "Trump is questioning the integrity of the voting system, encouraging his "
        "supporters to visit polling places."
    )
    c = next(c for c in claims_of(text) if c.cue.text == "questioning")
    assert contents(c) == ["the integrity of the voting system"]


def test_a_clause_or_a_quotation_keeps_its_adjunct() -> None:
    # The positive twins: with a verb of its own, "after ..." belongs to what was said.
    c = by_content(claims_of("Clinton said the campaign was over after the debate."), "campaign")
    assert contents(c) == ["the campaign was over after the debate"]
    text = 'Clinton criticised the "disgrace since the start" of the race.'
    c = by_content(claims_of(text), "disgrace")
    assert contents(c) == ['the "disgrace since the start" of the race']
