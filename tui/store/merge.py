"""Merging fresh extractor suggestions into what a reviewer already has.

Stored items always win: a fresh suggestion that lands on a stored mention, claim
cue or event trigger (whatever its status, rejected included) is dropped, so
re-extraction never resurrects what the reviewer rejected or duplicates what they
fixed. New suggestions get fresh ids after the stored ones; ids never change.
"""

from __future__ import annotations

import re
from dataclasses import replace

from tui.model import Annotations, Claim, Entity, Event, Ref, Span

_ID = re.compile(r"^([a-z]+)(\d+)$")


class _Ids:
    """Hands out ``<prefix><n>`` ids above every one already used."""

    def __init__(self, used: list[str]) -> None:
        self.next: dict[str, int] = {}
        for item_id in used:
            m = _ID.match(item_id)
            if m:
                p, n = m.group(1), int(m.group(2))
                self.next[p] = max(self.next.get(p, 1), n + 1)

    def new(self, prefix: str) -> str:
        n = self.next.get(prefix, 1)
        self.next[prefix] = n + 1
        return f"{prefix}{n}"


def _overlaps_any(span: Span, spans: list[Span]) -> bool:
    return any(span.start < s.end and s.start < span.end for s in spans)


def merge(stored: Annotations, fresh: Annotations) -> Annotations:
    """``stored`` plus the fresh suggestions that do not collide with it."""
    if not (stored.entities or stored.mentions or stored.claims or stored.events):
        return fresh.sorted()
    ids = _Ids(
        [e.id for e in stored.entities]
        + [m.id for m in stored.mentions]
        + [c.id for c in stored.claims]
        + [e.id for e in stored.events]
    )
    by_name = {(e.name.casefold(), e.type): e.id for e in stored.entities}
    entity_map: dict[str, str] = {}
    new_entities: list[Entity] = []

    def entity_id(fresh_id: str | None) -> str | None:
        if fresh_id is None:
            return None
        if fresh_id in entity_map:
            return entity_map[fresh_id]
        e = fresh.entity(fresh_id)
        if e is None:
            return None
        key = (e.name.casefold(), e.type)
        if key in by_name:
            entity_map[fresh_id] = by_name[key]
        else:
            new = replace(e, id=ids.new("e"))
            new_entities.append(new)
            by_name[key] = new.id
            entity_map[fresh_id] = new.id
        return entity_map[fresh_id]

    stored_spans = [m.span for m in stored.mentions if m.anchor != "orphaned"]
    mentions = list(stored.mentions)
    for m in fresh.mentions:
        if _overlaps_any(m.span, stored_spans):
            continue
        eid = entity_id(m.entity)
        if eid is not None:
            mentions.append(replace(m, id=ids.new("m"), entity=eid))

    def ref(r: Ref | None) -> Ref | None:
        return None if r is None else replace(r, entity=entity_id(r.entity))

    claim_map: dict[str, str] = {}
    cues = [c.cue for c in stored.claims if c.anchor != "orphaned"]
    claims = list(stored.claims)
    for c in fresh.claims:
        if _overlaps_any(c.cue, cues):
            continue
        new_c: Claim = replace(c, id=ids.new("c"), source=ref(c.source))
        claim_map[c.id] = new_c.id
        claims.append(new_c)

    # every mention of a stored event counts: a fresh event on any of them is the same one
    triggers = [s for e in stored.events if e.anchor != "orphaned" for s in e.trigger_spans]
    events = list(stored.events)
    for ev in fresh.events:
        if any(_overlaps_any(s, triggers) for s in ev.trigger_spans):
            continue

        def refs(rs: tuple[Ref, ...]) -> tuple[Ref, ...]:
            return tuple(r2 for r in rs if (r2 := ref(r)) is not None)

        new_ev: Event = replace(
            ev,
            id=ids.new("v"),
            actors=refs(ev.actors),
            targets=refs(ev.targets),
            location=refs(ev.location),
            time=refs(ev.time),
            claim=claim_map.get(ev.claim) if ev.claim else None,
        )
        events.append(new_ev)

    entities = list(stored.entities) + new_entities
    return Annotations(tuple(entities), tuple(mentions), tuple(claims), tuple(events)).sorted()
