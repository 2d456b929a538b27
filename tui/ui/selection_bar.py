"""Selection mode's bar: shows the selected words and holds the focus, so w b h l t enter
C V f escape act on the selection rather than scroll the article.

It reports upward with typed messages (``Moved``, ``Left``). What a selection is
made into (t, enter, C, V, f) is the screen's business: those keys are the
screen's bindings, active while the bar has the focus, so the picker they open is
up before the next key is routed.
"""

from __future__ import annotations

from rich.text import Text
from textual.message import Message
from textual.widget import Widget

from tui.ui.keymap import SELECTION_BINDINGS
from tui.ui.rows import one_line
from tui.ui.selection import Selection, extend_char, extend_word, shift_word

MAX_SHOWN = 60
HINT = "· w/b word · l/h char · W/B move · t entity · enter set span · C claim · V event · f field · esc"


class SelectionBar(Widget, can_focus=True, inherit_bindings=False):
    """The selection lives here; the screen hears of each move."""

    BINDINGS = [*SELECTION_BINDINGS]

    class Moved(Message):
        """The selection changed (it is never empty)."""

        def __init__(self, selection: Selection) -> None:
            self.selection = selection
            super().__init__()

    class Left(Message):
        """The reviewer left selection mode (escape)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.selection: Selection | None = None
        self.text = ""

    def start(self, text: str, selection: Selection) -> None:
        self.text = text
        self.selection = selection
        self.display = True
        # Focus now, not on the next loop turn as focus() does: the keys a fast typist
        # sends after v (v w w t) must reach the selection.
        self.screen.set_focus(self)
        self._changed()

    def stop(self) -> None:
        self.selection = None
        self.display = False

    def render(self) -> Text:
        if self.selection is None:
            return Text("")
        words = one_line(self.selection.text(self.text))
        if len(words) > MAX_SHOWN:
            words = words[: MAX_SHOWN - 1] + "…"
        return Text.assemble(
            ("SELECT ", "bold reverse"),
            " “",
            (words, "bold"),
            "” ",
            (HINT, "dim"),
            no_wrap=True,
            overflow="ellipsis",
        )

    def _changed(self) -> None:
        self.refresh()
        if self.selection is not None:
            self.post_message(self.Moved(self.selection))

    def _move(self, new: Selection) -> None:
        if new == self.selection:
            self.app.bell()
            return
        self.selection = new
        self._changed()

    def action_extend_word(self, delta: int) -> None:
        if self.selection is not None:
            self._move(extend_word(self.text, self.selection, delta))

    def action_extend_char(self, delta: int) -> None:
        if self.selection is not None:
            self._move(extend_char(self.text, self.selection, delta))

    def action_shift_word(self, delta: int) -> None:
        if self.selection is not None:
            self._move(shift_word(self.text, self.selection, delta))

    def action_leave(self) -> None:
        self.post_message(self.Left())
