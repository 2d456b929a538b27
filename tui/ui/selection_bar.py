"""Selection mode's bar: shows the selected words and holds the focus, so w b h l t enter
C V escape act on the selection rather than scroll the article."""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

from tui.ui.keymap import SELECTION_BINDINGS
from tui.ui.rows import one_line
from tui.ui.selection import Selection, extend_char, extend_word, shift_word

MAX_SHOWN = 60


class SelectionBar(Widget, can_focus=True, inherit_bindings=False):
    """The selection lives here; the screen is told of each move through ``on_change``."""

    BINDINGS = SELECTION_BINDINGS

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.selection: Selection | None = None
        self.text = ""

    def start(self, text: str, selection: Selection) -> None:
        self.text = text
        self.selection = selection
        self.display = True
        # Focus now, not on the next loop turn as focus() does: the keys a fast typist
        # sends after v (v w w t) are already queued and must reach the selection.
        self.screen.set_focus(self)
        self._changed()

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
            (
                "· w/b word · l/h char · W/B move · t entity · enter set span · C claim · V event · f field · esc",
                "dim",
            ),
            no_wrap=True,
            overflow="ellipsis",
        )

    def _changed(self) -> None:
        self.refresh()
        self.screen.selection_changed(self.selection)  # type: ignore[attr-defined]

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

    async def action_make_mention(self) -> None:
        await self.screen.selection_command("mention")  # type: ignore[attr-defined]

    async def action_adjust_mention(self) -> None:
        await self.screen.selection_command("adjust")  # type: ignore[attr-defined]

    async def action_make_claim(self) -> None:
        await self.screen.selection_command("claim")  # type: ignore[attr-defined]

    async def action_make_event(self) -> None:
        await self.screen.selection_command("event")  # type: ignore[attr-defined]

    async def action_set_field(self) -> None:
        await self.screen.selection_command("field")  # type: ignore[attr-defined]

    def action_leave(self) -> None:
        self.screen.leave_selection()  # type: ignore[attr-defined]
