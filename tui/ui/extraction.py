"""Running the extractor where it can be abandoned: a child process, or a thread no one joins.

The reader must answer ``q``, SIGTERM and SIGHUP within a second whatever the
extractor is doing, and an extractor stuck in a regular expression holds the
interpreter lock for as long as it likes. So the shipped extractor runs in a
child process: started as soon as the reader knows it needs one (the sidecar is
not current and the cache has nothing: it loads its models while the reader
draws its first frame), told the document over a pipe, killed on quit. When the
sidecar or the cache has the suggestions, no child is started at all: loading
the models would only take the other core from the reader.
Its results come back in batches, each unpickled quickly, so the reader's own
thread never waits long for the lock. Then, with the reader already showing them,
the child keeps them in the extraction cache (:mod:`tui.cache.extractions`) for the
next opening: encoding them there costs the reader nothing. Nothing here imports
textual.

Run as ``python -m tui.ui.extraction``: the child side.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import subprocess
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, Any, Protocol

from tui.cache.extractions import ExtractionCache
from tui.extract.codebook import Codebook
from tui.extract.version import extractor_version
from tui.model import Annotations
from tui.text.document import Document

Extractor = Callable[[Document], Annotations]
Done = Callable[[Annotations | None, str | None], None]
BATCH = 2000  # items per pickle: unpickling one holds the interpreter lock for a few ms
ROOT = Path(__file__).resolve().parents[2]


class Extraction(Protocol):
    """Finds a document's annotations in the background; ``done`` is called from another
    thread with the annotations or a one-line error, unless cancelled first.

    With ``keep_in`` set, :meth:`cached` looks there first, and what ``start`` finds is
    stored there afterwards, keyed by ``version`` (the extractor's; None: unknown, so
    nothing is cached) and the codebook.
    """

    version: str | None
    keep_in: ExtractionCache | None

    def cached(self, document: Document) -> Annotations | None: ...

    def warm(self) -> None:
        """Get ready to extract (load the models) now: ``start`` will be called."""

    def start(self, document: Document, done: Done) -> None: ...

    def cancel(self) -> None: ...


def _cached(
    keep_in: ExtractionCache | None,
    version: str | None,
    codebook: Codebook | None,
    document: Document,
) -> Annotations | None:
    if keep_in is None or not version:
        return None
    return keep_in.load(document, version, codebook)


class ThreadExtraction:
    """An in-process extractor (a test's, a script's) in a daemon thread never joined."""

    def __init__(
        self, extractor: Extractor, version: str | None = None, codebook: Codebook | None = None
    ) -> None:
        self._extractor = extractor
        self._cancelled = threading.Event()
        self.version = version
        self.keep_in: ExtractionCache | None = None
        self._codebook = codebook

    def cached(self, document: Document) -> Annotations | None:
        """What this extractor found in ``document`` before, if the cache has it."""
        return _cached(self.keep_in, self.version, self._codebook, document)

    def warm(self) -> None:
        """Nothing to load: the function is in this process."""

    def start(self, document: Document, done: Done) -> None:
        def run() -> None:
            try:
                result: Annotations | None = self._extractor(document)
                error = None
            except Exception as exc:  # an extractor bug must not take the reader down
                result, error = None, f"extraction failed: {exc.__class__.__name__}: {exc}"
            if not self._cancelled.is_set():
                done(result, error)
            if result is not None and self.keep_in is not None and self.version:
                self.keep_in.store(document, self.version, result, self._codebook)

        threading.Thread(target=run, name="marginalia-extract", daemon=True).start()

    def cancel(self) -> None:
        self._cancelled.set()


class ProcessExtraction:
    """The shipped extractor in a child process, started (by ``warm``, else ``start``)
    only once extraction is known to be needed."""

    def __init__(self, codebook: Codebook | None = None, argv: Sequence[str] = ()) -> None:
        self._codebook = codebook
        self._argv = list(argv) or [sys.executable, "-m", "tui.ui.extraction"]
        self._proc: subprocess.Popen[bytes] | None = None
        self._lock = threading.Lock()  # warm (the opening thread) against cancel (the UI's)
        self._cancelled = threading.Event()
        self._received = threading.Event()  # the child has sent everything; it may be caching
        self.version: str | None = extractor_version()
        self.keep_in: ExtractionCache | None = None

    def warm(self) -> None:
        """Start the child now, so it loads its models while the reader draws; once."""
        self._child()

    def _child(self) -> subprocess.Popen[bytes] | None:
        """The child process, started on first use; None once cancelled."""
        with self._lock:
            if self._proc is None and not self._cancelled.is_set():
                # The child imports this same package, wherever it was imported from.
                path = [str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])]
                self._proc = subprocess.Popen(
                    self._argv,
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.DEVNULL,
                    env={**os.environ, "PYTHONPATH": os.pathsep.join(path)},
                    # Its own session: a SIGHUP for the terminal is the reader's to handle.
                    start_new_session=True,
                )
            return self._proc

    def cached(self, document: Document) -> Annotations | None:
        """What this extractor found in ``document`` before, if the cache has it."""
        return _cached(self.keep_in, self.version, self._codebook, document)

    def start(self, document: Document, done: Done) -> None:
        keep = self.keep_in
        cache = (str(keep.folder), keep.max_bytes, self.version) if keep is not None else None
        request = pickle.dumps((document, self._codebook, cache), protocol=pickle.HIGHEST_PROTOCOL)

        proc = self._child()
        if proc is None:
            return  # cancelled: nothing is reported

        def run() -> None:
            result: Annotations | None = None
            error: str | None = None
            try:
                assert proc.stdin is not None and proc.stdout is not None
                proc.stdin.write(request)
                proc.stdin.close()
                result, error = _receive(proc.stdout)
            except (OSError, EOFError, pickle.UnpicklingError, ValueError) as exc:
                error = f"extraction stopped: {exc.__class__.__name__}"
            self._received.set()
            if not self._cancelled.is_set():
                done(result, error)  # before the wait: the child may still be caching
            proc.wait()

        threading.Thread(target=run, name="marginalia-extract-io", daemon=True).start()

    def cancel(self) -> None:
        """Stop the child now (quit, SIGTERM, SIGHUP, or no extraction needed), unless all
        it has left to do is fill the cache: that ends on its own within a second or two."""
        with self._lock:
            self._cancelled.set()  # and no child is started from now on
            proc = self._proc
        if proc is None:
            return
        if proc.poll() is None and not self._received.is_set():
            proc.kill()
        for pipe in (proc.stdin, proc.stdout):
            if pipe is not None:
                with contextlib.suppress(OSError):
                    pipe.close()

    @property
    def started(self) -> bool:
        """Whether the child process was started."""
        return self._proc is not None

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc is not None else None


def _receive(stream: IO[bytes]) -> tuple[Annotations | None, str | None]:
    """Read the child's answer: an error line, or the annotations in batches."""
    head = pickle.load(stream)
    if isinstance(head, str):
        return None, head
    parts: dict[str, list[Any]] = {k: [] for k in ("entities", "mentions", "claims", "events")}
    while True:
        batch = pickle.load(stream)
        if batch is None:
            break
        kind, items = batch
        parts[kind].extend(items)
    return (
        Annotations(
            tuple(parts["entities"]),
            tuple(parts["mentions"]),
            tuple(parts["claims"]),
            tuple(parts["events"]),
        ),
        None,
    )


def _send(stream: IO[bytes], ann: Annotations) -> None:
    pickle.dump(len(ann.mentions), stream)  # not an error: batches follow
    for kind in ("entities", "mentions", "claims", "events"):
        items = getattr(ann, kind)
        for i in range(0, len(items), BATCH):
            pickle.dump((kind, items[i : i + BATCH]), stream, protocol=pickle.HIGHEST_PROTOCOL)
    pickle.dump(None, stream)


def child_main() -> int:
    """Load the extractor at once, then extract the one document sent on stdin."""
    from tui.extract import extract

    # Load every model and word list now, while the reader draws its first frame.
    extract(Document("Officials in Aleppo said on Friday that 3 people were killed."))
    try:
        document, codebook, cache = pickle.load(sys.stdin.buffer)
    except (EOFError, pickle.UnpicklingError):
        return 0  # the reader did not need us after all
    out = sys.stdout.buffer
    try:
        ann = extract(document, codebook) if codebook is not None else extract(document)
    except Exception as exc:
        pickle.dump(f"extraction failed: {exc.__class__.__name__}: {exc}", out)
        out.flush()
        return 1
    _send(out, ann)
    out.flush()  # the reader has it all now, and shows it while this keeps a copy
    if cache is not None:
        folder, max_bytes, version = cache
        ExtractionCache(Path(folder), max_bytes=max_bytes).store(document, version, ann, codebook)
    return 0


if __name__ == "__main__":
    sys.exit(child_main())
