"""The spaCy-compatible tokenizer against what spacy.blank("en") 3.8 gives for the same text.

The expected lists were produced by spaCy itself (benchmarks/bench_spacy_tokens.py
compares the two on whole corpora where spaCy is installed).
"""

import pytest

from tui.store.formats.spacy_tokens import tokenize

CASES = [
    ("Syria’s refusal", ["Syria", "’s", "refusal"]),
    ("Iran-backed Lebanese", ["Iran", "-", "backed", "Lebanese"]),
    ("U.S. forces", ["U.S.", "forces"]),
    (
        'the long-simmering "conflict".',
        ["the", "long", "-", "simmering", '"', "conflict", '"', "."],
    ),
    ("He said: “our armed forces", ["He", "said", ":", "“", "our", "armed", "forces"]),
    ("(Reuters) - ALEPPO", ["(", "Reuters", ")", "-", "ALEPPO"]),
    (
        "2,500 families 3.5 weeks 9 a.m. on Nov. 27",
        ["2,500", "families", "3.5", "weeks", "9", "a.m.", "on", "Nov.", "27"],
    ),
    ("don't can't it's", ["do", "n't", "ca", "n't", "it", "'s"]),
    ("Mr. Haddad, Gen. Omar", ["Mr.", "Haddad", ",", "Gen.", "Omar"]),
    ("e-mail http://x.com/a?b=c", ["e", "-", "mail", "http://x.com/a?b=c"]),
    ("a\nb  c\n\nd", ["a", "\n", "b", " ", "c", "\n\n", "d"]),
    (
        "Hayat Tahrir al-Sham, or HTS.",
        ["Hayat", "Tahrir", "al", "-", "Sham", ",", "or", "HTS", "."],
    ),
    ("de-escalation … and", ["de", "-", "escalation", "…", "and"]),
    ("No. 2 commander", ["No", ".", "2", "commander"]),
    ("100km 5% $300 300$", ["100", "km", "5", "%", "$", "300", "300", "$"]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_as_spacy_splits(text: str, expected: list[str]) -> None:
    assert [t.text for t in tokenize(text)] == expected


def test_offsets_and_trailing_space() -> None:
    toks = tokenize("Hi  there.")
    assert [(t.text, t.start, t.end, t.ws) for t in toks] == [
        ("Hi", 0, 2, True),
        (" ", 3, 4, False),
        ("there", 4, 9, False),
        (".", 9, 10, False),
    ]
