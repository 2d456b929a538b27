"""Annotations -> plain data (dicts, lists, scalars) in the sidecar's shape.

Deterministic (fixed key order, defaults omitted the same way every time), so
sidecar -> model -> sidecar is byte-identical. The other direction, which validates,
is :mod:`tui.store.codec`, which re-exports :func:`encode`.
"""

from __future__ import annotations

from typing import Any

from tui.model import Annotations, Claim, Entity, Event, Mention, Ref, Review, Span


def _span(s: Span) -> dict[str, Any]:
    return {"start": s.start, "end": s.end, "text": s.text, "prefix": s.prefix, "suffix": s.suffix}


def _ref(r: Ref) -> dict[str, Any]:
    d = _span(r.span)
    d["entity"] = r.entity
    return d


def _review(r: Review) -> dict[str, Any]:
    return {
        "verdict": r.verdict,
        "note": r.note,
        "by": r.by,
        "at": r.at,
        "history": [
            {"verdict": h.verdict, "note": h.note, "by": h.by, "at": h.at} for h in r.history
        ],
    }


def _common(d: dict[str, Any], item: Mention | Claim | Event) -> None:
    d["origin"] = item.origin
    d["status"] = item.status
    d["confidence"] = round(float(item.confidence), 3)
    if item.anchor != "ok":
        d["anchor"] = item.anchor
    if item.by:
        d["by"] = item.by
    if item.at:
        d["at"] = item.at


def encode_mention(m: Mention) -> dict[str, Any]:
    d: dict[str, Any] = {"id": m.id, "type": m.type}
    d.update(_span(m.span))
    if m.estimate is not None:
        d["estimate"] = m.estimate
    _common(d, m)
    return d


def encode_entity(e: Entity, mentions: list[Mention]) -> dict[str, Any]:
    d: dict[str, Any] = {"id": e.id, "name": e.name, "type": e.type, "aliases": list(e.aliases)}
    if not e.review.empty:
        d["review"] = _review(e.review)
    d["mentions"] = [encode_mention(m) for m in mentions]
    return d


def encode_claim(c: Claim) -> dict[str, Any]:
    d: dict[str, Any] = {
        "id": c.id,
        "kind": c.kind,
        "source": _ref(c.source) if c.source is not None else None,
        "cue": _span(c.cue),
        "content": [_span(s) for s in c.content],
        "hedges": [_span(s) for s in c.hedges],
    }
    _common(d, c)
    if not c.review.empty:
        d["review"] = _review(c.review)
    return d


def encode_event(e: Event) -> dict[str, Any]:
    fat = None
    if e.fatalities is not None:
        fat = _span(e.fatalities.span)
        fat["estimate"] = e.fatalities.estimate
    d: dict[str, Any] = {
        "id": e.id,
        "type": e.type,
        "subtype": e.subtype,
        "trigger": _span(e.trigger),
        "mentions": [
            _span(s)
            for s in e.trigger_spans
            if (s.start, s.end) != (e.trigger.start, e.trigger.end)
        ],
        "actors": [_ref(r) for r in e.actors],
        "targets": [_ref(r) for r in e.targets],
        "location": [_ref(r) for r in e.location],
        "time": [_ref(r) for r in e.time],
        "fatalities": fat,
        "claim": e.claim,
    }
    _common(d, e)
    if not e.review.empty:
        d["review"] = _review(e.review)
    return d


def encode(ann: Annotations) -> dict[str, list[dict[str, Any]]]:
    """The entities (with their mentions nested), claims and events, in document order."""
    ann = ann.sorted()
    by_entity: dict[str, list[Mention]] = {e.id: [] for e in ann.entities}
    for m in ann.mentions:
        by_entity.setdefault(m.entity, []).append(m)
    return {
        "entities": [encode_entity(e, by_entity.get(e.id, [])) for e in ann.entities],
        "claims": [encode_claim(c) for c in ann.claims],
        "events": [encode_event(e) for e in ann.events],
    }
