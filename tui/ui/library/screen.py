"""LibraryScreen: the articles of a folder, their review progress, and the way into each.

The index is read at once (the first screen shows what it knew), then refreshed in a
thread that posts progress; an article closed in the reader is indexed from its saved
session. Articles with no sidecar whose suggestions are in the user's extraction cache
are listed as extracted, with the counts the cache entries' headers give: looked up in
that thread, laid over the index's rows, never stored in the index (tui.corpus.cached).
Everything the screen knows is in a LibraryState.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Input, Static

from tui.cache.counts import EntryCounts
from tui.corpus.cached import CachedSuggestions, Overlay, with_counts
from tui.corpus.index import CorpusIndex
from tui.corpus.summary import ArticleSummary, untitled
from tui.corpus.visible import visible
from tui.ui.keymap import LIBRARY_BINDINGS, LIBRARY_FILTER_BINDINGS
from tui.ui.library.keys import SORT_KEYS
from tui.ui.library.state import COLUMNS, LibraryState
from tui.ui.library.table import ArticleTable, TableHeader
from tui.ui.library.typeahead import bound_action, type_into

ROWS_EVERY = 3.0  # seconds between showing the rows indexed so far, during a long refresh
# Makes the reader for an article: its path, and where to start (an item id, an offset).
OpenReader = Callable[[Path, str | None, int | None], Screen]


class FilterInput(Input):
    """Filter as you type; enter or down goes back to the list, escape clears.

    Those keys act as soon as the box reads them, not as bindings (which run only once a
    key has gone up to the app): "escape j" typed in a burst clears the filter and moves
    in the list, the j handed on to the list rather than typed into the box.
    """

    BINDINGS = [*LIBRARY_FILTER_BINDINGS]

    def __init__(self, *, placeholder: str, id: str) -> None:
        super().__init__(placeholder=placeholder, id=id)
        self.finish: Callable[[bool], None] | None = None  # the screen's: clear?
        self.list: Widget | None = None  # where keys go once the box has let go

    async def _on_key(self, event: events.Key) -> None:
        if self.finish is not None and self.list is not None:
            if self.screen.focused is not self:  # queued here before the box let go
                event.stop()
                event.prevent_default()
                self.list.post_message(events.Key(event.key, event.character))
                return
            action = bound_action(self, event.key)
            if action in ("clear_filter", "done_filter"):
                event.stop()
                event.prevent_default()
                self.finish(action == "clear_filter")
                return
        await super()._on_key(event)

    def action_clear_filter(self) -> None:
        self.value = ""
        self.post_message(LibraryScreen.FilterDone())

    def action_done_filter(self) -> None:
        self.post_message(LibraryScreen.FilterDone())


class LibraryScreen(Screen):
    """A sortable, filterable list of the library's articles."""

    BINDINGS = [*LIBRARY_BINDINGS]
    CSS_PATH = "library.tcss"

    class Indexed(Message):
        """The refresh thread got this far (done of total), or finished (total None)."""

        def __init__(self, done: int, total: int | None) -> None:
            self.done = done
            self.total = total
            super().__init__()

    class Cached(Message):
        """What the extraction cache holds for the articles with no sidecar, by path."""

        def __init__(self, overlay: Overlay) -> None:
            self.overlay = overlay
            super().__init__()

    class FilterDone(Message):
        pass

    def __init__(
        self,
        index: CorpusIndex,
        articles: list[Path],
        open_reader: OpenReader,
        *,
        jobs: int = 1,
        cached: CachedSuggestions | None = None,
    ) -> None:
        super().__init__()
        self.index = index
        self.cached = cached  # None: no cache, or no extractor to have filled it
        self._overlay: Overlay = {}
        self.articles = articles
        self.open_reader = open_reader
        self.jobs = jobs
        self.state = LibraryState()
        self.opened: Path | None = None  # the article in the reader now, if any
        self._unmounted = False  # not `_closing`: that is Textual's own (the message pump's)
        self._indexing = ""
        self._rels: list[str] = []
        self._rows_shown = time.monotonic()
        # Where keys that reach the table go while the filter or the search is opening.
        self._typeahead: Callable[[events.Key], bool] | None = None

    # ---------------------------------------------------------------- building

    def compose(self) -> ComposeResult:
        yield Static(id="library-title")
        yield TableHeader(self.state, id="library-header")
        yield ArticleTable(self.state, id="library-table")
        yield FilterInput(
            placeholder="filter: words in title, source, date, file, reviewer", id="library-filter"
        )
        yield Static(id="library-status")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(FilterInput).display = False
        self._rels = [self.index.relative(p) for p in self.articles]
        self._show_rows()
        table = self.query_one(ArticleTable)
        table.divert = self.divert_key
        box = self.query_one(FilterInput)
        box.finish, box.list = self.finish_filter, table
        table.focus()
        self._show_title()
        self._show_status()
        self._refresh_index()

    def on_unmount(self) -> None:
        self._unmounted = True

    def _show_rows(self) -> None:
        """Every article's row as the index has it (a bare one until it is indexed)."""
        known, overlay = self.index.summary_map(), self._overlay
        self.state.set_rows(
            with_counts(known.get(rel) or ArticleSummary(rel, untitled(rel)), overlay.get(rel))
            for rel in self._rels
        )
        self.query_one(ArticleTable).reload()

    def _show_title(self) -> None:
        title = Text(f"Library · {visible(str(self.index.root))}", style="bold")
        self.query_one("#library-title", Static).update(title)

    def _show_status(self) -> None:
        line = self.state.status_line()
        if self._indexing:
            line += f" · {self._indexing}"
        elif bare := self.state.unannotated():
            # their claims and events exist only once extracted: a search for a source
            # would miss them without a word
            line += f" · {bare:,} not extracted yet: marginalia extract DIR --write"
        if cached := self.state.cached_only():
            # extracted for the reader, but the search index is built from sidecars
            line += f" · {cached:,} extracted in your cache only (search sees their text)"
        if self.index.notes.messages:
            line += f" · {self.index.notes.messages[-1]}"
        self.query_one("#library-status", Static).update(Text(visible(line)))

    # ---------------------------------------------------------------- the index

    @work(thread=True, exclusive=True, group="index")
    def _refresh_index(self) -> None:
        def progress(done: int, total: int) -> None:
            self.post_message(self.Indexed(done, total))

        self._look_in_cache()  # for the rows the index had: now, not after the refresh
        self.index.refresh(
            self.articles, progress=progress, cancelled=lambda: self._unmounted, jobs=self.jobs
        )
        self._look_in_cache()
        self.post_message(self.Indexed(0, None))

    def _look_in_cache(self) -> None:
        """(In the refresh thread.) Post what the cache holds for the unextracted articles."""
        if self.cached is not None and not self._unmounted:
            self.post_message(self.Cached(self.cached.overlay(self.index)))

    def on_library_screen_cached(self, message: Cached) -> None:
        if message.overlay == self._overlay:
            return  # nothing new: the rows need not be read again
        self._overlay = message.overlay
        self._show_rows()
        self._show_status()

    def on_library_screen_indexed(self, message: Indexed) -> None:
        if message.total is None:
            self._indexing = ""
            self._show_rows()
        elif message.total:
            self._indexing = f"indexing {message.done:,} / {message.total:,}"
            # A first build of a big folder takes minutes: show what is indexed so far,
            # now and then (reading every row costs a moment at 10,000).
            now = time.monotonic()
            if message.done and now - self._rows_shown > ROWS_EVERY:
                self._rows_shown = now
                self._show_rows()
        self._show_status()

    @work(thread=True, group="index-one")
    def _index_article(self, path: Path, session: object) -> None:
        from tui.corpus.refresh import index_session

        summary = index_session(self.index, path, session)  # type: ignore[arg-type]
        counts = None
        if self.cached is not None:
            from tui.corpus.analyse import text_key_of

            counts = self.cached.counts(text_key_of(session.document))  # type: ignore[attr-defined]
        self.app.call_from_thread(self._row_changed, summary, counts)

    def _row_changed(self, summary: ArticleSummary, counts: EntryCounts | None = None) -> None:
        if counts is None:
            self._overlay.pop(summary.path, None)
        else:
            self._overlay[summary.path] = counts
        self.state.update(with_counts(summary, counts))
        self.query_one(ArticleTable).reload()
        self._show_status()

    # ---------------------------------------------------------------- the reader

    def open_article(self, rel: str, item: str | None = None, offset: int | None = None) -> None:
        path = self.index.absolute(rel)
        self.state.select(rel)
        self.query_one(ArticleTable).reload()
        self.opened = path
        self.app.push_screen(self.open_reader(path, item, offset))

    def closed_article(self, path: Path, session: object | None) -> None:
        """The reader on ``path`` was left (its session saved): bring its row up to date."""
        self.opened = None
        if session is not None:
            self._index_article(path, session)

    def neighbour(self, path: Path, step: int) -> str | None:
        """The article after (+1) or before (-1) ``path`` in the library's order."""
        return self.state.neighbour(self.index.relative(path), step)

    # ---------------------------------------------------------------- actions

    def action_open(self) -> None:
        current = self.state.current
        if current is not None:
            self.open_article(current.path)

    @on(ArticleTable.Opened)
    def _opened(self, message: ArticleTable.Opened) -> None:
        self.open_article(message.path)

    def divert_key(self, event: events.Key) -> bool:
        """Whether a key that reached the table was typed for the filter box or the search
        (see tui.ui.library.typeahead); if so it has been handled here."""
        if self._typeahead is not None:
            if self._typeahead(event):
                return True
            self._typeahead = None  # the search closed: the key is the library's
        active = self.active_bindings.get(event.key)
        if active is None or active.node is not self:
            return False
        if active.binding.action == "filter":
            self.action_filter()
        elif active.binding.action == "search":
            self.action_search()
        else:
            return False
        return True

    def action_filter(self) -> None:
        box = self.query_one(FilterInput)
        box.display = True
        self.set_focus(box)  # at once: the next key typed goes to the box
        self._typeahead = self._type_into_filter

    def _type_into_filter(self, event: events.Key) -> bool:
        box = self.query_one(FilterInput)
        action = bound_action(box, event.key)
        if action in ("clear_filter", "done_filter"):
            self.finish_filter(action == "clear_filter")
        elif type_into(box, event):
            self._filter_to(box.value)
        return True  # any other key was meant for the box too: it is not the table's

    @on(Input.Changed, "#library-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self._filter_to(event.value)

    def _filter_to(self, value: str) -> None:
        self.state.set_filter(value)
        self.query_one(ArticleTable).reload()
        self._show_status()

    def finish_filter(self, clear: bool) -> None:
        """Back to the list from the filter box, the filter kept or cleared."""
        box = self.query_one(FilterInput)
        if clear:
            box.value = ""
        # now, not when the box's Changed comes round: enter typed next opens from this list
        self._filter_to(box.value)
        self.on_library_screen_filter_done()

    def on_library_screen_filter_done(self) -> None:
        self._typeahead = None
        box = self.query_one(FilterInput)
        if not box.value:
            box.display = False
        self.set_focus(self.query_one(ArticleTable))

    def action_unfinished(self) -> None:
        self.state.toggle_unfinished()
        self.query_one(ArticleTable).reload()
        self._show_status()

    def action_sort(self) -> None:
        from tui.ui.pickers import Choice, ChoicePicker

        titles = {c.key: c.title.strip() or "status mark" for c in COLUMNS}
        choices = [Choice(key, titles[column], column) for key, column in SORT_KEYS.items()]
        title = "Sort by (the same column again reverses)"
        self.app.push_screen(ChoicePicker(title, choices), self._sort_picked)

    def _sort_picked(self, column: object | None) -> None:
        if isinstance(column, str):
            self.sort_by(column)

    def sort_by(self, column: str) -> None:
        self.state.sort_by(column)
        self.query_one(TableHeader).refresh()
        self.query_one(ArticleTable).reload()

    @on(TableHeader.SortClicked)
    def _sort_clicked(self, message: TableHeader.SortClicked) -> None:
        self.sort_by(message.key)

    def action_rescan(self) -> None:
        self._refresh_index()

    def action_search(self) -> None:
        from tui.ui.library.search_screen import SearchScreen

        screen = SearchScreen(self.index)
        self._typeahead = screen.type_ahead

        def done(result: tuple[str, str | None, int] | None) -> None:
            # this search's own hook only: a search opened since has its own
            if self._typeahead == screen.type_ahead:
                self._typeahead = None
            if result is not None:
                self.open_article(*result)

        self.app.push_screen(screen, done)
