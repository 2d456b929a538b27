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

    def add(self, gold: set[Span], found: set[Span]) -> None:
        by_span = {(s, e): t for s, e, t in found}
        for g in sorted(gold - found):
            other = by_span.get(g[:2])
            if other is not None:
                self.kinds[("type", g[2])] += 1
                self.confusion[(g[2], other)] += 1
            elif _overlaps(g, found):
                self.kinds[("boundary (gold)", g[2])] += 1
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
        return "\n".join(lines)


def _overlaps(span: Span, others: set[Span]) -> bool:
    return any(o[0] < span[1] and o[1] > span[0] for o in others)
