"""Moving through the article: the current claim, event and mention, jumps, following
the view, clicks and sidebar choices. The reader state decides; this draws the move."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual.timer import Timer

from tui.model import Claim, Event
from tui.ui.layout import one_line

if TYPE_CHECKING:
    from tui.ui.reader_screen import ReaderScreen


class Navigator:
    """The reader screen's moves, each drawn in one frame (marks, scroll, sidebar, status)."""

    FOLLOW_DELAY = 0.06  # seconds of stillness before the sidebar catches up with a scroll

    def __init__(self, screen: ReaderScreen) -> None:
        self.screen = screen
        self._follow_timer: Timer | None = None

    def step(self, kind: str, delta: int) -> None:
        """J/K, ]/[, e/E: the next or previous claim, event or entity mention."""
        screen = self.screen
        state, article = screen.state, screen.article
        top, bottom = article.top_offset(), article.bottom_offset()
        if kind == "claim":
            index, found = state.step_claim(delta, top, bottom), bool(state.claims)
        elif kind == "event":
            index, found = state.step_event(delta, top, bottom), bool(state.events)
        else:
            index, found = state.step_mention(delta, top, bottom), bool(state.mentions)
        if index is not None:
            self.select(kind, index)
            return
        screen.app.bell()
        if kind != "mention":
            screen.review.tell(f"no more {kind}s this way" if found else f"no {kind}s found")

    def same_entity(self) -> None:
        index = self.screen.state.next_of_same_entity()
        if index is None:
            self.step("mention", 1)
        else:
            self.select_mention(index)

    def select(self, kind: str, index: int) -> None:
        if kind == "claim":
            self.select_claim(index)
        elif kind == "event":
            self.select_event(index)
        else:
            self.select_mention(index)

    def select_claim(self, index: int | None, *, scroll: bool = True, show: bool = True) -> None:
        screen = self.screen
        with screen.app.batch_update():
            screen.state.select_claim(index, show=show)
            screen.painter.mark_claim()
            claim = screen.state.current_claim
            if claim is not None and scroll:
                self.jump_to(claim.start, claim.end)
                self._prefetch(screen.state.claims, index)
            self._sidebar_and_status()

    def select_event(self, index: int | None, *, scroll: bool = True, show: bool = True) -> None:
        screen = self.screen
        with screen.app.batch_update():
            screen.state.select_event(index, show=show)
            screen.painter.mark_event()
            event = screen.state.current_event
            if event is not None and scroll:
                self.jump_to(event.start, event.trigger.end)
                self._prefetch(screen.state.events, index)
            self._sidebar_and_status()

    def select_mention(self, index: int | None, *, scroll: bool = True) -> None:
        screen = self.screen
        state = screen.state
        with screen.app.batch_update():
            state.select_mention(index)
            screen.painter.mark_mention()
            mention = state.current_mention
            if mention is not None:
                if scroll:
                    self.jump_to(mention.span.start, mention.span.end, center=False)
                entity = state.index.entity(mention.entity)
                n, of = state.mention_position()
                state.message = (
                    f"{one_line(entity.name if entity else mention.span.text)} · {mention.type}"
                    f" · mention {n}/{of} · {mention.status}"
                )
            self._sidebar_and_status()

    def _prefetch(self, items: Sequence[Claim | Event], index: int | None) -> None:
        """Once this frame is drawn, build the rows of the next item (the next J or ])."""
        if index is None or index + 1 >= len(items):
            return
        following = items[index + 1]
        end = following.end if isinstance(following, Claim) else following.trigger.end
        article = self.screen.article
        self.screen.call_after_refresh(article.prefetch, following.start, end)

    def _sidebar_and_status(self) -> None:
        painter = self.screen.painter
        painter.cursors()
        painter.card()
        self.screen.refresh_status()

    def show_item(self, item_id: str) -> None:
        found = self.screen.state.index_of(item_id)
        if found is not None:
            self.select(*found)

    def jump_to(self, start: int, end: int, *, center: bool = True) -> None:
        """Scroll the article to a span we chose; the sidebar follows in the same frame."""
        self.screen.article.show_span(start, end, center=center)
        self.follow()

    def scrolled(self) -> None:
        """The view moved: the position now; the sidebar once scrolling pauses (following
        every page of a fast scroll would repaint the card and lists each time)."""
        screen = self.screen
        screen.refresh_status()
        if self._follow_timer is not None:
            self._follow_timer.stop()
        self._follow_timer = screen.set_timer(self.FOLLOW_DELAY, self.follow)

    def follow(self) -> None:
        """Once the current claim (or event) has left the view, the first one on it."""
        screen = self.screen
        if self._follow_timer is not None:
            self._follow_timer.stop()
            self._follow_timer = None
        article = screen.article
        claim, event = screen.state.follow(article.top_offset(), article.bottom_offset())
        if claim is None and event is None:
            return
        # What the card shows stays: the claim (or event) it follows is the one on screen.
        mode = screen.state.card_mode
        with screen.app.batch_update():
            if claim is not None:
                self.select_claim(claim, scroll=False, show=mode == "claim")
            if event is not None:
                self.select_event(event, scroll=False, show=mode == "event")

    def clicked(self, offset: int) -> None:
        mention, claim = self.screen.state.at_offset(offset)
        if mention is not None:
            self.select_mention(mention, scroll=False)
        if claim is not None:
            self.select_claim(claim, scroll=False)
