"""The reviews ``marginalia agree`` compares: sidecars and folders, matched article by article.

Each argument is one reviewer's work: a sidecar, an article with its sidecar beside
it, or a folder searched for sidecars. Reviews of one article are matched by the
sha256 of its text. A sidecar whose article is beside it is first placed on that
text (re-anchored when the article changed since); reviews of different versions of
an article (same file name, different text) are re-anchored onto the first
reviewer's text, and what cannot be placed is left out of the figures and reported.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from tui.corpus.reviewers import reviewers
from tui.model import Annotations
from tui.store import SidecarError, read, reanchor
from tui.store.sidecar import SUFFIX
from tui.text import DEFAULT_MAX_BYTES, LoadError, load_document

APART_SUFFIXES = (".yaml", ".yml")  # what a sidecar under another name is called


class InputError(Exception):
    """An argument that cannot be used; ``str()`` is one line for the user."""


@dataclass(frozen=True, slots=True)
class Copy:
    """One reviewer's annotations of one article, placed on the text ``sha256`` names."""

    sidecar: Path
    name: str  # the article's file name
    sha256: str
    annotations: Annotations
    text: str | None  # None when the article is not beside its sidecar
    notes: tuple[str, ...] = ()
    extractor: str | None = None  # whose suggestions it holds, when current for this text


@dataclass(frozen=True, slots=True)
class ReviewSet:
    """Everything one argument holds."""

    label: str  # "A", "B", ...
    source: Path
    copies: tuple[Copy, ...]
    names: tuple[str, ...]  # reviewers recorded in it, the most active first
    problems: tuple[str, ...] = ()  # sidecars in a folder that could not be read


@dataclass(frozen=True, slots=True)
class Article:
    """One article and each reviewer's copy of it (None: that reviewer does not have it)."""

    name: str
    sha256: str
    copies: tuple[Copy | None, ...]
    notes: tuple[str, ...] = ()


def _article_of(sidecar: Path) -> Path:
    return sidecar.with_name(sidecar.name[: -len(SUFFIX)])


def _sidecars_in(folder: Path) -> list[Path]:
    found: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))  # .git, .marginalia index
        found.extend(Path(root) / f for f in sorted(files) if f.endswith(SUFFIX))
    return found


def read_copy(sidecar: Path, *, max_bytes: int = DEFAULT_MAX_BYTES, apart: bool = False) -> Copy:
    """A sidecar placed on its article's current text (SidecarError if unreadable).

    ``apart``: a sidecar kept away from its article (``adjudicate --out``, ``--sidecar``):
    taken as written, matched to the other reviews by the sha256 it records.
    """
    stored = read(sidecar)
    if stored is None:
        raise SidecarError(sidecar, "no such file")
    if apart:
        name = stored.name or sidecar.name
        return Copy(sidecar, name, stored.sha256, stored.annotations, None, (), stored.extractor)
    article = _article_of(sidecar)
    name = stored.name or article.name
    try:
        doc = load_document(article, max_bytes=max_bytes)
    except LoadError:
        return Copy(sidecar, name, stored.sha256, stored.annotations, None, (), stored.extractor)
    if doc.sha256 == stored.sha256:
        return Copy(
            sidecar, article.name, doc.sha256, stored.annotations, doc.text, (), stored.extractor
        )
    placed, report = reanchor(stored.annotations, doc.text)
    note = f"{sidecar}: article changed since it was reviewed; {len(report.moved)} items moved"
    if report.orphaned:
        note += f", {len(report.orphaned)} could not be placed and are left out"
    return Copy(sidecar, article.name, doc.sha256, placed, doc.text, (note,))


def _names(copies: Sequence[Copy]) -> tuple[str, ...]:
    counts: Counter[str] = Counter()
    for c in copies:
        for r in reviewers(c.annotations):
            counts[r.name] += r.items
    return tuple(n for n, _ in counts.most_common())


def read_reviews(path: Path, label: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> ReviewSet:
    """One argument: a sidecar, an article with one beside it, or a folder of them."""
    if path.is_dir():
        copies, problems = [], []
        for side in _sidecars_in(path):
            try:
                copies.append(read_copy(side, max_bytes=max_bytes))
            except SidecarError as exc:
                problems.append(str(exc))
        if not copies:
            raise InputError(f"{path}: no reviewed articles in it (no *{SUFFIX} files)")
        return ReviewSet(label, path, tuple(copies), _names(copies), tuple(problems))
    if not path.exists():
        raise InputError(f"{path}: no such file or folder")
    side = path if path.name.endswith(SUFFIX) else path.with_name(path.name + SUFFIX)
    apart = not side.exists() and path.suffix.lower() in APART_SUFFIXES
    if apart:
        side = path  # a sidecar under another name (a merged review written with --out)
    elif not side.exists():
        raise InputError(f"{path}: not a sidecar, and no {side.name} beside it")
    try:
        copy = read_copy(side, max_bytes=max_bytes, apart=apart)
    except SidecarError as exc:
        raise InputError(str(exc)) from None
    return ReviewSet(label, path, (copy,), _names([copy]))


def _onto(copy: Copy, text: str, sha256: str) -> tuple[Copy, str]:
    placed, report = reanchor(copy.annotations, text)
    note = (
        f"{copy.sidecar}: another version of {copy.name}; re-anchored onto the first"
        f" reviewer's text ({len(report.moved)} items moved, {len(report.orphaned)} left out)"
    )
    return Copy(copy.sidecar, copy.name, sha256, placed, text, copy.notes), note


def match_articles(sets: Sequence[ReviewSet]) -> tuple[list[Article], list[str]]:
    """Articles in document-sha order of first appearance, and warnings (duplicates)."""
    k = len(sets)
    groups: dict[str, list[Copy | None]] = {}
    warnings: list[str] = []
    for r, rs in enumerate(sets):
        for copy in rs.copies:
            slot = groups.setdefault(copy.sha256, [None] * k)
            if slot[r] is not None:
                warnings.append(
                    f"{copy.sidecar}: same text as {slot[r].sidecar}; only the first is compared"  # type: ignore[union-attr]
                )
                continue
            slot[r] = copy
    articles: list[Article] = []
    notes: dict[str, list[str]] = {}
    # Different versions of one article: join groups that share a file name and no
    # reviewer, when the name is unambiguous for each of them.
    by_name: dict[str, list[str]] = {}
    for sha, slot in groups.items():
        name = next(c.name for c in slot if c is not None)
        by_name.setdefault(name, []).append(sha)
    for shas in by_name.values():
        if len(shas) < 2:
            continue
        owners = [[r for r, c in enumerate(groups[s]) if c is not None] for s in shas]
        flat = [r for o in owners for r in o]
        if len(flat) != len(set(flat)):
            continue  # a reviewer holds two versions: no way to say which is which
        first = next((s for s in shas if any(c and c.text for c in groups[s])), None)
        if first is None:
            continue  # no text to re-anchor onto
        text = next(c.text for c in groups[first] if c is not None and c.text)
        for sha in shas:
            if sha == first:
                continue
            for r, c in enumerate(groups.pop(sha)):
                if c is not None:
                    groups[first][r], note = _onto(c, text, first)
                    notes.setdefault(first, []).append(note)
    for sha, slot in groups.items():
        name = next(c.name for c in slot if c is not None)
        own = [n for c in slot if c is not None for n in c.notes]
        articles.append(Article(name, sha, tuple(slot), tuple(own + notes.get(sha, []))))
    return articles, warnings
