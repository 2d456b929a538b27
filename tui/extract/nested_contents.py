"""Is a cue inside another claim's content? ("X said Y told him ...")

A claim reported inside another's content is kept with less confidence: the writer
vouches for it only through the outer source (``attribution.py`` decides what follows).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import deque

_LOOK_BACK = 49  # spans before a cue that may hold it (further ones are not looked at)


def _inside_any(
    span: tuple[int, int], spans: list[tuple[int, int]], reach: list[int] | None = None
) -> bool:
    """Is ``span`` strictly inside one of the sorted ``spans``?

    ``reach`` (from :func:`_reaches`) answers in one step what the loop finds.
    """
    k = bisect_left(spans, (span[0], span[0]))
    if reach is not None:
        return span[1] < reach[k]
    for n in range(k - 1, max(-1, k - _LOOK_BACK - 1), -1):
        s, e = spans[n]
        if s < span[0] and span[1] < e:
            return True
    return False


def _reaches(spans: list[tuple[int, int]]) -> list[int] | None:
    """reach[k]: the furthest end among the ``_LOOK_BACK`` spans before index k.

    Every span before k starts before a span sorting at k (when no span ends before it
    starts), so "strictly inside one of them" is "ends before their furthest end". None
    when some span is reversed, and the loop decides.
    """
    if any(e < s for s, e in spans):
        return None
    reach = [-1] * (len(spans) + 1)
    window: deque[int] = deque()  # indices, their ends decreasing
    for k in range(1, len(spans) + 1):
        n = k - 1
        while window and spans[window[-1]][1] <= spans[n][1]:
            window.pop()
        window.append(n)
        if window[0] < k - _LOOK_BACK:
            window.popleft()
        reach[k] = spans[window[0]][1]
    return reach
