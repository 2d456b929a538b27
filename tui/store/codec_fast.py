"""The decoder's fast path: well-formed sidecar data to Annotations with few checks per field.

:func:`tui.store.codec.decode` checks every value through a reader object that knows
its path, so that a hand-edited file gets a one-line error naming the bad value.
That costs more than reading the file. Almost every sidecar is well formed, so
this decodes the same data with plain ``type(x) is T`` tests and gives up
(returns None) at the first thing it does not expect; the checked decoder then
runs from the start and finds and reports the problem exactly as before. For
data it accepts, the result equals the checked decoder's (a property test
checks it), so it never changes what is read, only how fast.
"""

from __future__ import annotations

from typing import Any

from tui.model import (
    ANCHORS,
    ORIGINS,
    STATUSES,
    Annotations,
    Claim,
    Entity,
    Event,
    Fatalities,
    Mention,
    Ref,
    Review,
    ReviewChange,
    Span,
)


class _Unusual(Exception):
    """Something the checked decoder must look at (an error, or a rare shape)."""


_EMPTY_REVIEW = Review()


def _span(d: Any) -> Span:
    if type(d) is not dict:
        raise _Unusual
    get = d.get
    start, end, text = get("start"), get("end"), get("text")
    prefix, suffix = get("prefix", ""), get("suffix", "")
    if (
        type(start) is not int
        or type(end) is not int
        or start < 0
        or end < start
        or type(text) is not str
        or type(prefix) is not str
        or type(suffix) is not str
    ):
        raise _Unusual
    return Span(start, end, text, prefix, suffix)


def _spans(raw: Any) -> tuple[Span, ...]:
    if raw is None:
        return ()
    if type(raw) is not list:
        raise _Unusual
    return tuple(_span(s) for s in raw)


def _ref(d: Any) -> Ref:
    span = _span(d)
    entity = d.get("entity")
    if entity is not None and type(entity) is not str:
        raise _Unusual
    return Ref(span, entity)


def _refs(raw: Any) -> tuple[Ref, ...]:
    if raw is None:
        return ()
    if type(raw) is not list:
        raise _Unusual
    return tuple(_ref(r) for r in raw)


def _text(d: dict[str, Any], key: str) -> str:
    value = d.get(key, "")
    if type(value) is not str:
        raise _Unusual
    return value


def _verdict(d: dict[str, Any]) -> str | None:
    value = d.get("verdict")
    if value is None or type(value) is str:
        return value
    if type(value) is bool:  # an unquoted `verdict: false` names the verdict "false"
        return "true" if value else "false"
    raise _Unusual


def _review(d: dict[str, Any]) -> Review:
    raw = d.get("review")
    if not raw:
        return _EMPTY_REVIEW
    if type(raw) is not dict:
        raise _Unusual
    history = raw.get("history")
    changes: tuple[ReviewChange, ...] = ()
    if history is not None:
        if type(history) is not list:
            raise _Unusual
        for h in history:
            if type(h) is not dict:
                raise _Unusual
        changes = tuple(
            ReviewChange(_verdict(h), _text(h, "note"), _text(h, "by"), _text(h, "at"))
            for h in history
        )
    return Review(_verdict(raw), _text(raw, "note"), _text(raw, "by"), _text(raw, "at"), changes)


def _common(d: dict[str, Any]) -> dict[str, Any]:
    conf = d.get("confidence", 1.0)
    kind = type(conf)
    if kind is int:
        conf = float(conf)
    elif kind is not float:
        raise _Unusual
    origin = d.get("origin", "auto")
    status = d.get("status", "suggested")
    anchor = d.get("anchor", "ok")
    if origin not in ORIGINS or status not in STATUSES or anchor not in ANCHORS:
        raise _Unusual
    return {
        "origin": origin,
        "status": status,
        "confidence": conf,
        "anchor": anchor,
        "by": _text(d, "by"),
        "at": _text(d, "at"),
    }


def _id(d: Any, seen: set[str]) -> str:
    if type(d) is not dict:
        raise _Unusual
    item_id = d.get("id")
    if type(item_id) is not str or item_id in seen:
        raise _Unusual
    seen.add(item_id)
    return item_id


def _list(data: dict[str, Any], key: str) -> list[Any]:
    raw = data.get(key)
    if raw is None:
        return []
    if type(raw) is not list:
        raise _Unusual
    return raw


def _required_text(d: dict[str, Any], key: str) -> str:
    value = d.get(key)
    if type(value) is not str:
        raise _Unusual
    return value


def _entities(
    data: dict[str, Any], seen: set[str]
) -> tuple[tuple[Entity, ...], tuple[Mention, ...]]:
    entities: list[Entity] = []
    mentions: list[Mention] = []
    for raw in _list(data, "entities"):
        eid = _id(raw, seen)
        aliases = _list(raw, "aliases")
        for a in aliases:
            if type(a) is not str:
                raise _Unusual
        etype = _required_text(raw, "type")
        entities.append(
            Entity(eid, _required_text(raw, "name"), etype, tuple(aliases), _review(raw))
        )
        for m in _list(raw, "mentions"):
            if type(m) is not dict:
                raise _Unusual
            estimate = m.get("estimate")
            if estimate is not None and type(estimate) is not int:
                raise _Unusual
            mtype = m.get("type", etype)
            if type(mtype) is not str:
                raise _Unusual
            span = _span(m)
            mentions.append(
                Mention(
                    id=_id(m, seen),
                    span=span,
                    type=mtype,
                    entity=eid,
                    estimate=estimate,
                    **_common(m),
                )  # fmt: skip
            )
    return tuple(entities), tuple(mentions)


def _claims(data: dict[str, Any], seen: set[str]) -> tuple[Claim, ...]:
    claims: list[Claim] = []
    for raw in _list(data, "claims"):
        cid = _id(raw, seen)
        if "content" not in raw:
            raise _Unusual  # required, even if empty
        source = raw.get("source")
        kind = raw.get("kind", "indirect")
        if type(kind) is not str:
            raise _Unusual
        claims.append(
            Claim(
                id=cid,
                cue=_span(raw.get("cue")),
                content=_spans(raw["content"]),
                source=_ref(source) if source is not None else None,
                kind=kind,
                hedges=_spans(raw.get("hedges")),
                review=_review(raw),
                **_common(raw),
            )
        )
    return tuple(claims)


def _events(data: dict[str, Any], seen: set[str]) -> tuple[Event, ...]:
    events: list[Event] = []
    for raw in _list(data, "events"):
        vid = _id(raw, seen)
        trigger = _span(raw.get("trigger"))
        # format 1 had no "mentions"; a hand-written copy of the trigger is not another
        others = [s for s in _spans(raw.get("mentions")) if (s.start, s.end) != (trigger.start, trigger.end)]  # fmt: skip
        fat_raw = raw.get("fatalities")
        fatalities = None
        if fat_raw is not None:
            estimate = fat_raw.get("estimate") if type(fat_raw) is dict else None
            if estimate is not None and type(estimate) is not int:
                raise _Unusual
            fatalities = Fatalities(_span(fat_raw), estimate)
        claim = raw.get("claim")
        if claim is not None and type(claim) is not str:
            raise _Unusual
        events.append(
            Event(
                id=vid,
                type=_required_text(raw, "type"),
                subtype=_text(raw, "subtype"),
                trigger=trigger,
                mentions=tuple(sorted(dict.fromkeys(others), key=lambda s: (s.start, s.end))),
                actors=_refs(raw.get("actors")),
                targets=_refs(raw.get("targets")),
                location=_refs(raw.get("location")),
                time=_refs(raw.get("time")),
                fatalities=fatalities,
                claim=claim,
                review=_review(raw),
                **_common(raw),
            )
        )
    return tuple(events)


def decode(data: Any) -> Annotations | None:
    """The Annotations :func:`tui.store.codec.decode` gives for ``data``, or None to ask it."""
    if type(data) is not dict:
        return None
    seen: set[str] = set()
    try:
        entities, mentions = _entities(data, seen)
        return Annotations(entities, mentions, _claims(data, seen), _events(data, seen))
    except (_Unusual, TypeError, AttributeError):
        return None
