"""Noun phrases of one sentence (tui/extract/chunks.py): which words head a phrase."""

from __future__ import annotations

from tui.extract.chunks import parse_sentence
from tui.extract.event_words import TokenView, event_words


def chunks_of(text: str, types: dict[str, str], triggers: set[str]) -> list[tuple[str, str]]:
    w = event_words()
    view = TokenView.of(text, 0, len(text), w)
    words = [t.text for t in view.toks]
    parse = parse_sentence(
        view,
        w,
        [types.get(t) for t in words],
        [t.isdigit() for t in words],
        frozenset(i for i, t in enumerate(words) if t in triggers),
    )
    return [(" ".join(words[c.start : c.end]), c.kind) for c in parse.chunks]


def test_names_nouns_figures_and_acronyms_head_phrases_and_triggers_do_not() -> None:
    text = (
        "Iran-backed gunmen attacked the city of Aleppo on Monday, "
        "killing 12 soldiers and the US envoy."
    )
    found = chunks_of(text, {"Aleppo": "GPE", "Monday": "DATE"}, {"attacked", "killing"})
    assert found == [
        ("Iran-backed gunmen", "other"),
        ("city of Aleppo", "place"),
        ("12 soldiers", "party"),
        ("US", "name"),
    ]


def test_capitalised_function_words_weekdays_and_opening_adverbs_head_nothing() -> None:
    assert chunks_of("Has the army shelled them on Monday?", {}, {"shelled"}) == [("army", "party")]
    assert chunks_of("“Reportedly the army shelled them.", {}, {"shelled"}) == [("army", "party")]
    # the same word capitalised inside the sentence reads as a name
    assert ("Reportedly", "name") in chunks_of("Reporters said Reportedly spoke.", {}, {"said"})
