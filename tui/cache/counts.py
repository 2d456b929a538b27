"""How many suggestions an entry holds, read from its header line alone.

The library lists claim and event counts for every article. One with no sidecar but an
entry in the cache opens at once with its suggestions, so it should be listed as
extracted, with its counts; decoding every such entry (megabytes for a long article)
to count would make opening the library slow, so :meth:`ExtractionCache.store` writes
the counts into the header, and this reads the header only. An entry written before the
header had counts (or a foreign or damaged one) gives None: the library lists the
article as not extracted, as before, and the reader still loads the entry.

The body is not checked against the header's sha256 here (that would mean reading it);
a file shorter or longer than its header says is refused, as the reader would refuse it.
Whoever can write to a shared cache folder can make a header claim any counts: they are
shown, never used for anything else.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass

from tui.cache.extractions import (
    FORMAT,
    MAGIC,
    ExtractionCache,
    TextKey,
    _open_entry,
    text_key,
)
from tui.extract.codebook import Codebook

HEADER_MAX = 4096  # as ExtractionCache.load reads it


@dataclass(frozen=True, slots=True)
class EntryCounts:
    """The suggestions of one entry: every one untouched, so all are still to do."""

    mentions: int
    claims: int
    events: int

    @property
    def suggestions(self) -> int:
        return self.mentions + self.claims + self.events


def _count(raw: object, name: str) -> int:
    value = raw.get(name) if isinstance(raw, dict) else None
    if type(value) is not int or value < 0:
        raise ValueError(name)
    return value


def read_counts(
    cache: ExtractionCache, text: TextKey, extractor: str, codebook: Codebook | None = None
) -> EntryCounts | None:
    """The counts in the header of the entry for ``text``, or None (no entry, or no counts).

    Does not mark the entry used: listing a library is not opening its articles."""
    key = text_key(text, extractor, codebook)
    try:
        with _open_entry(cache.path_for(key)) as f:
            line = f.readline(HEADER_MAX)
            size = os.fstat(f.fileno()).st_size
        header = json.loads(line)
        if (
            type(header) is not dict
            or header.get(MAGIC) != FORMAT
            or header.get("key") != key
            or type(header.get("bytes")) is not int
            or size != len(line) + header["bytes"]
        ):
            return None
        raw = header.get("counts")
        return EntryCounts(_count(raw, "mentions"), _count(raw, "claims"), _count(raw, "events"))
    except (OSError, ValueError, RecursionError):
        return None
