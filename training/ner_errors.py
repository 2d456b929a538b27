"""Why the entity extractor's mentions miss the gold: a breakdown for ``eval_ner --errors``.

Every gold span not found exactly is a *type* error (the same span found with another
type), a *boundary* error (a found span overlaps it) or a *miss* (nothing overlaps);
every found span not in the gold is a type error (counted once, on the gold side), a
boundary error or *spurious* (no gold span overlaps it). Type errors are also counted
as a confusion table, gold type -> found type.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

Span = tuple[int, int, str]


@dataclass
class Errors:
    kinds: Counter = field(default_factory=Counter)  # (kind, type) -> count
    confusion: Counter = field(default_factory=Counter)  # (gold type, found type) -> count
    # gold spans found with other bounds: is the found span longer, shorter, or crossing?
    bounds: Counter = field(default_factory=Counter)

    def add(self, gold: set[Span], found: set[Span]) -> None:
        by_span = {(s, e): t for s, e, t in found}
        for g in sorted(gold - found):
            other = by_span.get(g[:2])
            if other is not None:
                self.kinds[("type", g[2])] += 1
                self.confusion[(g[2], other)] += 1
            elif _overlaps(g, found):
                self.kinds[("boundary (gold)", g[2])] += 1
                self.bounds[_bound_kind(g, found)] += 1
            else:
                self.kinds[("missed", g[2])] += 1
        gold_spans = {g[:2] for g in gold}
        for p in sorted(found - gold):
            if p[:2] in gold_spans:
                continue  # a type error, counted above
            kind = "boundary (found)" if _overlaps(p, gold) else "spurious"
            self.kinds[(kind, p[2])] += 1

    def table(self, name: str, types: tuple[str, ...]) -> str:
        lines = [f"{name}: errors by kind and type ({' '.join(types)})"]
        for kind in ("type", "boundary (gold)", "missed", "boundary (found)", "spurious"):
            counts = [self.kinds[(kind, t)] for t in types]
            lines.append(f"  {kind:17} " + " ".join(f"{c:5d}" for c in counts))
        pairs = ", ".join(f"{g}->{f} {n}" for (g, f), n in sorted(self.confusion.items()))
        lines.append(f"  type confusion (gold->found): {pairs or 'none'}")
        kinds = ", ".join(f"{k} {self.bounds[k]}" for k in ("longer", "shorter", "crossing"))
        lines.append(f"  gold spans found with other bounds, the found span: {kinds}")
        return "\n".join(lines)


def _overlaps(span: Span, others: set[Span]) -> bool:
    return any(o[0] < span[1] and o[1] > span[0] for o in others)


def _bound_kind(gold: Span, found: set[Span]) -> str:
    """How the first found span overlapping ``gold`` differs from it."""
    o = min((f for f in found if f[0] < gold[1] and f[1] > gold[0]), key=lambda f: f[:2])
    if o[0] <= gold[0] and o[1] >= gold[1]:
        return "longer"  # "Refugee Council Enver Solomon" for "Refugee Council"
    if o[0] >= gold[0] and o[1] <= gold[1]:
        return "shorter"  # "Regina" for "Regina Ip"
    return "crossing"
