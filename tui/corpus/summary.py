"""One article's row in the library: title, source, date, size and how far its review is."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.corpus.reviewers import last_review
from tui.review import ReviewSession
from tui.text.document import Document

_DATELINE_SOURCE = re.compile(r"\(([^()\n]{1,40})\)")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """What the library lists for an article. Counts mean something once it is extracted:
    it has a sidecar (``annotated``), or your extraction cache holds its suggestions
    (``cached``: set by the library as it lists the row, never stored in the index)."""

    path: str  # relative to the library's folder, with "/" separators
    title: str
    source: str = ""
    date: str = ""
    words: int = 0
    annotated: bool = False
    claims_total: int = 0
    claims_reviewed: int = 0
    events: int = 0
    suggestions: int = 0
    attention: int = 0
    last_by: str = ""
    last_at: str = ""
    error: str = ""  # why the article or its sidecar cannot be used, one line
    cached: bool = False

    @property
    def extracted(self) -> bool:
        """Opening it shows its suggestions at once: from its sidecar, or from the cache."""
        return self.annotated or self.cached

    @property
    def done(self) -> bool:
        """Every claim judged, no suggestion left, nothing to fix."""
        return (
            self.extracted
            and not self.error
            and self.claims_reviewed >= self.claims_total
            and self.suggestions == 0
            and self.attention == 0
        )


def article_source(doc: Document) -> str:
    """Front matter's ``source``, else the agency in a wire dateline ("(Reuters)")."""
    source = doc.meta.get("source", "").strip()
    if source:
        return source
    if doc.dateline is not None:
        m = _DATELINE_SOURCE.search(doc.text, doc.dateline[0], doc.dateline[1])
        if m:
            return m.group(1).strip()
    return ""


def article_date(doc: Document) -> str:
    """Front matter's ``published`` or ``date``, shortened to YYYY-MM-DD when it is ISO."""
    for key in ("published", "date"):
        value = doc.meta.get(key, "").strip()
        if value:
            m = _ISO_DATE.match(value)
            return m.group(0) if m else value
    return ""


def untitled(path: str) -> str:
    """A title from the file name when the article has none."""
    name = path.rsplit("/", 1)[-1]
    return name.rsplit(".", 1)[0] if "." in name else name


def summarise(rel_path: str, session: ReviewSession, *, annotated: bool) -> ArticleSummary:
    """The library row for an opened article."""
    doc = session.document
    ann = session.annotations
    progress = session.progress
    last_by, last_at = last_review(ann) or ("", "")
    return ArticleSummary(
        path=rel_path,
        title=(doc.title or "").strip() or untitled(rel_path),
        source=article_source(doc),
        date=article_date(doc),
        words=len(doc.text.split()),
        annotated=annotated,
        claims_total=progress.claims_total,
        claims_reviewed=progress.claims_reviewed,
        events=sum(1 for e in ann.events if e.status != "rejected"),
        suggestions=progress.suggestions_left,
        attention=len(session.needs_attention()) + (1 if session.read_only else 0),
        last_by=last_by,
        last_at=last_at,
        error=session.read_only or "",
    )
