"""Names found but not suggested: what the calibration says is more likely wrong."""

from __future__ import annotations

from tui.extract.doubts import doubtful_names, sure_enough
from tui.extract.linking import Found
from tui.extract.names_again import SOURCE


def test_a_place_found_again_by_spelling_alone_and_doubted_is_not_suggested() -> None:
    found = [Found(0, 3, "GPE", 0.9), Found(10, 13, "GPE", 0.5, rule=True, source=SOURCE)]
    assert sure_enough(found, [0.9, 0.3]) == [0]


def test_a_sure_recurrence_a_surname_found_again_and_a_tagged_name_are_suggested() -> None:
    # the twins: the same recurrence at 0.6; a surname found again (10 right in 20 under
    # 0.5); a name the tagger found itself, whatever its confidence
    again = Found(10, 13, "GPE", 0.5, rule=True, source=SOURCE)
    assert sure_enough([Found(0, 3, "GPE", 0.9), again], [0.9, 0.6]) == [0, 1]
    surname = Found(10, 13, "PERSON", 0.5, source=SOURCE)
    assert sure_enough([Found(0, 3, "GPE", 0.9), surname], [0.9, 0.3]) == [0, 1]
    assert sure_enough([Found(0, 3, "GPE", 0.3)], [0.3]) == [0]


def test_a_one_word_person_named_in_full_elsewhere_is_kept_however_doubted() -> None:
    text = "Warhol's legacy. Andy Warhol took them."
    found = [Found(0, 6, "PERSON", 0.4), Found(17, 28, "PERSON", 0.9)]
    assert doubtful_names(text, found, [0, 1], ["PERSON", "PERSON"], [0.4, 0.9]) == set()
    # the twin: no full name in the document
    text = "Warhol's legacy. Andy Smith took them."
    assert doubtful_names(text, found, [0, 1], ["PERSON", "PERSON"], [0.4, 0.9]) == {0}


def test_a_name_the_tagger_itself_doubted_is_not_found_again_by_its_spelling() -> None:
    from tui.extract.names_again import names_again
    from tui.extract.tagger import sentence_tokens

    text = "He left Zorbology. Zorbology sued."
    sents = sentence_tokens(text)
    doubted = Found(8, 17, "ORG", 0.51)
    assert names_again(text, sents, [doubted], frozenset()) == [doubted]
    # the twin: read as a body with some confidence, it is found again
    sure = Found(8, 17, "ORG", 0.8)
    found = names_again(text, sents, [sure], frozenset())
    assert [(text[f.start : f.end], f.start, f.type) for f in found] == [
        ("Zorbology", 8, "ORG"),
        ("Zorbology", 19, "ORG"),
    ]
