"""Where two reviews of one article differ, item by item, for an adjudicator to settle.

Items are paired the way ``agree`` pairs them (mentions on span, then overlap of any
type; claims by cue and content; events by trigger mentions). A pair that is the same
in every compared aspect is *agreed*; any other pair, or an item only one review has
standing, is a :class:`Difference`. A rejected item counts as absent: rejecting a
suggestion is the reviewer saying it is not there.

The merged review records the adjudicator's decisions as plain annotations, so how
far it has come is read from its content (:func:`settled`), never kept on the side:
for each difference, the merged item in the same place (if any) equals A's version,
B's version (a rejected copy when that side lacks it), or neither (edited).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from tui.corpus import agreement_match as match
from tui.model import Annotations, Claim, Event, Mention, Span

Item = Mention | Claim | Event
Kind = Literal["mention", "claim", "event"]
Side = Literal["A", "B"]
Settled = Literal["open", "A", "B", "edited"]
KINDS: tuple[Kind, ...] = ("mention", "claim", "event")


def _span(s: Span | None) -> tuple[int, int] | None:
    return None if s is None else (s.start, s.end)


def _spans(spans: Sequence[Span]) -> tuple[tuple[int, int], ...]:
    return tuple((s.start, s.end) for s in spans)


def entity_names(ann: Annotations) -> dict[str, str]:
    """Entity id -> name, casefolded: how a mention's link compares across reviews (each
    review has its own ids; the merged review links a taken mention by name, too)."""
    return {e.id: e.name.casefold() for e in ann.entities}


def aspects(item: Item | None, names: Mapping[str, str] | None = None) -> dict[str, object] | None:
    """What adjudication compares, by name; None for an item that is not there.

    ``names`` (:func:`entity_names` of the item's review) adds a mention's entity link.
    """
    if item is None or item.status == "rejected":
        return None
    if isinstance(item, Mention):
        out: dict[str, object] = {"span": _span(item.span), "type": item.type}
        if names is not None:
            out["entity"] = names.get(item.entity, item.span.text.casefold())
        return out
    if isinstance(item, Claim):
        return {
            "verdict": item.review.verdict,
            "source": _span(item.source.span) if item.source else None,
            "cue": _span(item.cue),
            "content": _spans(item.content),
            "kind": item.kind,
        }
    return {
        "type": (item.type, item.subtype),
        "trigger": _spans(item.trigger_spans),
        "actors": _spans([r.span for r in item.actors]),
        "targets": _spans([r.span for r in item.targets]),
        "location": _spans([r.span for r in item.location]),
        "time": _spans([r.span for r in item.time]),
        "fatalities": _span(item.fatalities.span) if item.fatalities else None,
    }


def kind_of(item: Item) -> Kind:
    return (
        "mention" if isinstance(item, Mention) else "claim" if isinstance(item, Claim) else "event"
    )


def _first_span(item: Item) -> Span:
    if isinstance(item, Mention):
        return item.span
    if isinstance(item, Claim):
        return item.cue
    return item.trigger


@dataclass(frozen=True, slots=True)
class Difference:
    """One place where the reviews disagree: A's version, B's (None: not there)."""

    kind: Kind
    a: Item | None
    b: Item | None
    differs: tuple[str, ...]  # the aspects that differ; ("presence",) when one lacks it

    @property
    def item(self) -> Item:
        """The version that is there (A's first), for where the difference lies."""
        versions = [v for v in (self.a, self.b) if v is not None]
        return next((v for v in versions if v.status != "rejected"), versions[0])

    @property
    def start(self) -> int:
        return self.item.start if not isinstance(self.item, Mention) else self.item.span.start

    @property
    def anchor(self) -> Span:
        """The span the reader centres on this difference."""
        return _first_span(self.item)


@dataclass(frozen=True, slots=True)
class Comparison:
    """Two reviews of one article: what they agree on and where they differ."""

    a: Annotations
    b: Annotations
    agreed: tuple[str, ...]  # ids (A's) of the items both have alike
    differences: tuple[Difference, ...]  # in document order


def _live(items: Sequence[Item]) -> list[Item]:
    return [it for it in items if it.status != "rejected" and it.anchor != "orphaned"]


def _differ(
    a: Item | None, b: Item | None, names: tuple[Mapping[str, str], Mapping[str, str]]
) -> tuple[str, ...]:
    sa, sb = aspects(a, names[0]), aspects(b, names[1])
    if sa is None or sb is None:
        return ("presence",)
    return tuple(k for k in sa if sa[k] != sb[k])


def _pairs(kind: Kind, a: list[Item], b: list[Item]) -> list[tuple[int, int]]:
    if kind == "mention":
        exact = match.match_mentions_exact(a, b)  # type: ignore[arg-type]
        used_a = {m.first for m in exact}
        used_b = {m.second for m in exact}
        rest_a = [i for i in range(len(a)) if i not in used_a]
        rest_b = [j for j in range(len(b)) if j not in used_b]
        loose = match.best_first(
            (float(min(a[i].span.end, b[j].span.end) - max(a[i].span.start, b[j].span.start)), i, j)  # type: ignore[union-attr]
            for i in rest_a
            for j in rest_b
            if a[i].span.overlaps(b[j].span)  # type: ignore[union-attr]
        )
        return [(m.first, m.second) for m in (*exact, *loose)]
    matcher = match.match_claims if kind == "claim" else match.match_events
    return [(m.first, m.second) for m in matcher(a, b)]  # type: ignore[arg-type]


def _rejected(kind: Kind, item: Item, others: Sequence[Item]) -> Item | None:
    """The other review's rejected copy of ``item``, if it has one."""
    dropped = [o for o in others if o.status == "rejected"]
    if kind == "mention":
        return next((o for o in dropped if o.span.overlaps(item.span)), None)  # type: ignore[union-attr]
    if isinstance(item, Claim):
        claims = [o for o in dropped if isinstance(o, Claim)]
        found = match.match_claims([item], claims)
        return claims[found[0].second] if found else None
    events = [o for o in dropped if isinstance(o, Event)]
    found = match.match_events([item], events) if isinstance(item, Event) else []
    return events[found[0].second] if found else None


def compare(a: Annotations, b: Annotations) -> Comparison:
    """Pair the two reviews' items and list their differences in document order."""
    agreed: list[str] = []
    diffs: list[Difference] = []
    names = (entity_names(a), entity_names(b))
    kinds: tuple[tuple[Kind, tuple[Item, ...], tuple[Item, ...]], ...] = (
        ("mention", a.mentions, b.mentions),
        ("claim", a.claims, b.claims),
        ("event", a.events, b.events),
    )
    for kind, items_a, items_b in kinds:
        la, lb = _live(items_a), _live(items_b)
        pairs = _pairs(kind, la, lb)
        for i, j in pairs:
            differs = _differ(la[i], lb[j], names)
            if differs:
                diffs.append(Difference(kind, la[i], lb[j], differs))
            else:
                agreed.append(la[i].id)
        paired_a = {i for i, _ in pairs}
        paired_b = {j for _, j in pairs}
        # An item one side lacks: the other side's rejected copy, when it has one, says
        # that side saw it and said no (shown as such, and kept if that side is taken).
        for i, x in enumerate(la):
            if i not in paired_a:
                gone = _rejected(kind, x, items_b)
                diffs.append(Difference(kind, x, gone, ("presence",)))
        for j, x in enumerate(lb):
            if j not in paired_b:
                gone = _rejected(kind, x, items_a)
                diffs.append(Difference(kind, gone, x, ("presence",)))
    order = {k: n for n, k in enumerate(KINDS)}
    diffs.sort(key=lambda d: (d.start, order[d.kind], d.anchor.end))
    return Comparison(a, b, tuple(agreed), tuple(diffs))


def same_place(d: Difference, item: Item) -> bool:
    versions = [v for v in (d.a, d.b) if v is not None]
    if isinstance(item, Mention):
        return any(item.span.overlaps(v.span) for v in versions)  # type: ignore[union-attr]
    if isinstance(item, Claim):
        return bool(match.match_claims(versions, [item]))  # type: ignore[arg-type]
    return bool(match.match_events(versions, [item]))  # type: ignore[arg-type]


def settled(comparison: Comparison, merged: Annotations) -> list[tuple[Settled, Item | None]]:
    """For each difference: how the merged review settles it, and the merged item that does.

    Merged items that are agreed ones (A's ids) are not candidates; each merged item
    settles at most one difference, the first in document order that it fits.
    """
    taken = set(comparison.agreed)
    mine_names = entity_names(merged)
    names_a, names_b = entity_names(comparison.a), entity_names(comparison.b)
    pool: dict[Kind, list[Item]] = {
        "mention": list(merged.mentions),
        "claim": list(merged.claims),
        "event": list(merged.events),
    }
    out: list[tuple[Settled, Item | None]] = []
    for d in comparison.differences:
        found = next((m for m in pool[d.kind] if m.id not in taken and same_place(d, m)), None)
        if found is None:
            out.append(("open", None))
            continue
        taken.add(found.id)
        mine = aspects(found, mine_names)
        state: Settled = (
            "A"
            if mine == aspects(d.a, names_a)
            else "B"
            if mine == aspects(d.b, names_b)
            else "edited"
        )
        out.append((state, found))
    return out
