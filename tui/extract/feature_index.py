"""Feature name -> row for a shipped model, ready as soon as its file is read.

A model file lists its feature names sorted, row ``n`` being the ``n``-th name. Hashing
every name into a dict at start-up was about half the time of reading a model (the
tagger's 43,000 names, the sub-type model's 24,000), while a short article looks up a
few thousand of them. So a name is first found by
binary search in the sorted list; once the index has answered as many lookups as it has
names, it builds the dict and answers from it. A short article never pays for the dict,
a long one pays for it once (at most about twice what building it at start would have
cost), and the answers are the same either way.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterator, Mapping
from typing import TypeVar, overload

_T = TypeVar("_T")


class FeatureIndex(Mapping[str, int]):
    """Read-only mapping of sorted, distinct ``names`` to their positions."""

    __slots__ = ("_names", "_full", "_budget")

    def __init__(self, names: list[str]) -> None:
        self._names = names
        self._full: dict[str, int] | None = None
        self._budget = len(names)  # binary-search lookups left before the dict is built
        if names != sorted(names):  # O(n) on sorted names; another file's order: a dict now
            self._build()

    def _build(self) -> dict[str, int]:
        full = dict(zip(self._names, range(len(self._names)), strict=True))
        self._full = full
        return full

    @overload
    def get(self, name: str, /) -> int | None: ...
    @overload
    def get(self, name: str, default: int, /) -> int: ...
    @overload
    def get(self, name: str, default: _T, /) -> int | _T: ...
    def get(self, name: str, default: object = None, /) -> object:
        full = self._full
        if full is None:
            self._budget -= 1
            if self._budget >= 0:
                names = self._names
                i = bisect_left(names, name)
                return i if i < len(names) and names[i] == name else default
            full = self._build()
        return full.get(name, default)

    def getter(self) -> Callable[[str], int | None]:
        """The fastest ``get`` right now: the dict's own once it is built (for hot loops
        that look up many names at a time)."""
        full = self._full
        return self.get if full is None else full.get

    def __getitem__(self, name: str) -> int:
        row = self.get(name)
        if row is None:
            raise KeyError(name)
        return row

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self.get(name) is not None

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)

    @property
    def built(self) -> bool:
        """Has the dict been built (for tests and benchmarks)?"""
        return self._full is not None
