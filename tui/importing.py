"""Bringing annotations made elsewhere into a document's annotations (pure functions).

``ReviewSession.import_annotations`` calls :func:`plan` and records the result as
one undoable command. The rules:

- Place: each item's spans point into the text the file was made for. Where that
  is not the article's text, they are re-anchored with the same function the
  reader uses for a changed article (:func:`tui.store.anchoring.reanchor`): kept
  where the quote still matches, else moved to where quote and context agree best,
  else kept as an orphan (listed under "needs attention") and reported.
- Never touch the reviewer's work: an incoming item whose span (a mention's span,
  a claim's cue, an event's trigger) is already held by an accepted or rejected
  item is left out and counted as "kept". A suggestion there is replaced by the
  incoming item (keeping its id).
- Link: an incoming mention joins the entity of its group in the file, else an
  existing entity of the same name and type, else a new one.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TypeVar

from tui.changes import Change
from tui.model import Annotations, Claim, Entity, Event, Fatalities, Mention, Ref, Review
from tui.store import anchoring
from tui.store.formats.incoming import Incoming

T = TypeVar("T", Mention, Claim, Event)


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What an import did, by item id (ids as they are in the sidecar now)."""

    added: tuple[str, ...] = ()
    replaced: tuple[str, ...] = ()
    kept: tuple[str, ...] = ()  # incoming items left out: the reviewer's item holds the span
    moved: tuple[str, ...] = ()
    orphaned: tuple[str, ...] = ()
    skipped: tuple[str, ...] = ()  # from the file: what could not be mapped

    def summary(self) -> str:
        return (
            f"{len(self.added)} added, {len(self.replaced)} suggestions replaced,"
            f" {len(self.moved)} moved, {len(self.orphaned)} orphaned,"
            f" {len(self.kept)} left as they were (reviewed or rejected),"
            f" {len(self.skipped)} not imported"
        )


class _Ids:
    """Fresh ids above every one in use, without rescanning for each new item."""

    def __init__(self, ann: Annotations) -> None:
        self.top: dict[str, int] = {}
        for items in (ann.entities, ann.mentions, ann.claims, ann.events):
            for it in items:
                prefix = it.id.rstrip("0123456789")
                digits = it.id[len(prefix) :]
                if digits:
                    self.top[prefix] = max(self.top.get(prefix, 0), int(digits))

    def new(self, prefix: str) -> str:
        self.top[prefix] = self.top.get(prefix, 0) + 1
        return f"{prefix}{self.top[prefix]}"


def _reviewed(item: Mention | Claim | Event) -> bool:
    """Is this the reviewer's (accepted or rejected) rather than a pending suggestion?"""
    return item.status != "suggested" or not getattr(item, "review", Review()).empty


@dataclass
class _Plan:
    current: Annotations
    ids: _Ids
    reviewer: str
    now: str
    changes: list[Change] = field(default_factory=list)
    entity_map: dict[str, str] = field(default_factory=dict)  # incoming entity -> ours
    new_entities: dict[str, Entity] = field(default_factory=dict)
    claim_map: dict[str, str] = field(default_factory=dict)
    live: list[Mention] = field(default_factory=list)  # placed, not rejected: role fillers' links
    report: dict[str, list[str]] = field(default_factory=dict)

    def note(self, kind: str, item_id: str) -> None:
        self.report.setdefault(kind, []).append(item_id)

    def signed(self, item: T) -> T:
        """An item arriving as the reviewer's (accepted or rejected) carries who and when."""
        if item.status == "suggested" or item.by:
            return item
        return replace(item, by=self.reviewer, at=item.at or self.now)

    def stamp(self, review: Review) -> Review:
        """A review that arrives from a file is signed by the reviewer who imported it."""
        if review.empty or review.by:
            return review
        return replace(review, by=self.reviewer, at=review.at or self.now)


def plan(
    current: Annotations, incoming: Incoming, text: str, *, reviewer: str, now: str
) -> tuple[list[Change], ImportReport]:
    """The changes that bring ``incoming`` into ``current`` for the article ``text``."""
    placed = incoming.annotations
    if incoming.reference != text:
        placed, _ = anchoring.reanchor(placed, text)
    p = _Plan(current, _Ids(current), reviewer, now)
    by_span = {(m.span.start, m.span.end): m for m in current.mentions if m.anchor != "orphaned"}
    names: dict[tuple[str, str], str] = {}
    for e in current.entities:
        for name in (e.name, *e.aliases):
            names.setdefault((name.casefold(), e.type), e.id)
    incoming_entities = {e.id: e for e in placed.entities}
    for m in placed.mentions:
        _mention(p, m, by_span, names, incoming_entities)
    p.changes[:0] = [Change(None, e) for e in p.new_entities.values()]
    p.changes += _emptied_entities(current, p.changes)
    p.live = sorted(
        (m for m in by_span.values() if m.status != "rejected"), key=lambda m: m.span.start
    )
    cues = {(c.cue.start, c.cue.end): c for c in current.claims if c.anchor != "orphaned"}
    for c in placed.claims:
        _claim(p, c, cues)
    triggers = {
        (e.trigger.start, e.trigger.end): e for e in current.events if e.anchor != "orphaned"
    }
    for ev in placed.events:
        _event(p, ev, triggers)
    r = p.report
    report = ImportReport(
        added=tuple(r.get("added", ())),
        replaced=tuple(r.get("replaced", ())),
        kept=tuple(r.get("kept", ())),
        moved=tuple(r.get("moved", ())),
        orphaned=tuple(r.get("orphaned", ())),
        skipped=incoming.skipped,
    )
    return p.changes, report


def _emptied_entities(current: Annotations, changes: list[Change]) -> list[Change]:
    """Removals for entities whose last mention a replacement moved to another entity."""
    owner = {m.id: m.entity for m in current.mentions}
    touched: set[str] = set()
    for ch in changes:
        if isinstance(ch.before, Mention) and isinstance(ch.after, Mention):
            if ch.before.entity != ch.after.entity:
                touched.add(ch.before.entity)
            owner[ch.after.id] = ch.after.entity
    alive = set(owner.values())
    return [Change(e, None) for e in current.entities if e.id in touched and e.id not in alive]


def _anchor_note(p: _Plan, item: Mention | Claim | Event, item_id: str) -> None:
    if item.anchor == "moved":
        p.note("moved", item_id)
    elif item.anchor == "orphaned":
        p.note("orphaned", item_id)


def _mention(
    p: _Plan,
    m: Mention,
    by_span: dict[tuple[int, int], Mention],
    names: dict[tuple[str, str], str],
    incoming_entities: dict[str, Entity],
) -> None:
    there = by_span.get((m.span.start, m.span.end)) if m.anchor != "orphaned" else None
    if there is not None and _reviewed(there):
        p.note("kept", there.id)
        p.entity_map.setdefault(m.entity, there.entity)
        return
    entity = p.entity_map.get(m.entity)
    if entity is None and there is not None and there.type == m.type:
        entity = there.entity
    if entity is None:
        entity = names.get((m.span.text.casefold(), m.type))
    if entity is None:
        source = incoming_entities.get(m.entity)
        entity = p.ids.new("e")
        p.new_entities[entity] = Entity(
            entity,
            source.name if source else m.span.text,
            m.type,
            review=p.stamp(source.review) if source else Review(),
        )
        names[(m.span.text.casefold(), m.type)] = entity
    p.entity_map.setdefault(m.entity, entity)
    if there is not None:
        new = p.signed(replace(m, id=there.id, entity=entity))
        p.changes.append(Change(there, new))
        by_span[(m.span.start, m.span.end)] = new
        p.note("replaced", there.id)
        _anchor_note(p, m, there.id)
        return
    new = p.signed(replace(m, id=p.ids.new("m"), entity=entity))
    p.changes.append(Change(None, new))
    if m.anchor != "orphaned":
        by_span[(m.span.start, m.span.end)] = new
    p.note("added", new.id)
    _anchor_note(p, m, new.id)


def _ref(p: _Plan, r: Ref) -> Ref:
    """A role filler linked to our entity: its own, mapped, else the longest mention in it."""
    if r.entity is not None and r.entity in p.entity_map:
        return replace(r, entity=p.entity_map[r.entity])
    best: Mention | None = None
    for m in p.live:
        inside = r.span.start <= m.span.start and m.span.end <= r.span.end
        if inside and (best is None or len(m.span) >= len(best.span)):
            best = m
    return replace(r, entity=best.entity if best is not None else None)


def _claim(p: _Plan, c: Claim, cues: dict[tuple[int, int], Claim]) -> None:
    there = cues.get((c.cue.start, c.cue.end)) if c.anchor != "orphaned" else None
    if there is not None and _reviewed(there):
        p.note("kept", there.id)
        p.claim_map[c.id] = there.id
        return
    new = replace(
        p.signed(c),
        id=there.id if there is not None else p.ids.new("c"),
        source=_ref(p, c.source) if c.source is not None else None,
        review=p.stamp(c.review),
    )
    p.claim_map[c.id] = new.id
    p.changes.append(Change(there, new))
    p.note("replaced" if there is not None else "added", new.id)
    _anchor_note(p, c, new.id)


def _event(p: _Plan, ev: Event, triggers: dict[tuple[int, int], Event]) -> None:
    there = triggers.get((ev.trigger.start, ev.trigger.end)) if ev.anchor != "orphaned" else None
    if there is not None and _reviewed(there):
        p.note("kept", there.id)
        return
    fat = ev.fatalities
    new = replace(
        p.signed(ev),
        id=there.id if there is not None else p.ids.new("v"),
        actors=tuple(_ref(p, r) for r in ev.actors),
        targets=tuple(_ref(p, r) for r in ev.targets),
        location=tuple(_ref(p, r) for r in ev.location),
        time=tuple(_ref(p, r) for r in ev.time),
        fatalities=Fatalities(fat.span, fat.estimate) if fat is not None else None,
        claim=p.claim_map.get(ev.claim) if ev.claim is not None else None,
        review=p.stamp(ev.review),
    )
    p.changes.append(Change(there, new))
    p.note("replaced" if there is not None else "added", new.id)
    _anchor_note(p, ev, new.id)
