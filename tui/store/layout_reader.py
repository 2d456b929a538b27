"""Read a sidecar laid out exactly as :func:`tui.store.sidecar.dumps` writes it, straight to values.

The general path parses YAML into dicts (:mod:`tui.store.fastyaml`), then decodes the
dicts into Annotations (:mod:`tui.store.codec_fast`): two passes and a dict per record,
~6 ms for a reviewed article's 40 KB sidecar, most of an export's time. A sidecar is
almost always our own writer's output, whose lines come in one fixed order (the
codec's key order, its indentation, its optional keys). This walks the lines in that
order and builds the Spans, Mentions, Claims and Events as it goes, a few string
operations per line.

It accepts only that exact layout, and each value only in a form whose YAML meaning
is plain (:mod:`tui.store.layout_scalars`: an unquoted string that cannot be typed, a
double-quoted string, a decimal integer, ``digits.digits``, ``null``); anything else, a
key out of place, a comment, a blank line, an alias, a value YAML would type
differently, a bad offset, an unknown status, a repeated id, makes it step aside (None)
and the general path reads the file and reports any problem exactly as before. What it
accepts it reads as the general path does (property tests compare the two on generated
and hand-edited sidecars).
"""

from __future__ import annotations

import re
from functools import lru_cache
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
from tui.store import fastyaml
from tui.store.layout_scalars import (
    _Decline,
    _float,
    _int,
    _opt_int,
    _opt_str,
    _str,
    _verdict,
)

# What a read gives: annotations, sha256, length, name, format version, extractor.
Read = tuple[Annotations, str, int, str, int, "str | None"]

_EMPTY_REVIEW = Review()
_BAD = fastyaml._BAD  # characters the writer always escapes: their presence means hand-made


# Every line of the layout is its indent, a key, ": " and a value (checked by the
# converters above), or "key:" opening a block: V is one such value and its line break.
V = r"([^\n]*)\n"
L = r"[^\n]*\n"  # the same, not captured


def _common_rx(ind: str) -> str:
    """origin, status, confidence, then anchor, by and at when set (the codec's order)."""
    return (
        f"{ind}origin: {V}{ind}status: {V}{ind}confidence: {V}"
        f"(?:{ind}anchor: {V})?(?:{ind}by: {V})?(?:{ind}at: {V})?"
    )


@lru_cache(maxsize=32)
def _span_rx(first: str, ind: str, extra: str = "") -> re.Pattern[str]:
    """A span whose first line starts with ``first``, its other lines with ``ind``, and
    one more key after it (a ref's ``entity``, a casualty figure's ``estimate``)."""
    more = f"{ind}{extra}: {V}" if extra else ""
    return re.compile(
        f"{first}start: {V}{ind}end: {V}{ind}text: {V}{ind}prefix: {V}{ind}suffix: {V}{more}"
    )


def _review_rx(ind: str) -> re.Pattern[str]:
    """An item's review block (its keys at ``ind``); the history is captured whole."""
    inner = ind + "  "
    change = f"{inner}- verdict: {L}{inner}  note: {L}{inner}  by: {L}{inner}  at: {L}"
    return re.compile(
        f"{ind}review:\n{inner}verdict: {V}{inner}note: {V}{inner}by: {V}{inner}at: {V}"
        rf"{inner}history:(?: \[\]\n|\n((?:{change})+))"
    )


_HISTORY_RX = {
    ind: re.compile(f"{ind}  - verdict: {V}{ind}    note: {V}{ind}    by: {V}{ind}    at: {V}")
    for ind in ("  ", "    ")
}
_REVIEW_RX = {"  ": _review_rx("  ")}
_ENTITY_RX = re.compile(rf"- id: {V}  name: {V}  type: {V}  aliases:(?: \[\]\n|\n((?:  - {L})+))")
_ALIAS_RX = re.compile(r"  - ([^\n]*)\n")
_MENTION_RX = re.compile(
    f"  - id: {V}    type: {V}    start: {V}    end: {V}    text: {V}    prefix: {V}"
    f"    suffix: {V}(?:    estimate: {V})?{_common_rx('    ')}"
)
_CLAIM_RX = re.compile(f"- id: {V}  kind: {V}")
_EVENT_RX = re.compile(f"- id: {V}  type: {V}  subtype: {V}  trigger:\n")
_CLAIM_REF_RX = re.compile(f"  claim: {V}")
_COMMON_RX = re.compile(_common_rx("  "))
_INNER_SPAN = _span_rx("    ", "    ")
_ITEM_SPAN = _span_rx("  - ", "    ")
_ITEM_REF = _span_rx("  - ", "    ", "entity")
_SOURCE = _span_rx("    ", "    ", "entity")
_FATALITIES = _span_rx("    ", "    ", "estimate")


def _expect(text: str, pos: int, literal: str) -> int:
    if not text.startswith(literal, pos):
        raise _Decline
    return pos + len(literal)


def _span(g: tuple[str, ...]) -> Span:
    """A span from the five captured values start, end, text, prefix, suffix."""
    start, end = _int(g[0]), _int(g[1])
    if end < start:
        raise _Decline
    return Span(start, end, _str(g[2]), _str(g[3]), _str(g[4]))


def _span_at(rx: re.Pattern[str], text: str, pos: int) -> tuple[re.Match[str], int]:
    m = rx.match(text, pos)
    if m is None:
        raise _Decline
    return m, m.end()


def _span_list(text: str, pos: int, key: str, refs: bool) -> tuple[tuple[Any, ...], int]:
    """``  key: []`` or a list of spans (refs when ``refs``) below ``  key:``."""
    if text.startswith(f"  {key}: []\n", pos):
        return (), pos + len(key) + 7
    pos = _expect(text, pos, f"  {key}:\n")
    rx = _ITEM_REF if refs else _ITEM_SPAN
    out: list[Any] = []
    m = rx.match(text, pos)
    while m is not None:
        g = m.groups()
        out.append(Ref(_span(g), _opt_str(g[5])) if refs else _span(g))
        pos = m.end()
        m = rx.match(text, pos)
    if not out:
        raise _Decline
    return tuple(out), pos


def _common(g: tuple[str | None, ...]) -> tuple[Any, Any, float, Any, str, str]:
    """origin, status, confidence, anchor, by, at from their six captures (None: not set)."""
    origin, status, confidence, anchor, by, at = g
    anchor = anchor or "ok"
    if origin not in ORIGINS or status not in STATUSES or anchor not in ANCHORS:
        raise _Decline
    return origin, status, _float(confidence or ""), anchor, _str(by) if by else "", _str(at) if at else ""  # fmt: skip


def _review(text: str, pos: int, ind: str = "  ") -> tuple[Review, int]:
    """The optional ``review:`` block of an item whose keys are at ``ind``."""
    if not text.startswith(f"{ind}review:\n", pos):
        return _EMPTY_REVIEW, pos
    m = _REVIEW_RX[ind].match(text, pos)
    if m is None:
        raise _Decline
    verdict, note, by, at, block = m.groups()
    history: tuple[ReviewChange, ...] = ()
    if block:
        history = tuple(
            ReviewChange(_verdict(h[0]), _str(h[1]), _str(h[2]), _str(h[3]))
            for h in _HISTORY_RX[ind].findall(block)
        )
    return Review(_verdict(verdict), _str(note), _str(by), _str(at), history), m.end()


def _new_id(v: str, seen: set[str]) -> str:
    item_id = _str(v)
    if item_id in seen:
        raise _Decline  # the general path reports the duplicate
    seen.add(item_id)
    return item_id


def _entities(
    text: str, pos: int, seen: set[str]
) -> tuple[tuple[Entity, ...], tuple[Mention, ...], int]:
    if text.startswith("entities: []\n", pos):
        return (), (), pos + 13
    pos = _expect(text, pos, "entities:\n")
    entities: list[Entity] = []
    mentions: list[Mention] = []
    m = _ENTITY_RX.match(text, pos)
    while m is not None:
        eid_raw, name, etype, alias_block = m.groups()
        eid = _new_id(eid_raw, seen)
        etype = _str(etype)
        aliases = tuple(_str(a) for a in _ALIAS_RX.findall(alias_block)) if alias_block else ()
        review, pos = _review(text, m.end())
        entities.append(Entity(eid, _str(name), etype, aliases, review))
        if text.startswith("  mentions: []\n", pos):
            pos += 15
        else:
            pos = _expect(text, pos, "  mentions:\n")
            mm = _MENTION_RX.match(text, pos)
            if mm is None:
                raise _Decline
            while mm is not None:
                g = mm.groups()
                estimate = g[7]
                origin, status, conf, anchor, by, at = _common(g[8:])
                mentions.append(
                    Mention(
                        _new_id(g[0], seen),
                        _span(g[2:7]),
                        _str(g[1]),
                        eid,
                        origin,
                        status,
                        conf,
                        anchor,
                        None if estimate is None else _int(estimate),
                        by,
                        at,
                    )
                )
                pos = mm.end()
                mm = _MENTION_RX.match(text, pos)
        m = _ENTITY_RX.match(text, pos)
    if not entities:
        raise _Decline
    return tuple(entities), tuple(mentions), pos


def _claims(text: str, pos: int, seen: set[str]) -> tuple[tuple[Claim, ...], int]:
    if text.startswith("claims: []\n", pos):
        return (), pos + 11
    pos = _expect(text, pos, "claims:\n")
    claims: list[Claim] = []
    m = _CLAIM_RX.match(text, pos)
    while m is not None:
        cid, kind = _new_id(m.group(1), seen), _str(m.group(2))
        pos = m.end()
        source: Ref | None = None
        if text.startswith("  source: null\n", pos):
            pos += 15
        else:
            s, pos = _span_at(_SOURCE, text, _expect(text, pos, "  source:\n"))
            source = Ref(_span(s.groups()), _opt_str(s.group(6)))
        c, pos = _span_at(_INNER_SPAN, text, _expect(text, pos, "  cue:\n"))
        content, pos = _span_list(text, pos, "content", False)
        hedges, pos = _span_list(text, pos, "hedges", False)
        common, pos = _span_at(_COMMON_RX, text, pos)
        origin, status, conf, anchor, by, at = _common(common.groups())
        review, pos = _review(text, pos)
        cue = _span(c.groups())
        claims.append(
            Claim(
                cid,
                cue,
                content,
                source,
                kind,
                hedges,
                origin,
                status,
                conf,
                anchor,
                by,
                at,
                review,
            )  # fmt: skip
        )
        m = _CLAIM_RX.match(text, pos)
    if not claims:
        raise _Decline
    return tuple(claims), pos


def _events(text: str, pos: int, seen: set[str]) -> tuple[tuple[Event, ...], int]:
    if text.startswith("events: []\n", pos):
        return (), pos + 11
    pos = _expect(text, pos, "events:\n")
    events: list[Event] = []
    m = _EVENT_RX.match(text, pos)
    while m is not None:
        vid = _new_id(m.group(1), seen)
        t, pos = _span_at(_INNER_SPAN, text, m.end())
        trigger = _span(t.groups())
        spans, pos = _span_list(text, pos, "mentions", False)
        # as the decoder: a copy of the trigger is not another mention; text order
        others = [s for s in spans if (s.start, s.end) != (trigger.start, trigger.end)]
        mentions = tuple(sorted(dict.fromkeys(others), key=lambda s: (s.start, s.end)))
        actors, pos = _span_list(text, pos, "actors", True)
        targets, pos = _span_list(text, pos, "targets", True)
        location, pos = _span_list(text, pos, "location", True)
        time, pos = _span_list(text, pos, "time", True)
        fatalities = None
        if text.startswith("  fatalities: null\n", pos):
            pos += 19
        else:
            f, pos = _span_at(_FATALITIES, text, _expect(text, pos, "  fatalities:\n"))
            fatalities = Fatalities(_span(f.groups()), _opt_int(f.group(6)))
        claim_line, pos = _span_at(_CLAIM_REF_RX, text, pos)
        common, pos = _span_at(_COMMON_RX, text, pos)
        origin, status, conf, anchor, by, at = _common(common.groups())
        review, pos = _review(text, pos)
        events.append(
            Event(
                vid,
                _str(m.group(2)),
                _str(m.group(3)),
                trigger,
                actors,
                targets,
                location,
                time,
                fatalities,
                _opt_str(claim_line.group(1)),
                origin,
                status,
                conf,
                anchor,
                by,
                at,
                review,
                mentions,
            )  # fmt: skip
        )
        m = _EVENT_RX.match(text, pos)
    if not events:
        raise _Decline
    return tuple(events), pos


_HEAD_RX = re.compile(
    f"marginalia: {V}document:\n  name: {V}  sha256: {V}  length: {V}(?:extractor: {V})?"
)


def read(text: str, format_version: int) -> Read | None:
    """What the general path reads from ``text``, or None when it is not in the exact layout.

    ``format_version`` is the newest this Marginalia reads (a newer file is the general
    path's to refuse, with its message).
    """
    pos = 0
    while text.startswith("#", pos):  # the header comment
        pos = text.find("\n", pos) + 1
        if not pos:
            return None
    if not text.endswith("\n") or " \n" in text or _BAD.search(text, pos):
        return None  # trailing spaces, or characters our writer escapes
    try:
        head, pos = _span_at(_HEAD_RX, text, pos)
        version_raw, name, sha, length, extractor = head.groups()
        version = _int(version_raw)
        if not 1 <= version <= format_version:
            return None
        seen: set[str] = set()
        entities, mentions, pos = _entities(text, pos, seen)
        claims, pos = _claims(text, pos, seen)
        events, pos = _events(text, pos, seen)
        if pos != len(text):
            return None  # something after the events
        tool = (_str(extractor) if extractor else "") or None  # as the general path
        annotations = Annotations(entities, mentions, claims, events)
        return annotations, _str(sha), _int(length), _str(name), version, tool
    except (_Decline, fastyaml._NotOurs, ValueError):
        return None
