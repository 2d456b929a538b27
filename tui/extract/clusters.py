"""Word clusters of capitalised word forms, for the entity tagger's features.

``tui/data/ner_clusters.txt`` is built by ``python -m training.word_clusters`` from the
training corpora's raw text. Its format is made to load in about a millisecond (a dict
of its 17,000 words would take ten to twenty): a comment line, then a line with the
coarse cluster of each fine cluster (two hex digits each), then a line with the fine
cluster of each word (two hex digits each, in word order), then the words, one per
line, sorted by code point. A word is found by binary search; a word with no line has
no cluster.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache

from tui.data import data_text, has_data

CLUSTERS_FILE = "ner_clusters.txt"


class Clusters:
    def __init__(self, text: str) -> None:
        lines = text.split("\n")
        self._coarse = lines[1]
        self._fine = lines[2]
        self._words = lines[3:]
        if self._words and self._words[-1] == "":
            self._words.pop()

    def get(self, word: str) -> tuple[str, str] | None:
        """(fine cluster, coarse cluster) of ``word``, or None."""
        words = self._words
        k = bisect_left(words, word)
        if k == len(words) or words[k] != word:
            return None
        fine = self._fine[2 * k : 2 * k + 2]
        f = int(fine, 16)
        return fine, self._coarse[2 * f : 2 * f + 2]

    def __len__(self) -> int:
        return len(self._words)


def encode(words: list[str], fine: list[int], coarse_of: list[int]) -> str:
    """The file's text for ``words`` (sorted) with their fine clusters (< 256)."""
    order = sorted(range(len(words)), key=lambda k: words[k])
    head = "# ner_clusters: coarse of each fine cluster; fine cluster of each word; words\n"
    return (
        head
        + "".join(f"{c:02x}" for c in coarse_of)
        + "\n"
        + "".join(f"{fine[k]:02x}" for k in order)
        + "\n"
        + "".join(words[k] + "\n" for k in order)
    )


@lru_cache(maxsize=1)
def clusters() -> Clusters:
    """The shipped clusters (none when the file is not there: no cluster features)."""
    if not has_data(CLUSTERS_FILE):
        return Clusters("\n\n\n")
    return Clusters(data_text(CLUSTERS_FILE))
