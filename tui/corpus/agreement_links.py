"""Do two reviewers link the same mentions to the same entity?

Mention F1 says whether both marked a name; it says nothing of which entity each
tied it to ("HTS" and "Nusra Front" under Hayat Tahrir al-Sham, or split off). Entity
ids are each review's own, so links are compared as coreference annotation projects
compare them: on the mentions both reviewers marked (same offsets, whatever the type),
a *link* is a pair of those mentions that one review puts under one entity. Link F1 is
2 x links both make / (A's links + B's links): the coreference-link half of BLANC
(Recasens and Hovy, 2011), and symmetric like the other F1s here. It is undefined
(None) when neither review links any two of the shared mentions.

Counted from cluster sizes, not by listing pairs: n mentions in one cluster make
n(n-1)/2 links, so a 5,000-mention article costs one pass.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass

from tui.model import Mention


@dataclass(frozen=True, slots=True)
class Links:
    """Links among the mentions both reviews marked: A's, B's, and those both make."""

    both: int = 0
    first: int = 0
    second: int = 0
    shared: int = 0  # the mentions both marked, which the links are among


def _pairs(groups: Iterable[Hashable]) -> int:
    return sum(n * (n - 1) // 2 for n in Counter(groups).values())


def _entity(m: Mention) -> str:
    # A mention tied to no entity is its own cluster: it links to nothing.
    return m.entity or f"\0{m.id}"


def links(a: Sequence[Mention], b: Sequence[Mention]) -> Links:
    """Coreference links of ``a`` and ``b`` over the mentions at the same offsets."""
    where: dict[tuple[int, int], Mention] = {}
    for m in b:
        where.setdefault((m.span.start, m.span.end), m)
    shared: list[tuple[Mention, Mention]] = []
    for m in a:  # one-to-one, like F1: a span's first mention in each review
        other = where.pop((m.span.start, m.span.end), None)
        if other is not None:
            shared.append((m, other))
    return Links(
        both=_pairs((_entity(x), _entity(y)) for x, y in shared),
        first=_pairs(_entity(x) for x, _ in shared),
        second=_pairs(_entity(y) for _, y in shared),
        shared=len(shared),
    )
