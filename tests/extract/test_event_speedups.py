"""What the event extractor remembers between calls never leaks from one sentence or
trigger to another: the time expressions of a sentence and the cues around a trigger."""

from tui.extract.arguments import find_arguments
from tui.extract.chunks import parse_sentence
from tui.extract.codebook import default_codebook
from tui.extract.event_words import TokenView, event_words
from tui.extract.triggers import TriggerFinder


def parse(text: str):
    words = event_words()
    view = TokenView.of(text, 0, len(text), words)
    finder = TriggerFinder(default_codebook(), words)
    triggers = finder.find(view)
    n = len(view)
    marked = frozenset(i for t in triggers for i in range(t.start, t.end))
    return finder, view, triggers, parse_sentence(view, words, [None] * n, [False] * n, marked)


def times(text: str) -> list[list[str]]:
    _, view, triggers, p = parse(text)
    out = []
    for t in triggers:
        args = find_arguments(p, t)
        out.append([" ".join(view.low[a:b]) for a, b in args.time])
    return out


def test_each_trigger_gets_the_time_nearest_to_it() -> None:
    text = (
        "Rebels attacked the town on Monday and, after a long pause in the fighting that "
        "lasted many days, shelled the villages around it on Friday."
    )
    assert times(text)[0] == ["monday"]
    assert times(text)[-1] == ["friday"]


def test_a_sentence_never_reads_the_times_of_the_one_before() -> None:
    assert times("Gunmen attacked a checkpoint on Tuesday.") == [["tuesday"]]
    assert times("Gunmen attacked a checkpoint near the border.") == [[]]
    assert times("Gunmen attacked a checkpoint on Sunday.") == [["sunday"]]


def test_no_trigger_word_no_trigger_and_blocked_phrases_stay_blocked() -> None:
    assert parse("The minister met farmers in the capital.")[2] == []
    assert parse("He died of a heart attack at home.")[2][0].phrase == "die"
    assert all(t.phrase != "attack" for t in parse("He died of a heart attack at home.")[2])
    assert [t.phrase for t in parse("Gunmen attacked the market.")[2]] == ["attack"]


def test_cues_are_counted_for_the_trigger_asked_about() -> None:
    finder, view, triggers, _ = parse("Police fired tear gas at protesters who marched.")
    other, view2, triggers2, _ = parse("Warplanes bombed the village.")
    first = finder.code(view, triggers[-1])
    # the same finder, another sentence and trigger: nothing carried over
    bombed = finder.code(view2, triggers2[0])
    assert bombed is not None and bombed == other.code(view2, triggers2[0])
    again = finder.code(view, triggers[-1])
    assert again == first


def test_the_sub_event_features_of_a_sentence_are_its_own() -> None:
    from tui.extract.codebook import default_codebook as book
    from tui.extract.event_build import incidents
    from tui.extract.events import find_drafts
    from tui.extract.subtypes import features

    text = "Rebels shelled the town.\nPolice fired tear gas at protesters in the square."
    groups = incidents(find_drafts(text, [], [], book()))
    first, second = groups[0], groups[-1]
    a, b = features(first), features(second)
    assert "w:shelled" in a and "w:shelled" not in b
    assert "w:protesters" in b and "b:tear_gas" in b and "w:protesters" not in a
    # read again (now from what the sentences remember): the same features
    assert features(first) == a and features(second) == b
