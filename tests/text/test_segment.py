"""Sentence, paragraph and token segmentation of news text."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.text import paragraphs, sentences, tokens
from tui.text.segment import MAX_SENTENCE


def split(text: str) -> list[str]:
    return [text[s:e] for s, e in sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # titles and initials
        (
            "Mr. Smith met Gen. John F. Kennedy. They talked.",
            ["Mr. Smith met Gen. John F. Kennedy.", "They talked."],
        ),
        # U.S. inside a sentence, and at its end before a sentence starter
        (
            "The U.S. Army said so. He works in the U.S. The end.",
            ["The U.S. Army said so.", "He works in the U.S.", "The end."],
        ),
        # a.m. / p.m.
        (
            "It began at 9 a.m. Tuesday and ended at 5 p.m. Then it rained.",
            ["It began at 9 a.m. Tuesday and ended at 5 p.m.", "Then it rained."],
        ),
        # No. before a number
        (
            "He lives at No. 10 Downing Street. Fine.",
            ["He lives at No. 10 Downing Street.", "Fine."],
        ),
        # decimals and thousands
        (
            "About 2,500 people paid $3.5 million. It was 4.2 percent.",
            ["About 2,500 people paid $3.5 million.", "It was 4.2 percent."],
        ),
        # closing quotes after the full stop, straight and curly
        ('He said "it is over." Then he left.', ['He said "it is over."', "Then he left."]),
        ("She said “we won.” Others disagreed.", ["She said “we won.”", "Others disagreed."]),
        # question inside a quote followed by the cue: no split
        ("“Why?” he asked. Nobody knew.", ["“Why?” he asked.", "Nobody knew."]),
        # ellipses: split before a capital, not before lower case
        ("He paused... Then he spoke.", ["He paused...", "Then he spoke."]),
        ("He urged calm … and a serious process.", ["He urged calm … and a serious process."]),
        # a new sentence opening with a quote
        ('It ended. "We are free," he said.', ["It ended.", '"We are free," he said.']),
        # a one-letter name before a new quotation
        ("He wrote on X. “Our patience is over.”", ["He wrote on X.", "“Our patience is over.”"]),
        # months and states are not sentence ends
        ("On Jan. 5 in Calif. police said so.", ["On Jan. 5 in Calif. police said so."]),
    ],
)
def test_sentence_cases(text: str, expected: list[str]) -> None:
    assert split(text) == expected


def test_dateline_is_not_part_of_the_first_sentence() -> None:
    text = "ALEPPO, Syria (Reuters) - The army said 3 died. Rebels disagreed."
    assert split(text) == ["The army said 3 died.", "Rebels disagreed."]
    text = "WASHINGTON (AP) — Officials met. Nothing changed."
    assert split(text) == ["Officials met.", "Nothing changed."]
    # on a line of its own: the sentence starts at the next line, not at its line break
    text = "ALEPPO, Syria (Reuters) -\nThe army said 3 died. Rebels disagreed."
    assert split(text) == ["The army said 3 died.", "Rebels disagreed."]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # paragraphs run together when a page was scraped: a full stop before a capital
        (
            "He was questioned in the past.The suspect, who police said.“They knew.”",
            ["He was questioned in the past.", "The suspect, who police said.", "“They knew.”"],
        ),
        ("It rose in 2017.The next year it fell.", ["It rose in 2017.", "The next year it fell."]),
        (
            'He called it an "attack.""It shook us."',
            ['He called it an "attack."', '"It shook us."'],
        ),
        ("Why?Nobody knows.", ["Why?", "Nobody knows."]),
        ("It was OK.Insufficient care followed.", ["It was OK.", "Insufficient care followed."]),
        ("He works for Acme Inc.The firm grew.", ["He works for Acme Inc.", "The firm grew."]),
        # a headline run into the dateline of the story
        (
            "Questions About Surveillance PrioritiesLONDON — For the second time, they met.",
            ["Questions About Surveillance Priorities", "For the second time, they met."],
        ),
        (
            "7 killed in AfghanistanKANDAHAR, Afghanistan, Oct. 3 (Xinhua) -- Seven died.",
            ["7 killed in Afghanistan", "Seven died."],
        ),
        # a heading run into the next sentence with no full stop at all
        (
            "Security strategy reviewA senior Conservative official told VOA.",
            ["Security strategy review", "A senior Conservative official told VOA."],
        ),
        (
            "It was OK.Insufficient responseNeither Britain nor MI5 replied.",
            ["It was OK.", "Insufficient response", "Neither Britain nor MI5 replied."],
        ),
    ],
)
def test_sentences_run_together_are_split(text: str, expected: list[str]) -> None:
    assert split(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "He met McDONALD, the new boss, and left.",  # a lower-case run into capitals
        "An iPhone and macOS sold well in the U.S.A.The end came later.",  # dotted word
        "Take fruit, e.g.The apple is one.",  # abbreviation with dots
        "He works for Acme Inc.Smith is the boss.",  # may end a sentence, not before a name
        "He saw St.Louis and Mr.Smith today.",  # never ends a sentence
        "The J.The pair left together.",  # an initial
        "John F.Kennedy met the U.K.The delegation.",  # initials, dotted
        "He works for Acme Corp.Smith is the boss.",
        "Go to example.com/News or mail john.Smith@example.org now.",  # addresses
        # a capital after lower-case letters that is no sentence start
        "He bought an iPhone on eBay and a PlayStation from YouTube stars.",
        "He met McDonald and DeSantis at the McDONALD site.",  # capitals after a capital
        "She runs macOS and tweets as @realDonaldTrump with #stopTheHate daily.",
        "He read wikiHow pages about bitTorrent in 2020.",  # glued_words
        "The file is mainWindow2Handler and nothing else.",  # a word with digits
    ],
)
def test_words_with_a_full_stop_inside_are_not_split(text: str) -> None:
    assert split(text) == [text]


def test_sentences_never_cross_paragraphs() -> None:
    text = "First paragraph without a stop\nSecond one. Still second.\n"
    assert split(text) == ["First paragraph without a stop", "Second one.", "Still second."]


def test_paragraphs_by_blank_lines_or_by_lines() -> None:
    assert paragraphs("a b\nc d\n\n  e f  \n\n\ng\n") == [(0, 7), (11, 14), (19, 20)]
    assert paragraphs("one\ntwo\n\n") == [(0, 3), (4, 7)]  # blank line at the end only
    assert paragraphs("one\ntwo") == [(0, 3), (4, 7)]
    assert paragraphs("") == []


def test_seed_sentences(seed_text: str) -> None:
    got = split(seed_text)
    assert len(got) == 17
    assert got[5].endswith("in Aleppo and Idlib provinces.")
    assert got[6] == "It claimed about 300 rebel fighters had been killed."
    assert got[13].endswith("in northwest Syria.”")


def test_tokens() -> None:
    text = "Russia’s Defence Ministry said 2,500 U.S. troops don't, at 3.5%."
    assert [t.text for t in tokens(text)] == [
        "Russia",
        "’s",
        "Defence",
        "Ministry",
        "said",
        "2,500",
        "U.S.",
        "troops",
        "don't",
        ",",
        "at",
        "3.5",
        "%",
        ".",
    ]


@given(st.text())
def test_offsets_are_exact_for_any_text(text: str) -> None:
    for s, e in sentences(text):
        assert 0 <= s < e <= len(text)
        assert text[s:e] == text[s:e].strip()
    for t in tokens(text):
        assert text[t.start : t.end] == t.text
    spans = sentences(text)
    assert spans == sorted(spans)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))


def test_remembered_segmentation_is_safe_to_change_and_to_share() -> None:
    from tui.text.segment import clear_cache

    text = "One sentence here. Another one there.\nA second paragraph."
    first = sentences(text)
    first.append((0, 1))  # a caller changing its list must not change the next caller's
    assert sentences(text) == [(0, 18), (19, 37), (38, 57)]
    toks = tokens(text)
    toks.clear()
    assert len(tokens(text)) == 12
    copy = "".join(list(text))  # an equal text in another object gives the same answers
    assert copy is not text and sentences(copy) == sentences(text)
    clear_cache()
    assert sentences(text) == [(0, 18), (19, 37), (38, 57)]


def test_a_sentence_of_ordinary_length_is_never_cut() -> None:
    long_but_normal = "The envoy said that " + ", ".join(["talks resumed"] * 35) + "."
    assert len(long_but_normal) < MAX_SENTENCE
    assert split(long_but_normal) == [long_but_normal]


def test_an_over_long_sentence_is_cut_at_clause_boundaries() -> None:
    clause = "rebels shelled the outskirts of the town overnight, residents said; "
    text = clause * 40 + "and it went on"
    pieces = sentences(text)
    assert len(pieces) > 1
    assert all(e - s <= MAX_SENTENCE for s, e in pieces)
    # cut after a semicolon (the best boundary there), never inside a word
    assert all(text[e - 1] == ";" for _, e in pieces[:-1])
    assert all(text[s:e] == text[s:e].strip() for s, e in pieces)
    # nothing lost: every non-space character is in exactly one piece
    covered = "".join(text[s:e] for s, e in pieces)
    assert covered.replace(" ", "") == text.replace(" ", "")


def test_cuts_fall_back_to_commas_then_spaces_then_the_limit() -> None:
    commas = "one two three four five six seven, " * 60
    assert all(commas[e - 1] == "," for _, e in sentences(commas)[:-1])
    spaces = "word " * 400
    pieces = sentences(spaces)
    assert len(pieces) > 1 and all(spaces[s:e].endswith("word") for s, e in pieces)
    blob = "x" * (3 * MAX_SENTENCE + 5)
    assert sentences(blob) == [
        (0, MAX_SENTENCE),
        (MAX_SENTENCE, 2 * MAX_SENTENCE),
        (2 * MAX_SENTENCE, 3 * MAX_SENTENCE),
        (3 * MAX_SENTENCE, len(blob)),
    ]


@given(st.text(alphabet="ab ,;.\n", max_size=3000))
def test_no_sentence_is_longer_than_the_limit(text: str) -> None:
    pieces = sentences(text)
    assert all(0 < e - s <= MAX_SENTENCE for s, e in pieces)
    assert pieces == sorted(pieces)
    assert all(a[1] <= b[0] for a, b in zip(pieces, pieces[1:], strict=False))


@given(st.text(alphabet="Ab. ,\n?'”“”"), st.integers(0, 40), st.integers(0, 40))
def test_sentences_of_a_range_are_those_of_its_paragraphs(text: str, a: int, b: int) -> None:
    from tui.text.segment import _split_sentences

    start, end = sorted((min(a, len(text)), min(b, len(text))))
    assert sentences(text, start, end) == _split_sentences(text, start, end)


def test_a_paragraph_asked_on_its_own_has_the_sentences_the_whole_text_gave_it() -> None:
    text = "Rebels said Mr. Smith left. He denied it.\n\nA second one? Yes.\nAnd a line."
    whole = sentences(text)
    first, second = paragraphs(text)
    assert sentences(text, *first) == [s for s in whole if s[1] <= first[1]]
    mine = sentences(text, *first)
    mine.clear()  # the caller's own list
    assert sentences(text, *first) == [(0, 27), (28, 41)]
    # a range over a line break is split at it, as a text without blank lines is
    assert [text[s:e] for s, e in sentences(text, *second)] == [
        "A second one?",
        "Yes.",
        "And a line.",
    ]


def test_lower_forms_are_the_lower_case_texts_shared_between_equal_words() -> None:
    from tui.text.segment import lower_forms

    text = "Rebels said REBELS and rebels said İstanbul fell. Rebels said so."
    toks = tokens(text)
    words = [t.text for t in toks]
    low = lower_forms(toks)
    assert low == [w.lower() for w in words]  # "İ" too, whose lower case is two letters
    assert low[0] is low[words.index("Rebels", 1)]  # one string for the word wherever it is
    said = [i for i, w in enumerate(words) if w == "said"]
    assert len(said) == 3 and all(low[i] is toks[i].text for i in said)  # already lower: its own
