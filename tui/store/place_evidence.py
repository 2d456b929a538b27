"""The evidence that a place in a changed article is a stored quote: the folded quote and
its context (``Quote``), how well they agree at one place (``Candidate`` and its score,
weighed the way hypothes.is weighs them: quote 50, prefix 20, suffix 20), the thresholds
that make agreement evidence, and which places the text cannot tell apart
(``contenders``). :mod:`tui.store.locate` finds the places and judges them with these.
"""

from __future__ import annotations

from dataclasses import dataclass

from tui.model import Span
from tui.store.fold import fold

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
