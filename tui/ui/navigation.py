"""Finding the next/previous item from a position: pure functions over sorted offsets."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

MAX_MATCHES = 100_000


def step(
    starts: Sequence[int],
    current: int | None,
    delta: int,
    origin: int,
    visible: tuple[int, int] | None = None,
) -> int | None:
    """The index ``delta`` items from ``current``, or the first item from ``origin`` when none.

    When the reader has scrolled the current item out of ``visible`` (``g``, a page
    down), the next item is counted from the screen, not from the item left behind.
    Stops at the ends (returns None) rather than wrapping, as less does.
    """
    if not starts:
        return None
    if (
        current is not None
        and visible is not None
        and not visible[0] <= starts[current] < visible[1]
    ):
        current = None
    if current is None:
        index = bisect_left(starts, origin) if delta > 0 else bisect_right(starts, origin) - 1
    else:
        index = current + delta
    return index if 0 <= index < len(starts) else None


def step_wrapping(
    starts: Sequence[int], current: int | None, delta: int, origin: int
) -> int | None:
    """Like :func:`step`, but wraps around at the ends (search matches, same-entity)."""
    if not starts:
        return None
    index = step(starts, current, delta, origin)
    if index is None:
        index = 0 if delta > 0 else len(starts) - 1
    return index


def find_all(text: str, query: str) -> list[tuple[int, int]]:
    """Literal matches of ``query``; case-insensitive unless it has a capital (smart case)."""
    if not query:
        return []
    flags = 0 if any(ch.isupper() for ch in query) else re.IGNORECASE
    out: list[tuple[int, int]] = []
    for m in re.finditer(re.escape(query), text, flags):
        out.append((m.start(), m.end()))
        if len(out) >= MAX_MATCHES:
            break
    return out


def first_visible(
    starts: Sequence[int], top: int, bottom: int, ends: Sequence[int] | None = None
) -> int | None:
    """The first item on screen: starting in ``[top, bottom)``, or begun above and still running."""
    index = bisect_left(starts, top)
    if ends is not None and index > 0 and ends[index - 1] > top:
        return index - 1
    return index if index < len(starts) and starts[index] < bottom else None
