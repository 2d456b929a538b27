"""What a round trip must keep, per format: comparable views of annotations."""

from __future__ import annotations

from tui.model import Annotations


def mentions(ann: Annotations, *, statuses: bool = True) -> list[tuple]:
    return sorted(
        (m.span.start, m.span.end, m.span.text, m.type, m.status if statuses else "", m.estimate)
        for m in ann.mentions
    )


def groups(ann: Annotations) -> list[list[tuple[int, int]]]:
    """Mentions grouped by entity (ids differ across a round trip; the grouping must not)."""
    by: dict[str, list[tuple[int, int]]] = {}
    for m in ann.mentions:
        by.setdefault(m.entity, []).append((m.span.start, m.span.end))
    return sorted(sorted(v) for v in by.values())


def claims(ann: Annotations) -> list[tuple]:
    return sorted(
        (
            (c.cue.start, c.cue.end),
            c.kind,
            c.status,
            c.review.verdict,
            c.review.note,
            tuple((s.start, s.end) for s in c.content),
            (c.source.span.start, c.source.span.end) if c.source else None,
            tuple((h.start, h.end) for h in c.hedges),
        )
        for c in ann.claims
    )


def events(ann: Annotations) -> list[tuple]:
    cues = {c.id: (c.cue.start, c.cue.end) for c in ann.claims}

    def spans(refs: tuple) -> tuple:
        return tuple((r.span.start, r.span.end) for r in refs)

    def spans_of(items: tuple) -> tuple:
        return tuple(sorted((s.start, s.end) for s in items))

    return sorted(
        (
            (e.trigger.start, e.trigger.end),
            spans_of(e.mentions),
            e.type,
            e.subtype,
            e.status,
            spans(e.actors),
            spans(e.targets),
            spans(e.location),
            spans(e.time),
            (e.fatalities.span.start, e.fatalities.span.end, e.fatalities.estimate)
            if e.fatalities
            else None,
            cues.get(e.claim) if e.claim else None,
            e.review.verdict,
            e.review.note,
        )
        for e in ann.events
    )
