"""LibraryState: what the library screen knows, in plain Python (no textual).

The rows (one ArticleSummary per article, in the order given), the sort, the filter,
the cursor, and what follows from them: the rows shown, the corpus progress line, the
next and previous article for the reader's keys.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone

from tui.corpus.summary import ArticleSummary


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    title: str
    width: int  # cells; 0: takes what is left
    numeric: bool = False  # right-aligned, sorted biggest first on the first press


COLUMNS: tuple[Column, ...] = (
    Column("status", " ", 1),
    Column("title", "title", 0),
    Column("source", "source", 14),
    Column("date", "date", 10),
    Column("words", "words", 7, numeric=True),
    Column("claims", "claims", 9, numeric=True),
    Column("events", "events", 6, numeric=True),
    Column("suggestions", "to do", 6, numeric=True),
    Column("attention", "fix", 4, numeric=True),
    Column("reviewed", "last review", 18),
)
COLUMN_KEYS = tuple(c.key for c in COLUMNS)

# Status marks: meaning never by colour alone.
DONE, ATTENTION, STARTED, NEW = "✓", "!", "·", " "


def status_mark(s: ArticleSummary) -> str:
    if s.error or s.attention:
        return ATTENTION
    if s.done:
        return DONE
    return STARTED if s.extracted else NEW


def _missing_last(value: float | None, descending: bool) -> tuple[int, float]:
    if value is None:
        return (1, 0.0)
    return (0, -value if descending else value)


_SORT_VALUE: dict[str, Callable[[ArticleSummary], object]] = {
    "status": lambda s: "!✓· ".index(status_mark(s)),
    "title": lambda s: s.title.casefold(),
    "source": lambda s: s.source.casefold(),
    "date": lambda s: s.date,
    "words": lambda s: s.words,
    "claims": lambda s: s.claims_reviewed / s.claims_total if s.claims_total else None,
    "events": lambda s: s.events if s.extracted else None,
    "suggestions": lambda s: s.suggestions if s.extracted else None,
    "attention": lambda s: s.attention if s.extracted or s.error else None,
    "reviewed": lambda s: s.last_at,
}


@dataclass(frozen=True, slots=True)
class CorpusProgress:
    articles: int
    done: int
    claims_total: int
    claims_reviewed: int

    def line(self) -> str:
        """'312 / 1,204 articles done · 4,210 / 9,877 claims reviewed'."""
        return (
            f"{self.done:,} / {self.articles:,} articles done · "
            f"{self.claims_reviewed:,} / {self.claims_total:,} claims reviewed"
        )


def when(at: str, now: datetime | None = None) -> str:
    """A review time, short: '14:05' today, '3 Dec' this year, else '2023-12-03'."""
    if not at:
        return ""
    try:
        moment = datetime.fromisoformat(at.replace("Z", "+00:00"))
    except ValueError:
        return at[:16]
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    local = moment.astimezone()
    now = (now or datetime.now(timezone.utc)).astimezone()
    if local.date() == now.date():
        return local.strftime("%H:%M")
    if local.year == now.year:
        return f"{local.day} {local.strftime('%b')}"
    return local.strftime("%Y-%m-%d")


def cells(s: ArticleSummary, now: datetime | None = None) -> tuple[str, ...]:
    """The text of each column for one article (counts blank until it is extracted)."""
    counted = s.extracted
    last = f"{s.last_by} {when(s.last_at, now)}".strip() if s.last_by or s.last_at else ""
    return (
        status_mark(s),
        s.title,
        s.source,
        s.date,
        f"{s.words:,}",
        f"{s.claims_reviewed}/{s.claims_total}" if counted else "–",
        str(s.events) if counted else "–",
        str(s.suggestions) if counted else "–",
        str(s.attention) if s.attention else "",
        last,
    )


class LibraryState:
    """Rows, sort, filter, cursor. Paths are the index's (relative to the library folder)."""

    def __init__(self, rows: Iterable[ArticleSummary] = ()) -> None:
        self._rows: dict[str, ArticleSummary] = {}
        self._given: dict[str, int] = {}  # the order the articles were given in
        self.sort_key: str | None = None  # None: the order given
        self.descending = False
        self.filter_text = ""
        self.unfinished_only = False
        self.visible: list[ArticleSummary] = []
        self.cursor = 0
        self._sorted: list[str] = []
        self.set_rows(rows)

    # ---------------------------------------------------------------- rows

    def set_rows(self, rows: Iterable[ArticleSummary]) -> None:
        """All rows anew (the library opened, or the index refreshed); the cursor stays put."""
        keep = self.current
        self._rows = {}
        self._given = {}
        for s in rows:
            self._given.setdefault(s.path, len(self._given))
            self._rows[s.path] = s
        self._resort(keep.path if keep else None)

    def update(self, summary: ArticleSummary) -> None:
        """One article changed (reviewed, extracted): its row anew, in its sorted place."""
        keep = self.current
        if summary.path not in self._given:
            self._given[summary.path] = len(self._given)
        self._rows[summary.path] = summary
        self._resort(keep.path if keep else summary.path)

    def row(self, path: str) -> ArticleSummary | None:
        return self._rows.get(path)

    def __len__(self) -> int:
        return len(self._rows)

    # ---------------------------------------------------------------- sort and filter

    def sort_by(self, key: str) -> None:
        """Sort by a column; the same column again reverses; numbers start biggest first."""
        if key not in _SORT_VALUE:
            raise KeyError(key)
        if key == self.sort_key:
            self.descending = not self.descending
        else:
            self.sort_key = key
            self.descending = next(c.numeric for c in COLUMNS if c.key == key)
        self._resort(self.current.path if self.current else None)

    def set_filter(self, text: str) -> None:
        """Keep articles whose title, source, date, file name or reviewer hold every word."""
        self.filter_text = text
        self._refilter(self.current.path if self.current else None)

    def toggle_unfinished(self) -> None:
        self.unfinished_only = not self.unfinished_only
        self._refilter(self.current.path if self.current else None)

    def _resort(self, keep: str | None) -> None:
        given = self._given
        paths = sorted(self._rows, key=given.__getitem__)
        if self.sort_key is not None:
            value = _SORT_VALUE[self.sort_key]
            rows = self._rows
            numeric = next(c.numeric for c in COLUMNS if c.key == self.sort_key)
            if numeric:
                paths.sort(key=lambda p: _missing_last(value(rows[p]), self.descending))  # type: ignore[arg-type]
            else:
                paths.sort(key=lambda p: value(rows[p]), reverse=self.descending)  # type: ignore[arg-type, return-value]
        self._sorted = paths
        self._refilter(keep)

    def _matches(self, s: ArticleSummary, words: Sequence[str]) -> bool:
        if self.unfinished_only and s.done:
            return False
        if not words:
            return True
        hay = f"{s.title}\n{s.source}\n{s.date}\n{s.path}\n{s.last_by}".casefold()
        return all(w in hay for w in words)

    def _refilter(self, keep: str | None) -> None:
        words = self.filter_text.casefold().split()
        rows = self._rows
        self.visible = [rows[p] for p in self._sorted if self._matches(rows[p], words)]
        self.cursor = self._index_of(keep) if keep is not None else 0
        self.cursor = max(0, min(self.cursor, len(self.visible) - 1))

    def _index_of(self, path: str) -> int:
        for i, s in enumerate(self.visible):
            if s.path == path:
                return i
        # not shown any more: the nearest shown article after it in the sorted order
        try:
            at = self._sorted.index(path)
        except ValueError:
            return self.cursor
        shown = {s.path: i for i, s in enumerate(self.visible)}
        for p in self._sorted[at:]:
            if p in shown:
                return shown[p]
        return len(self.visible) - 1

    # ---------------------------------------------------------------- cursor

    @property
    def current(self) -> ArticleSummary | None:
        return self.visible[self.cursor] if 0 <= self.cursor < len(self.visible) else None

    def move_to(self, index: int) -> None:
        self.cursor = max(0, min(index, len(self.visible) - 1))

    def select(self, path: str) -> bool:
        """Put the cursor on ``path`` if it is shown."""
        for i, s in enumerate(self.visible):
            if s.path == path:
                self.cursor = i
                return True
        return False

    def neighbour(self, path: str, step: int) -> str | None:
        """The article after (+1) or before (-1) ``path`` in the library's order, as shown."""
        for i, s in enumerate(self.visible):
            if s.path == path:
                j = i + step
                return self.visible[j].path if 0 <= j < len(self.visible) else None
        # ``path`` is filtered out now (finished, with "unfinished only"): step from its
        # place in the sorted order to the nearest article still shown
        try:
            at = self._sorted.index(path)
        except ValueError:
            return None
        shown = {s.path for s in self.visible}
        order = self._sorted[at + 1 :] if step > 0 else reversed(self._sorted[:at])
        return next((p for p in order if p in shown), None)

    # ---------------------------------------------------------------- progress

    def progress(self) -> CorpusProgress:
        rows = self._rows.values()
        return CorpusProgress(
            len(self._rows),
            sum(1 for s in rows if s.done),
            sum(s.claims_total for s in rows),
            sum(s.claims_reviewed for s in rows),
        )

    def unannotated(self) -> int:
        """Articles not extracted yet (no sidecar, nothing in the cache), unreadable ones aside."""
        return sum(1 for s in self._rows.values() if not s.extracted and not s.error)

    def cached_only(self) -> int:
        """Articles whose suggestions are only in the extraction cache (no sidecar)."""
        return sum(1 for s in self._rows.values() if s.cached and not s.annotated)

    def status_line(self) -> str:
        line = self.progress().line()
        if len(self.visible) != len(self._rows):
            line += f" · showing {len(self.visible):,}"
        return line
