"""How far a token is from the claim's cue, as the span tagger's features name it:
buckets that grow with the distance (1, 2, 3, 5, 9, 19 ... tokens), tabulated once.

Split from ``claim_features`` so each stays small.
"""

from __future__ import annotations

_LEFT = ("L1", "L2", "L3", "L5", "L9", "L19", "L99")
_RIGHT = ("R1", "R2", "R3", "R5", "R9", "R19", "R39", "R99")
_LEFT_EDGES = (1, 2, 3, 5, 9, 19)
_RIGHT_EDGES = (1, 2, 3, 5, 9, 19, 39)
REACH = 128  # distances tabulated for bucket(); further ones share the last bucket


def _bucket(d: int) -> str:
    if d < 0:
        d = -d
        for k, edge in enumerate(_LEFT_EDGES):
            if d <= edge:
                return _LEFT[k]
        return _LEFT[-1]
    for k, edge in enumerate(_RIGHT_EDGES):
        if d <= edge:
            return _RIGHT[k]
    return _RIGHT[-1]


BUCKETS = [_bucket(d) for d in range(-REACH, REACH + 1)]


def bucket(d: int) -> str:
    """Distance of a token from the cue, bucketed (``d`` < 0 left of it, > 0 right)."""
    return BUCKETS[max(-REACH, min(REACH, d)) + REACH]
