"""Lines of a scraped page that are not the article's sentences: link lists under a heading.

A page saved as text keeps its boxes of links ("Similar questions" over a few questions,
"Related" over other stories' headlines, "Share this story" over site names). Their lines
read like sentences to the claim finder ("Russia says it shot down drones" becomes a claim
of Russia's), and a heading can end up as a source. A list is a heading (a short line
with no end punctuation) followed by at least two more short lines that end with no full
stop: headlines and link texts carry none, while the article's own sentences (even one-line
paragraphs) end with a full stop or a quotation mark. Only lists after the first paragraph
of body text count: above it, a short title over a byline and a date is the article's own
headline, whose claim is kept. PolNeAR's texts have no such lists.
"""

from __future__ import annotations

import re
from bisect import bisect_right

_LINE = re.compile(r"[^\n]+")
HEADING_WORDS = 6  # "Similar questions", "More from VOA", "Share this story"
ITEM_WORDS = 14  # a headline or a question, not a paragraph
MIN_ITEMS = 2
_SENTENCE_END = re.compile(r"[.!]\s")
_ENDS_SENTENCE = tuple(".!:;,\"”’'»)")


def _words(line: str) -> int:
    return len(line.split())


def _heading(line: str) -> bool:
    return 0 < _words(line) <= HEADING_WORDS and not line.endswith((*_ENDS_SENTENCE, "?"))


def _item(line: str) -> bool:
    # "-Trump leads in Indiana. [IPFW]": a sentence with its source in brackets, not a link
    return (
        0 < _words(line) <= ITEM_WORDS
        and not line.endswith(_ENDS_SENTENCE)
        and not _SENTENCE_END.search(line)
    )


def chrome_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line in a link list, in text order; blank lines between a
    list's lines do not end it."""
    lines = [(m.start(), m.end(), m.group().strip()) for m in _LINE.finditer(text)]
    lines = [(s, e, t) for s, e, t in lines if t]
    out: list[tuple[int, int]] = []
    n = next((k for k, (_, _, t) in enumerate(lines) if _words(t) > ITEM_WORDS), len(lines))
    while n < len(lines):
        if not _heading(lines[n][2]):
            n += 1
            continue
        j = n + 1
        while j < len(lines) and _item(lines[j][2]):
            j += 1
        if j - n - 1 >= MIN_ITEMS:
            out += [(s, e) for s, e, _ in lines[n:j]]
            n = j
        else:
            n += 1
    return out


def in_chrome(spans: list[tuple[int, int]], starts: list[int], offset: int) -> bool:
    """Does ``offset`` fall in one of ``spans`` (``starts``: their start offsets)?"""
    k = bisect_right(starts, offset) - 1
    return k >= 0 and offset < spans[k][1]
