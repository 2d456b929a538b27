"""The YAML sidecar beside an article: format, safe reading, atomic writing.

``aleppo.txt`` -> ``aleppo.txt.marginalia.yaml``. Read with a safe loader only;
a file that does not parse, is not ours, or is from a newer format version raises
SidecarError (with file and line) and is never overwritten by :func:`save`.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from tui.model import Annotations
from tui.store import emit, fastyaml, layout_reader, leftovers
from tui.store.codec import CodecError, decode, encode

# 2: an event holds several trigger mentions ("mentions"); format 1 files read as before
FORMAT_VERSION = 2
SUFFIX = ".marginalia.yaml"
BACKUP_SUFFIX = ".bak"
_HEADER_KEY = re.compile(rb"^marginalia:[ \t]*\d+[ \t]*$", re.M)

# libyaml when present: same safe semantics, several times faster on big files.
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class SidecarError(Exception):
    """A sidecar we must not use or overwrite; ``str()`` is one line for the user."""

    def __init__(self, path: Path | None, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.path = path
        self.line = line
        self.message = message

    def __str__(self) -> str:
        where = str(self.path) if self.path else "sidecar"
        if self.line is not None:
            where += f":{self.line}"
        return f"{where}: {self.message}"


@dataclass(frozen=True, slots=True)
class Sidecar:
    """A parsed sidecar: which document text it was written for, and its annotations."""

    annotations: Annotations
    sha256: str
    length: int
    name: str = ""
    version: int = FORMAT_VERSION
    # The extractor whose suggestions it holds (tui.extract.version), when recorded.
    extractor: str | None = None


def sidecar_path(article: str | Path) -> Path:
    p = Path(article)
    return p.with_name(p.name + SUFFIX)


def dumps(
    annotations: Annotations,
    *,
    sha256: str,
    length: int,
    name: str = "",
    extractor: str | None = None,
) -> str:
    """The sidecar text (deterministic: the same annotations give the same bytes)."""
    body: dict[str, Any] = {
        "marginalia": FORMAT_VERSION,
        "document": {"name": name, "sha256": sha256, "length": length},
    }
    if extractor:  # optional: a file without it reads, and is simply not "current"
        body["extractor"] = extractor
    body.update(encode(annotations))
    header = f"# Marginalia annotations{' for ' + name if name else ''}. Format: docs/format.md\n"
    return header + emit.dump(body)


def _line_of(node: yaml.Node | None, path: list[str | int]) -> int | None:
    """The 1-based line of the value at ``path`` in a composed YAML tree."""
    line = node.start_mark.line + 1 if node is not None else None
    for key in path:
        if isinstance(node, yaml.MappingNode) and isinstance(key, str):
            match = next((v for k, v in node.value if getattr(k, "value", None) == key), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            match = node.value[key]
        else:
            match = None
        if match is None:
            break
        node = match
        line = node.start_mark.line + 1
    return line


def loads(text: str, *, path: Path | None = None) -> Sidecar:
    """Parse sidecar text; any problem is a SidecarError naming the file and line."""
    exact = layout_reader.read(text, FORMAT_VERSION)  # our writer's own layout: fastest
    if exact is not None:
        return Sidecar(*exact)
    data = fastyaml.parse(text)  # our own writer's subset, ~10x faster; else None
    if data is not None:
        try:
            return _sidecar(data, None, path)
        except SidecarError:
            pass  # parse again with PyYAML, whose node tree gives the line numbers
    node, data = _compose(text, path)
    return _sidecar(data, node, path)


def _compose(text: str, path: Path | None) -> tuple[yaml.Node | None, Any]:
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        problem = getattr(exc, "problem", None) or "not valid YAML"
        raise SidecarError(
            path, f"not valid YAML ({problem})", mark.line + 1 if mark else None
        ) from None
    finally:
        loader.dispose()
    return node, data


def _sidecar(data: Any, node: yaml.Node | None, path: Path | None) -> Sidecar:
    """A Sidecar from parsed data; ``node`` (when known) locates errors by line."""
    if not isinstance(data, dict) or "marginalia" not in data:
        raise SidecarError(path, "not a Marginalia sidecar (no 'marginalia:' format version)", 1)
    version = data["marginalia"]
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise SidecarError(path, f"bad format version {version!r}", _line_of(node, ["marginalia"]))
    if version > FORMAT_VERSION:
        raise SidecarError(
            path,
            f"written by a newer Marginalia (format {version}; this version reads up to {FORMAT_VERSION})",
            _line_of(node, ["marginalia"]),
        )
    try:
        doc = data.get("document")
        if not isinstance(doc, dict):
            raise CodecError(["document"], "missing or not a mapping")
        sha = doc.get("sha256")
        length = doc.get("length")
        if not isinstance(sha, str):
            raise CodecError(["document", "sha256"], "missing or not text")
        if isinstance(length, bool) or not isinstance(length, int):
            raise CodecError(["document", "length"], "missing or not an integer")
        annotations = decode(data)
    except CodecError as exc:
        raise SidecarError(path, str(exc), _line_of(node, exc.path)) from None
    extractor = data.get("extractor")
    return Sidecar(
        annotations,
        sha,
        length,
        str(doc.get("name") or ""),
        version,
        extractor if isinstance(extractor, str) and extractor else None,
    )


def read(path: Path) -> Sidecar | None:
    """The sidecar at ``path``, or None when there is none."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise SidecarError(path, f"cannot read ({exc.strerror or exc})") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SidecarError(path, f"not UTF-8 text (byte {exc.start})") from None
    return loads(text, path=path)


def _fsync_dir(folder: Path) -> None:
    # Makes the rename itself durable; not possible on every platform.
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _keep_backup(path: Path) -> None:
    """Keep the current file as ``<path>.bak`` (atomically, without a gap at ``path``)."""
    backup = path.with_name(path.name + BACKUP_SUFFIX)
    fd, tmp = tempfile.mkstemp(prefix=f".{backup.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        os.unlink(tmp)
        try:
            os.link(path, tmp)  # cheap: the old inode stays the backup
        except OSError:
            with open(path, "rb") as src, open(tmp, "wb") as dst:
                dst.write(src.read())
        os.replace(tmp, backup)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _mode_for(path: Path) -> int:
    """The existing file's permissions, else what a plain open() would give (0666 - umask)."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_atomic(path: Path, data: bytes, *, backup: bool = True) -> None:
    """Write ``data`` to ``path`` so that a crash leaves either the old or the new file."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        # Locked until renamed: another process sweeping leftovers leaves it alone.
        leftovers.hold(fd)
        # mkstemp makes 0600 files; a sidecar kept in git should look like any other file.
        os.fchmod(fd, _mode_for(path))
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
            if backup and path.exists():
                _keep_backup(path)
            os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_dir(path.parent)


def check_overwritable(path: Path) -> None:
    """Refuse to replace a file that is not one of ours (cheap: looks at the header only)."""
    try:
        with open(path, "rb") as f:
            head = f.read(4096)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise SidecarError(path, f"cannot read ({exc.strerror or exc})") from None
    if not _HEADER_KEY.search(head):
        raise SidecarError(path, "exists and is not a Marginalia sidecar; not overwriting it")


def save(
    path: Path,
    annotations: Annotations,
    *,
    sha256: str,
    length: int,
    name: str = "",
    extractor: str | None = None,
) -> None:
    """Write the sidecar atomically, keeping the previous version as ``.bak``."""
    check_overwritable(path)
    text = dumps(annotations, sha256=sha256, length=length, name=name, extractor=extractor)
    write_atomic(path, text.encode("utf-8"))
