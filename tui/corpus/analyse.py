"""From an article's bytes and its sidecar's bytes to its library row and search rows.

Pure (no file access), so a pool of processes can run it; the sidecar is placed on the
text exactly as the reader places it (ReviewSession), re-anchoring included.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tui.cache.extractions import TextKey
from tui.corpus.rows import SearchRow, search_rows
from tui.corpus.summary import ArticleSummary, summarise, untitled
from tui.review import ReviewSession
from tui.store import sidecar
from tui.text.document import Document, LoadError
from tui.text.loader import is_markdown, load_text


@dataclass(frozen=True, slots=True)
class Analysis:
    summary: ArticleSummary
    rows: tuple[SearchRow, ...]
    text: TextKey | None = None  # None: the article could not be loaded


def text_key_of(document: Document) -> TextKey:
    """What the extraction cache knows the document's text by."""
    return TextKey(document.sha256, len(document.text), document.title_span)


def parse_sidecar(data: bytes | None, path: Path) -> sidecar.Sidecar | None:
    """A sidecar from its bytes (None when there is none); SidecarError when unusable."""
    if data is None:
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise sidecar.SidecarError(path, f"not UTF-8 text (byte {exc.start})") from None
    return sidecar.loads(text, path=path)


def load_article(data: bytes, path: Path) -> Document:
    """The document from the article's bytes, as the reader loads it (LoadError naming it)."""
    try:
        return load_text(data, markdown=is_markdown(path), path=path)
    except LoadError as exc:
        raise LoadError(f"{path}: {exc}") from None


def open_session(path: Path, article: bytes, side: bytes | None) -> ReviewSession:
    """A session over already-read bytes; an unusable sidecar makes it read-only, as in the reader."""
    document = load_article(article, path)
    side_path = sidecar.sidecar_path(path)
    try:
        stored = parse_sidecar(side, side_path)
    except sidecar.SidecarError as exc:
        return ReviewSession(document, read_only=str(exc))
    return ReviewSession.from_stored(document, stored)


def analyse(rel_path: str, path: Path, article: bytes, side: bytes | None) -> Analysis:
    """The library row and search rows of one article; never raises for bad input."""
    try:
        session = open_session(path, article, side)
    except LoadError as exc:
        return Analysis(ArticleSummary(rel_path, untitled(rel_path), error=str(exc)), ())
    return analysis_of(rel_path, session, annotated=side is not None)


def analysis_of(rel_path: str, session: ReviewSession, *, annotated: bool) -> Analysis:
    """The library row and search rows of an open session (batch jobs have one at hand)."""
    summary = summarise(rel_path, session, annotated=annotated)
    rows = tuple(search_rows(session.document.text, session.annotations))
    return Analysis(summary, rows, text_key_of(session.document))
