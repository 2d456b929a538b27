"""Finding one stored quote in a changed article, with the evidence for each place.

A place is *credible* only when the text around it agrees with the stored
prefix/suffix, not merely when the quote's words occur there: a word whose
sentence was deleted must not jump onto the same word elsewhere. Quote and
context are compared folded (see :mod:`tui.store.fold`), and by edit distance
where exact comparison fails, scored the way hypothes.is weighs them (quote 50,
prefix 20, suffix 20). Position is never evidence here; the caller uses it only
to choose among places that the text alone cannot tell apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from collections.abc import Callable

from tui.model import Span
from tui.store import fuzzy
from tui.store.fold import FoldedText, fold

MIN_SIDE = 8  # characters of context that count as evidence on one side
STRONG = 0.85  # similarity at which one side alone identifies the place
FUZZY_SIDE = 0.75  # both sides must reach this when the quote itself was edited
MARGIN = 5.0  # score points (of 90) by which the best place must beat any other
KEY = 8  # context characters joined to the quote to find exact candidates
FUZZY_KEY = 12  # context characters that locate a quote whose own text changed
MAX_HITS = 64  # a key found more often than this says too little to use
SLACK = 8  # extra characters of text compared with each context side
QUOTE_W, SIDE_W = 50.0, 20.0


def allowed_edits(n: int) -> int:
    """How many edits a quote of ``n`` folded characters may have and still be itself."""
    if n < 4:
        return 0
    if n < 8:
        return 1
    return min(max(2, n // 6), 64)


class Quote:
    """A stored span, folded (once, and only when needed) for matching.

    ``near_p``/``near_s`` are the parts of the context inside the quote's own
    paragraph. Context across a paragraph break says where the paragraph stood,
    not where the quote is: paragraphs move on their own.
    """

    __slots__ = ("_fp", "_fq", "_fs", "span")

    def __init__(self, span: Span) -> None:
        self.span = span
        self._fp: str | None = None
        self._fq: str | None = None
        self._fs: str | None = None

    @property
    def fp(self) -> str:
        if self._fp is None:
            self._fp = fold(self.span.prefix)
        return self._fp

    @property
    def fq(self) -> str:
        if self._fq is None:
            self._fq = fold(self.span.text)
        return self._fq

    @property
    def fs(self) -> str:
        if self._fs is None:
            self._fs = fold(self.span.suffix)
        return self._fs

    @property
    def near_p(self) -> str:
        return self.fp[self.fp.rfind("\n") + 1 :]

    @property
    def near_s(self) -> str:
        i = self.fs.find("\n")
        return self.fs if i < 0 else self.fs[:i]


@dataclass(frozen=True, slots=True)
class Candidate:
    """A place in the folded text and how well quote and context agree there."""

    start: int
    end: int
    quote_edits: int
    prefix_sim: float  # 0..1, of the context inside the paragraph (see Quote)
    suffix_sim: float
    quote_len: int

    @property
    def score(self) -> float:
        q = 1.0 - self.quote_edits / self.quote_len if self.quote_len else 0.0
        return QUOTE_W * q + SIDE_W * self.prefix_sim + SIDE_W * self.suffix_sim


class Locator:
    """Candidate places for quotes in one changed article."""

    def __init__(self, text: str) -> None:
        self.original = text
        self._folded: FoldedText | None = None

    @property
    def folded(self) -> FoldedText:
        """The folded text, built on first use (most spans never need it)."""
        if self._folded is None:
            self._folded = FoldedText.of(self.original)
        return self._folded

    @property
    def t(self) -> str:
        return self.folded.text

    # -------------------------------------------------------------- scoring

    def candidate(self, q: Quote, start: int, end: int, edits: int | None = None) -> Candidate:
        t = self.t
        if edits is None:
            edits = 0 if t[start:end] == q.fq else fuzzy.distance(q.fq, t[start:end])
        near_p, near_s = q.near_p, q.near_s
        if not near_p:
            # the quote began its paragraph (or the text): does it still?
            psim = 1.0 if start == 0 or t[start - 1] == "\n" else 0.0
        elif t.endswith(near_p, 0, start):
            psim = 1.0
        else:
            window = t[max(0, start - len(near_p) - SLACK) : start]
            psim = fuzzy.context_similarity(near_p, window, before=True)
        if not near_s:
            ssim = 1.0 if end == len(t) or t[end] == "\n" else 0.0
        elif t.startswith(near_s, end):
            ssim = 1.0
        else:
            window = t[end : end + len(near_s) + SLACK]
            ssim = fuzzy.context_similarity(near_s, window, before=False)
        return Candidate(start, end, edits, psim, ssim, len(q.fq))

    @staticmethod
    def credible(q: Quote, c: Candidate) -> bool:
        """Does the text around ``c`` say it is this quote, whatever else the text holds?"""
        lp, ls, n = len(q.near_p), len(q.near_s), c.quote_len
        strong_p = lp >= MIN_SIDE and c.prefix_sim >= STRONG
        strong_s = ls >= MIN_SIDE and c.suffix_sim >= STRONG
        # a short side (at a paragraph's edge) holds only when it agrees exactly
        held_p = c.prefix_sim >= FUZZY_SIDE if lp >= MIN_SIDE else c.prefix_sim == 1.0
        held_s = c.suffix_sim >= FUZZY_SIDE if ls >= MIN_SIDE else c.suffix_sim == 1.0
        if c.quote_edits == 0:
            if strong_p or strong_s:
                return True
            if lp >= MIN_SIDE and ls >= MIN_SIDE:
                # edits on both sides of an unchanged quote
                return min(c.prefix_sim, c.suffix_sim) >= 0.6 and c.prefix_sim + c.suffix_sim >= 1.5
            # a short paragraph: all the context it has must agree, and add up to something
            return held_p and held_s and c.prefix_sim == c.suffix_sim == 1.0 and lp + ls + n >= 2 * MIN_SIDE
        budget = allowed_edits(n)
        if c.prefix_sim >= 0.95 and c.suffix_sim >= 0.95 and max(lp, ls) >= MIN_SIDE:
            budget = max(budget, n // 3)  # the place is certain; only the words changed
        if c.quote_edits > budget:
            return False
        # A quote whose own words changed must be held at both ends by its context,
        # or, when it is long and barely changed, firmly at one end.
        if held_p and held_s and max(lp, ls, n // 2) >= MIN_SIDE:
            return True
        return (strong_p or strong_s) and n >= 2 * MIN_SIDE and c.quote_edits <= max(1, n // 10)

    # -------------------------------------------------------------- searching

    def _hits(self, key: str, limit: int = MAX_HITS) -> list[int] | None:
        """Start offsets of ``key`` in the folded text; None when it is too common to help."""
        out: list[int] = []
        t = self.t
        pos = t.find(key)
        while pos >= 0:
            if len(out) == limit:
                return None
            out.append(pos)
            pos = t.find(key, pos + 1)
        return out

    def exact_at(self, q: Quote, start: int) -> bool:
        """Is the quote at folded ``start`` with one whole side of its context beside it?"""
        t, fq = self.t, q.fq
        if not fq or not t.startswith(fq, start):
            return False
        end = start + len(fq)
        p_ok = bool(q.fp) and start >= len(q.fp) and t.startswith(q.fp, start - len(q.fp))
        s_ok = bool(q.fs) and t.startswith(q.fs, end)
        if p_ok and s_ok:
            return True
        # One side suffices when enough of it lies in the quote's own paragraph.
        return (p_ok and len(q.near_p) >= MIN_SIDE) or (s_ok and len(q.near_s) >= MIN_SIDE)

    def full_context_hits(self, q: Quote) -> list[int] | None:
        """Where prefix, quote and suffix occur together, exactly (folded)."""
        if not q.fq:
            return []
        hits = self._hits(q.fp + q.fq + q.fs, limit=MAX_HITS)
        return None if hits is None else [h + len(q.fp) for h in hits]

    def candidates(self, q: Quote) -> list[Candidate]:
        """Every credible place for ``q``, best first, places overlapping a better one dropped."""
        fq = q.fq
        if not fq:
            return []
        n = len(fq)
        found: dict[tuple[int, int], Candidate] = {}

        def add(start: int, end: int, edits: int | None) -> None:
            if (start, end) not in found and 0 <= start <= end <= len(self.t):
                found[(start, end)] = self.candidate(q, start, end, edits)

        # An unchanged quote with at least a little of its context unchanged beside it,
        # or a long quote on its own (a whole paragraph that moved).
        for key, offset in ((q.fp[-KEY:] + fq, len(q.fp[-KEY:])), (fq + q.fs[:KEY], 0)):
            if key == fq and n < 2 * MIN_SIDE:
                continue  # the bare quote is no key unless it is long
            for h in self._hits(key) or ():
                add(h + offset, h + offset + n, 0)
        if n >= 2 * MIN_SIDE:
            for h in self._hits(fq) or ():
                add(h, h + n, 0)
        if not any(self.credible(q, c) for c in found.values()):
            self._near_edits(q, add)
        if not any(self.credible(q, c) for c in found.values()):
            self._edited(q, add)
        good = [c for c in found.values() if self.credible(q, c)]
        good.sort(key=lambda c: (-c.score, c.start))
        out: list[Candidate] = []
        for c in good:
            if all(c.end <= o.start or o.end <= c.start for o in out):
                out.append(c)
        return out

    def _near_edits(self, q: Quote, add: Callable[[int, int, int | None], None]) -> None:
        """An unchanged quote with its context edited right beside it: find it from
        context a little further away (a word fixed next to a name)."""
        fq, t = q.fq, self.t
        n = len(fq)
        fp, fs = q.fp, q.fs
        for gap in (KEY, 2 * KEY, 3 * KEY):
            chunk = fs[gap : gap + KEY]
            if len(chunk) == KEY:
                for h in self._hits(chunk) or ():
                    for e in range(h - gap - 2, h - gap + 3):
                        if e >= n and t.startswith(fq, e - n):
                            add(e - n, e, 0)
            chunk = fp[-gap - KEY : -gap]
            if len(chunk) == KEY:
                for h in self._hits(chunk) or ():
                    for b in range(h + KEY + gap - 2, h + KEY + gap + 3):
                        if t.startswith(fq, b):
                            add(b, b + n, 0)

    def _edited(self, q: Quote, add: Callable[[int, int, int | None], None]) -> None:
        """Candidates for a quote whose own text changed: found from its surviving
        context on either side, or (a long quote) from its own first or last words."""
        fq, t = q.fq, self.t
        n = len(fq)
        budget = max(allowed_edits(n), n // 3)  # the most :meth:`credible` may accept
        if budget == 0:
            return
        pkey, skey = q.fp[-FUZZY_KEY:], q.fs[:FUZZY_KEY]
        starts = [h + len(pkey) for h in self._hits(pkey) or ()] if len(pkey) >= MIN_SIDE else []
        ends = (self._hits(skey) or []) if len(skey) >= MIN_SIDE else []
        if n >= 4 * KEY:
            starts += self._hits(fq[: 2 * KEY]) or []
            ends += [h + 2 * KEY for h in self._hits(fq[-2 * KEY :]) or ()]
        ends_set = set(ends)
        for a in starts:
            exact_end = next(
                (b for b in range(a + n - budget, a + n + budget + 1) if b in ends_set), None
            )
            if exact_end is not None:
                add(a, exact_end, None)
            else:
                d, length = fuzzy.best_prefix_match(fq, t[a : a + n + budget])
                if d <= budget:
                    add(a, a + length, d)
        for b in ends:
            lo = max(0, b - n - budget)
            d, length = fuzzy.best_prefix_match(fq[::-1], t[lo:b][::-1])
            if d <= budget:
                add(b - length, b, d)
