"""Annotations <-> plain data (dicts, lists, scalars) in the sidecar's shape.

Encoding is deterministic (fixed key order, defaults omitted the same way every
time), so sidecar -> model -> sidecar is byte-identical. Decoding validates as it
goes and reports the path of what is wrong ("claims[3].cue.start"). Encoding lives in
:mod:`tui.store.codec_encode` and is re-exported here.
"""

from __future__ import annotations

import builtins
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
from tui.store import codec_fast
from tui.store.codec_encode import encode

__all__ = ["CodecError", "decode", "decode_checked", "encode", "format_path"]


class CodecError(ValueError):
    """A sidecar value of the wrong shape; ``path`` locates it (list of keys/indices)."""

    def __init__(self, path: list[str | int], message: str) -> None:
        super().__init__(message)
        self.path = path
        self.message = message

    def __str__(self) -> str:
        return f"{format_path(self.path)}: {self.message}" if self.path else self.message


def format_path(path: list[str | int]) -> str:
    out = ""
    for p in path:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else p)
    return out


# ---------------------------------------------------------------- decoding


class _Reader:
    """Typed access to a decoded mapping, raising CodecError with the value's path."""

    def __init__(self, data: Any, path: list[str | int]) -> None:
        if not isinstance(data, dict):
            raise CodecError(path, "expected a mapping")
        self.data = data
        self.path = path

    def at(self, key: str) -> list[str | int]:
        return [*self.path, key]

    def get(
        self, key: str, kind: type | tuple[type, ...], default: Any = ..., *, nullable: bool = False
    ) -> Any:
        if key not in self.data:
            if default is ...:
                raise CodecError(self.at(key), "missing")
            return default
        value = self.data[key]
        if value is None and nullable:
            return None
        # bool is an int in Python; a YAML `yes` must not pass as an offset.
        if (
            isinstance(value, bool)
            and kind is not bool
            and bool not in (kind if isinstance(kind, tuple) else (kind,))
        ):
            raise CodecError(self.at(key), f"expected {_kind_name(kind)}, got {value!r}")
        if not isinstance(value, kind):
            raise CodecError(
                self.at(key), f"expected {_kind_name(kind)}, got {type(value).__name__}"
            )
        return value

    def str(self, key: str, default: Any = ..., *, nullable: bool = False) -> Any:
        return self.get(key, str, default, nullable=nullable)

    def int(self, key: builtins.str, default: Any = ..., *, nullable: bool = False) -> Any:
        return self.get(key, int, default, nullable=nullable)

    def list(self, key: builtins.str, default: Any = ...) -> builtins.list[Any]:
        value = self.get(key, list, default, nullable=True)
        return [] if value is None else value

    def choice(
        self, key: builtins.str, choices: tuple[builtins.str, ...], default: Any = ...
    ) -> Any:
        value = self.str(key, default)
        if value not in choices:
            raise CodecError(self.at(key), f"{value!r} is not one of {', '.join(choices)}")
        return value


def _kind_name(kind: type | tuple[type, ...]) -> str:
    kinds = kind if isinstance(kind, tuple) else (kind,)
    names = {
        str: "text",
        int: "an integer",
        float: "a number",
        list: "a list",
        dict: "a mapping",
        bool: "true/false",
    }
    return " or ".join(names.get(k, k.__name__) for k in kinds)


def decode_span(data: Any, path: list[str | int]) -> Span:
    r = _Reader(data, path)
    start, end = r.int("start"), r.int("end")
    if start < 0 or end < start:
        raise CodecError(path, f"bad offsets [{start}, {end})")
    return Span(start, end, r.str("text"), r.str("prefix", ""), r.str("suffix", ""))


def decode_ref(data: Any, path: list[str | int]) -> Ref:
    return Ref(decode_span(data, path), _Reader(data, path).str("entity", None, nullable=True))


def _verdict(r: _Reader) -> str | None:
    # A hand-edited `verdict: false` (no quotes) is YAML's boolean; the reviewer meant
    # the verdict named "false".
    value = r.data.get("verdict")
    if isinstance(value, bool):
        return "true" if value else "false"
    return r.str("verdict", None, nullable=True)


def decode_review(data: Any, path: list[str | int]) -> Review:
    r = _Reader(data, path)
    history = []
    for i, h in enumerate(r.list("history", [])):
        hr = _Reader(h, [*path, "history", i])
        history.append(
            ReviewChange(
                _verdict(hr),
                hr.str("note", ""),
                hr.str("by", ""),
                hr.str("at", ""),
            )
        )
    return Review(
        _verdict(r),
        r.str("note", ""),
        r.str("by", ""),
        r.str("at", ""),
        tuple(history),
    )


def _decode_common(r: _Reader) -> dict[str, Any]:
    conf = r.get("confidence", (int, float), 1.0)
    return {
        "origin": r.choice("origin", ORIGINS, "auto"),
        "status": r.choice("status", STATUSES, "suggested"),
        "confidence": float(conf),
        "anchor": r.choice("anchor", ANCHORS, "ok"),
        "by": r.str("by", ""),
        "at": r.str("at", ""),
    }


def decode_mention(data: Any, path: list[str | int], entity: str, entity_type: str) -> Mention:
    r = _Reader(data, path)
    return Mention(
        id=r.str("id"),
        span=decode_span(data, path),
        type=r.str("type", entity_type),
        entity=entity,
        estimate=r.int("estimate", None, nullable=True),
        **_decode_common(r),
    )


def decode(data: Any, path: list[str | int] | None = None) -> Annotations:
    """Annotations from the sidecar's plain data; raises CodecError with the bad value's path."""
    fast = codec_fast.decode(data)  # well-formed data, several times faster; else None
    if fast is not None:
        return fast
    return decode_checked(data, path)


def decode_checked(data: Any, path: list[str | int] | None = None) -> Annotations:
    """:func:`decode` checking every value as it goes (how errors are found and reported)."""
    path = path or []
    top = _Reader(data, path)
    entities: list[Entity] = []
    mentions: list[Mention] = []
    seen: set[str] = set()

    def check_id(item_id: str, where: list[str | int]) -> None:
        if item_id in seen:
            raise CodecError(where, f"duplicate id {item_id!r}")
        seen.add(item_id)

    for i, raw in enumerate(top.list("entities", [])):
        p = [*path, "entities", i]
        r = _Reader(raw, p)
        eid = r.str("id")
        check_id(eid, [*p, "id"])
        aliases = r.list("aliases", [])
        if not all(isinstance(a, str) for a in aliases):
            raise CodecError([*p, "aliases"], "expected a list of text")
        review = decode_review(raw["review"], [*p, "review"]) if raw.get("review") else Review()
        entity = Entity(eid, r.str("name"), r.str("type"), tuple(aliases), review)
        entities.append(entity)
        for j, mraw in enumerate(r.list("mentions", [])):
            m = decode_mention(mraw, [*p, "mentions", j], eid, entity.type)
            check_id(m.id, [*p, "mentions", j, "id"])
            mentions.append(m)

    claims: list[Claim] = []
    for i, raw in enumerate(top.list("claims", [])):
        p = [*path, "claims", i]
        r = _Reader(raw, p)
        cid = r.str("id")
        check_id(cid, [*p, "id"])
        content = tuple(decode_span(s, [*p, "content", k]) for k, s in enumerate(r.list("content")))
        hedges = tuple(
            decode_span(s, [*p, "hedges", k]) for k, s in enumerate(r.list("hedges", []))
        )
        source = raw.get("source")
        claims.append(
            Claim(
                id=cid,
                cue=decode_span(r.get("cue", dict), [*p, "cue"]),
                content=content,
                source=decode_ref(source, [*p, "source"]) if source is not None else None,
                kind=r.str("kind", "indirect"),
                hedges=hedges,
                review=decode_review(raw["review"], [*p, "review"])
                if raw.get("review")
                else Review(),
                **_decode_common(r),
            )
        )

    events: list[Event] = []
    for i, raw in enumerate(top.list("events", [])):
        p = [*path, "events", i]
        r = _Reader(raw, p)
        vid = r.str("id")
        check_id(vid, [*p, "id"])

        def refs(key: str, r: _Reader = r, p: list[str | int] = p) -> tuple[Ref, ...]:
            return tuple(decode_ref(x, [*p, key, k]) for k, x in enumerate(r.list(key, [])))

        trigger = decode_span(r.get("trigger", dict), [*p, "trigger"])
        # format 1 had no "mentions"; a hand-written copy of the trigger is not another
        others = tuple(
            s
            for k, x in enumerate(r.list("mentions", []))
            if ((s := decode_span(x, [*p, "mentions", k])).start, s.end)
            != (trigger.start, trigger.end)
        )
        fat_raw = raw.get("fatalities")
        fat = None
        if fat_raw is not None:
            fat = Fatalities(
                decode_span(fat_raw, [*p, "fatalities"]),
                _Reader(fat_raw, [*p, "fatalities"]).int("estimate", None, nullable=True),
            )
        events.append(
            Event(
                id=vid,
                type=r.str("type"),
                subtype=r.str("subtype", ""),
                trigger=trigger,
                mentions=tuple(sorted(dict.fromkeys(others), key=lambda s: (s.start, s.end))),
                actors=refs("actors"),
                targets=refs("targets"),
                location=refs("location"),
                time=refs("time"),
                fatalities=fat,
                claim=r.str("claim", None, nullable=True),
                review=decode_review(raw["review"], [*p, "review"])
                if raw.get("review")
                else Review(),
                **_decode_common(r),
            )
        )
    return Annotations(tuple(entities), tuple(mentions), tuple(claims), tuple(events))
