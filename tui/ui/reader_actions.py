"""The reader's key actions: claims, events, entities, search, panes.

A mixin for :class:`tui.ui.reader_screen.ReaderScreen`, which holds the state
(current items, lists, the article) these actions move through.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from textual.screen import Screen
from textual.widgets import Input

from tui.ui.navigation import find_all, step, step_wrapping
from tui.ui.sidebar import RowList, Sidebar

F = TypeVar("F", bound=Callable[..., Any])


def batched(method: F) -> F:
    """Run ``method`` inside one batch update: marks, scroll, sidebar and status land in one frame."""

    @wraps(method)
    def wrapper(self: Screen, *args: Any, **kwargs: Any) -> Any:
        with self.app.batch_update():
            return method(self, *args, **kwargs)

    return wrapper  # type: ignore[return-value]


class ReaderActions:
    """Actions bound in :data:`tui.ui.keymap.READER_BINDINGS`."""

    def _origin(self) -> int:
        return self.article.top_offset()

    def _visible(self) -> tuple[int, int]:
        return self.article.top_offset(), self.article.bottom_offset()

    def _step_claim(self, delta: int) -> None:
        index = (
            step(
                self._claim_starts,
                self.claim_index,
                delta,
                self._origin(),
                self._visible(),
            )
            if self.claims
            else None
        )
        if index is None:
            self.app.bell()
            self.notify(self._none_left("claims", bool(self.claims)), timeout=2)
            return
        self.select_claim(index)

    def _none_left(self, what: str, any_found: bool) -> str:
        if any_found:
            return f"no more {what} this way"
        return f"still looking for {what}…" if self.extracting else f"no {what} found"

    def action_next_claim(self) -> None:
        self._step_claim(1)

    def action_prev_claim(self) -> None:
        self._step_claim(-1)

    def _step_event(self, delta: int) -> None:
        index = (
            step(
                self._event_starts,
                self.event_index,
                delta,
                self._origin(),
                self._visible(),
            )
            if self.events
            else None
        )
        if index is None:
            self.app.bell()
            self.notify(self._none_left("events", bool(self.events)), timeout=2)
            return
        self.select_event(index)

    def action_next_event(self) -> None:
        self._step_event(1)

    def action_prev_event(self) -> None:
        self._step_event(-1)

    def _step_mention(self, delta: int) -> None:
        index = (
            step(
                self._mention_starts,
                self.mention_index,
                delta,
                self._origin(),
                self._visible(),
            )
            if self.mentions
            else None
        )
        if index is None:
            self.app.bell()
            return
        self.select_mention(index)

    def action_next_mention(self) -> None:
        self._step_mention(1)

    def action_prev_mention(self) -> None:
        self._step_mention(-1)

    def action_same_entity(self) -> None:
        if self.mention_index is None:
            self._step_mention(1)
            return
        entity = self.mentions[self.mention_index].entity
        indices = self._by_entity.get(entity, [self.mention_index])
        later = bisect_right(indices, self.mention_index)
        self.select_mention(indices[later] if later < len(indices) else indices[0])

    def action_search(self) -> None:
        # The search box is mounted on first use: one widget less to build at start.
        found = self.query("#search")
        if found:
            search = found.first(Input)
            search.display = True
        else:
            search = Input(
                placeholder="search the article (enter: find, escape: close)", id="search"
            )
            self.mount(search, before=self.query_one("#status"))
        search.value = self.search_text
        search.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        # A named handler, not @on: Textual collects @on only from the screen class itself.
        if event.input.id != "search":
            return
        event.input.display = False
        self.article.focus()
        self.run_search(event.value)

    @batched
    def run_search(self, query: str) -> None:
        """Mark every match of ``query`` and go to the first one from the top of the screen."""
        self.search_text = query
        self.matches = find_all(self.session.document.text, query) if self.session and query else []
        self.match_index = None
        self.article.set_marks("match", self.matches)
        self.article.set_marks("match-current", [])
        if self.matches:
            self._step_match(1)
        else:
            if query:
                self.app.bell()
            self._update_status()

    @batched
    def _step_match(self, delta: int) -> None:
        if not self.matches:
            self.app.bell()
            return
        starts = [s for s, _ in self.matches]
        self.match_index = step_wrapping(starts, self.match_index, delta, self._origin())
        assert self.match_index is not None
        start, end = self.matches[self.match_index]
        self.pointer = "match"  # v starts a selection here
        self.article.set_marks("match-current", [(start, end)])
        self.jump_to(start, end)
        self._update_status()

    def action_search_next(self) -> None:
        self._step_match(1)

    def action_search_prev(self) -> None:
        self._step_match(-1)

    def action_clear(self) -> None:
        """Escape backs out one level: close search, then drop marks."""
        found = self.query("#search")
        if found and found.first().display:
            found.first().display = False
            self.article.focus()
            return
        if self.search_text:
            self.run_search("")
            return
        self.message = ""
        self.select_mention(None)
        self._update_status()

    def action_focus_pane(self, delta: int) -> None:
        panes = [self.article]
        if self.query_one(Sidebar).display and self.sidebar_ready:
            panes += [self.query_one("#claims", RowList), self.query_one("#events", RowList)]
        current = self.focused
        index = panes.index(current) if current in panes else 0
        panes[(index + delta) % len(panes)].focus()

    def action_toggle_sidebar(self) -> None:
        sidebar = self.query_one(Sidebar)
        self.sidebar_wanted = not sidebar.display
        sidebar.display = self.sidebar_wanted
        if not sidebar.display and self.focused is not self.article:
            self.article.focus()
