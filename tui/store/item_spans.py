"""Every span an item holds, found and replaced generically.

Re-anchoring must move a claim or event as a whole: cue, content, source,
hedges, trigger(s), actors, targets, places, times, fatalities. Walking the
dataclass fields whose declared type mentions a span (Span, Ref, Fatalities, or
tuples of them) finds them all, including fields added later, so a new kind of
span can never be left behind at its old offsets.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import fields, is_dataclass, replace
from typing import Any, TypeVar

from tui.model import Span

_SPAN_TYPES = ("Span", "Ref", "Fatalities")
_FIELDS: dict[type, tuple[str, ...]] = {}

T = TypeVar("T")


def _span_fields(cls: type) -> tuple[str, ...]:
    names = _FIELDS.get(cls)
    if names is None:
        names = tuple(f.name for f in fields(cls) if any(t in str(f.type) for t in _SPAN_TYPES))
        _FIELDS[cls] = names
    return names


def _walk(value: Any, out: list[Span]) -> None:
    if isinstance(value, Span):
        out.append(value)
    elif isinstance(value, tuple):
        for v in value:
            _walk(v, out)
    elif value is not None and is_dataclass(value):
        for name in _span_fields(type(value)):
            _walk(getattr(value, name), out)


def spans_of(item: object) -> list[Span]:
    """The item's spans in a fixed order (the order :func:`with_spans` expects)."""
    out: list[Span] = []
    _walk(item, out)
    return out


def _rebuild(value: Any, new: Iterator[Span]) -> Any:
    if isinstance(value, Span):
        return next(new)
    if isinstance(value, tuple):
        return tuple(_rebuild(v, new) for v in value)
    if value is not None and is_dataclass(value):
        names = _span_fields(type(value))
        if not names:
            return value
        return replace(value, **{n: _rebuild(getattr(value, n), new) for n in names})  # type: ignore[type-var]
    return value


def with_spans(item: T, spans: list[Span]) -> T:
    """``item`` with its spans replaced, in :func:`spans_of` order."""
    it = iter(spans)
    out = _rebuild(item, it)
    if next(it, None) is not None:
        raise ValueError("more spans than the item holds")
    return out
