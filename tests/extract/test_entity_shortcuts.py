"""The entity stage's shortcuts (words skipped before the full test) keep its answers."""

from __future__ import annotations

from tui.extract.features import doc_casing, is_headline
from tui.extract.gazetteer import gazetteer
from tui.extract.name_bounds import extend, may_extend
from tui.extract.names import tagger_spans
from tui.extract.patterns import patterns
from tui.extract.tagger import SURE, Tagger

TAGS = ["O", "B-PER", "I-PER"]


def _tagger() -> Tagger:
    # "Smith" opens a person, and any word right after an opened person continues it
    weights = {
        "bias": {0: 1.0},
        "w=Smith": {1: 5.0},
        "t1=B-PER": {2: 5.0},
    }
    return Tagger.from_sparse(TAGS, weights, gazetteer())


def test_tagger_skips_lower_case_words_after_no_name_but_scores_them_after_one() -> None:
    words = ["said", "Smith", "jr", "and", "then", "left"]
    out = _tagger().tag(words, doc_casing([words]))
    assert [t for t, _ in out] == ["O", "B-PER", "I-PER", "O", "O", "O"]
    assert out[0] == ("O", SURE)  # skipped: lower case, no name before
    assert out[2][1] != SURE  # scored: it follows a name
    assert out[4] == ("O", SURE)  # skipped again once the name is closed


def test_tagger_scores_capitalised_and_hyphenated_words() -> None:
    words = ["the", "Jones", "pro-Smith", "rally"]
    out = _tagger().tag(words, doc_casing([words]))
    assert out[0] == ("O", SURE)
    assert out[1][1] != SURE and out[2][1] != SURE
    assert [t for t, _ in out] == ["O", "O", "O", "O"]


def test_tagger_spans_join_inside_tags_only_next_to_their_name() -> None:
    tags = [("B-PER", 0.9), ("I-PER", 0.7), ("O", 0.99), ("I-ORG", 0.6), ("I-ORG", 0.8)]
    spans = tagger_spans(tags)
    assert [(s.a, s.b, s.type) for s in spans] == [(0, 2, "PER"), (3, 5, "ORG")]
    assert abs(spans[0].confidence - 0.8) < 1e-9
    assert tagger_spans([("O", 0.99)] * 4) == []


def test_may_extend_lists_every_word_extend_runs_on_over() -> None:
    pat, gaz = patterns(), gazetteer()
    followers = ["of", "for", "and", "&", "al-Assad", "bin", "al", "de", "the", "said", "in"]
    ran_on = []
    for w in followers:
        for typ in ("ORG", "PER"):
            words = ["Office", w, "Migration", "Refugees", "Ministry"]
            if extend(words, 1, typ, pat, gaz) > 1:
                ran_on.append(w)
                assert may_extend(w, pat), w
    assert {"of", "&", "al-Assad"} <= set(ran_on)  # the test sees real run-ons
    assert not may_extend("said", pat) and not may_extend("the", pat)


def test_gazetteer_match_takes_the_longest_phrase_and_skips_inside_it() -> None:
    gaz = gazetteer()
    words = ["in", "New", "York", "and", "Saudi", "Arabia", "with", "Syria"]
    found = [(a, b) for a, b, _ in gaz.match(words)]
    assert (1, 3) in found and (4, 6) in found and (7, 8) in found
    assert (2, 3) not in found and (5, 6) not in found  # no phrase inside a longer one
    assert gaz.match(["said", "the", "man"]) == []


def test_gazetteer_match_reads_capitals_in_headlines() -> None:
    found = gazetteer().match(["REBELS", "ENTER", "SYRIA"])
    assert [(a, b) for a, b, _ in found] == [(2, 3)]


def test_is_headline_needs_capitals() -> None:
    assert is_headline(["REBELS", "SEIZE", "ALEPPO", "AIRPORT"])
    assert not is_headline(["Rebels", "seized", "the", "airport"])
