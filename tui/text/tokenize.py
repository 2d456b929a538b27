"""Tokens of news text (words, numbers, dotted abbreviations, punctuation) with their
document offsets, and their shared lower-case forms. Built by the hundred thousand for a
long article, so the code below is written for speed and memory (see its comments)."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass

from tui.text.segment_memo import _TOKENS, remember


@dataclass(frozen=True, slots=True)
class Token:
    """``text`` is the document's ``[start, end)``."""

    start: int
    text: str

    # Worked out, not stored: an int object per token is 32 bytes, and a long article has
    # hundreds of thousands of tokens alive at once (188,000 for 1 MB of news, 6 MB).
    @property
    def end(self) -> int:
        return self.start + len(self.text)


# Words, with internal hyphens/apostrophes; dotted abbreviations; numbers with
# separators; a possessive 's on its own; anything else one character at a time.
_TOKEN = re.compile(
    r"(?:[A-Za-z]\.){2,}"
    r"|\d+(?:[.,:/]\d+)*"
    r"|\w+(?:-\w+|['’](?![sS]\b)\w+)*"
    r"|['’][sS]\b"
    r"|\S",
)


# A frozen dataclass's __init__ goes through object.__setattr__ once per field; setting
# the slots directly builds the same Token about a third faster (tokens are built by the
# hundred thousand for a long article).
_intern = sys.intern
_new_object = object.__new__
_set_start = vars(Token)["start"].__set__
_set_text = vars(Token)["text"].__set__


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]`` with document offsets."""
    end = len(text) if end is None else end
    key = (id(text), start, end)
    hit = _TOKENS.get(key)
    if hit is not None and hit[0] is text:
        return list(hit[1])  # a fresh list: callers may change theirs
    # interned: a long text repeats a few thousand words hundreds of thousands of times,
    # and every later stage keeps token texts (a fifth less memory for 1 MB of news)
    out: list[Token] = []
    append, find = out.append, text.find
    pos = start
    # findall (strings, no match objects) then each token's offset by str.find: a quarter
    # faster. Exact, because the pattern's last branch (\S) matches at every non-space
    # character, so only whitespace lies between tokens and a token, which starts with a
    # non-space character, first occurs from ``pos`` exactly where it was matched.
    for word in _TOKEN.findall(text, start, end):
        at = find(word, pos)
        pos = at + len(word)
        t = _new_object(Token)  # inline: a call a token was 4% of the instructions here
        _set_start(t, at)
        _set_text(t, _intern(word))
        append(t)
    remember(_TOKENS, key, text, tuple(out))
    return out  # the caller's own list; the cache keeps a tuple


# Each stage lower-cases every token of every sentence (claims' cue finder, the events
# stage's token views, which it keeps for the whole document). One shared string per
# distinct word, the token's own text when it is lower case already, saves the events
# stage ~8 MB on 1 MB of news, and a dict lookup is faster than ``str.lower``.
_LOWER: dict[str, str] = {}
_LOWER_SIZE = 200_000


def _learn_lower(word: str) -> str:
    low = word.lower()
    low = word if low == word else _intern(low)
    if len(_LOWER) >= _LOWER_SIZE:
        _LOWER.clear()  # one atomic step, as for the caches above
    _LOWER[word] = low
    return low


def lower_forms(toks: list[Token]) -> list[str]:
    """``[t.text.lower() for t in toks]``, with equal words sharing one string."""
    get = _LOWER.get
    # a lower-cased token is never empty (a token is never empty), so ``or`` is safe
    return [get(t.text) or _learn_lower(t.text) for t in toks]
