"""The claims evaluation's matching (../shared/eval/README.md), shared by training and
``benchmarks/eval_claims.py``: a predicted claim matches a gold attribution when their
cue spans overlap and their contents share at least half their word tokens (Dice >= 0.5),
one to one, best Dice first."""

from __future__ import annotations

from collections.abc import Sequence

from tui.text.segment import tokens

Frag = tuple[int, int]


def words(text: str, frags: Sequence[Frag]) -> set[int]:
    """Start offsets of the word tokens (with a letter or digit) inside ``frags``."""
    return {
        t.start for s, e in frags for t in tokens(text, s, e) if any(c.isalnum() for c in t.text)
    }


def overlaps(a: Sequence[Frag], b: Sequence[Frag]) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


def match(
    text: str,
    pred: Sequence[tuple[Sequence[Frag], Sequence[Frag]]],
    gold: Sequence[tuple[Sequence[Frag], Sequence[Frag]]],
) -> list[tuple[int, int]]:
    """Pairs (prediction, gold) matched one to one; each item is (cue, content)."""
    pw = [words(text, c) for _, c in pred]
    gw = [words(text, c) for _, c in gold]
    pairs = []
    for i, (pcue, _) in enumerate(pred):
        for j, (gcue, _) in enumerate(gold):
            if not gcue or not overlaps(pcue, gcue):
                continue
            total = len(pw[i]) + len(gw[j])
            dice = 2 * len(pw[i] & gw[j]) / total if total else 0.0
            if dice >= 0.5:
                pairs.append((dice, i, j))
    pairs.sort(reverse=True)
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for _dice, i, j in pairs:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            out.append((i, j))
    return out


def matches_any(
    text: str,
    pred: Sequence[tuple[Sequence[Frag], Sequence[Frag]]],
    gold: Sequence[tuple[Sequence[Frag], Sequence[Frag]]],
) -> list[bool]:
    """For each prediction on its own: does it match some gold attribution?"""
    gw = [words(text, c) for _, c in gold]
    out = []
    for pcue, pcontent in pred:
        pw = words(text, pcontent)
        ok = False
        for (gcue, _), g in zip(gold, gw, strict=True):
            if gcue and overlaps(pcue, gcue) and 2 * len(pw & g) >= 0.5 * (len(pw) + len(g)) > 0:
                ok = True
                break
        out.append(ok)
    return out
