"""Text folded for matching quotes across cosmetic edits, with offsets back to the original.

Editors and wire desks change what a story looks like without changing what it
says: straight quotes become curly, hyphens become dashes, lines are re-wrapped,
non-breaking spaces and soft hyphens come and go. Re-anchoring compares quotes in
a folded form where all of that is equal: quote marks and dashes fold to their
ASCII forms one for one, a run of whitespace to one space (one line break when
it holds a blank line: paragraphs stay apart, since they can move independently),
and invisible characters (soft hyphen, zero-width space and joiners, word joiner,
BOM) vanish.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

_SAME_LENGTH = str.maketrans(
    {
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u02bc", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"'),
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
        # Every other whitespace character Python knows, so the run regex sees spaces and
        # line feeds only.
        **dict.fromkeys("\t\v\f\r\x1c\x1d\x1e\x1f\x85\xa0\u1680", " "),
        **dict.fromkeys("\u2028\u2029", "\n"),
        **dict.fromkeys("\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008", " "),
        **dict.fromkeys("\u2009\u200a\u202f\u205f\u3000", " "),
    }
)
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
# What folding changes: two or more spaces/line feeds/invisibles, a line feed, an invisible.
_RUN = re.compile(f"[ \\n{_INVISIBLE}]{{2,}}|[\\n{_INVISIBLE}]")


def _replacement(run: str) -> str:
    if run.count("\n") >= 2:
        return "\n"
    return " " if " " in run or "\n" in run else ""


def fold(text: str) -> str:
    """``text`` folded (quotes, dashes, whitespace runs, invisible characters)."""
    return _RUN.sub(lambda m: _replacement(m.group()), text.translate(_SAME_LENGTH))


@dataclass(frozen=True, slots=True)
class FoldedText:
    """A document's folded text and the map between folded and original offsets.

    The map is piecewise: from folded offset ``f_at[k]`` on, original offset is
    ``f + (o_at[k] - f_at[k])`` until the next piece. Pieces change only where a
    run was shortened, so a 1 MB article has a few thousand of them.
    """

    text: str
    original_length: int
    f_at: tuple[int, ...]
    o_at: tuple[int, ...]

    @classmethod
    def of(cls, original: str) -> FoldedText:
        same = original.translate(_SAME_LENGTH)
        parts: list[str] = []
        f_at, o_at = [0], [0]
        last = 0  # original offset copied up to
        f = 0  # folded length so far
        for m in _RUN.finditer(same):
            parts.append(same[last : m.start()])
            f += m.start() - last
            rep = _replacement(m.group())
            parts.append(rep)
            f += len(rep)
            last = m.end()
            f_at.append(f)
            o_at.append(last)
        parts.append(same[last:])
        return cls("".join(parts), len(original), tuple(f_at), tuple(o_at))

    def to_original(self, f: int) -> int:
        """The original offset of folded offset ``f`` (a start: the first character it shows)."""
        k = bisect_right(self.f_at, f) - 1
        return min(f - self.f_at[k] + self.o_at[k], self.original_length)

    def end_to_original(self, f: int) -> int:
        """The original offset just after folded character ``f - 1`` (an end)."""
        if f <= 0:
            return 0
        return min(self.to_original(f - 1) + 1, self.original_length)

    def to_folded(self, o: int) -> int:
        """The folded offset that shows original offset ``o`` (or the one after a removed run)."""
        k = bisect_right(self.o_at, o) - 1
        return max(0, min(o - self.o_at[k] + self.f_at[k], len(self.text)))
