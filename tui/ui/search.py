"""Searching the article: the box, the matches marked, n/N between them, escape to clear."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.ui.navigation import find_all
from tui.ui.search_box import SearchBox

if TYPE_CHECKING:
    from tui.ui.reader_screen import ReaderScreen


class ArticleSearch:
    def __init__(self, screen: ReaderScreen) -> None:
        self.screen = screen

    async def open(self) -> None:
        # The box is mounted on first use (one widget less to build at start), and
        # awaited: the words typed right after / must find it there and focused.
        screen = self.screen
        found = screen.query(SearchBox)
        if found:
            box = found.first()
        else:
            box = SearchBox()
            await screen.mount(box, before=screen.query_one("#status"))
        box.open(screen.state.search_text, return_to=screen.article)

    def submitted(self, query: str) -> None:
        self.run(query)

    def run(self, query: str) -> None:
        """Mark every match of ``query`` and go to the first one from the top of the screen."""
        screen = self.screen
        document = screen.article.document
        matches = find_all(document.text, query) if document is not None and query else []
        with screen.app.batch_update():
            screen.state.set_matches(query, matches)
            screen.article.set_marks("match", matches)
            screen.article.set_marks("match-current", [])
            if matches:
                self.step(1)
            else:
                if query:
                    screen.app.bell()
                screen.refresh_status()

    def step(self, delta: int) -> None:
        screen = self.screen
        span = screen.state.step_match(delta, screen.article.top_offset())
        if span is None:
            screen.app.bell()
            return
        with screen.app.batch_update():
            screen.article.set_marks("match-current", [span])
            screen.nav.jump_to(*span)
            screen.refresh_status()
