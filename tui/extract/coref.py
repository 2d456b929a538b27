"""Pronoun sources: "It claimed", "he said" -> whom?

News writing keeps the speaker: a pronoun subject of a reporting verb usually refers to
the last compatible source quoted. So we look back through earlier claims' sources first,
and only then through entity mentions (nearest first), matching person / group / plural.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from tui.extract.cues import Lexicon
from tui.model import Mention

# How far back (characters) a pronoun may reach for its antecedent.
WINDOW = 2000

_PERSON_TYPES = frozenset({"PERSON"})
_GROUP_TYPES = frozenset({"ORG", "GPE", "FAC"})
_PLURAL_TYPES = frozenset({"NORP", "ORG"})


# Not frozen (never changed after it is built all the same): a frozen dataclass sets
# each field through object.__setattr__, 3x slower to build, and extraction builds these
# by the ten thousand. Hashable as a frozen one (unsafe_hash: by its fields).
@dataclass(slots=True, unsafe_hash=True)
class Antecedent:
    """Something a pronoun may point back to."""

    start: int
    kind: str  # "person" | "group" | "plural" | "any"
    entity: str | None


def kind_of_source(text: str, entity_type: str | None, lex: Lexicon) -> str:
    """Whether a named source is a person, a group or several people."""
    if entity_type in _PERSON_TYPES:
        return "person"
    if entity_type in _GROUP_TYPES:
        return "group"
    if entity_type == "NORP":
        return "plural"
    words = [w.strip(".,’'").lower() for w in text.split()]
    words = [w for w in words if w]
    if not words:
        return "any"
    head = words[-1]
    if any(w in lex.group_words for w in words):
        # "the Syrian army command", "a statement by their operations room"
        return "group"
    if head.endswith("s") and head in lex.roles:
        return "plural"
    return "person"


def _compatible(pronoun_kind: str, kind: str) -> bool:
    if pronoun_kind == "any" or kind == "any":
        return True
    if pronoun_kind == "plural":
        return kind in ("plural", "group")
    return pronoun_kind == kind


def _mention_kind(m: Mention) -> str | None:
    if m.type in _PERSON_TYPES:
        return "person"
    if m.type == "ORG":
        return "group"
    if m.type == "NORP":
        return "plural"
    return None


def resolve(
    pronoun: str,
    offset: int,
    sources: list[Antecedent],
    mentions: list[Mention],
    lex: Lexicon,
    starts: list[int] | None = None,
) -> Antecedent | None:
    """The antecedent of ``pronoun`` at ``offset``: nearest compatible earlier source,
    else nearest compatible earlier entity mention. ``sources`` and ``mentions`` are in
    document order."""
    kind = lex.pronouns.get(pronoun.lower())
    if kind is None or kind == "speaker":
        return None
    stop = bisect_left(starts, offset) if starts is not None else len(mentions)
    if kind == "any":
        # A relative pronoun points at the name just before it: "Smith, who said ...".
        for n in range(stop - 1, max(-1, stop - 4), -1):
            m = mentions[n]
            if 0 <= offset - m.span.end <= 3 and _mention_kind(m) is not None:
                return Antecedent(m.span.start, _mention_kind(m) or "any", m.entity)
    for a in reversed(sources):
        if a.start >= offset:
            continue
        if offset - a.start > WINDOW:
            break
        if _compatible(kind, a.kind):
            return a
    # Only mentions before the pronoun (``starts``: their sorted start offsets).
    for n in range(stop - 1, -1, -1):
        m = mentions[n]
        if m.span.start >= offset or m.status == "rejected":
            continue
        if offset - m.span.start > WINDOW:
            break
        mk = _mention_kind(m)
        if mk is not None and _compatible(kind, mk):
            return Antecedent(m.span.start, mk, m.entity)
    return None
