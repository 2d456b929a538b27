"""Word-list phrases matched against tokens by their possible base forms.

A phrase is a few words ("take * control"); each word matches a token when it is one
of the token's candidate lemmas (``took`` -> take, ``strikes`` -> strike), and ``*``
skips up to two tokens. Candidate lemmas come from suffix stripping plus a table of
irregular forms: no tagger, so cheap enough for the whole pipeline's speed target.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

GAP = "*"
MAX_GAP = 2
_VOWELS = frozenset("aeiou")
_TRIES_LIMIT = 50_000  # lemma sets remembered per index


def lemma_candidates(low: str, irregular: Mapping[str, str]) -> frozenset[str]:
    """Every base form ``low`` (a lower-cased word) may be an inflection of."""
    out = {low}
    base = irregular.get(low)
    if base is not None:
        out.add(base)
    n = len(low)
    if n > 3 and low.endswith("s") and not low.endswith("ss"):
        out.add(low[:-1])
        if low.endswith("ies"):
            out.add(low[:-3] + "y")
        elif low.endswith("es"):
            out.add(low[:-2])
    if n > 4 and low.endswith("ed"):
        stem = low[:-2]
        out.add(stem)
        out.add(low[:-1])  # "seized" -> "seize"
        if low.endswith("ied"):
            out.add(low[:-3] + "y")
        if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in _VOWELS:
            out.add(stem[:-1])  # "shelled" keeps "shell"; "stabbed" -> "stab"
    if n > 5 and low.endswith("ing"):
        stem = low[:-3]
        out.add(stem)
        out.add(stem + "e")
        if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in _VOWELS:
            out.add(stem[:-1])
    return frozenset(out)


# Not frozen (never changed after it is built all the same): a frozen dataclass sets
# each field through object.__setattr__, 3x slower to build, and extraction builds these
# by the ten thousand. Hashable as a frozen one (unsafe_hash: by its fields).
@dataclass(slots=True, unsafe_hash=True)
class Match:
    start: int  # token index
    end: int  # token index after the last matched token
    phrase: str


@dataclass(slots=True)
class PhraseIndex:
    """Phrases indexed by their first word, for longest-match lookup at a token."""

    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = field(default_factory=dict)
    # The entries a token's lemma set can start, in the order match_at tries them, by
    # lemma set: a word's set is one shared frozenset (event_words._lemmas), so news
    # vocabulary repeats them, and sorting the set and looking up each lemma was half
    # of match_at (which every event sentence calls at each candidate word, for several
    # indexes). Emptied by ``add``; bounded.
    _tries: dict[frozenset[str], list[tuple[tuple[str, ...], str]]] = field(
        default_factory=dict, compare=False, repr=False
    )
    # Whether a phrase may start at a token with this lemma set (see ``starts``).
    _opens: dict[frozenset[str], bool] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def of(cls, phrases: Iterable[str]) -> PhraseIndex:
        index = cls()
        for phrase in phrases:
            index.add(phrase)
        return index

    def add(self, phrase: str) -> None:
        words = tuple(phrase.lower().split())
        if not words or words[0] == GAP:
            return
        variants = [words]
        if len(words) > 1 and GAP not in words:
            # "air strike" is also written "air-strike" and "airstrike" (one token).
            variants.append(("-".join(words),))
            variants.append(("".join(words),))
        for v in variants:
            entries = self.by_first.setdefault(v[0], [])
            if (v, phrase) not in entries:
                entries.append((v, phrase))
        self._tries.clear()
        self._opens.clear()

    def __contains__(self, word: str) -> bool:
        return word in self.by_first

    def starts(
        self, lemmas: Sequence[frozenset[str]], positions: Sequence[int] | None = None
    ) -> list[int]:
        """The tokens (of ``positions``, default all) a phrase may start at: one of their
        lemmas is a first word. Answered per lemma set from a dict, whose lookup of a
        shared set (its hash kept) costs a fraction of testing the set against the first
        words (every token of every event sentence is asked, for several indexes)."""
        opens = self._opens
        if positions is None:
            positions = range(len(lemmas))
        try:
            return [k for k in positions if opens[lemmas[k]]]
        except KeyError:  # a lemma set not met yet
            firsts = self.by_first.keys()
            for k in positions:
                lemma_set = lemmas[k]
                if lemma_set not in opens:
                    if len(opens) >= _TRIES_LIMIT:
                        return [k for k in positions if not firsts.isdisjoint(lemmas[k])]
                    opens[lemma_set] = not firsts.isdisjoint(lemma_set)
            return [k for k in positions if opens[lemmas[k]]]

    def opens(self, lemma_set: frozenset[str]) -> bool:
        """May a phrase start at a token with these lemmas? (``starts`` for one token:
        the same remembered answer, where a test of the set built a set each time.)"""
        found = self._opens.get(lemma_set)
        if found is None:
            found = not self.by_first.keys().isdisjoint(lemma_set)
            if len(self._opens) < _TRIES_LIMIT:
                self._opens[lemma_set] = found
        return found

    def match_at(self, lemmas: Sequence[frozenset[str]], i: int) -> Match | None:
        """The longest phrase starting at token ``i``."""
        best: Match | None = None
        lemma_set = lemmas[i]
        tries = self._tries.get(lemma_set)
        if tries is None:
            tries = self._entries(lemma_set)
        for words, phrase in tries:
            # a one-word phrase (most) has matched already: no call to match no rest
            end = i + 1 if len(words) == 1 else _match_rest(lemmas, i + 1, words, 1)
            if end is not None and (best is None or end > best.end):
                best = Match(i, end, phrase)
        return best

    def _entries(self, lemma_set: frozenset[str]) -> list[tuple[tuple[str, ...], str]]:
        get = self.by_first.get
        # sorted: the same answer on every run
        tries = [entry for first in sorted(lemma_set) for entry in get(first, ())]
        if len(self._tries) < _TRIES_LIMIT:
            self._tries[lemma_set] = tries
        return tries

    def find_all(self, lemmas: Sequence[frozenset[str]]) -> list[Match]:
        """Non-overlapping longest matches, left to right."""
        out: list[Match] = []
        i = 0
        while i < len(lemmas):
            m = self.match_at(lemmas, i)
            if m is None:
                i += 1
            else:
                out.append(m)
                i = m.end
        return out


def _match_rest(
    lemmas: Sequence[frozenset[str]], j: int, words: tuple[str, ...], k: int
) -> int | None:
    if k == len(words):
        return j
    word = words[k]
    if word == GAP:
        for skip in range(MAX_GAP + 1):
            end = _match_rest(lemmas, j + skip, words, k + 1)
            if end is not None:
                return end
        return None
    if j < len(lemmas) and word in lemmas[j]:
        return _match_rest(lemmas, j + 1, words, k + 1)
    return None
