"""Edits the way news changes, with a ground truth of where every character went.

Used by benchmarks/bench_anchoring.py and the re-anchoring property tests. Every
character of the edited text remembers the offset it had in the original (or -1
when it was inserted), so for any original span we know where it is now, or that
its text is gone. A substituted character (a curly quote for a straight one, a
typo fixed, a space turned into a line break) keeps its origin: the text is still
the same text, changed.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence

KINDS = (
    "paragraph inserted",
    "paragraph deleted",
    "paragraph moved",
    "typo fixed in a claim",
    "quotes made curly",
    "lines re-wrapped",
    "update appended",
    "all of these",
)


class EditableText:
    """A text under edit that tracks each character's original offset."""

    def __init__(self, text: str) -> None:
        self.original = text
        self.chars = list(text)
        self.origin = list(range(len(text)))

    @property
    def text(self) -> str:
        return "".join(self.chars)

    def insert(self, pos: int, s: str) -> None:
        self.chars[pos:pos] = list(s)
        self.origin[pos:pos] = [-1] * len(s)

    def delete(self, start: int, end: int) -> None:
        del self.chars[start:end]
        del self.origin[start:end]

    def substitute(self, pos: int, ch: str) -> None:
        self.chars[pos] = ch

    def move(self, start: int, end: int, to: int) -> None:
        """Move ``[start, end)`` so it begins at ``to`` (an offset in the current text)."""
        chars, origin = self.chars[start:end], self.origin[start:end]
        self.delete(start, end)
        if to > start:
            to -= end - start
        self.chars[to:to] = chars
        self.origin[to:to] = origin

    def truth(self, start: int, end: int) -> tuple[int, int] | None:
        """Where original ``[start, end)`` is now, or None when its text is gone.

        Characters moved away from the rest count as deleted. Gone: less than half
        its characters are still together and in order, or other text was moved in
        between them.
        """
        where = self._where()
        alive = sorted(where[k] for k in range(start, end) if where[k] >= 0)
        # survivors still together: nothing but inserted text between them
        runs: list[list[int]] = []
        for pos in alive:
            if runs and all(o < 0 for o in self.origin[runs[-1][-1] + 1 : pos]):
                runs[-1].append(pos)
            else:
                runs.append([pos])
        if not runs:
            return None
        run = max(runs, key=len)
        if 2 * len(run) < end - start:
            return None
        if any(self.origin[b] < self.origin[a] for a, b in zip(run, run[1:], strict=False)):
            return None  # reordered inside
        lo, hi = run[0], run[-1] + 1
        inserted = 0
        for o in self.origin[lo:hi]:
            if o < 0:
                inserted += 1
            elif not start <= o < end:
                return None
        if inserted > (end - start) // 2:
            return None
        return lo, hi

    def _where(self) -> list[int]:
        where = [-1] * len(self.original)
        for i, o in enumerate(self.origin):
            if o >= 0:
                where[o] = i
        return where


# ------------------------------------------------------------------ news edits

_PARA = re.compile(r"[^\n]+(?:\n[^\n]+)*")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of each paragraph (text between blank lines)."""
    return [(m.start(), m.end()) for m in _PARA.finditer(text)]


def straighten(text: str) -> str:
    """Curly quotes made straight (the state before a desk's style pass curls them)."""
    return text.translate(str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"}))


def insert_paragraph(et: EditableText, rng: random.Random, pool: Sequence[str]) -> None:
    paras = paragraphs(et.text)
    if not paras:
        return
    _, end = rng.choice(paras)
    et.insert(end, "\n\n" + rng.choice(pool))


def delete_paragraph(et: EditableText, rng: random.Random) -> None:
    paras = paragraphs(et.text)
    if len(paras) < 2:
        return
    i = rng.randrange(1, len(paras))  # keep the headline
    start, end = paras[i]
    et.delete(paras[i - 1][1], end)  # with the blank line before it


def move_paragraph(et: EditableText, rng: random.Random) -> None:
    paras = paragraphs(et.text)
    if len(paras) < 3:
        return
    i = rng.randrange(1, len(paras))
    j = rng.choice([k for k in range(1, len(paras)) if k != i])
    # "\n\n" + paragraph i goes after paragraph j
    et.move(paras[i - 1][1], paras[i][1], paras[j][1])


def fix_typo(et: EditableText, rng: random.Random, spans: Sequence[tuple[int, int]]) -> None:
    """Change one letter inside a word of one of ``spans`` (original offsets, untouched text)."""
    words = [
        (s + m.start(), s + m.end())
        for s, e in spans
        for m in re.finditer(r"[A-Za-z]{5,}", et.original[s:e])
    ]
    if not words:
        return
    ws, we = rng.choice(words)
    pos = et.origin.index(rng.randrange(ws + 1, we - 1))
    kind = rng.choice(("substitute", "delete", "insert", "swap"))
    ch = et.chars[pos]
    if kind == "substitute":
        et.substitute(pos, "e" if ch != "e" else "a")
    elif kind == "delete":
        et.delete(pos, pos + 1)
    elif kind == "insert":
        et.insert(pos, ch)
    else:
        nxt = et.chars[pos + 1]
        et.substitute(pos, nxt)
        et.substitute(pos + 1, ch)


def curl_quotes(et: EditableText) -> None:
    text = et.text
    for i, ch in enumerate(text):
        if ch not in "\"'":
            continue
        opening = i == 0 or text[i - 1] in " \n([—-"
        if ch == '"':
            et.substitute(i, "“" if opening else "”")
        else:
            et.substitute(i, "‘" if opening else "’")


def rewrap(et: EditableText, width: int = 72) -> None:
    """Wrap every paragraph at ``width`` columns (or unwrap one that was wrapped)."""
    text = et.text
    for start, end in paragraphs(text):
        if "\n" in text[start:end]:
            for i in range(start, end):
                if text[i] == "\n":
                    et.substitute(i, " ")
            continue
        col_start = start
        last_space = -1
        for i in range(start, end):
            if text[i] == " ":
                last_space = i
            if i - col_start >= width and last_space > col_start:
                et.substitute(last_space, "\n")
                col_start = last_space + 1
                last_space = -1


def append_update(et: EditableText, rng: random.Random, pool: Sequence[str]) -> None:
    et.insert(len(et.chars), "\n\nUpdate: " + rng.choice(pool) + "\n")


def apply(
    kind: str,
    et: EditableText,
    rng: random.Random,
    pool: Sequence[str],
    claim_spans: Sequence[tuple[int, int]],
) -> None:
    """Apply the news edit ``kind`` (one of :data:`KINDS`)."""
    if kind == "all of these":
        fix_typo(et, rng, claim_spans)  # first, while offsets are the original ones
        curl_quotes(et)
        insert_paragraph(et, rng, pool)
        delete_paragraph(et, rng)
        move_paragraph(et, rng)
        rewrap(et)
        append_update(et, rng, pool)
        return
    {
        "paragraph inserted": lambda: insert_paragraph(et, rng, pool),
        "paragraph deleted": lambda: delete_paragraph(et, rng),
        "paragraph moved": lambda: move_paragraph(et, rng),
        "typo fixed in a claim": lambda: fix_typo(et, rng, claim_spans),
        "quotes made curly": lambda: curl_quotes(et),
        "lines re-wrapped": lambda: rewrap(et),
        "update appended": lambda: append_update(et, rng, pool),
    }[kind]()


def _split(old: Sequence[tuple[int, int]], truth: Sequence[tuple[int, int]]) -> bool:
    """Did the edit take an item's parts apart: out of order, or much further apart?

    Such an item should be flagged for the reviewer rather than re-assembled.
    """
    if len(old) < 2:
        return False
    order = sorted(range(len(old)), key=lambda i: old[i])
    starts = [truth[i][0] for i in order]
    if any(b < a for a, b in zip(starts, starts[1:], strict=False)):
        return True
    shifts = [t[0] - o[0] for o, t in zip(old, truth, strict=True)]
    extent = max(e for _, e in old) - min(s for s, _ in old)
    return max(shifts) - min(shifts) > 64 + extent // 2


def classify(
    et: EditableText, old: Sequence[tuple[int, int]], new: Sequence[tuple[int, int]] | None
) -> str:
    """Compare an item's spans after re-anchoring (``new``, None when orphaned) with the truth."""
    truth = [et.truth(s, e) for s, e in old]
    if new is None:
        if any(t is None for t in truth):
            return "orphaned (text gone)"
        return "orphaned (split up)" if _split(old, truth) else "orphaned (needlessly)"  # type: ignore[arg-type]
    if any(t is None for t in truth) or list(new) != truth:
        return "MISPLACED"
    return "in place" if list(new) == list(old) else "moved correctly"
