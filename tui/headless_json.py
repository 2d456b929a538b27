"""The headless JSON form of one extracted document (`marginalia extract --format json`).

Its own module so that batch extraction (tui.corpus) can write it without importing
the command line above it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tui.model import Annotations, Ref, Span
from tui.text import Document


def _span_json(s: Span) -> dict[str, Any]:
    return {"start": s.start, "end": s.end, "text": s.text}


def _ref_json(r: Ref, ann: Annotations) -> dict[str, Any]:
    d = _span_json(r.span)
    entity = ann.entity(r.entity)
    d["entity"] = r.entity
    d["name"] = entity.name if entity else None
    return d


def document_json(doc: Document, ann: Annotations, path: Path) -> dict[str, Any]:
    """The headless form of DESIGN.md (field names are stable; fields may be added)."""
    names = {e.id: e for e in ann.entities}
    entities = []
    for m in ann.mentions:
        e = names.get(m.entity)
        d = {
            "id": m.id,
            "type": m.type,
            **_span_json(m.span),
            "entity": m.entity,
            "name": e.name if e else None,
        }
        d["status"] = m.status
        d["confidence"] = round(m.confidence, 3)
        if m.estimate is not None:
            d["estimate"] = m.estimate
        entities.append(d)
    claims = [
        {
            "id": c.id,
            "kind": c.kind,
            "source": _ref_json(c.source, ann) if c.source is not None else None,
            "cue": _span_json(c.cue),
            "content": [_span_json(s) for s in c.content],
            "hedges": [_span_json(s) for s in c.hedges],
            "status": c.status,
            "verdict": c.review.verdict,
            "confidence": round(c.confidence, 3),
        }
        for c in ann.claims
    ]
    events = []
    for ev in ann.events:
        fat = None
        if ev.fatalities is not None:
            fat = {**_span_json(ev.fatalities.span), "estimate": ev.fatalities.estimate}
        events.append(
            {
                "id": ev.id,
                "type": ev.type,
                "subtype": ev.subtype,
                "trigger": _span_json(ev.trigger),
                # every span reporting the event, the trigger among them, in text order
                "mentions": [_span_json(s) for s in ev.trigger_spans],
                "actors": [_ref_json(r, ann) for r in ev.actors],
                "targets": [_ref_json(r, ann) for r in ev.targets],
                "location": [_ref_json(r, ann) for r in ev.location],
                "time": [_ref_json(r, ann) for r in ev.time],
                "fatalities": fat,
                "claim": ev.claim,
                "status": ev.status,
                "confidence": round(ev.confidence, 3),
            }
        )
    return {
        "path": str(path),
        "sha256": doc.sha256,
        "text_length": len(doc.text),
        "format": doc.format,
        "encoding": doc.encoding,
        "title": doc.title,
        "notices": list(doc.notices),
        "entities": entities,
        "claims": claims,
        "events": events,
    }
