"""Where sentences end inside one paragraph of news text: full stops followed by a space
(not after an abbreviation, an initial or a decimal), and sentences run together where a
scraped page lost its breaks ("in the past.The ...", "...PrioritiesLONDON — ", "Security
strategy reviewA senior official ..."). Abbreviation lists are data
(``tui/data/abbreviations.yaml``). ``tui.text.segment`` builds sentences from these ends.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from heapq import merge

from tui.data import data_yaml
from tui.text.dateline import dateline_end


@dataclass(frozen=True, slots=True)
class _Abbreviations:
    never_final: frozenset[str]
    before_number: frozenset[str]
    may_be_final: frozenset[str]
    sentence_starters: frozenset[str]
    glued_words: frozenset[str]


@lru_cache(maxsize=1)
def _abbreviations() -> _Abbreviations:
    raw = data_yaml("abbreviations.yaml")
    lists = []
    for key in ("never_final", "before_number", "may_be_final", "sentence_starters", "glued_words"):
        words = raw[key]
        if not all(isinstance(w, str) for w in words):
            raise ValueError(f"abbreviations.yaml: {key} holds a non-string (quote it)")
        lists.append(frozenset(words))
    return _Abbreviations(*lists)


# Candidate ends: terminal punctuation, then closing quotes/brackets, then space.
# (The first character is matched on its own, "[.!?…][.!?…]*" rather than "[.!?…]+":
# a pattern opening with a plain character class lets the regex engine skip to the
# next possible start in one fast loop instead of trying the pattern at every
# character, 3x faster over a long text; the matches are the same.)
_CANDIDATE = re.compile(r"[.!?…][.!?…]*[\"'”’)\]»]*(?=\s|$)")
_OPENERS = "\"'“‘([«"
_WORD_BEFORE = re.compile(r"([\w.'’-]+)$")
_NEXT_WORD = re.compile(r"\s+([\"'“‘(\[«]*)(\S+)")
_DOTTED = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]$")  # "U.S" / "a.m" (before the final dot)


def _is_boundary(text: str, mark_start: int, mark_end: int, end: int) -> bool:
    """Is the terminal punctuation at text[mark_start:mark_end] a sentence end?"""
    nxt = _NEXT_WORD.match(text, mark_end, end)
    if nxt is None:
        return True  # end of paragraph
    opener, word = nxt.group(1), nxt.group(2)
    first = word[0]
    if not (first.isupper() or first.isdigit() or (opener and first.isalnum())):
        return False
    mark = text[mark_start:mark_end].rstrip("\"'”’)]»")
    if mark != ".":
        return True  # ?, !, ellipsis before a capital
    before = _WORD_BEFORE.search(text, max(0, mark_start - 40), mark_start)
    if before is None:
        return True
    prev = before.group(1).lstrip("'’-")
    abbr = _abbreviations()
    if len(prev) == 1 and prev.isupper():
        # An initial ("John F. Kennedy") unless a quotation opens next ("on X. “Our ...").
        return bool(opener)
    if prev in abbr.never_final:
        return False
    if prev in abbr.before_number and first.isdigit():
        return False
    bare = re.sub(r"[^\w]+$", "", word)
    if prev in abbr.may_be_final or _DOTTED.search(prev):
        return bare in abbr.sentence_starters
    return True


def ends(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Sentence ends in ``text[start:end]`` in order, each as (end of the sentence, where
    the next one may start): full stops followed by a space, and sentences run together."""
    spaced = (
        (m.end(), m.end())
        for m in _CANDIDATE.finditer(text, start, end)
        if _is_boundary(text, m.start(), m.end(), end)
    )
    # Cheap test first: most paragraphs have no full stop directly before a letter.
    if _JOINED.search(text, start, end) is None and (
        _CASE_TURN.search(text, start, end) is None
        or (_HEADLINE.search(text, start, end) is None and _GLUED.search(text, start, end) is None)
    ):
        yield from spaced
        return
    joined = (
        (m.end(), m.end())
        for m in _JOINED.finditer(text, start, end)
        if _is_joined_boundary(text, m.start(), m.end(), start, end)
    )
    headline = (
        (m.start() + 3, after)
        for m in _HEADLINE.finditer(text, start, end)
        if (after := dateline_end(text, m.start() + 3, end)) > m.start() + 3
    )
    glued = (
        (m.end(), m.end())
        for m in _GLUED.finditer(text, start, end)
        if _is_glued_boundary(text, m.start(), m.end(), end)
    )
    yield from merge(spaced, joined, headline, glued)


# Text pasted or scraped from a web page often loses the break between paragraphs:
# "...in the past.The British-Pakistani, who ..." or a headline run into the dateline
# of the story, "...Surveillance PrioritiesLONDON — For the second time ...".
# A full stop (?, !) right after a letter, a digit or a closing quote or
# bracket, and right before a capitalised word (maybe after an opening quote). (The
# mark comes first and the look back checks the character before it, for the fast
# start as in _CANDIDATE.)
_JOINED = re.compile(r"[.!?](?<=[A-Za-z\d)\]\"'”’][.!?])[.!?]*[\"'”’)\]»]*?(?=[\"“‘(«]?[A-Z][a-z])")
# A lower-case word run into an upper-case one ("PrioritiesLONDON"): a sentence end only
# when the upper-case word opens a dateline (checked with DATELINE), which leaves
# "McDONALD" or "iOS" alone.
_HEADLINE = re.compile(r"[a-z]{3}[A-Z]{3}")
# A heading run into the next sentence with no full stop at all: "Security strategy
# reviewA senior official told ...", "Insufficient responseNeither Britain ...". A word
# of three or more lower-case letters, then a capitalised word, or "A" or "I" alone
# ("macOS", "McDONALD" and typos such as "dividenD ." are left alone, and "iPhone",
# "eBay" have one letter before theirs). Checked with _is_glued_boundary.
_GLUED = re.compile(r"\b[a-z]{3,}(?=[A-Z][a-z]|[AI]\s)")
# A lower-case letter right before a capital, which every match of _HEADLINE and of _GLUED
# has: without one neither can match, and it is looked for four times faster than both.
_CASE_TURN = re.compile(r"[a-z][A-Z]")
_CHUNK_START = re.compile(r"\S*\Z")
_CHUNK_END = re.compile(r"\S*")
_WORD_AFTER = re.compile(r"[\"“‘(«]*(\w+)")


def _is_joined_boundary(text: str, mark_start: int, mark_end: int, start: int, end: int) -> bool:
    """Is the full stop at text[mark_start:mark_end], with no space after it, a sentence
    end? Stricter than with a space: no abbreviation, no initials or dotted words
    ("e.g.The", "U.S.A.The", "St.Louis"), no web or mail address ("example.com/News")."""
    left = _CHUNK_START.search(text, max(start, mark_start - 80), mark_start)
    right = _CHUNK_END.match(text, mark_end, end)
    chunk = (left.group() if left else "") + (right.group() if right else "")
    if "/" in chunk or "@" in chunk or "www" in chunk.lower():
        return False
    mark = text[mark_start:mark_end].rstrip("\"'”’)]»")
    if mark != ".":
        return True
    before = _WORD_BEFORE.search(text, max(start, mark_start - 40), mark_start)
    if before is None:
        return True  # after a closing quote or bracket: ”.The
    prev = before.group(1).lstrip("'’-")
    if len(prev) < 2 or "." in prev:
        return False  # an initial or a dotted word
    abbr = _abbreviations()
    if prev in abbr.never_final or prev in abbr.before_number:
        return False
    if prev in abbr.may_be_final:
        nxt = _WORD_AFTER.match(text, mark_end, end)
        return nxt is not None and nxt.group(1) in abbr.sentence_starters
    return True


def _is_glued_boundary(text: str, word_start: int, cut: int, end: int) -> bool:
    """Does a sentence end inside the glued run at ``text[word_start:cut]`` + capital?
    Not in a web or mail address, a handle or hashtag ("@realDonaldTrump"), a word with
    digits, nor a known word written that way (``glued_words``: "wikiHow")."""
    left = _CHUNK_START.search(text, max(0, word_start - 80), word_start)
    right = _CHUNK_END.match(text, cut, end)
    chunk = (left.group() if left else "") + text[word_start : right.end() if right else cut]
    if any(ch in chunk for ch in "/@#_.=") or any(ch.isdigit() for ch in chunk):
        return False  # 'author="realDonaldTrump"', "#stopTheHate", "example.comNews"
    word = chunk.strip(_QUOTES)
    return word not in _abbreviations().glued_words


_QUOTES = "\"'“”‘’()[]«»,;:!?"
