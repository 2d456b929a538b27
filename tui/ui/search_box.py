"""The search box: an Input that hands the focus back the moment it is done.

Input submits on enter through a binding, which Textual runs only once the key has
come back up to the app; by then the keys typed after enter (``/said`` enter ``n``)
were already given to the box. So enter and escape are taken here, as they arrive,
and any key that reaches the box after it closed is sent on again to the widget that
has the focus now.
"""

from __future__ import annotations

from textual import events
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input

from tui.ui.keymap import SEARCH_BINDINGS


class SearchBox(Input):
    """Type words, enter searches (``Input.Submitted``), escape closes (``Closed``)."""

    BINDINGS = [*SEARCH_BINDINGS]

    class Closed(Message):
        """The reviewer closed the box without searching."""

    def __init__(self) -> None:
        super().__init__(placeholder="search the article (enter: find, escape: close)", id="search")
        self._return_to: Widget | None = None

    def open(self, text: str, return_to: Widget) -> None:
        self.display = True
        self.value = text
        self._return_to = return_to
        # Focus now: the words typed right after / must land here, not in the article.
        self.screen.set_focus(self)

    @property
    def closed(self) -> bool:
        return not self.display

    def _close(self) -> None:
        self.display = False
        self.screen.set_focus(self._return_to)

    async def on_key(self, event: events.Key) -> None:
        if self.closed:
            # Typed after enter or escape: it was meant for what has the focus now.
            event.stop()
            event.prevent_default()
            self.app.post_message(events.Key(event.key, event.character))
        elif event.key == "enter":
            event.stop()
            event.prevent_default()
            self._close()
            self.post_message(self.Submitted(self, self.value))

    def action_close(self) -> None:
        self._close()
        self.post_message(self.Closed())
