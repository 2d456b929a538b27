"""One article's share of a batch extraction, as a pure function of bytes.

The client (the process that runs ``marginalia extract``) reads every file and writes
every sidecar; workers, in local processes or on a Dask cluster, get a :class:`Job`
(the bytes) and give back an :class:`Outcome` (the text to print or to write). So a
killed worker can never leave a file half-written, and a cluster needs no shared disk.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path

from tui.corpus.analyse import Analysis, analysis_of, load_article, parse_sidecar
from tui.corpus.freshness import EXTRACTOR_VERSION, is_current
from tui.extract.codebook import Codebook
from tui.extract.collector import collector_paused
from tui.model import Annotations
from tui.store import sidecar
from tui.text.document import Document, LoadError

MODES = ("write", "json", "yaml")

# Loads every model and word list the extractor uses, so that workers forked afterwards
# share them instead of each paying the start-up.
WARM_UP_TEXT = (
    "ALEPPO, Syria (Reuters) - Rebels seized the airport on Monday, killing at least 12 "
    'soldiers, the Syrian Observatory for Human Rights said. "We will respond," the army said.\n'
)


@dataclass(frozen=True, slots=True)
class Job:
    index: int  # position in the input, for output in input order
    path: str  # as the user gave it (messages, JSON "path")
    article: bytes
    sidecar: bytes | None = None
    recorded: tuple[str, str] | None = None  # (text sha256, extractor version) from the index
    force: bool = False  # extract even when the sidecar is current
    # the extraction cache's folder and size limit (tui.cache.extractions), on this machine only
    cache: tuple[str, int] | None = None
    # On a cluster, whose workers cannot see the client's cache: what the client found
    # there for this text (used instead of extracting), and whether to give back what the
    # worker extracts, for the client to keep (tui.corpus.remote_cache).
    suggestions: Annotations | None = None
    keep: bool = False


@dataclass(frozen=True, slots=True)
class Outcome:
    index: int
    path: str
    status: str  # "written" (data to write) | "unchanged" | "current" | "printed" | "failed"
    data: bytes = b""  # the sidecar to write, or the text to print
    words: int = 0
    sha256: str = ""  # of the document text
    notices: tuple[str, ...] = ()
    error: str = ""
    bad_input: bool = False  # the article itself cannot be read (exit 2 when printing)
    # with --write: the article's library row and search rows, as the sidecar now has it,
    # so the library's index is up to date without reading the sidecar again
    analysis: Analysis | None = None
    # with Job.keep: what the worker's extractor (of this version) found, for the client's cache
    suggestions: Annotations | None = None
    version: str = ""


def warm_up(codebook: Codebook | None = None) -> None:
    """Load the extractor's models now (before forking workers, or in each spawned one)."""
    from tui.extract import extract

    extract(Document(WARM_UP_TEXT), codebook)


def run_job(job: Job, mode: str, codebook: Codebook | None = None) -> Outcome:
    """Extract one article; never raises (a failure is an Outcome with its one-line reason)."""
    path = Path(job.path)
    try:
        doc = load_article(job.article, path)
    except LoadError as exc:
        return Outcome(job.index, job.path, "failed", error=str(exc), bad_input=True)
    words = len(doc.text.split())
    made: list[Annotations] = []
    try:
        with collector_paused():  # extracting and writing out: see tui.extract.collector
            if mode == "write":
                outcome = _refresh_sidecar(job, doc, words, codebook, made)
            else:
                outcome = _print(job, doc, words, mode, codebook, made)
        if made:
            return replace(outcome, suggestions=made[0], version=EXTRACTOR_VERSION)
        return outcome
    except sidecar.SidecarError as exc:
        return Outcome(job.index, job.path, "failed", words=words, error=f"{exc}; left as it was")
    except Exception as exc:  # a bug in the extractor must not cost the other files
        return Outcome(
            job.index,
            job.path,
            "failed",
            words=words,
            error=f"{path}: internal error while extracting "
            f"({type(exc).__name__}: {exc}); please report it",
        )


def _extract(
    job: Job, doc: Document, codebook: Codebook | None, made: list[Annotations]
) -> Annotations:
    """The extractor's suggestions, from the cache when it has them (not with --force);
    with ``job.keep``, what was extracted also goes into ``made``."""
    from tui.cache.extractions import extract_cached, shared

    if job.suggestions is not None:
        return job.suggestions  # the client's cache had them
    cache = shared(*job.cache) if job.cache is not None else None
    found = extract_cached(doc, codebook, cache, reuse=not job.force)
    if job.keep:
        made.append(found)
    return found


def _refresh_sidecar(
    job: Job, doc: Document, words: int, codebook: Codebook | None, made: list[Annotations]
) -> Outcome:
    """The sidecar with fresh suggestions merged in exactly as the reader merges them."""
    from tui.review import ReviewSession

    stored = parse_sidecar(job.sidecar, sidecar.sidecar_path(Path(job.path)))
    session = ReviewSession.from_stored(doc, stored, codebook=codebook)
    if not job.force and is_current(stored, doc.sha256, job.recorded):
        analysis = analysis_of(job.path, session, annotated=True)
        return Outcome(
            job.index, job.path, "current", words=words, sha256=doc.sha256, analysis=analysis
        )
    session.apply_extraction(_extract(job, doc, codebook, made))
    data = sidecar.dumps(
        session.annotations, sha256=doc.sha256, length=len(doc.text), name=Path(job.path).name
    ).encode("utf-8")
    status = "unchanged" if data == job.sidecar else "written"
    return Outcome(
        job.index,
        job.path,
        status,
        data=b"" if status == "unchanged" else data,
        words=words,
        sha256=doc.sha256,
        notices=doc.notices,
        analysis=analysis_of(job.path, session, annotated=True),
    )


def _print(
    job: Job,
    doc: Document,
    words: int,
    mode: str,
    codebook: Codebook | None,
    made: list[Annotations],
) -> Outcome:
    from tui.headless_json import document_json

    ann = _extract(job, doc, codebook, made)
    path = Path(job.path)
    if mode == "json":
        text = json.dumps(document_json(doc, ann, path), ensure_ascii=False) + "\n"
    else:
        text = sidecar.dumps(ann, sha256=doc.sha256, length=len(doc.text), name=path.name)
    return Outcome(
        job.index,
        job.path,
        "printed",
        data=text.encode("utf-8"),
        words=words,
        sha256=doc.sha256,
        notices=doc.notices,
    )


__all__ = ["EXTRACTOR_VERSION", "MODES", "Job", "Outcome", "run_job", "warm_up"]
