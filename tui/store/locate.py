"""Finding one stored quote in a changed article, with the evidence for each place.

A place is *credible* only when the text around it agrees with the stored
prefix/suffix, not merely when the quote's words occur there: a word whose
sentence was deleted must not jump onto the same word elsewhere. Quote and
context are compared folded (see :mod:`tui.store.fold`), and by edit distance
where exact comparison fails, scored the way hypothes.is weighs them (quote 50,
prefix 20, suffix 20). Position is never evidence here; the caller uses it only
to choose among places that the text alone cannot tell apart. What counts as
evidence, and how much, is :mod:`tui.store.place_evidence`.
"""

from __future__ import annotations

from collections.abc import Callable

from tui.store import fuzzy
from tui.store.fold import FoldedText

# The evidence (Quote, Candidate, the thresholds) is its own module; Quote and Candidate
# are still imported from here by tests.
from tui.store.place_evidence import (
    ALONE,
    FUZZY_KEY,
    FUZZY_SIDE,
    KEY,
    MAX_HITS,
    MIN_SIDE,
    SLACK,
    STRONG,
    STRONG_SIDE,
    Candidate,
    Quote,
    allowed_edits,
    contradicts,
    two_sided,
)

__all__ = ["Candidate", "Locator", "Quote"]


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
        """Score the place ``[start, end)`` (folded) for ``q``.

        Context is compared only as far as the place's paragraph reaches: where
        the sentence before a quote was deleted, its paragraph now starts sooner,
        and text that is not there says nothing either way (a side shortened so
        gives less evidence, never a contradiction).
        """
        t = self.t
        if edits is None:
            edits = 0 if t[start:end] == q.fq else fuzzy.distance(q.fq, t[start:end])
        near_p, near_s = q.near_p, q.near_s
        cut_p = cut_s = False
        para_start = t.rfind("\n", 0, start) + 1
        para_end = t.find("\n", end)
        para_end = len(t) if para_end < 0 else para_end
        if not near_p:
            # the quote began its paragraph (or the text): does it still?
            psim = 1.0 if start == para_start else 0.0
        else:
            cut_p = len(near_p) > start - para_start
            near_p = near_p[-(start - para_start) :] if start > para_start else ""
            if not near_p:
                psim = 0.0
            elif t.endswith(near_p, 0, start):
                psim = 1.0
            else:
                window = t[max(para_start, start - len(near_p) - SLACK) : start]
                psim = fuzzy.context_similarity(near_p, window, before=True)
        if not near_s:
            ssim = 1.0 if end == para_end else 0.0
        else:
            cut_s = len(near_s) > para_end - end
            near_s = near_s[: para_end - end]
            if not near_s:
                ssim = 0.0
            elif t.startswith(near_s, end):
                ssim = 1.0
            else:
                window = t[end : min(para_end, end + len(near_s) + SLACK)]
                ssim = fuzzy.context_similarity(near_s, window, before=False)
        return Candidate(
            start, end, edits, psim, ssim, len(q.fq), len(near_p), len(near_s), cut_p, cut_s
        )

    def credible(self, q: Quote, c: Candidate) -> bool:
        """Does the text around ``c`` say it is this quote, whatever else the text holds?"""
        lp, ls, n = c.prefix_len, c.suffix_len, c.quote_len
        if "\n" in q.fq and not two_sided(c):
            return False  # each paragraph the quote spans needs its own context
        strong_p = lp >= STRONG_SIDE and c.prefix_sim >= STRONG
        strong_s = ls >= STRONG_SIDE and c.suffix_sim >= STRONG
        # a side is held by context that still agrees, or, when the quote sat at a
        # paragraph's edge with little or no context there, by that context exactly
        real_p = lp >= MIN_SIDE and c.prefix_sim >= FUZZY_SIDE
        real_s = ls >= MIN_SIDE and c.suffix_sim >= FUZZY_SIDE
        edge_p = lp < MIN_SIDE and c.prefix_sim == 1.0
        edge_s = ls < MIN_SIDE and c.suffix_sim == 1.0
        if self.cuts_a_word(q, c):
            return False
        t, fq = self.t, q.fq
        if c.quote_edits == 0:
            # one side alone may hold the place when the other still has text to be
            # judged by, or when it agrees exactly: with the other side cut away by a
            # paragraph's new edge, a near-miss ('iran said iran "reporters' for 'iran
            # said iran reporters') may be another copy of the words that an edit moved
            # next to where the quote was
            gone_s = c.suffix_cut and ls == 0
            gone_p = c.prefix_cut and lp == 0
            if (
                strong_p
                and (not gone_s or c.prefix_sim == 1.0)
                and not contradicts(c, before=False)
            ) or (
                strong_s and (not gone_p or c.suffix_sim == 1.0) and not contradicts(c, before=True)
            ):
                return True
            if lp >= MIN_SIDE and ls >= MIN_SIDE:
                # edits on both sides of an unchanged quote
                return min(c.prefix_sim, c.suffix_sim) >= 0.6 and c.prefix_sim + c.suffix_sim >= 1.5
            # a short paragraph: all the context it has must agree, and add up to something
            return (
                c.prefix_sim == c.suffix_sim == 1.0
                and (edge_p or edge_s)
                and lp + ls + n >= 2 * STRONG_SIDE
            )
        # An edit at the very edge of the quote leaves its extent a guess.
        if t[c.start] != fq[0] or t[c.end - 1] != fq[-1]:
            return False
        # A quote whose own words changed must be held at both ends; an edge holds only
        # when the other end is held firmly, or the quote is long enough to speak for
        # itself. A long quote barely changed may be held at one end.
        if real_p and real_s:
            held = True
        elif edge_p and edge_s:
            held = n >= 2 * STRONG_SIDE
        else:
            held = (real_p and edge_s and strong_p) or (real_s and edge_p and strong_s)
        budget = allowed_edits(n)
        if held and n >= 4 and c.prefix_sim >= 0.95 and c.suffix_sim >= 0.95:
            budget = max(budget, 2)  # the place is certain: a short word's typo ("Irna")
        if c.quote_edits > budget:
            return False
        if held:
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
        if "\n" in fq:
            return False  # each paragraph the quote spans needs its own context
        # One side suffices when enough of it lies in the quote's own paragraph.
        return (p_ok and len(q.near_p) >= MIN_SIDE) or (s_ok and len(q.near_s) >= MIN_SIDE)

    def cuts_a_word(self, q: Quote, c: Candidate) -> bool:
        """Would ``c`` find a quote that was whole words inside another word?

        "al" deleted from "talks al iran" must not land on the "al" of "talks".
        """
        t, fq = self.t, q.fq
        if fq[0].isalnum() and not q.fp[-1:].isalnum() and t[c.start - 1 : c.start].isalnum():
            return True
        return fq[-1].isalnum() and not q.fs[:1].isalnum() and t[c.end : c.end + 1].isalnum()

    def alone(self, q: Quote) -> Candidate | None:
        """The one place of a long unchanged quote that occurs once in the text, if so."""
        fq = q.fq
        if len(fq) < ALONE or "\n" in fq:
            return None  # each paragraph a quote spans needs its own context
        hits = self._hits(fq, limit=1)
        if not hits:
            return None  # absent, or more than once: the context must decide
        c = self.candidate(q, hits[0], hits[0] + len(fq), 0)
        return None if self.cuts_a_word(q, c) else c

    def full_context_hits(self, q: Quote) -> list[int] | None:
        """Where prefix, quote and suffix occur together, exactly (folded)."""
        if not q.fq:
            return []
        hits = self._hits(q.fp + q.fq + q.fs, limit=MAX_HITS)
        return None if hits is None else [h + len(q.fp) for h in hits]

    def candidates(self, q: Quote) -> list[Candidate]:
        """Every credible place for ``q``, best first."""
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
        good.sort(key=lambda c: (-c.score, c.start, c.end))
        return good

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
                for d, length in fuzzy.prefix_matches(fq, t[a : a + n + budget], budget):
                    add(a, a + length, d)
        for b in ends:
            lo = max(0, b - n - budget)
            for d, length in fuzzy.prefix_matches(fq[::-1], t[lo:b][::-1], budget):
                add(b - length, b, d)
