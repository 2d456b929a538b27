"""The merged review an adjudicator builds from two: where it starts, and taking a side.

Pure functions (no state, no I/O) in the manner of :mod:`tui.editing`: the session
records what they return as one undoable command.

The merged review starts with what both reviewers agree on (A's copies, A's ids) and
the suggestions both dropped, so every difference starts open. Taking a side puts that
side's version in the place of whatever the merged review had there; taking the side
that lacks an item puts the other's in as rejected, which is how a review says "not
there" (and keeps re-extraction from bringing it back). Entity links, claim sources
and an event's claim are re-pointed at the merged review's own entities and claims.
"""

from __future__ import annotations

from dataclasses import replace

from tui.changes import Change
from tui.corpus import agreement_match as match
from tui.corpus.agreement_diff import Comparison, Difference, Item, Side, same_place
from tui.model import Annotations, Claim, Entity, Event, Mention, Ref, Status

PREFIX = {Mention: "m", Claim: "c", Event: "v"}


def initial(c: Comparison) -> Annotations:
    """What the merged review holds before any decision: the agreed items, and A's
    rejected suggestions that lie where no difference does."""
    agreed = set(c.agreed)

    def keep(item: Item) -> bool:
        if item.id in agreed:
            return True
        return item.status == "rejected" and not any(
            same_place(d, item) for d in c.differences if d.kind == _kind(item)
        )

    mentions = tuple(m for m in c.a.mentions if keep(m))
    claims = tuple(x for x in c.a.claims if keep(x))
    events = tuple(e for e in c.a.events if keep(e))
    used = {m.entity for m in mentions}
    referring: list[Claim | Event] = [*claims, *events]
    for item in referring:
        used.update(r.entity for r in _refs(item) if r.entity)
    entities = tuple(e for e in c.a.entities if e.id in used)
    return Annotations(entities, mentions, claims, events).sorted()


def _kind(item: Item) -> str:
    return (
        "mention" if isinstance(item, Mention) else "claim" if isinstance(item, Claim) else "event"
    )


def _refs(item: Item) -> list[Ref]:
    if isinstance(item, Claim):
        return [item.source] if item.source else []
    if isinstance(item, Event):
        return [*item.actors, *item.targets, *item.location, *item.time]
    return []


def _entity_named(merged: Annotations, name: str, kind: str) -> Entity | None:
    key = (name.casefold(), kind)
    return next((e for e in merged.entities if (e.name.casefold(), e.type) == key), None)


class _Ids:
    """Fresh ids for one command: above every id in use in the merged review."""

    def __init__(self, merged: Annotations) -> None:
        self.merged = merged
        self.handed: set[str] = set()

    def new(self, prefix: str) -> str:
        base = int(self.merged.new_id(prefix)[len(prefix) :])
        n = base
        while f"{prefix}{n}" in self.handed:
            n += 1
        self.handed.add(f"{prefix}{n}")
        return f"{prefix}{n}"


def _ref(r: Ref, source: Annotations, merged: Annotations) -> Ref:
    """A reference pointed at the merged review's entity of the same name and type."""
    entity = source.entity(r.entity)
    found = _entity_named(merged, entity.name, entity.type) if entity else None
    return replace(r, entity=found.id if found else None)


def _claim_link(event: Event, source: Annotations, merged: Annotations) -> str | None:
    claim = next((c for c in source.claims if c.id == event.claim), None)
    if claim is None:
        return None
    live = [c for c in merged.claims if c.status != "rejected"]
    found = match.match_claims([claim], live)
    return live[found[0].second].id if found else None


def take(
    merged: Annotations, c: Comparison, d: Difference, current: Item | None, side: Side
) -> list[Change]:
    """The changes that make the merged review hold ``side``'s version of ``d``.

    ``current`` is the merged item that settles ``d`` now (see agreement_diff.settled).
    """
    version, source = (d.a, c.a) if side == "A" else (d.b, c.b)
    status: Status | None = None
    if version is None:  # that side has no such item: the other's, rejected
        version, source = (d.b, c.b) if side == "A" else (d.a, c.a)
        status = "rejected"
    assert version is not None
    ids = _Ids(merged)
    in_use = {m.id for m in merged.mentions} | {c.id for c in merged.claims}
    in_use |= {e.id for e in merged.events}
    if current is not None:
        new_id = current.id
    elif source is c.a and version.id not in in_use:
        new_id = version.id  # A's item keeps its id (taken or rejected), as agreed ones do
    else:
        new_id = ids.new(PREFIX[type(version)])
    new: Item = replace(version, id=new_id, status=status or version.status)
    changes: list[Change] = []
    if isinstance(new, Mention):
        entity = source.entity(new.entity)
        name = entity.name if entity else new.span.text
        target = _entity_named(merged, name, new.type)
        if target is None:
            target = Entity(ids.new("e"), name, new.type, entity.aliases if entity else ())
            changes.append(Change(None, target))
        new = replace(new, entity=target.id)
        if isinstance(current, Mention) and current.entity != target.id:
            rest = [m for m in merged.mentions if m.entity == current.entity and m.id != current.id]
            old = merged.entity(current.entity)
            if not rest and old is not None:
                changes.append(Change(old, None))  # its last mention goes: so does it
    elif isinstance(new, Claim):
        new = replace(new, source=_ref(new.source, source, merged) if new.source else None)
    else:
        new = replace(
            new,
            actors=tuple(_ref(r, source, merged) for r in new.actors),
            targets=tuple(_ref(r, source, merged) for r in new.targets),
            location=tuple(_ref(r, source, merged) for r in new.location),
            time=tuple(_ref(r, source, merged) for r in new.time),
            claim=_claim_link(new, source, merged),
        )
    changes.append(Change(current, new))
    return changes
