"""Title-case headlines with no small word ("Old Hands Help Russia Navigate U.S. Media"):
told by where the line stands and what the document writes in lower case, not by a
small word in capitals ("In", "Of"), which such headlines lack."""

from __future__ import annotations

from tui.extract.entities import find_entities
from tui.extract.features import (
    FIRST_LINE,
    OWN_LINE,
    RUN_ON,
    capitalised_line,
    doc_casing,
    line_places,
)
from tui.extract.gazetteer import gazetteer
from tui.extract.headline_names import known_parts
from tui.extract.tagger import sentence_tokens
from tui.text.document import Document

NYT = "Old Hands Help Russia Navigate U.S. Media."
BODY = (
    "Last week, I caught Larry King on his post-CNN media perch, the RT America network. "
    "Old hands in television help the network, and they navigate the media of a country "
    "that Russia wants to reach."
)


def _titles(text: str) -> list[tuple[str, bool]]:
    toks = sentence_tokens(text)
    words = [[t.text for t in s] for s in toks]
    casing = doc_casing(words, places=line_places(text, toks))
    return [(" ".join(w), t) for w, t in zip(words, casing.titles, strict=True)]


def test_a_headline_of_capitalised_words_on_the_first_line_is_title_case() -> None:
    # the NYT column's headline: no "In", "Of", "For" to tell it by
    assert _titles(NYT + "\n\n" + BODY)[0] == ("Old Hands Help Russia Navigate U.S. Media .", True)


def test_the_same_words_in_a_sentence_are_not_title_case() -> None:
    # the twin: the headline's words in sentence case, and running on in a paragraph
    assert _titles("Old hands help Russia navigate U.S. media.\n\n" + BODY)[0][1] is False
    text = "Last week it ran. Old Hands Help Russia Navigate U.S. Media. It did.\n\n" + BODY
    assert not any(t for _, t in _titles(text))


def test_a_name_on_a_line_of_its_own_is_not_a_headline() -> None:
    # lines of GUM and CoNLL training documents: names, captions and lists alone on a
    # line (a name's head word may be common: "reserve", one word, is not enough)
    text = (
        "Pablo Ruiz Fabo\n"
        "Image : Nick Moreau .\n"
        "Hapupu National Historic Scenic Reserve .\n"
        "Goalkeepers - Vitor Baia , Rui Correia .\n"
        "From the harbour we walked up to the reserve."
    )
    assert not any(t for _, t in _titles(text))


def test_a_capitalised_line_with_words_the_text_writes_in_lower_case_is_a_headline() -> None:
    # the twin of the reserve: not on the first line, but two of its words ("help",
    # "navigate") are common words in this text, where a name's words are not
    text = "By a reporter\n\n" + NYT + "\n\n" + BODY
    assert ("Old Hands Help Russia Navigate U.S. Media .", True) in _titles(text)


def test_line_places() -> None:
    text = "Old Hands Help\n\nA line. Two sentences.\n  Alone  \n"
    places = line_places(text, sentence_tokens(text))
    assert places == [FIRST_LINE, RUN_ON, RUN_ON, OWN_LINE]


def test_capitalised_line_counts_words_or_refuses() -> None:
    assert capitalised_line(["Trump", "’s", "East", "European", "Achilles", "Heel", "."]) == 5
    assert capitalised_line(["Image", ":", "Nick", "Moreau", "."]) == 0
    assert capitalised_line(["Manchester", "United", "3", "Arsenal", "1"]) == 0
    assert capitalised_line(["Old", "hands", "help"]) == 0


def _headline_mentions(text: str) -> list[tuple[str, str]]:
    _, mentions = find_entities(Document(text=text))
    end = text.index("\n")
    return [(m.span.text, m.type) for m in mentions if m.span.end <= end]


def test_a_title_case_headline_is_not_read_as_one_place() -> None:
    # it came out as the place "Old Hands Help Russia" and the place "U.S. Media"
    found = _headline_mentions(NYT + "\n\n" + BODY)
    assert ("Old Hands Help Russia", "GPE") not in found
    assert not any(name.startswith("Old") or name.endswith("Media") for name, _ in found)


def test_a_place_in_a_title_case_headline_is_still_found() -> None:
    # the positive twin: the headline's real places are still found
    found = _headline_mentions(NYT + "\n\n" + BODY)
    assert ("Russia", "GPE") in found
    assert ("U.S.", "GPE") in found


def test_known_names_inside_a_headline_span_are_kept() -> None:
    # the tagger read "Chris Christie Calls Hillary Clinton" as one person; the body
    # names both, so the headline keeps the two names and drops "Calls"
    words = ["Chris", "Christie", "Calls", "Hillary", "Clinton", "‘", "A", "Disgrace", "’"]
    known = frozenset({"chris", "christie", "hillary", "clinton"})
    assert known_parts(words, 0, 5, known, gazetteer()) == [(0, 2), (3, 5)]


def test_unknown_words_of_a_headline_span_stay_out() -> None:
    # the twin: words the body never capitalises make no name; one word alone only when
    # it is a country, a capital or a region ("Russia", "U.S.")
    words = ["Old", "Hands", "Help", "Russia", "Navigate", "U.S.", "Media"]
    assert known_parts(words, 0, 3, frozenset(), gazetteer()) == []
    assert known_parts(words, 0, 4, frozenset(), gazetteer()) == [(3, 4)]
    assert known_parts(words, 5, 7, frozenset(), gazetteer()) == [(5, 6)]


def test_a_town_named_like_a_common_word_is_no_part_of_a_headline() -> None:
    # "Surprise" is a town in Arizona; in "... That Will Surprise You" it is a verb
    words = ["Sarah", "Palin", "That", "Will", "Surprise", "You"]
    assert known_parts(words, 3, 5, frozenset(), gazetteer()) == []


def test_a_headline_keeps_the_full_names_the_body_gives() -> None:
    text = (
        "Chris Christie Calls Hillary Clinton ‘A Disgrace’ Over Police Shooting Comments.\n\n"
        "New Jersey Gov. Chris Christie said on Monday that Democratic nominee Hillary "
        "Clinton had disgraced herself. Mr. Christie spoke on the radio. Mrs. Clinton "
        "did not answer."
    )
    found = _headline_mentions(text)
    assert ("Chris Christie", "PERSON") in found
    assert ("Hillary Clinton", "PERSON") in found
    assert not any("Calls" in name for name, _ in found)
