"""The extraction cache for a batch on a Dask cluster (``--dask``), kept by the client.

The cluster's workers may be other machines: the cache folder is this user's, on this
machine, and a worker cannot see it (nor should a worker's disk hold this user's cache).
So this process, which reads every article anyway, looks in its own cache before
handing a job out: on a hit, the job carries the suggestions and the worker only merges
or prints them (no extractor run); on a miss, the worker extracts and gives back what it
found, and this process stores it, under the extractor version the worker reports. A
worker running another Marginalia (another extractor version) is not cached from: its
suggestions would be kept under the wrong name. ``--force`` looks in no cache and still
refreshes the entries, as a local batch does.

Costs on this machine: loading each article's text (to name its entry) and, on a hit,
decoding the entry, or, on a miss, encoding and writing it; on the cluster, the
suggestions travel with the job or the outcome.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from tui.cache.extractions import ExtractionCache, shared
from tui.corpus.analyse import load_article
from tui.corpus.batch import Job, Outcome
from tui.corpus.freshness import EXTRACTOR_VERSION
from tui.extract.codebook import Codebook
from tui.text.document import Document, LoadError


class ClientCache:
    """Fills jobs from this machine's cache and keeps what the workers extract."""

    def __init__(
        self, cache: ExtractionCache, codebook: Codebook | None, *, force: bool = False
    ) -> None:
        self.cache = cache
        self.codebook = codebook
        self.force = force
        self._asked: dict[int, Document] = {}  # by job index: texts whose entry is awaited

    @classmethod
    def of(
        cls, cache: tuple[str, int] | None, codebook: Codebook | None, *, force: bool = False
    ) -> ClientCache | None:
        """For the batch options' cache (folder and size limit); None when it is off."""
        return None if cache is None else cls(shared(*cache), codebook, force=force)

    def job(self, job: Job) -> Job:
        """``job`` carrying the cached suggestions for its text, or asking for what the
        worker extracts; as it was when its article cannot be loaded (the worker says so)."""
        try:
            doc = load_article(job.article, Path(job.path))
        except LoadError:
            return job
        found = None
        if not self.force:
            found = self.cache.load(doc, EXTRACTOR_VERSION, self.codebook)
        if found is None:
            self._asked[job.index] = doc
        return replace(job, cache=None, suggestions=found, keep=found is None)

    def keep(self, job: Job, outcome: Outcome) -> Outcome:
        """Store what the worker extracted for ``job``; the outcome without it (it is big)."""
        doc = self._asked.pop(job.index, None)
        if outcome.suggestions is None:
            return outcome
        if doc is not None and outcome.version == EXTRACTOR_VERSION:
            self.cache.store(doc, EXTRACTOR_VERSION, outcome.suggestions, self.codebook)
        return replace(outcome, suggestions=None)
