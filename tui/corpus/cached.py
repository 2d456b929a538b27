"""Library rows for articles whose suggestions are in the user's extraction cache.

An article with no sidecar whose text the reader has extracted before opens at once,
its suggestions shown from the cache (docs/cache.md): to the user it is extracted, and
the library lists it so, with its claim and event counts, read from the cache entry's
header (:mod:`tui.cache.counts`) by the text key the index keeps for it.

This is laid over the index's rows as the library lists them and never written into
the index. The index sits in the articles' folder and may be shared (a team's folder,
a network drive), while the cache is one user's: another user of the folder has other
entries, and an entry can be pruned or the cache deleted at any time without the
article's or its sidecar's files changing (which is all a refresh looks at). So the
index keeps facts about the files only, and each library asks its own cache.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from tui.cache.counts import CountReader, EntryCounts, read_counts
from tui.cache.extractions import ExtractionCache, TextKey
from tui.corpus.index import CorpusIndex
from tui.corpus.summary import ArticleSummary
from tui.extract.codebook import Codebook

Overlay = dict[str, EntryCounts]  # by the index's relative path


def with_counts(summary: ArticleSummary, counts: EntryCounts | None) -> ArticleSummary:
    """``summary`` listed as extracted with ``counts``, when it has no sidecar of its own
    (a sidecar, even an empty or stale one, is what the reader opens, and what is counted)."""
    if counts is None or summary.annotated or summary.error:
        return summary
    return replace(
        summary,
        cached=True,
        claims_total=counts.claims,
        claims_reviewed=0,
        events=counts.events,
        suggestions=counts.suggestions,
        attention=0,
    )


@dataclass(frozen=True, slots=True)
class CachedSuggestions:
    """Where the reader keeps suggestions and by which extractor (its version and codebook)."""

    cache: ExtractionCache
    version: str
    codebook: Codebook | None = None

    def counts(self, text: TextKey) -> EntryCounts | None:
        return read_counts(self.cache, text, self.version, self.codebook)

    def overlay(self, index: CorpusIndex) -> Overlay:
        """The counts of every indexed article with no sidecar that the cache has an entry for.

        A few microseconds per such article without an entry (a name hashed, looked up in
        the folder's listing), a few tens with one (its header read): run it off the UI
        thread."""
        rows = index.query(
            "SELECT path, text_sha256, text_length, title_start, title_end FROM articles "
            "WHERE NOT annotated AND coalesce(error, '') = '' AND text_sha256 IS NOT NULL"
        )
        found: Overlay = {}
        read = CountReader(self.cache, self.version, self.codebook)
        for rel, sha, length, start, end in rows:
            title = (start, end) if start is not None and end is not None else None
            counts = read(TextKey(sha, length, title))
            if counts is not None:
                found[rel] = counts
        return found
