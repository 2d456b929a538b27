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

from collections.abc import Callable
from dataclasses import dataclass

from tui.model import Span
from tui.store import fuzzy
from tui.store.fold import FoldedText, fold

MIN_SIDE = 8  # characters of context that count as evidence on one side
STRONG_SIDE = 16  # ... and that can identify a place on their own
STRONG = 0.85  # similarity at which such a side alone identifies the place
FUZZY_SIDE = 0.75  # both sides must reach this when the quote itself was edited
NOISE = 0.5  # unrelated prose is about this similar: a side this unlike says "not here"
MARGIN = 5.0  # score points by which the best place must beat any other (8 context characters)
BOUNDARY_MARGIN = 0.3  # ... and a cut of the same words ending elsewhere (one edit: 1.25)
KEY = 8  # context characters joined to the quote to find exact candidates
FUZZY_KEY = 12  # context characters that locate a quote whose own text changed
MAX_HITS = 64  # a key found more often than this says too little to use
# An unchanged quote this long (folded characters, about ten words) found exactly once in the
# text is that quote, whatever happened around it: a look-alike of this length does not occur
# by chance, and edits on both sides (a sentence rewritten before it, a typo fixed after it)
# must not orphan a verdict whose own words are intact.
ALONE = 64
SLACK = 8  # extra characters of text compared with each context side
QUOTE_W = 50.0  # score of a quote found unchanged (hypothes.is weighs quote 50, context 40)
CHAR_W = 40.0 / 64  # score of a context character matched (64 of them: 40)


def allowed_edits(n: int) -> int:
    """How many edits a quote of ``n`` folded characters may have and still be itself:
    a typo or two fixed, not words added or taken away."""
    if n < 5:
        return 0
    return min(max(1, n // 12), 64)


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
    prefix_len: int = 0  # how many characters of context each similarity is over
    suffix_len: int = 0
    prefix_cut: bool = False  # the place's paragraph begins (ends) within the stored context
    suffix_cut: bool = False

    @property
    def score(self) -> float:
        """Quote agreement (up to 50) plus context characters matched beyond chance.

        Two unrelated stretches of prose are about half similar by edit distance,
        so only similarity above one half counts, and a long side counts more than
        a short one: a few letters that happen to agree are no evidence.
        """
        q = 1.0 - self.quote_edits / self.quote_len if self.quote_len else 0.0
        chars = max(0.0, self.prefix_len * (2 * self.prefix_sim - 1)) + max(
            0.0, self.suffix_len * (2 * self.suffix_sim - 1)
        )
        return QUOTE_W * q + CHAR_W * chars


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
            if (strong_p and not contradicts(c, before=False)) or (
                strong_s and not contradicts(c, before=True)
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


def contradicts(c: Candidate, *, before: bool) -> bool:
    """Does one side of ``c`` (the prefix when ``before``) read like other text entirely?"""
    if before:
        return c.prefix_len >= MIN_SIDE and c.prefix_sim < NOISE
    return c.suffix_len >= MIN_SIDE and c.suffix_sim < NOISE


def two_sided(c: Candidate) -> bool:
    """Does the text agree with the stored context on both sides of ``c``?

    A side with little context (at a paragraph's edge) must agree exactly; a side
    whose text was deleted up to the paragraph's edge has nothing to disagree with.
    """
    return _side_agrees(c.prefix_sim, c.prefix_len, c.prefix_cut) and _side_agrees(
        c.suffix_sim, c.suffix_len, c.suffix_cut
    )


def _side_agrees(sim: float, length: int, cut: bool) -> bool:
    if cut and length == 0:
        return True  # what stood there was deleted: nothing to compare, nothing against
    return sim >= FUZZY_SIDE if length >= MIN_SIDE else sim == 1.0


def contenders(found: list[Candidate]) -> list[Candidate]:
    """The best of ``found`` (sorted, best first) and every other place the text
    cannot tell from it: elsewhere within MARGIN, or a different cut of the same
    words within BOUNDARY_MARGIN (where the quote ends is as much part of the
    place as where it is)."""
    best = found[0]
    out = [best]
    for c in found[1:]:
        overlaps = c.start < best.end and best.start < c.end
        if c.score > best.score - (BOUNDARY_MARGIN if overlaps else MARGIN):
            out.append(c)
    return out
