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

import hashlib
import json
import os
import stat
from dataclasses import dataclass

from tui.cache.extractions import (
    FORMAT,
    MAGIC,
    SUFFIX,
    ExtractionCache,
    TextKey,
    text_key,
)
from tui.extract.codebook import Codebook

HEADER_MAX = 4096  # as ExtractionCache.load reads it
_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)


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


class CountReader:
    """Reads the counts of many entries made by one extractor, as a library lists them.

    A few microseconds per article rather than a hundred or more: the key's parts that
    are the same for every text (codebook, extractor, format: the first keys in sorted
    order) are encoded once, the entries' folder is listed once (so an article with no
    entry costs a name, not a failed open), and paths are plain strings. The name made
    here is checked to be :meth:`ExtractionCache.path_for`'s by the tests; a name that
    differed could only miss, as the header's key is compared in full.
    """

    def __init__(
        self,
        cache: ExtractionCache,
        extractor: str,
        codebook: Codebook | None = None,
        *,
        listed: bool = True,
    ) -> None:
        self.cache = cache
        self.extractor = extractor
        self.codebook = codebook
        fixed = text_key(TextKey("", 0, None), extractor, codebook)
        head = json.dumps(fixed, sort_keys=True)
        self._prefix = head[: head.index('"length": ') + len('"length": ')]
        self._folder = os.fspath(cache.entries)
        self._names: set[str] | None = None
        if listed:
            try:
                self._names = set(os.listdir(self._folder))
            except OSError:
                self._names = set()  # no folder: no entries

    def name(self, text: TextKey) -> str:
        """The entry's file name for ``text`` (what path_for gives, without a Path)."""
        title = "null" if text.title is None else f"[{text.title[0]}, {text.title[1]}]"
        key = (
            f'{self._prefix}{text.length}, "sha256": {json.dumps(text.sha256)}, "title": {title}}}'
        )
        return hashlib.sha256(key.encode("utf-8")).hexdigest() + SUFFIX

    def __call__(self, text: TextKey) -> EntryCounts | None:
        """The counts in the header of the entry for ``text``, or None (no entry, no counts).

        Does not mark the entry used: listing a library is not opening its articles."""
        name = self.name(text)
        if self._names is not None and name not in self._names:
            return None
        return _read(
            os.path.join(self._folder, name), text_key(text, self.extractor, self.codebook)
        )


def read_counts(
    cache: ExtractionCache, text: TextKey, extractor: str, codebook: Codebook | None = None
) -> EntryCounts | None:
    """The counts in the header of the entry for ``text``, or None (no entry, or no counts)."""
    return CountReader(cache, extractor, codebook, listed=False)(text)


def _read(path: str, key: dict[str, object]) -> EntryCounts | None:
    # As _open_entry, without pathlib (a third of the time of a hit): a link, FIFO or
    # device in place of an entry is refused at once, never read or waited on.
    try:
        fd = os.open(path, _FLAGS)
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            return None
        start = os.read(fd, HEADER_MAX)
    except OSError:
        return None
    finally:
        os.close(fd)
    end = start.find(b"\n")
    try:
        header = json.loads(start[:end]) if end >= 0 else None
        if (
            type(header) is not dict
            or header.get(MAGIC) != FORMAT
            or header.get("key") != key
            or type(header.get("bytes")) is not int
            or st.st_size != end + 1 + header["bytes"]
        ):
            return None
        raw = header.get("counts")
        return EntryCounts(_count(raw, "mentions"), _count(raw, "claims"), _count(raw, "events"))
    except (ValueError, RecursionError):
        return None
