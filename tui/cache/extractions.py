"""A cache of the extractor's suggestions, kept away from the articles.

Opening an article and changing nothing writes no sidecar beside it (the user only
looked), so without this every reopen extracts again: 17 s for a 1 MB article. The
cache keeps what the extractor found, per text, in
``$XDG_CACHE_HOME/marginalia/extractions/`` (default ``~/.cache``; the config's
``cache`` setting moves it or turns it off, ``$MARGINALIA_CACHE_DIR`` moves it). It holds
machine suggestions only: a sidecar, when current, is the reviewed truth and wins.

An entry's name is a hash of everything that decides the extractor's output (the
text's sha256 and where its title is, the extractor version, the codebook), so a
changed text, extractor or codebook simply finds no entry. A file is two lines of
JSON: a header (format, the key in full, the body's sha256 and length) and the body
(:mod:`tui.cache.codec`). Reading checks all of it, and anything that does not
fit (truncated, corrupt, foreign, another version) is a miss, never an error. No
pickle: a shared cache folder must not be able to run code. Writes go to a temporary
file renamed into place, so a kill loses at most the entry being written; their
leftovers are swept. Past ``max_bytes`` the least recently used entries go (a hit
touches its entry's mtime: atime is often not kept).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import stat
import tempfile
import threading
import time
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, BinaryIO

from tui.cache import codec as cache_codec
from tui.extract.codebook import Codebook
from tui.extract.collector import collector_paused
from tui.model import Annotations
from tui.text.document import Document

# Of the files; a new one never reads an old one's entries. This package is not part of
# the extractor version (tui.extract.version hashes tui/extract only), so a change to what
# an entry holds or how (tui.cache.codec) must raise it.
FORMAT = 1
MAGIC = "marginalia-extraction-cache"
SUFFIX = ".json"
DEFAULT_MAX_MB = 256
ENV_DIR = "MARGINALIA_CACHE_DIR"
# Between full scans of the folder, this many writes are counted against the last
# scan's total (other processes write too, so the count is only a guess for so long).
RESCAN_EVERY = 64
# A temporary file this old was left by a writer that was killed (a write takes a second
# at most); one younger may be being written right now.
STALE_TMP = 600.0
_ENTRY = re.compile(r"[0-9a-f]{64}" + re.escape(SUFFIX))
_TMP = re.compile(r"\.[0-9a-f]{64}" + re.escape(SUFFIX) + r"\.[a-z0-9_]{8}\.tmp")


def default_folder() -> Path:
    """``$XDG_CACHE_HOME/marginalia`` (a relative XDG path is ignored, as the spec says)."""
    base = os.environ.get("XDG_CACHE_HOME") or ""
    root = Path(base) if base and Path(base).is_absolute() else Path.home() / ".cache"
    return root / "marginalia"


@dataclass(frozen=True, slots=True)
class CacheSettings:
    """The config's ``cache`` setting: on or off, where, how big."""

    enabled: bool = True
    folder: Path | None = None  # None: $MARGINALIA_CACHE_DIR, else the XDG default
    max_mb: int = DEFAULT_MAX_MB

    def open(self) -> ExtractionCache | None:
        """The cache these settings describe, or None when it is turned off."""
        if not self.enabled:
            return None
        env = os.environ.get(ENV_DIR, "")
        try:
            folder = Path(env).expanduser() if env else self.folder or default_folder()
        except RuntimeError:  # no home folder to put it in: go without
            return None
        return ExtractionCache(folder, max_bytes=self.max_mb * 1024 * 1024)


def parse_settings(raw: Any) -> tuple[CacheSettings, tuple[str, ...]]:
    """The ``cache:`` value of a config file (``false``, or a mapping of ``enabled``,
    ``dir``, ``max_mb``) and what was wrong with it; bad parts keep their defaults."""
    if raw is None:
        return CacheSettings(), ()
    if isinstance(raw, bool):
        return CacheSettings(enabled=raw), ()
    if not isinstance(raw, dict):
        return CacheSettings(), ("cache must be false, or a mapping of enabled, dir, max_mb",)
    settings, problems = CacheSettings(), []
    unknown = [str(k) for k in raw if k not in ("enabled", "dir", "max_mb")]
    if unknown:
        problems.append("cache: unknown key " + ", ".join(unknown))
    enabled = raw.get("enabled", True)
    if isinstance(enabled, bool):
        settings = replace(settings, enabled=enabled)
    else:
        problems.append("cache: enabled must be true or false")
    folder = raw.get("dir")
    path = Path(folder.strip()).expanduser() if isinstance(folder, str) else None
    if path is not None and path.is_absolute():
        settings = replace(settings, folder=path)
    elif folder is not None:
        problems.append("cache: dir must be a full folder path (~ for your home)")
    max_mb = raw.get("max_mb", DEFAULT_MAX_MB)
    if isinstance(max_mb, int) and not isinstance(max_mb, bool) and max_mb >= 1:
        settings = replace(settings, max_mb=max_mb)
    else:
        problems.append("cache: max_mb must be a whole number of megabytes, at least 1")
    return settings, tuple(problems)


def settings_in_file(path: Path) -> tuple[CacheSettings, tuple[str, ...]]:
    """The ``cache`` setting of the config file at ``path`` (defaults when there is none)
    and what was wrong with it, for commands that read no other setting."""
    import yaml

    from tui.data import parse_yaml

    try:
        data = parse_yaml(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return CacheSettings(), ()
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:  # the reader says more
        return CacheSettings(), (f"{path}: cannot read the cache setting ({type(exc).__name__})",)
    return parse_settings(data.get("cache") if isinstance(data, dict) else None)


@lru_cache(maxsize=4)
def shared(folder: str, max_bytes: int) -> ExtractionCache:
    """One cache object per folder in this process (it keeps a running size between scans)."""
    return ExtractionCache(Path(folder), max_bytes=max_bytes)


def extract_cached(
    document: Document,
    codebook: Codebook | None,
    cache: ExtractionCache | None,
    *,
    reuse: bool = True,
) -> Annotations:
    """The shipped extractor's suggestions for ``document``: from ``cache`` when it has
    them (and ``reuse``), else extracted and stored there."""
    from tui.extract import extract
    from tui.extract.version import extractor_version

    version = extractor_version()
    if cache is not None and reuse:
        found = cache.load(document, version, codebook)
        if found is not None:
            return found
    found = extract(document, codebook)
    if cache is not None:
        cache.store(document, version, found, codebook)
    return found


def codebook_fingerprint(codebook: Codebook | None) -> str:
    """What of the codebook extraction depends on ("" for the packaged one, whose file is
    part of the extractor version already)."""
    if codebook is None:
        return ""
    # Its values are plain strings, numbers and tuples: repr is stable. Where it was
    # read from does not change what it codes.
    return hashlib.sha256(repr(replace(codebook, source="")).encode("utf-8")).hexdigest()


def entry_key(document: Document, extractor: str, codebook: Codebook | None) -> dict[str, Any]:
    """Everything that decides the extractor's output for ``document``."""
    return text_key(
        TextKey(document.sha256, len(document.text), document.title_span), extractor, codebook
    )


@dataclass(frozen=True, slots=True)
class TextKey:
    """What of a document the extractor's output depends on: its text (by the sha256 and
    length after decoding, as in the sidecar) and where its title is. The library's index
    keeps it per article, so the cache can be asked without loading the article."""

    sha256: str
    length: int
    title: tuple[int, int] | None


def text_key(text: TextKey, extractor: str, codebook: Codebook | None) -> dict[str, Any]:
    """:func:`entry_key` from a :class:`TextKey` instead of the document."""
    return {
        "format": FORMAT,
        "sha256": text.sha256,
        "length": text.length,
        "title": list(text.title) if text.title is not None else None,
        "extractor": extractor,
        "codebook": codebook_fingerprint(codebook),
    }


class ExtractionCache:
    """The entries in one folder; every method is safe to call from any thread or process."""

    def __init__(self, folder: Path, *, max_bytes: int = DEFAULT_MAX_MB * 1024 * 1024) -> None:
        self.folder = Path(folder)
        self.entries = self.folder / "extractions"
        self.max_bytes = max_bytes
        self._lock = threading.Lock()
        self._known_bytes: int | None = None  # the folder's size at the last scan, plus writes
        self._writes = 0

    def path_for(self, key: dict[str, Any]) -> Path:
        name = hashlib.sha256(json.dumps(key, sort_keys=True).encode("utf-8")).hexdigest()
        return self.entries / (name + SUFFIX)

    # ------------------------------------------------------------ reading

    def load(
        self, document: Document, extractor: str, codebook: Codebook | None = None
    ) -> Annotations | None:
        """The suggestions stored for ``document`` by this extractor, or None (a miss)."""
        key = entry_key(document, extractor, codebook)
        path = self.path_for(key)
        try:
            with _open_entry(path) as f:
                header = json.loads(f.readline(4096))
                if (
                    type(header) is not dict
                    or header.get(MAGIC) != FORMAT
                    or header.get("key") != key
                    or type(header.get("bytes")) is not int
                    or not 0 < header["bytes"] <= self.max_bytes
                ):
                    return None
                body = f.read(header["bytes"] + 1)
            if len(body) != header["bytes"]:
                return None  # truncated, or more than was written
            if hashlib.sha256(body).hexdigest() != header.get("sha256"):
                return None  # changed since it was written
            found = _decode(body, document.text)
        except (OSError, ValueError, RecursionError, MemoryError):
            return None  # absent, unreadable, not JSON, or not what we write: extract
        with contextlib.suppress(OSError):
            os.utime(path)  # recently used: the last to be pruned
        return found

    # ------------------------------------------------------------ writing

    def store(
        self,
        document: Document,
        extractor: str,
        annotations: Annotations,
        codebook: Codebook | None = None,
    ) -> bool:
        """Keep ``annotations`` (the extractor's output for ``document``) for next time.

        False when they are not cacheable (not all untouched suggestions of this text)
        or could not be written; a cache failure never stops anything else.
        """
        try:
            with collector_paused():  # as in _decode: many young objects, no cycles
                body = cache_codec.encode(annotations, document.text)
                if body is None:
                    return False
                text = json.dumps(body, ensure_ascii=False, separators=(",", ":"))
            data = text.encode("utf-8")
        except (ValueError, TypeError, RecursionError, MemoryError):
            return False  # a text Python cannot write as UTF-8 (a lone surrogate): no entry
        if len(data) > self.max_bytes:
            return False  # it would only push everything else out, then go itself
        key = entry_key(document, extractor, codebook)
        header = {
            MAGIC: FORMAT,
            "key": key,
            "bytes": len(data),
            "sha256": hashlib.sha256(data).hexdigest(),
            # what the library lists, readable without the body (tui.cache.counts)
            "counts": cache_codec.counts(annotations),
        }
        try:
            self._write(self.path_for(key), json.dumps(header).encode("utf-8") + b"\n" + data)
            self._written(len(data))
        except OSError:
            return False
        return True

    def _write(self, path: Path, data: bytes) -> None:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise

    def _written(self, size: int) -> None:
        with self._lock:
            self._writes += 1
            known = self._known_bytes
            if known is not None and self._writes % RESCAN_EVERY:
                self._known_bytes = known + size
                if self._known_bytes <= self.max_bytes:
                    return
        self.prune()

    # ------------------------------------------------------------ pruning

    def prune(self) -> list[Path]:
        """Remove the least recently used entries past ``max_bytes`` (down to nine tenths,
        so the next writes do not each prune again) and stale temporary files; the entries
        removed."""
        removed: list[Path] = []
        entries: list[tuple[float, int, Path]] = []
        try:
            scan = list(os.scandir(self.entries))
        except OSError:
            return removed
        now = time.time()
        for entry in scan:
            with contextlib.suppress(OSError):
                st = entry.stat(follow_symlinks=False)
                if _ENTRY.fullmatch(entry.name):
                    entries.append((st.st_mtime, st.st_size, Path(entry.path)))
                elif _TMP.fullmatch(entry.name) and now - st.st_mtime > STALE_TMP:
                    os.unlink(entry.path)  # its writer was killed
        total = sum(size for _, size, _ in entries)
        if total > self.max_bytes:
            goal = self.max_bytes * 9 // 10
            for _, size, path in sorted(entries):
                if total <= goal:
                    break
                with contextlib.suppress(OSError):  # gone already, or not ours to remove
                    path.unlink()
                    removed.append(path)
                total -= size
        with self._lock:
            self._known_bytes = total
        return removed


def _decode(body: bytes, text: str) -> Annotations:
    # Hundreds of thousands of new objects, none in a cycle: the collector would only walk
    # the whole heap again and again meanwhile, as it would during extraction.
    with collector_paused():
        return cache_codec.decode(json.loads(body), text)


def _open_entry(path: Path) -> BinaryIO:
    """``path`` opened for reading if it is a regular file: a link, a FIFO or a device
    put in a shared folder is refused at once (OSError), never waited on."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    fd = os.open(path, flags)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(f"{path.name}: not a regular file")
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
