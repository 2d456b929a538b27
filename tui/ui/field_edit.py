"""Editing a claim or event field by field from a selection (selection mode's ``f``).

Pure: which fields an item has, and the new field values a selection gives. The
screen asks the reviewer which field (a one-key picker) and passes the values to
``ReviewSession.edit``, so every edit is one undoable command.
"""

from __future__ import annotations

from tui.editing import entity_at
from tui.model import Annotations, Claim, Event, Ref, Span

CLAIM_FIELDS: tuple[tuple[str, str], ...] = (
    ("cue: the selection", "set:cue"),
    ("content: the selection", "set:content"),
    ("content: add the selection", "add:content"),
    ("source: the selection", "set:source"),
    ("source: none", "clear:source"),
)
EVENT_FIELDS: tuple[tuple[str, str], ...] = (
    ("trigger: the selection", "set:trigger"),
    ("actors: the selection", "set:actors"),
    ("actors: add the selection", "add:actors"),
    ("targets: the selection", "set:targets"),
    ("targets: add the selection", "add:targets"),
    ("where: the selection", "set:location"),
    ("when: the selection", "set:time"),
    ("actors: none", "clear:actors"),
    ("targets: none", "clear:targets"),
    ("where: none", "clear:location"),
    ("when: none", "clear:time"),
    ("mentions: add the selection (another mention of this event)", "add:mentions"),
    ("mentions: none but the trigger", "clear:mentions"),
)
REF_FIELDS = frozenset({"source", "actors", "targets", "location", "time"})
MANY_FIELDS = frozenset({"content", "actors", "targets", "location", "time", "mentions"})


def fields_of(item: Claim | Event) -> tuple[tuple[str, str], ...]:
    return CLAIM_FIELDS if isinstance(item, Claim) else EVENT_FIELDS


def edited_fields(
    ann: Annotations, text: str, item: Claim | Event, choice: str, start: int, end: int
) -> dict[str, object]:
    """The ``edit(**fields)`` that ``choice`` ("set:cue", "add:actors", "clear:source"...) makes.

    ValueError for an empty selection or an unknown choice.
    """
    how, _, field = choice.partition(":")
    if field not in {name.partition(":")[2] for _, name in fields_of(item)}:
        raise ValueError(f"{type(item).__name__.lower()}s have no field {field!r}")
    if how == "clear":
        return {field: () if field in MANY_FIELDS else None}
    if not 0 <= start < end <= len(text):
        raise ValueError("the selection is empty")
    span = Span.of(text, start, end)
    value: Span | Ref = Ref(span, entity_at(ann, start, end)) if field in REF_FIELDS else span
    if field not in MANY_FIELDS:
        return {field: value}
    if how == "add":
        current = tuple(getattr(item, field))
        if value in current:
            return {field: current}
        return {field: tuple(sorted((*current, value), key=_start))}
    return {field: (value,)}


def _start(value: Span | Ref) -> int:
    return value.span.start if isinstance(value, Ref) else value.start
