"""A place named by a common noun ("marched through the city", "shelling of the capital")
linked to the place it stands for.

An event's place or target written as "the city" said nothing to a reviewer coding ACLED
rows: the sidebar showed "where city" and the export's location column stayed blank.
The span stays the words written, so the reviewer still sees where it came from; only the
reference's entity is set, to a place the article named before that the gazetteer knows
as the right kind (a city for "the city", a country for "the country"). The sidebar and
the exports then name it, and the event's places count it once with its other mentions.

Which place: the nearest such place earlier in the same paragraph ("Jets struck Idlib
... the city's hospital" is Idlib even in a story about Aleppo); else the one the
article has named most so far (the story's city: a dateline's "CHARLOTTE -" counts three
times), the bigger of equals (Charlotte, not its Uptown), then the latest.
"""

from __future__ import annotations

from bisect import bisect_left

from tui.extract.gazetteer import CAPITAL, CITY, CITY_BIG, CITY_MID, COUNTRY, gazetteer, phrase_key
from tui.model import Mention, Span
from tui.text.dateline import DATELINE

_CITY = frozenset({CITY, CITY_MID, CITY_BIG, CAPITAL})
NOUNS = {
    "city": _CITY,
    "town": _CITY,
    "capital": frozenset({CAPITAL}),
    "country": frozenset({COUNTRY}),
    "nation": frozenset({COUNTRY}),
}
# "the city" points back; "a city", "another town", "every country" name a new one
_DEFINITE = frozenset({"the", "this", "that"})
_SIZE = {CITY_BIG: 3, CITY_MID: 2, CAPITAL: 2}  # a city's size class, from its labels
DATELINE_WEIGHT = 3
LOOKBACK = 400  # earlier mentions looked at: bounded work however often "the city" occurs


def _definite(text: str, span: Span) -> str | None:
    """The head noun of ``span`` when it is a definite common-noun place ("the city",
    "the embattled city", "city" after "the"), else None."""
    words = span.text.split()
    if not words or words[-1].lower() not in NOUNS:
        return None
    if any(not w.isalpha() or not w.islower() for w in words):
        return None  # "Mexico City", "the city's": a name, or not the place itself
    if words[0] in _DEFINITE:
        return words[-1]
    before = text[max(0, span.start - 8) : span.start].split()
    return words[-1] if before and before[-1].lower() in _DEFINITE else None


def antecedent(text: str, span: Span, live: list[Mention], starts: list[int]) -> str | None:
    """The entity id of the place ``span`` ("the city") stands for, or None."""
    head = _definite(text, span)
    if head is None:
        return None
    wanted = NOUNS[head.lower()]
    gaz = gazetteer()
    paragraph = text.rfind("\n", 0, span.start) + 1
    k = bisect_left(starts, span.start)
    counts: dict[str, int] = {}
    size: dict[str, int] = {}
    for m in reversed(live[max(0, k - LOOKBACK) : k]):
        if m.type != "GPE" or m.span.end > span.start:
            continue
        name = m.span.text
        labels = gaz.labels(phrase_key(name.title() if name.isupper() else name))
        if not labels & wanted:
            continue
        if m.span.start >= paragraph:
            return m.entity
        # a dateline ("CHARLOTTE - ") names where the story is: it counts as the story's
        # place named thrice (a neighbourhood the story names twice does not outdo it)
        dateline = name.isupper() and _line_start(text, m.span.start)
        counts[m.entity] = counts.get(m.entity, 0) + (DATELINE_WEIGHT if dateline else 1)
        size[m.entity] = max(size.get(m.entity, 0), *(_SIZE.get(x, 1) for x in labels))
    if not counts:
        return None
    # latest first in ``counts``: max keeps the first of equals
    return max(counts, key=lambda e: (counts[e], size[e]))


def _line_start(text: str, start: int) -> bool:
    """Does a dateline ("CHARLOTTE - ", "ALEPPO, Syria (Reuters) - ") open at ``start``?"""
    return (start == 0 or text[start - 1] == "\n") and DATELINE.match(text, start) is not None
