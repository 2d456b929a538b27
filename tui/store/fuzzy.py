"""Edit distances for re-anchoring, bit-parallel (Myers 1999, Hyyrö's global variant).

Each column of the dynamic-programming table is kept as bit vectors in Python's
unbounded integers, so a pattern of any length costs a dozen integer operations
per text character: fast enough to score prefix, suffix and quote of thousands of
candidates when an article is reopened.
"""

from __future__ import annotations


def _peq(pattern: str) -> dict[str, int]:
    masks: dict[str, int] = {}
    for i, ch in enumerate(pattern):
        masks[ch] = masks.get(ch, 0) | (1 << i)
    return masks


def _columns(pattern: str, text: str, *, anchored: bool) -> list[int]:
    """Edit distance of all of ``pattern`` against text prefixes, one value per text position.

    ``anchored``: the match must begin at ``text[0]`` (value j is the distance to
    ``text[:j+1]``); else it may begin anywhere (value j is the best distance of a
    match ending at ``text[j]``).
    """
    m = len(pattern)
    if m == 0:
        return [0] * len(text)
    peq = _peq(pattern)
    full = (1 << m) - 1
    top = 1 << (m - 1)
    pv, mv, score = full, 0, m
    out = []
    carry = 1 if anchored else 0
    for ch in text:
        eq = peq.get(ch, 0)
        xv = eq | mv
        xh = ((((eq & pv) + pv) & full) ^ pv) | eq
        ph = mv | (~(xh | pv) & full)
        mh = pv & xh
        if ph & top:
            score += 1
        elif mh & top:
            score -= 1
        ph = ((ph << 1) | carry) & full
        mh = (mh << 1) & full
        pv = mh | (~(xv | ph) & full)
        mv = ph & xv
        out.append(score)
    return out


def distance(a: str, b: str) -> int:
    """Levenshtein distance between ``a`` and ``b``."""
    if not a or not b:
        return len(a) + len(b)
    return _columns(a, b, anchored=True)[-1]


def best_prefix_match(pattern: str, text: str) -> tuple[int, int]:
    """(distance, length): the prefix of ``text`` closest to all of ``pattern``.

    Ties go to the length nearest ``len(pattern)``.
    """
    if not pattern:
        return 0, 0
    if not text:
        return len(pattern), 0
    cols = _columns(pattern, text, anchored=True)
    # Matching nothing of the text costs len(pattern).
    best = (len(pattern), len(pattern), 0)
    for j, d in enumerate(cols):
        cand = (d, abs(j + 1 - len(pattern)), j + 1)
        if cand < best:
            best = cand
    return best[0], best[2]


def prefix_matches(pattern: str, text: str, budget: int) -> list[tuple[int, int]]:
    """(distance, length) of the prefixes of ``text`` within one edit of the closest
    match to all of ``pattern``, and within ``budget``: where such a match may end."""
    if not pattern or not text:
        return []
    cols = _columns(pattern, text, anchored=True)
    best = min(cols)
    return [(d, j + 1) for j, d in enumerate(cols) if d <= best + 1 and d <= budget]


def context_similarity(expected: str, actual: str, *, before: bool) -> float:
    """How well ``actual`` (text beside a candidate) matches the stored context, 0..1.

    ``before``: the context is a prefix, so it is aligned at its end (next to the
    quote) and may begin anywhere in ``actual``; else it is a suffix, aligned at its
    start. An insertion or deletion next to the quote costs what it changed, not
    the whole context.
    """
    if not expected:
        return 0.0
    if before:
        d, _ = best_prefix_match(expected[::-1], actual[::-1])
    else:
        d, _ = best_prefix_match(expected, actual)
    return max(0.0, 1.0 - d / len(expected))


def search(pattern: str, text: str) -> list[int]:
    """For each end position in ``text``, the fewest edits of a match of ``pattern`` ending there."""
    return _columns(pattern, text, anchored=False)
