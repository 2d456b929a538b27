"""Which entity a claim's source names: the best entity mention inside the source span.

A person before the organisation they speak for; mentions in a relative clause or after
"of"/"in" ("neighbors of Salman Abedi", "leaders in Manchester") are not the speaker.
``sources.py`` finds the span; this links it.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from tui.model import Entity, Mention, Span

# Which entity types can speak, best first: a person before the organisation they speak
# for, an organisation before the country it belongs to.
_TYPE_RANK = {"PERSON": 0, "ORG": 1, "GPE": 2, "NORP": 3, "FAC": 4, "LOC": 5}


# A relative clause inside a source ("a mother of three who lived in Barking") names
# others: its mentions are not the speaker.
_RELATIVE_IN = re.compile(r"\s(?:who|whose|which|that)\s", re.IGNORECASE)


def link_entity(span: Span, mentions: list[Mention]) -> str | None:
    """The entity a source span names: the best mention overlapping it, before any
    relative clause in it."""
    best: tuple[int, int, int] | None = None
    found: str | None = None
    rel = _RELATIVE_IN.search(span.text)
    head_end = span.start + rel.start() if rel else span.end
    comma = span.text.find(", ")
    for m in mentions:
        if m.status == "rejected" or not m.span.overlaps(span) or m.span.start >= head_end:
            continue
        if (m.type == "PERSON" and _complement(span, m, _OF)) or _complement(span, m, _IN):
            # "neighbors of Salman Abedi", "a lawyer for Smith", "leaders in Manchester":
            # not the speaker; nor what an appositive after it says of it ("neighbors of
            # Salman Abedi, the British-Libyan who ...").
            if comma > 0 and m.span.start < span.start + comma:
                head_end = min(head_end, span.start + comma)
            continue
        rank = _TYPE_RANK.get(m.type)
        if rank is None:
            continue
        # Prefer speaker types, then longer mentions, then the right-most (the head).
        key = (rank, -(m.span.end - m.span.start), -m.span.start)
        if best is None or key < best:
            best, found = key, m.entity
    return found


_OF = (" of", " for", " to")
_IN = (" in", " at", " near", " from")


def _complement(span: Span, m: Mention, words: tuple[str, ...]) -> bool:
    """Does the mention follow one of ``words`` ("of", "in", ...) inside the source?"""
    before = span.text[: max(0, m.span.start - span.start)].rstrip().lower()
    return before.endswith(words)


def entity_types(entities: tuple[Entity, ...]) -> dict[str, str]:
    return {e.id: e.type for e in entities}


_LONGEST_MENTION = 300  # characters; mentions starting further left cannot reach a span


def link_nearby(span: Span, mentions: list[Mention], starts: list[int]) -> str | None:
    """``link_entity`` over the mentions that can overlap ``span``, found by bisection
    in ``mentions`` sorted by start (``starts``): a long article has thousands."""
    lo = bisect_left(starts, span.start - _LONGEST_MENTION)
    hi = bisect_left(starts, span.end)
    near = [m for m in mentions[lo:hi] if m.span.end > span.start]
    return link_entity(span, near) if near else None
