"""Sentences longer than ``MAX_SENTENCE`` characters, cut at clause boundaries.

A list that never ends, a text with no full stops, a megabyte on one line: every later
stage works sentence by sentence, and some take time and memory that grow faster than a
sentence's length, so the splitter cuts such a sentence into pieces (see
``tui.text.segment``) and extraction stays linear in the length of the text.
"""

from __future__ import annotations

import re

MAX_SENTENCE = 600  # characters
# Where a long sentence may be cut, best first: after ; or :, around a dash, after a
# comma, before a conjunction that opens a clause.
_STRONG_BREAK = re.compile(r"[;:](?=\s)|\s[–—]\s|\s--?\s")
_WEAK_BREAK = re.compile(
    r",(?=\s)|\s(?=(?:and|but|or|while|whereas|because|although|though|which|who)\s)"
)
_SPACE = re.compile(r"\s")


def cut_long(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """``text[s:e]`` in pieces of at most MAX_SENTENCE characters, cut at the last clause
    boundary in the second half of each window (so no piece is very short)."""
    out: list[tuple[int, int]] = []
    while e - s > MAX_SENTENCE:
        lo, hi = s + MAX_SENTENCE // 2, s + MAX_SENTENCE
        cut = -1
        for pattern in (_STRONG_BREAK, _WEAK_BREAK, _SPACE):
            for m in pattern.finditer(text, lo, hi):
                cut = m.end() if m.group()[:1] in ";:," else m.start()
            if cut > s:
                break
        if cut <= s:
            cut = hi  # no space in the whole window: a cut inside a "word" is all we have
        end = cut
        while end > s and text[end - 1].isspace():
            end -= 1
        if end > s:
            out.append((s, end))
        s = cut
        while s < e and text[s].isspace():
            s += 1
    if s < e:
        out.append((s, e))
    return out
