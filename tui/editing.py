"""Pure functions that turn a reviewer's edit into item changes (no state, no I/O).

ReviewSession calls these and records the result as one undoable command.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from tui.changes import Change, Item
from tui.model import Annotations, Claim, Entity, Event, Mention, Ref, Span


def _span(text: str, start: int, end: int) -> Span:
    if not 0 <= start < end <= len(text):
        raise ValueError(f"span [{start}, {end}) is empty or outside the text")
    return Span.of(text, start, end)


def _mentions_of(ann: Annotations, entity_id: str) -> list[Mention]:
    return [m for m in ann.mentions if m.entity == entity_id]


def retype(ann: Annotations, mention: Mention, entity_type: str) -> list[Change]:
    """The mention's entity and all its mentions take the new type (and count as accepted)."""
    changes: list[Change] = []
    entity = ann.entity(mention.entity)
    if entity is not None and entity.type != entity_type:
        changes.append(Change(entity, replace(entity, type=entity_type)))
    for m in _mentions_of(ann, mention.entity) if entity is not None else [mention]:
        status = "accepted" if m.status == "suggested" or m.id == mention.id else m.status
        changes.append(Change(m, replace(m, type=entity_type, status=status)))
    return changes


def entity_at(ann: Annotations, start: int, end: int) -> str | None:
    """The entity of a live mention overlapping [start, end), if any."""
    for m in ann.mentions:
        if m.status != "rejected" and m.span.start < end and start < m.span.end:
            return m.entity
    return None


def add_mention(
    ann: Annotations, text: str, start: int, end: int, entity_type: str
) -> tuple[list[Change], Mention]:
    span = _span(text, start, end)
    for m in ann.mentions:
        if m.span.start == start and m.span.end == end and m.status != "rejected":
            raise ValueError(f"{span.text!r} is already marked")
    same = next(
        (
            e
            for e in ann.entities
            if e.name.casefold() == span.text.casefold() and e.type == entity_type
        ),
        None,
    )
    changes: list[Change] = []
    if same is None:
        same = Entity(ann.new_id("e"), span.text, entity_type)
        changes.append(Change(None, same))
    mention = Mention(ann.new_id("m"), span, entity_type, same.id, origin="user", status="accepted")
    changes.append(Change(None, mention))
    return changes, mention


def adjust_mention(
    ann: Annotations, text: str, mention: Mention, start: int, end: int
) -> list[Change]:
    new = replace(mention, span=_span(text, start, end), status="accepted", anchor="ok")
    return [Change(mention, new)]


def _drop_if_empty(ann: Annotations, entity_id: str, leaving: Mention) -> list[Change]:
    rest = [m for m in _mentions_of(ann, entity_id) if m.id != leaving.id]
    entity = ann.entity(entity_id)
    return [Change(entity, None)] if not rest and entity is not None else []


def merge_mention(ann: Annotations, mention: Mention, target: Entity) -> list[Change]:
    if mention.entity == target.id:
        return []
    changes = [
        Change(mention, replace(mention, entity=target.id, type=target.type, status="accepted"))
    ]
    aliases = target.aliases
    if mention.span.text != target.name and mention.span.text not in aliases:
        changes.append(Change(target, replace(target, aliases=(*aliases, mention.span.text))))
    return changes + _drop_if_empty(ann, mention.entity, mention)


def split_mention(ann: Annotations, mention: Mention) -> list[Change]:
    if len(_mentions_of(ann, mention.entity)) <= 1:
        return []  # already on its own
    entity = Entity(ann.new_id("e"), mention.span.text, mention.type)
    return [
        Change(None, entity),
        Change(mention, replace(mention, entity=entity.id, status="accepted")),
    ]


def _ref(ann: Annotations, text: str, start: int, end: int) -> Ref:
    return Ref(_span(text, start, end), entity_at(ann, start, end))


def new_claim(
    ann: Annotations,
    text: str,
    cue: tuple[int, int],
    content: Sequence[tuple[int, int]],
    source: tuple[int, int] | None,
    kind: str,
) -> Claim:
    if not content:
        raise ValueError("a claim needs some content")
    return Claim(
        ann.new_id("c"),
        _span(text, *cue),
        tuple(_span(text, s, e) for s, e in content),
        _ref(ann, text, *source) if source is not None else None,
        kind=kind,
        origin="user",
        status="accepted",
    )


def new_event(
    ann: Annotations,
    text: str,
    event_type: str,
    subtype: str,
    trigger: tuple[int, int],
    actors: Sequence[tuple[int, int]],
    targets: Sequence[tuple[int, int]],
    location: Sequence[tuple[int, int]],
    time: Sequence[tuple[int, int]],
) -> Event:
    trig = _span(text, *trigger)
    claim = next(
        (
            c.id
            for c in ann.claims
            if c.status != "rejected"
            and any(s.start <= trig.start and trig.end <= s.end for s in c.content)
        ),
        None,
    )
    return Event(
        ann.new_id("v"),
        event_type,
        subtype,
        trig,
        actors=tuple(_ref(ann, text, s, e) for s, e in actors),
        targets=tuple(_ref(ann, text, s, e) for s, e in targets),
        location=tuple(_ref(ann, text, s, e) for s, e in location),
        time=tuple(_ref(ann, text, s, e) for s, e in time),
        claim=claim,
        origin="user",
        status="accepted",
    )


def diff(old: Annotations, new: Annotations) -> list[Change]:
    """The changes that turn ``old`` into ``new`` (matching items by id)."""
    changes: list[Change] = []
    for kind in ("entities", "mentions", "claims", "events"):
        before: dict[str, Item] = {it.id: it for it in getattr(old, kind)}
        after: dict[str, Item] = {it.id: it for it in getattr(new, kind)}
        for item_id, item in before.items():
            if after.get(item_id) != item:
                changes.append(Change(item, after.get(item_id)))
        for item_id, item in after.items():
            if item_id not in before:
                changes.append(Change(None, item))
    return changes
