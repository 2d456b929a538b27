"""What every export starts from: an article, its sidecar placed on it, and a status filter.

The sidecar is read and re-anchored exactly as the reader opens it (same reader,
same :func:`tui.store.anchoring.reanchor`), so an export shows what the reviewer
saw. Items that could not be placed (orphans) are never exported: their offsets
no longer point at their quote. They are counted so the command can say so.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from tui.model import Annotations, Claim, Event, Mention
from tui.store import anchoring, sidecar
from tui.text.document import Document, LoadError
from tui.text.folders import articles_in
from tui.text.loader import DEFAULT_MAX_BYTES, load_document

STATUS_CHOICES = ("default", "accepted", "reviewed", "all")


class SourceError(Exception):
    """An article or sidecar that cannot be exported; the message is one line."""


@dataclass(frozen=True, slots=True)
class Article:
    """One article ready to export: its text and the annotations chosen for export."""

    path: Path
    document: Document
    annotations: Annotations
    left_out_orphans: int = 0
    notices: tuple[str, ...] = field(default=())

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def stem(self) -> str:
        return self.path.stem


def article_paths(paths: Iterable[Path]) -> Iterator[Path]:
    """Each article named, a folder's articles in its place (the library's rule: recursive,
    hidden files and folders skipped)."""
    for p in paths:
        yield from articles_in(p)


def wanted(item: Mention | Claim | Event, status: str) -> bool:
    """Does ``--status`` keep this item?

    default: everything not rejected; accepted: accepted items only; reviewed: what a
    reviewer confirmed or judged (accepted, or carrying a verdict or note), never
    rejected; all: everything, rejected suggestions too.
    """
    if status == "all":
        return True
    if item.status == "rejected":
        return False
    if status == "accepted":
        return item.status == "accepted"
    if status == "reviewed":
        if item.status == "accepted":
            return True
        review = getattr(item, "review", None)
        return review is not None and (review.verdict is not None or bool(review.note))
    return True


def select(ann: Annotations, status: str) -> tuple[Annotations, int]:
    """The items ``status`` keeps that are placed in the text, and how many orphans left out."""
    orphans = 0

    def keep(item: Mention | Claim | Event) -> bool:
        nonlocal orphans
        if item.anchor == "orphaned":
            orphans += 1
            return False
        return wanted(item, status)

    mentions = tuple(m for m in ann.mentions if keep(m))
    claims = tuple(c for c in ann.claims if keep(c))
    events = tuple(e for e in ann.events if keep(e))
    used = {m.entity for m in mentions}
    entities = tuple(e for e in ann.entities if e.id in used)
    return Annotations(entities, mentions, claims, events).sorted(), orphans


def load_article(
    path: Path, status: str = "default", *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Article:
    """The article at ``path`` with its sidecar placed on it; SourceError if unusable.

    An article without a sidecar has nothing reviewed: it exports with no annotations
    (and a notice), never with fresh machine suggestions passed off as a review.
    """
    try:
        document = load_document(path, max_bytes=max_bytes)
    except LoadError as exc:
        raise SourceError(f"{path}: {exc}") from None
    try:
        stored = sidecar.read(sidecar.sidecar_path(path))
    except sidecar.SidecarError as exc:
        raise SourceError(str(exc)) from None
    notices: list[str] = []
    if stored is None:
        return Article(
            path, document, Annotations(), 0, (f"{path}: no sidecar: nothing to export",)
        )
    ann = stored.annotations
    if stored.sha256 != document.sha256:
        ann, report = anchoring.reanchor(ann, document.text)
        if report.changed:
            notices.append(
                f"{path}: article changed since it was annotated: {len(report.moved)} items"
                f" moved, {len(report.orphaned)} could not be placed"
            )
    chosen, orphans = select(ann, status)
    if orphans:
        notices.append(f"{path}: {orphans} orphaned items left out (fix them in the reader: '!')")
    return Article(path, document, chosen, orphans, tuple(notices))


def with_annotations(article: Article, ann: Annotations) -> Article:
    return replace(article, annotations=ann)
