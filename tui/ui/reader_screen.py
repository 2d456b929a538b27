"""The main screen: article pane, sidebar, search box, status line, key hints.

What the screen knows is a :class:`ReaderState`; how it draws it is a
:class:`ReaderPainter`; the review commands are :class:`ReviewFlows`. Widgets
report upward with typed messages, handled here. All reading and changing of
annotations goes through the ``ReviewSession``.

Keys: the reader's bindings are priority bindings, run as each key arrives, so a
box or picker a key opens is up before the next key is routed. Until the
annotations are ready (the session open, extraction done) keys that need them
are held, in order, with whatever follows them, and replayed once they are.
"""

from __future__ import annotations

import time
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Input, Static

from tui.extract.codebook import Codebook
from tui.review import ReviewSession
from tui.ui.article_view import ArticleView
from tui.ui.authoring import Authoring
from tui.ui.extraction import Extraction
from tui.ui.key_hints import KeyHints
from tui.ui.keymap import READER_BINDINGS, REVIEW_BINDINGS, SELECTION_COMMAND_BINDINGS
from tui.ui.layout import visible
from tui.ui.navigator import Navigator
from tui.ui.reader_loading import ReaderLoading
from tui.ui.reader_messages import (
    ArticleOpened,
    ArticleOpenFailed,
    CodebookParsed,
    Extracted,
    NothingToClear,
    SaveStateChanged,
    TextShown,
)
from tui.ui.reader_painter import ReaderPainter
from tui.ui.review_flows import ReviewFlows
from tui.ui.search import ArticleSearch
from tui.ui.search_box import SearchBox
from tui.ui.selection_bar import SelectionBar
from tui.ui.sidebar import RowList, Sidebar
from tui.ui.state import Activity, ReaderState, status_line

NARROW = 70  # below this many columns the sidebar folds away (\ brings it back)


class ReaderScreen(Screen[None]):
    """Read one article, step through its claims, events and entities, and review them."""

    BINDINGS = [*READER_BINDINGS, *REVIEW_BINDINGS, *SELECTION_COMMAND_BINDINGS]
    DISK_POLL = 2.0  # seconds between checks for another program changing the sidecar

    def __init__(
        self,
        *,
        path: Path | None = None,
        session: ReviewSession | None = None,
        extraction: Extraction | None = None,
        measure: int = 100,
        reviewer: str = "",
        max_bytes: int | None = None,
        notices: tuple[str, ...] = (),
        auto_advance: bool = False,
        codebook: Codebook | None = None,
        min_confidence: float = 0.0,
    ) -> None:
        super().__init__()
        self.path = path
        self.session: ReviewSession | None = None
        self._given_session = session
        self.extraction = extraction
        self.measure = measure
        self.reviewer = reviewer
        self.max_bytes = max_bytes
        self.extra_notices = notices
        self.auto_advance = auto_advance
        self.codebook = codebook
        self.state = ReaderState(min_confidence=min_confidence)
        self.extracting = False
        self.sidebar_wanted = True
        self.conflict_open = False
        self._tick_count = 0
        self._reported_error = ""
        self._gone = False
        self._painter: ReaderPainter | None = None
        self.opening = ReaderLoading(self)
        self.review = ReviewFlows(self)
        self.authoring = Authoring(self, self.review)
        self.nav = Navigator(self)
        self.search = ArticleSearch(self)

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        yield Static("", id="banner")
        with Horizontal(id="main"):
            yield ArticleView(measure=self.measure, id="article")
            yield Sidebar(id="sidebar")
        yield SelectionBar(id="selection")
        yield Static("", id="status")
        yield KeyHints(id="hints")

    @property
    def article(self) -> ArticleView:
        return self.query_one(ArticleView)

    @property
    def painter(self) -> ReaderPainter:
        if self._painter is None:
            self._painter = ReaderPainter(self.state, self.article)
        return self._painter

    @property
    def selection_bar(self) -> SelectionBar:
        return self.query_one(SelectionBar)

    def on_mount(self) -> None:
        self.set_focus(self.article)
        self.set_interval(0.1, self._tick)
        self.set_interval(self.DISK_POLL, self.review.check_disk)
        self.query_one("#banner").display = False
        self.selection_bar.display = False
        self.opening.start(self.path, self._given_session)
        self.refresh_status()

    def on_resize(self) -> None:
        # Short terminals get a shorter claim card, so the lists keep some rows.
        self.set_class(self.size.height < 32, "-short")
        sidebar = self.query_one(Sidebar)
        show = self.sidebar_wanted and self.size.width >= NARROW
        if sidebar.display != show:
            sidebar.display = show
            if not show and self.focused is not None and self.focused is not self.article:
                self.set_focus(self.article)

    # ------------------------------------------------------------------ opening

    def on_article_opened(self, message: ArticleOpened) -> None:
        self.opening.open(message.session)

    def on_article_open_failed(self, message: ArticleOpenFailed) -> None:
        self.opening.failed(message.reason)

    def on_codebook_parsed(self, message: CodebookParsed) -> None:
        self.opening.codebook_parsed(message)

    def on_extracted(self, message: Extracted) -> None:
        self.opening.extracted(message)

    def on_text_shown(self, message: TextShown) -> None:
        started = getattr(self.app, "started", None)
        if started is not None:
            self.log(f"marginalia: text on screen {time.perf_counter() - started:.3f}s after start")

    @property
    def ready(self) -> bool:
        """The annotations are final: keys that need them run at once."""
        return not self.opening.hold.open

    def on_save_state_changed(self, message: SaveStateChanged) -> None:
        self.refresh_status()
        state = self.session.save_state if self.session is not None else ""
        if state.startswith("error") and state != self._reported_error:
            # Once per distinct error: the status line keeps showing it.
            self.notify(
                visible(f"could not save: {state[7:]}"), severity="error", timeout=10, markup=False
            )
        self._reported_error = state if state.startswith("error") else ""
        if state == "conflict":
            self.review.check_disk()

    def on_unmount(self) -> None:
        self._gone = True  # the session may outlive us (a script, a test): stop listening
        if self.extraction is not None:
            self.extraction.cancel()
        if self.session is not None:
            self.session.close()

    # ------------------------------------------------------------------ keys

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Which of the screen's keys are live: none while a box or the selection bar
        takes the keys; those that need annotations held (None) until they are ready."""
        focused = self.focused
        in_selection = isinstance(focused, SelectionBar)
        if action == "selection":
            return in_selection
        if in_selection or isinstance(focused, Input):
            return False
        # None: shown, but held (the app asks ``opening.take`` as each key arrives).
        return True if self.opening.hold.live(action) else None

    # ------------------------------------------------------------------ drawing

    def annotations_changed(self) -> None:
        """The annotations changed: repaint what changed (the session calls this)."""
        if self._gone or self.session is None:
            return
        with self.app.batch_update():
            self.painter.apply(self.state.update(self.session.annotations))
            self.refresh_status()

    def redraw(self) -> None:
        """Rebuild everything from the annotations (a filter changed)."""
        if self.session is not None:
            with self.app.batch_update():
                self.painter.apply(self.state.update(self.session.annotations, force=True))
                self.refresh_status()

    def _tick(self) -> None:
        if self.extracting or self.session is None or self.opening.hold.keys:
            self._tick_count += 1
            self.refresh_status()

    def refresh_status(self) -> None:
        session = self.session
        notices = [*self.extra_notices, *(session.notices if session else ())]
        read_only = session.read_only if session is not None else None
        if read_only and not any(read_only in n for n in notices):
            notices.append(f"read-only: {read_only}")
        line = status_line(
            self.state,
            position=self.article.position(),
            save_state=session.save_state if session else "",
            activity=Activity(
                opening=session is None,
                extracting=self.extracting,
                tick=self._tick_count,
                pending=self.opening.hold.labels(),
            ),
            notices=notices,
        )
        self.painter.status(self.query_one("#status", Static), line)

    def say(self, message: str) -> None:
        """One transient line in the status (what the last command did)."""
        self.state.message = message
        self.refresh_status()

    # ------------------------------------------------------------------ actions

    def action_step(self, kind: str, delta: int) -> None:
        self.nav.step(kind, delta)

    def action_same_entity(self) -> None:
        self.nav.same_entity()

    async def action_review(self, name: str, *args: int) -> None:
        """The review keys (keymap REVIEW_BINDINGS), by name: see ReviewFlows."""
        flows = {
            "select": self.authoring.select,
            "new_claim": self.authoring.new_claim_hint,
            "new_event": self.authoring.new_event_hint,
        }
        run = flows.get(name) or getattr(self.review, name, None)
        if run is None:
            raise ValueError(f"no review action {name!r}")
        result = run(*args)
        if result is not None:
            await result

    async def action_selection(self, verb: str) -> None:
        await self.authoring.run(verb)

    async def action_search(self) -> None:
        await self.search.open()

    def action_search_next(self) -> None:
        self.search.step(1)

    def action_search_prev(self) -> None:
        self.search.step(-1)

    def action_clear(self) -> None:
        """Escape backs out one level: search marks, then the current entity."""
        if self.state.search_text:
            self.search.run("")
            return
        if self.state.mention_index is None:
            self.state.message = ""
            self.post_message(NothingToClear())
            return
        self.state.message = ""
        self.nav.select_mention(None)

    def action_focus_pane(self, delta: int) -> None:
        panes: list[ArticleView | RowList] = [self.article]
        if self.query_one(Sidebar).display and self.painter.sidebar is not None:
            panes += list(self.query(RowList))
        current = self.focused
        index = panes.index(current) if isinstance(current, (ArticleView, RowList)) else 0
        self.set_focus(panes[(index + delta) % len(panes)])

    def action_toggle_sidebar(self) -> None:
        sidebar = self.query_one(Sidebar)
        self.sidebar_wanted = not sidebar.display
        sidebar.display = self.sidebar_wanted
        if not sidebar.display and self.focused is not self.article:
            self.set_focus(self.article)

    # ------------------------------------------------------------------ what widgets report

    def on_selection_bar_moved(self, message: SelectionBar.Moved) -> None:
        self.authoring.moved(message.selection)

    def on_selection_bar_left(self, message: SelectionBar.Left) -> None:
        self.authoring.leave()

    def on_article_view_scrolled(self, message: ArticleView.Scrolled) -> None:
        self.nav.scrolled()

    def on_article_view_clicked(self, message: ArticleView.Clicked) -> None:
        self.nav.clicked(message.offset)

    @on(RowList.Chosen, "#claims")
    def _claim_chosen(self, message: RowList.Chosen) -> None:
        self.nav.select_claim(message.index)
        if message.focus_article:
            self.set_focus(self.article)

    @on(RowList.Chosen, "#events")
    def _event_chosen(self, message: RowList.Chosen) -> None:
        self.nav.select_event(message.index)
        if message.focus_article:
            self.set_focus(self.article)

    def on_input_submitted(self, message: Input.Submitted) -> None:
        if isinstance(message.input, SearchBox):
            self.search.submitted(message.value)
