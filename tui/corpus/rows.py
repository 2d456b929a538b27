"""The searchable rows of one article: its text, and each claim, event and named entity with
the fields a query can name (source, type, place, entity, verdict, ...).

Each word is indexed once per row where it means something: a claim's content is in
``content`` only (a free-text query searches every column), and an item keeps only the
offsets of its sentence, which the article's text row holds.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

from tui.model import Annotations, Claim, Entity, Event, Ref
from tui.text.segment import sentences

# Columns a query may name (``source:"Syrian Observatory"``), in the index's column order.
FIELDS: tuple[str, ...] = (
    "body",
    "source",
    "cue",
    "content",
    "type",
    "actor",
    "place",
    "entity",
    "verdict",
    "note",
)
_COLUMN = {name: i for i, name in enumerate(FIELDS)}
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
# Dates, times and figures are searched as text, not listed as entities of their own.
UNLISTED_TYPES = frozenset({"DATE", "TIME", "QUANTITY"})
_LABEL_WIDTH = 80


@dataclass(frozen=True, slots=True)
class SearchRow:
    """One hit-able thing. ``item`` is empty for the article's text."""

    kind: str  # "text" | "claim" | "event" | "entity"
    item: str
    start: int
    reviewed: bool
    label: str
    sentence: tuple[int, int]  # offsets of the item's sentence in the text
    fields: tuple[str, ...]  # one per FIELDS entry


def _short(text: str, width: int = _LABEL_WIDTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _join(parts: Iterable[str]) -> str:
    """Distinct non-empty parts, in order (the tokenizer ignores the separator)."""
    return " · ".join(dict.fromkeys(p for p in parts if p))


class _Names:
    """Every name an entity goes by: canonical name, aliases, the texts of its mentions."""

    def __init__(self, ann: Annotations) -> None:
        self.entities = {e.id: e for e in ann.entities}
        self.names: dict[str, list[str]] = {e.id: [e.name, *e.aliases] for e in ann.entities}
        for m in ann.mentions:
            if m.status != "rejected" and m.entity in self.names:
                self.names[m.entity].append(m.span.text)

    def linked(self, refs: Iterable[Ref]) -> list[str]:
        """The names of the entities ``refs`` are linked to (not the texts of the refs)."""
        out: list[str] = []
        for r in refs:
            if r.entity is not None:
                out.extend(self.names.get(r.entity, ()))
        return out

    def of(self, refs: Iterable[Ref | None]) -> list[str]:
        out: list[str] = []
        for r in refs:
            if r is None:
                continue
            out.append(r.span.text)
            if r.entity is not None:
                out.extend(self.names.get(r.entity, ()))
        return out


class _Sentences:
    def __init__(self, text: str) -> None:
        self.text = text
        self.spans = sentences(text)
        self.starts = [s for s, _ in self.spans]

    def at(self, offset: int) -> tuple[int, int]:
        i = bisect_right(self.starts, offset) - 1
        if i < 0 or not self.spans:
            return (0, 0)
        return self.spans[i]


def _row(
    kind: str,
    item: str,
    start: int,
    reviewed: bool,
    label: str,
    sentence: tuple[int, int],
    **fields: str,
) -> SearchRow:
    values = [""] * len(FIELDS)
    for name, value in fields.items():
        values[_COLUMN[name]] = value
    return SearchRow(kind, item, start, reviewed, label, sentence, tuple(values))


def _claim_row(c: Claim, names: _Names, sents: _Sentences) -> SearchRow:
    source_names = names.of([c.source])
    content = " … ".join(s.text for s in c.content)
    who = c.source.span.text if c.source is not None else "(unnamed)"
    return _row(
        "claim",
        c.id,
        c.start,
        c.review.verdict is not None,
        _short(f"{who} {c.cue.text}: {content}"),
        sents.at(c.start),
        body=_join(h.text for h in c.hedges),
        source=_join(source_names),
        cue=c.cue.text,
        content=content,
        entity=_join(names.linked([c.source] if c.source is not None else [])),
        verdict=c.review.verdict or "",
        note=c.review.note,
    )


def _event_row(
    ev: Event, names: _Names, sources: dict[str, Ref | None], sents: _Sentences
) -> SearchRow:
    people = [*ev.actors, *ev.targets]
    places = names.of(ev.location)
    source = sources.get(ev.claim or "")
    who = ", ".join(r.span.text for r in ev.actors) or "?"
    whom = ", ".join(r.span.text for r in ev.targets)
    where = ", ".join(r.span.text for r in ev.location)
    label = (
        f"{ev.subtype}: {who}" + (f" → {whom}" if whom else "") + (f" @ {where}" if where else "")
    )
    return _row(
        "event",
        ev.id,
        ev.start,
        ev.status != "suggested",
        _short(label),
        sents.at(ev.start),
        body=_join([ev.trigger.text, *(r.span.text for r in ev.time)]),
        source=_join(names.of([source])),
        type=_join([ev.type, ev.subtype]),
        actor=_join(r.span.text for r in people),
        place=_join(places),
        entity=_join(names.linked(people)),
        verdict=ev.review.verdict or "",
        note=ev.review.note,
    )


def _entity_row(
    e: Entity, first: int, pending: bool, names: _Names, sents: _Sentences
) -> SearchRow:
    all_names = _join(names.names.get(e.id, [e.name]))
    return _row(
        "entity",
        e.id,
        first,
        not pending,
        _short(f"{e.type} {e.name}"),
        sents.at(first),
        type=e.type,
        place=all_names if e.type in PLACE_TYPES else "",
        entity=all_names,
        verdict=e.review.verdict or "",
        note=e.review.note,
    )


def search_rows(text: str, ann: Annotations) -> list[SearchRow]:
    """Rows for the index: the text, then every live claim, event and named entity."""
    sents = _Sentences(text)
    rows = [_row("text", "", 0, True, "", (0, 0), body=text)]
    names = _Names(ann)
    sources = {c.id: c.source for c in ann.claims}
    rows.extend(_claim_row(c, names, sents) for c in ann.claims if c.status != "rejected")
    rows.extend(
        _event_row(ev, names, sources, sents) for ev in ann.events if ev.status != "rejected"
    )
    first: dict[str, int] = {}
    pending: set[str] = set()
    for m in ann.mentions:
        if m.status == "rejected":
            continue
        first.setdefault(m.entity, m.span.start)
        if m.status == "suggested":
            pending.add(m.entity)
    rows.extend(
        _entity_row(e, first[e.id], e.id in pending, names, sents)
        for e in ann.entities
        if e.id in first and e.type not in UNLISTED_TYPES
    )
    return rows
