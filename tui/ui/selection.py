"""A text selection moved by words and characters: pure functions over document offsets.

Selection mode (``v``) starts at the current mention or at the first word on screen;
``w``/``b`` move its end by a word, ``h``/``l`` by a character, ``W``/``B`` move the
whole selection to the next/previous word. No textual here: the bar that shows it
and takes the keys is :mod:`tui.ui.selection_bar`.
"""

from __future__ import annotations

from dataclasses import dataclass

from tui.text import tokens

WINDOW = 400  # characters either side searched for words: a selection never needs more


@dataclass(frozen=True, slots=True)
class Selection:
    """``[start, end)`` in the document; never empty."""

    start: int
    end: int

    def text(self, doc_text: str) -> str:
        return doc_text[self.start : self.end]


def _words(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Word tokens (with a letter or digit) overlapping ``[start, end)``, in order."""
    lo, hi = max(0, start), min(len(text), end)
    # Start tokenising at a word boundary, or the first token would be a word's tail.
    floor = max(0, lo - 200)
    while lo > floor and not text[lo - 1].isspace():
        lo -= 1
    return [(t.start, t.end) for t in tokens(text, lo, hi) if any(ch.isalnum() for ch in t.text)]


def word_at(text: str, offset: int) -> Selection | None:
    """The word at or after ``offset`` (the next one when ``offset`` is between words)."""
    words = _words(text, offset - 60, offset + WINDOW)
    for s, e in words:
        if e > offset:
            return Selection(s, e)
    return None


def extend_word(text: str, sel: Selection, delta: int) -> Selection:
    """Move the end to the end of the next word (delta > 0) or of the previous one."""
    if delta > 0:
        for _s, e in _words(text, sel.end, sel.end + WINDOW):
            if e > sel.end:
                return Selection(sel.start, e)
        return sel
    ends = [e for s, e in _words(text, sel.start, sel.end) if sel.start < e < sel.end]
    return Selection(sel.start, ends[-1]) if ends else sel


def extend_char(text: str, sel: Selection, delta: int) -> Selection:
    """Move the end by one character, keeping at least one selected and not crossing a line."""
    end = sel.end + (1 if delta > 0 else -1)
    if end <= sel.start or end > len(text):
        return sel
    if delta > 0 and text[sel.end] == "\n":
        return sel  # a mention never spans paragraphs
    return Selection(sel.start, end)


def shift_word(text: str, sel: Selection, delta: int) -> Selection:
    """A one-word selection on the next (delta > 0) or previous word."""
    if delta > 0:
        for s, e in _words(text, sel.start, sel.start + WINDOW):
            if s > sel.start:
                return Selection(s, e)
        return sel
    before = [(s, e) for s, e in _words(text, sel.start - WINDOW, sel.start) if s < sel.start]
    return Selection(*before[-1]) if before else sel


def trimmed(text: str, sel: Selection) -> Selection:
    """Without leading or trailing whitespace (a span must start and end on text)."""
    start, end = sel.start, sel.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Selection(start, end) if end > start else sel
