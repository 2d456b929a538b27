"""Quotations: where double-quoted passages start and end, across sentences and paragraphs.

Curly quotes say which way they face; straight ``"`` alternate within a paragraph. A
quotation still open at the end of a paragraph is, by newspaper convention, continued
when the next paragraph opens with a quotation mark: the two are chained.
Single quotes are left alone: they are mostly apostrophes or quotes inside quotes.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

OPEN = "“"
CLOSE = "”"
STRAIGHT = '"'
MARKS = frozenset('“”"«»„')


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation ``[start, end)`` including its marks; ``closed`` when it has a close."""

    start: int
    end: int
    closed: bool
    next: int | None = None  # index of the quotation continuing it in the next paragraph


# Opening, closing and two-way marks; "''" is the typewriter double quote some papers use.
_MARK = re.compile("“|”|«|»|„|''|\"")


def _straight_role(text: str, at: int, start: int, end: int) -> str:
    """How a straight ``"`` at ``at`` faces, read off its neighbours: "open" before a word
    (after a space or the paragraph's start), "close" after one (before a space,
    punctuation or the end), "" when it is neither or an inch mark ('a 12" pipe')."""
    before = text[at - 1] if at > start else " "
    after = text[at + 1] if at + 1 < end else " "
    if before.isdigit():
        return ""
    if (before.isspace() or before in "([{—–-") and not after.isspace():
        return "open"
    if not before.isspace() and (after.isspace() or after in ".,;:!?)]}—–-"):
        return "close"
    return ""


def _paragraph_quotes(text: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    out: list[tuple[int, int, bool]] = []
    open_at: int | None = None
    marks = list(_MARK.finditer(text, start, end))
    # With curly quotes present, a straight one is a stray, an inch mark, a quotation
    # inside the curly one ('“He said "no" to me”'), or stands for a curly one the page
    # lost ('“We will win," Trump said. "Believe me.”': scraped text mixes them). So it
    # closes an open curly quotation only when it faces that way and no straight
    # quotation inside is open, and opens one only when none is open.
    curly = any(m.group() in "“”«»„" for m in marks)
    inner = False  # a straight quotation open inside a curly one
    for m in marks:
        ch = m.group()
        if ch in ("“", "«", "„"):
            if open_at is None:
                open_at = m.start()
        elif ch in ("”", "»"):
            if open_at is not None:
                out.append((open_at, m.end(), True))
                open_at = None
                inner = False
        elif curly and ch == STRAIGHT:
            role = _straight_role(text, m.start(), start, end)
            if role == "open":
                if open_at is None:
                    open_at = m.start()
                else:
                    inner = True
            elif role == "close" and open_at is not None:
                if inner:
                    inner = False
                else:
                    out.append((open_at, m.end(), True))
                    open_at = None
        elif curly:
            continue
        elif open_at is None:
            open_at = m.start()
        else:
            out.append((open_at, m.end(), True))
            open_at = None
    if open_at is not None:
        # Runs to the end of the paragraph, trailing spaces excluded.
        e = end
        while e > open_at + 1 and text[e - 1].isspace():
            e -= 1
        out.append((open_at, e, False))
    return out


class Quotes:
    """All quotations of a text, looked up by offset."""

    def __init__(self, text: str, paragraphs: list[tuple[int, int]]) -> None:
        found: list[tuple[int, int, bool]] = []
        for p_start, p_end in paragraphs:
            if _MARK.search(text, p_start, p_end):
                found.extend(_paragraph_quotes(text, p_start, p_end))
        quotes: list[Quote] = []
        para_ends = [e for _, e in paragraphs]
        para_starts = [s for s, _ in paragraphs]
        by_start = {q[0]: k for k, q in enumerate(found)}
        for s, e, closed in found:
            nxt = None
            if not closed:
                p = bisect_right(para_starts, s) - 1
                if 0 <= p < len(paragraphs) - 1 and para_ends[p] >= e:
                    k = by_start.get(para_starts[p + 1])
                    if k is not None:
                        nxt = k
            quotes.append(Quote(s, e, closed, nxt))
        self.quotes = quotes
        self._starts = [q.start for q in quotes]
        self._prev = {q.next: k for k, q in enumerate(quotes) if q.next is not None}

    def within(self, start: int, end: int) -> list[Quote]:
        """The quotations that start inside ``[start, end)``."""
        lo = bisect_right(self._starts, start - 1)
        hi = bisect_right(self._starts, end - 1)
        return self.quotes[lo:hi]

    def containing(self, offset: int) -> Quote | None:
        """The quotation whose inside holds ``offset``, if any."""
        k = bisect_right(self._starts, offset) - 1
        if k >= 0:
            q = self.quotes[k]
            if q.start < offset < q.end:
                return q
        return None

    def starting_at(self, offset: int) -> Quote | None:
        """The quotation whose opening mark is at ``offset``."""
        k = bisect_right(self._starts, offset) - 1
        if k >= 0 and self.quotes[k].start == offset:
            return self.quotes[k]
        return None

    def ending_at(self, offset: int) -> Quote | None:
        """The quotation whose end (after the closing mark) is ``offset``."""
        k = bisect_right(self._starts, offset - 1) - 1
        if k >= 0 and self.quotes[k].end == offset:
            return self.quotes[k]
        return None

    def chain(self, quote: Quote) -> list[Quote]:
        """``quote`` and the quotations continuing it in the following paragraphs."""
        out = [quote]
        seen = {quote.start}
        while out[-1].next is not None:
            q = self.quotes[out[-1].next]
            if q.start in seen:
                break
            seen.add(q.start)
            out.append(q)
        return out

    def chain_back(self, quote: Quote) -> list[Quote]:
        """``quote`` preceded by the open quotations of earlier paragraphs it continues."""
        k = bisect_right(self._starts, quote.start) - 1
        out = [quote]
        while k in self._prev and len(out) < 50:
            k = self._prev[k]
            out.insert(0, self.quotes[k])
        return out

    def inside(self, start: int, end: int) -> int:
        """How many characters of ``[start, end)`` lie inside quotations."""
        total = 0
        k = max(0, bisect_right(self._starts, start) - 1)
        while k < len(self.quotes) and self.quotes[k].start < end:
            q = self.quotes[k]
            total += max(0, min(end, q.end) - max(start, q.start))
            k += 1
        return total
