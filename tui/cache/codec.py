"""The extraction cache's entry body: machine suggestions as compact JSON, checked on the way in.

An entry holds what the extractor found in one text, and only that: every item
``auto`` and ``suggested``, never a reviewer's work (that lives in the sidecar).
Spans are stored as offsets alone: their quote and context are cut from the
text again on loading, so an entry cannot show words the text does not have.
Items are lists, not mappings. For the 1 MB benchmark article that is 2.5 MB
against 15 MB in the sidecar's shape as JSON, and it loads in about half the CPU
time of that or of the sidecar's YAML (0.44-0.66 and 0.47-0.59 of it in four
runs of ``benchmarks/bench_reopen.py``), a fourteenth to a seventeenth of
extracting it.

Loading checks everything it builds from: types, offsets inside the text, ids
unique, every reference pointing at an item that exists. Anything unexpected is
a :class:`CacheFormatError`, and the caller extracts instead.
"""

from __future__ import annotations

from typing import Any

from tui.model import (
    CONTEXT,
    Annotations,
    Claim,
    Entity,
    Event,
    Fatalities,
    Mention,
    Ref,
    Review,
    Span,
)

_EMPTY_REVIEW = Review()


class CacheFormatError(ValueError):
    """An entry body that is not what this version writes."""


# ---------------------------------------------------------------- encoding


class _NotCacheable(Exception):
    """Annotations holding more than machine suggestions over this text."""


def _span(s: Span, text: str) -> list[int]:
    if (
        text[s.start : s.end] != s.text
        or text[max(0, s.start - CONTEXT) : s.start] != s.prefix
        or text[s.end : s.end + CONTEXT] != s.suffix
    ):
        raise _NotCacheable
    return [s.start, s.end]


def _ref(r: Ref, text: str) -> list[Any]:
    return [*_span(r.span, text), r.entity]


def _suggestion(item: Mention | Claim | Event) -> float:
    """The item's confidence, once it is known to be an untouched suggestion."""
    if (
        item.origin != "auto"
        or item.status != "suggested"
        or item.anchor != "ok"
        or item.by
        or item.at
        or (not isinstance(item, Mention) and not item.review.empty)
    ):
        raise _NotCacheable
    return item.confidence


def encode(ann: Annotations, text: str) -> dict[str, list[list[Any]]] | None:
    """The body for ``ann`` found in ``text``; None if it holds anything but suggestions."""
    try:
        return {
            "entities": [_entity(e) for e in ann.entities],
            "mentions": [
                [m.id, *_span(m.span, text), m.type, m.entity, _suggestion(m), m.estimate]
                for m in ann.mentions
            ],
            "claims": [_claim(c, text) for c in ann.claims],
            "events": [_event(e, text) for e in ann.events],
        }
    except _NotCacheable:
        return None


def _entity(e: Entity) -> list[Any]:
    if not e.review.empty:
        raise _NotCacheable
    return [e.id, e.name, e.type, list(e.aliases)]


def _claim(c: Claim, text: str) -> list[Any]:
    return [
        c.id,
        c.kind,
        _span(c.cue, text),
        [_span(s, text) for s in c.content],
        _ref(c.source, text) if c.source is not None else None,
        [_span(s, text) for s in c.hedges],
        _suggestion(c),
    ]


def _event(e: Event, text: str) -> list[Any]:
    fat = e.fatalities
    return [
        e.id,
        e.type,
        e.subtype,
        _span(e.trigger, text),
        [_span(s, text) for s in e.mentions],
        [_ref(r, text) for r in e.actors],
        [_ref(r, text) for r in e.targets],
        [_ref(r, text) for r in e.location],
        [_ref(r, text) for r in e.time],
        [*_span(fat.span, text), fat.estimate] if fat is not None else None,
        e.claim,
        _suggestion(e),
    ]


def counts(ann: Annotations) -> dict[str, int]:
    """How many suggestions of each kind, for the entry's header: the library shows them
    for an article it has not extracted into a sidecar (tui.cache.counts)."""
    return {"mentions": len(ann.mentions), "claims": len(ann.claims), "events": len(ann.events)}


# ---------------------------------------------------------------- decoding


class _Decoder:
    """Builds values from one body, checking each against the text and the ids seen."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.length = len(text)
        self.ids: set[str] = set()
        self.entities: set[str] = set()
        self.claims: set[str] = set()
        self.made: dict[tuple[Any, Any], Span] = {}

    def id(self, value: Any, into: set[str] | None = None) -> str:
        if type(value) is not str or not value or value in self.ids:
            raise CacheFormatError("bad or repeated id")
        self.ids.add(value)
        if into is not None:
            into.add(value)
        return value

    def span(self, raw: Any, extra: int = 0) -> Span:
        if type(raw) is not list or len(raw) != 2 + extra:
            raise CacheFormatError("bad span")
        return self.at(raw[0], raw[1])

    def at(self, start: Any, end: Any) -> Span:
        """The span [start, end) of the text: one shared value per place (spans are frozen,
        and a claim's source is usually a mention's span too)."""
        key = (start, end)
        span = self.made.get(key)
        if span is None:
            if (
                type(start) is not int
                or type(end) is not int
                or not 0 <= start <= end <= self.length
            ):
                raise CacheFormatError("span outside the text")
            text = self.text
            before = start - CONTEXT if start > CONTEXT else 0
            span = Span(start, end, text[start:end], text[before:start], text[end : end + CONTEXT])
            self.made[key] = span
        return span

    def spans(self, raw: Any) -> tuple[Span, ...]:
        if type(raw) is not list:
            raise CacheFormatError("bad span list")
        return tuple(self.span(s) for s in raw)

    def ref(self, raw: Any) -> Ref:
        span = self.span(raw, extra=1)
        entity = raw[2]
        if entity is not None and entity not in self.entities:
            raise CacheFormatError("reference to no entity")
        return Ref(span, entity)

    def refs(self, raw: Any) -> tuple[Ref, ...]:
        if type(raw) is not list:
            raise CacheFormatError("bad reference list")
        return tuple(self.ref(r) for r in raw)

    def confidence(self, value: Any) -> float:
        if type(value) not in (float, int) or not 0.0 <= value <= 1.0:
            raise CacheFormatError("bad confidence")
        return float(value)


def _rows(data: dict[str, Any], key: str, width: int) -> list[list[Any]]:
    rows = data.get(key)
    if type(rows) is not list:
        raise CacheFormatError(f"no {key}")
    for row in rows:
        if type(row) is not list or len(row) != width:
            raise CacheFormatError(f"bad {key} row")
    return rows


def _str(value: Any) -> str:
    if type(value) is not str:
        raise CacheFormatError("expected a string")
    return value


def _count(value: Any) -> int | None:
    if value is not None and (type(value) is not int or value < 0):
        raise CacheFormatError("bad estimate")
    return value


def decode(data: Any, text: str) -> Annotations:
    """The suggestions a body holds for ``text``; CacheFormatError for anything unexpected."""
    try:
        return _decode(data, text)
    except TypeError:  # a list where an id or offset belongs (unhashable, unorderable)
        raise CacheFormatError("a value of the wrong kind") from None


def _decode(data: Any, text: str) -> Annotations:
    if type(data) is not dict:
        raise CacheFormatError("not a mapping")
    d = _Decoder(text)
    entities = []
    for i, name, typ, aliases in _rows(data, "entities", 4):
        if type(aliases) is not list:
            raise CacheFormatError("bad aliases")
        entities.append(
            Entity(d.id(i, d.entities), _str(name), _str(typ), tuple(_str(a) for a in aliases))
        )
    mentions = []
    for i, start, end, typ, entity, confidence, estimate in _rows(data, "mentions", 7):
        if entity not in d.entities:
            raise CacheFormatError("mention of no entity")
        mentions.append(
            Mention(
                d.id(i),
                d.at(start, end),
                _str(typ),
                entity,
                confidence=d.confidence(confidence),
                estimate=_count(estimate),
            )
        )
    claims = []
    for i, kind, cue, content, source, hedges, confidence in _rows(data, "claims", 7):
        claims.append(
            Claim(
                d.id(i, d.claims),
                d.span(cue),
                d.spans(content),
                d.ref(source) if source is not None else None,
                _str(kind),
                d.spans(hedges),
                confidence=d.confidence(confidence),
            )
        )
    events = []
    for row in _rows(data, "events", 12):
        i, typ, subtype, trigger, more, actors, targets, where, when, fat, claim, confidence = row
        if claim is not None and claim not in d.claims:
            raise CacheFormatError("event in no claim")
        fatalities = None
        if fat is not None:
            fatalities = Fatalities(d.span(fat, extra=1), _count(fat[2]))
        events.append(
            Event(
                d.id(i),
                _str(typ),
                _str(subtype),
                d.span(trigger),
                d.refs(actors),
                d.refs(targets),
                d.refs(where),
                d.refs(when),
                fatalities,
                claim,
                confidence=d.confidence(confidence),
                mentions=d.spans(more),
            )
        )
    return Annotations(tuple(entities), tuple(mentions), tuple(claims), tuple(events))
