"""Reading an article from disk: decode, normalise newlines, find title and dateline."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from tui.text.document import Document, LoadError
from tui.text.segment import dateline_end

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd"})
FRONT_MATTER_KEYS = ("title", "source", "url", "published", "date", "author")

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_HEADLINE_END = ".;,"


def decode(data: bytes) -> tuple[str, str, tuple[str, ...]]:
    """Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252 (with a notice)."""
    if data.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    else:
        encoding = ""
    if encoding:
        try:
            return data.decode(encoding), encoding.removesuffix("-sig"), ()
        except UnicodeDecodeError as exc:
            raise LoadError(
                f"not valid {encoding} despite its byte-order mark (byte {exc.start})"
            ) from None
    if b"\x00" in data:
        raise LoadError("binary file (contains NUL bytes), not an article")
    try:
        return data.decode("utf-8"), "utf-8", ()
    except UnicodeDecodeError as utf8_error:
        try:
            return data.decode("cp1252"), "cp1252", ("not UTF-8: decoded as cp1252",)
        except UnicodeDecodeError:
            raise LoadError(
                f"cannot decode: not UTF-8 (byte {utf8_error.start}), UTF-16 or cp1252"
            ) from None


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF; a stray BOM goes; nothing else changes."""
    return text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")


def _looks_binary(text: str) -> bool:
    # Control characters other than tab/newline/formfeed are rare in prose; in
    # quantity they mean we decoded something that is not text.
    sample = text[:65536]
    if not sample:
        return False
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\f\r")
    return bad / len(sample) > 0.05


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, text
    # Imported here: most articles have no front matter, and extraction alone needs no
    # YAML parser (its word lists come from a JSON cache), so a plain article never pays
    # the ~30 ms import.
    import yaml

    try:
        data = yaml.safe_load(m.group(1) or "") or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        raise LoadError(f"front matter is not valid YAML{where}") from None
    if not isinstance(data, dict):
        raise LoadError("front matter is not a mapping of keys to values")
    meta = {
        str(k): str(v) for k, v in data.items() if v is not None and not isinstance(v, (dict, list))
    }
    return meta, text[m.end() :]


def find_title(text: str) -> tuple[int, int] | None:
    """The first line, when it reads as a headline: short, no closing full stop, more follows."""
    first_end = text.find("\n")
    if first_end <= 0:
        return None
    line = text[:first_end]
    stripped = line.strip()
    if not stripped or len(stripped) > 160 or stripped[-1] in _HEADLINE_END:
        return None
    if len(stripped.split()) < 2 or not text[first_end:].strip():
        return None
    if dateline_end(stripped, 0, len(stripped)) > 0:
        return None
    start = len(line) - len(line.lstrip())
    return start, start + len(stripped)


def find_dateline(text: str, start: int = 0) -> tuple[int, int] | None:
    """A wire dateline ("ALEPPO, Syria (Reuters) - ") at the start of the body."""
    line_end = text.find("\n", start)
    end = dateline_end(text, start, len(text) if line_end < 0 else line_end)
    return (start, end) if end > start else None


def load_text(data: bytes, *, markdown: bool = False, path: Path | None = None) -> Document:
    """A document from raw bytes (the file's contents)."""
    if not data.strip():
        raise LoadError("empty file: nothing to read")
    raw, encoding, notices = decode(data)
    text = normalise_newlines(raw)
    if _looks_binary(text):
        raise LoadError("binary file (mostly control characters), not an article")
    meta: dict[str, str] = {}
    fmt = "text"
    if markdown:
        meta, text = _front_matter(text)
        # Imported here: a plain .txt article never pays for the Markdown parser.
        from tui.text.markdown import render_markdown

        text = render_markdown(text)
        fmt = "markdown"
    if not text.strip():
        raise LoadError("empty article: no text after the front matter")
    title: str | None = meta.get("title")
    title_span = None
    body_start = 0
    if title is not None:
        # The front matter's title repeated as the first heading is that title, not body.
        first_end = text.find("\n")
        first = text[: first_end if first_end >= 0 else len(text)]
        if first.strip() == title.strip():
            title_span = (len(first) - len(first.lstrip()), len(first.rstrip()))
            body_start = len(first)
    else:
        title_span = find_title(text)
        if title_span is not None:
            title = text[title_span[0] : title_span[1]]
            body_start = text.find("\n", title_span[1])
            body_start = len(text) if body_start < 0 else body_start
    while body_start < len(text) and text[body_start] in " \t\n":
        body_start += 1
    dateline = find_dateline(text, body_start)
    return Document(
        text=text,
        path=path,
        title=title,
        title_span=title_span,
        dateline=dateline,
        meta=meta,
        encoding=encoding,
        notices=notices,
        format=fmt,
    )


def is_markdown(path: Path) -> bool:
    return path.suffix.lower() in MARKDOWN_SUFFIXES


def load_document(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read an article file; every failure is a LoadError with a one-line reason."""
    p = Path(path)
    data = read_article_bytes(p, max_bytes=max_bytes)
    try:
        return load_text(data, markdown=is_markdown(p), path=p)
    except LoadError as exc:
        raise LoadError(f"{p}: {exc}") from None


def read_article_bytes(p: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """An article file's bytes, or a LoadError naming it (missing, a folder, too large...)."""
    try:
        if p.is_dir():
            raise LoadError(f"{p}: is a folder, not an article")
        size = p.stat().st_size
    except FileNotFoundError:
        raise LoadError(f"{p}: no such file") from None
    except PermissionError:
        raise LoadError(f"{p}: permission denied") from None
    except OSError as exc:
        raise LoadError(f"{p}: cannot read ({exc.strerror or exc})") from None
    if size > max_bytes:
        raise LoadError(
            f"{p}: too large ({size / 1_048_576:.1f} MB; the limit is {max_bytes / 1_048_576:.1f} MB,"
            " change it with --max-size)"
        )
    try:
        data = p.read_bytes()
    except PermissionError:
        raise LoadError(f"{p}: permission denied") from None
    except OSError as exc:
        raise LoadError(f"{p}: cannot read ({exc.strerror or exc})") from None
    if len(data) > max_bytes:  # grew since stat
        raise LoadError(f"{p}: too large (limit {max_bytes} bytes)")
    return data
