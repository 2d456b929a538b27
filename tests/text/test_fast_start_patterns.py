"""Patterns rewritten to open with a plain character class (so the regex engine can skip
to possible starts quickly) match exactly what their plain forms match."""

from __future__ import annotations

import random
import re

import pytest

from tui.text import segment

# the plain forms, as first written
PLAIN = {
    "_CANDIDATE": re.compile(r"(?:\.\.\.|[.!?…])+[\"'”’)\]»]*(?=\s|$)"),
    "_JOINED": re.compile(r"(?<=[A-Za-z\d)\]\"'”’])[.!?]+[\"'”’)\]»]*?(?=[\"“‘(«]?[A-Z][a-z])"),
}
# pieces rather than characters, so that capitalised words ("The") come up often
PIECES = ["The", "a", "Zb", "9", ".", ".", "!", "?", "…", "...", '"', "'", "”", "’", ")", "]", "»"]
PIECES += ["“", "‘", "(", "«", " ", " ", "\n"]


def _spans(pattern: re.Pattern[str], text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text, start, end)]


@pytest.mark.parametrize("name", sorted(PLAIN))
def test_same_matches_as_the_plain_pattern(name: str) -> None:
    fast, plain = getattr(segment, name), PLAIN[name]
    rng = random.Random(8)
    found = 0
    for _ in range(6000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 16)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        assert _spans(fast, text, start, end) == _spans(plain, text, start, end), text
        found += bool(_spans(plain, text, start, end))
    assert found > 40  # the texts do hold matches


def test_the_patterns_still_find_sentence_ends() -> None:
    text = "He left.The next day... she said “No!” (Reuters.) Done"
    assert [m.group() for m in segment._CANDIDATE.finditer(text)] == ["...", "!”", ".)"]
    assert [m.group() for m in segment._JOINED.finditer(text)] == ["."]
