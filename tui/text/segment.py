"""Paragraphs, sentences and tokens of news text, as ``[start, end)`` offsets.

The sentence splitter is rule-based and tuned for wire copy: abbreviations,
initials, decimals and thousands, full stops inside closing quotes, ellipses and
datelines, and sentences run together where a scraped page lost its paragraph breaks
("in the past.The ...", a headline run into its dateline: "...PrioritiesLONDON — "). Abbreviation lists are data (``tui/data/abbreviations.yaml``).

No sentence is longer than ``MAX_SENTENCE`` characters: a longer one (a list that never
ends, a text with no full stops, a megabyte on one line) is cut at clause boundaries
(";", ":", a dash, a comma, "and"/"but"...), or at a space, or, failing all, at the
limit. Every later stage works sentence by sentence, and some of them take time and
memory that grow faster than a sentence's length; with the cut, extraction stays
linear in the length of the text whatever its shape. News sentences are far shorter
(99.9% of PolNeAR's dev sentences are under 450 characters, the longest 504).

This module splits paragraphs and sentences; the parts live beside it and are
re-exported here: sentence ends (``sentence_ends``), datelines (``dateline``), long
sentence cuts (``long_sentences``), tokens (``tokenize``) and what is remembered
(``segment_memo``).
"""

from __future__ import annotations

import re

# The parts, re-exported: the extractor, the store's formats and the tests import them
# from here (the tokens and long-sentence cuts live in their own modules).
from tui.text.dateline import DATELINE, dateline_end
from tui.text.long_sentences import MAX_SENTENCE, cut_long
from tui.text.segment_memo import (
    _PARAGRAPHS,
    _SENTENCES,
    _TOKENS,
    clear_cache,
    forget_tokens,
    remember,
)
from tui.text.sentence_ends import _CANDIDATE, _JOINED, ends
from tui.text.tokenize import _TOKEN, Token, lower_forms, tokens

__all__ = [
    "DATELINE",
    "MAX_SENTENCE",
    "Token",
    "_CANDIDATE",
    "_JOINED",
    "_PARAGRAPHS",
    "_TOKEN",
    "_TOKENS",
    "clear_cache",
    "dateline_end",
    "forget_tokens",
    "lower_forms",
    "paragraphs",
    "sentences",
    "tokens",
]

_BLANK_LINES = re.compile(r"\n[ \t]*\n\s*")
_LINE = re.compile(r"[^\n]+")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph spans, stripped of surrounding whitespace.

    Text with blank lines is split at blank lines; text without any (one paragraph
    per line, as in many wire feeds) is split at every line break.
    """
    spans: list[tuple[int, int]] = []
    body_end = len(text.rstrip())
    body_start = len(text) - len(text.lstrip())
    if _BLANK_LINES.search(text, body_start, body_end):
        pos = 0
        for m in _BLANK_LINES.finditer(text):
            spans.append((pos, m.start()))
            pos = m.end()
        spans.append((pos, len(text)))
    else:
        spans = [(m.start(), m.end()) for m in _LINE.finditer(text)]
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e))
    return out


def sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans within ``text[start:end]``; they never cross a paragraph break."""
    end = len(text) if end is None else end
    if (
        start < end
        and text.find("\n", start, end) < 0
        and not text[start].isspace()
        and not text[end - 1].isspace()
    ):
        # One line, stripped (claims asks one paragraph at a time): it is its own only
        # paragraph, whose sentences are remembered already when the tagger split the text.
        return list(_paragraph_sentences(text, start, end))
    key = (id(text), start, end)
    hit = _SENTENCES.get(key)
    if hit is not None and hit[0] is text:
        return list(hit[1])  # a fresh list: callers may change theirs
    found = tuple(_split_sentences(text, start, end))
    return list(remember(_SENTENCES, key, text, found))


def _split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for p_start, p_end in paragraphs(text[start:end]):
        out.extend(_paragraph_sentences(text, p_start + start, p_end + start))
    return out


def _paragraph_sentences(text: str, p_start: int, p_end: int) -> tuple[tuple[int, int], ...]:
    # Remembered too: the tagger splits the whole text, claims and events one paragraph
    # at a time, and both come down to the same paragraphs here.
    key = (id(text), p_start, p_end)
    hit = _PARAGRAPHS.get(key)
    if hit is not None and hit[0] is text:
        return hit[1]
    out: list[tuple[int, int]] = []
    s = dateline_end(text, p_start, p_end)
    while s < p_end and text[s].isspace():  # a dateline on a line of its own
        s += 1
    for end, after in ends(text, s, p_end):
        if end <= s:
            continue
        out.append((s, end))
        s = after
        while s < p_end and text[s].isspace():
            s += 1
    if s < p_end:
        e = p_end
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e))
    if any(e - s > MAX_SENTENCE for s, e in out):
        out = [piece for s, e in out for piece in cut_long(text, s, e)]
    return remember(_PARAGRAPHS, key, text, tuple(out))
