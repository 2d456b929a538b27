"""The note editor: a multi-line TextArea in a modal; ctrl+s saves, escape cancels."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static, TextArea

from tui.ui.keymap import NOTE_BINDINGS
from tui.ui.layout import visible


class NoteEditor(ModalScreen[str | None]):
    """Edit the note of one item; dismisses with the new text, or None when cancelled."""

    BINDINGS = [*NOTE_BINDINGS]

    def __init__(self, title: str, note: str) -> None:
        super().__init__()
        self.title_text = title
        self.note = note
        self._answered = False  # a second ctrl+s or escape typed ahead must not dismiss twice

    def compose(self) -> ComposeResult:
        with Vertical(id="note-box", classes="modal-box"):
            yield Static(Text(visible(self.title_text), style="bold"), id="note-title")
            yield TextArea(self.note, id="note-text", soft_wrap=True, tab_behavior="focus")
            yield Static(Text("ctrl+s save · escape cancel"), classes="modal-foot")

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        # Focus now, not on a later turn of the loop (as focus() does): the keys typed
        # right after the one that opened the editor are routed as soon as it is up.
        self.set_focus(area)
        area.move_cursor(area.document.end)

    def action_save(self) -> None:
        # ctrl+s is handled as it arrives, but the keys typed before it may still be
        # queued for the text area: read the text once the area has taken them all.
        if self._answered:
            return
        self._answered = True
        # Then back to this screen's own queue: a screen cannot be dismissed from one of
        # its children's turns (it would wait for that child to finish).
        area = self.query_one(TextArea)
        area.call_later(self.call_later, self._save_now)

    def _save_now(self) -> None:
        # Not awaited here: the screen's own turn must end for it to be removed.
        self.dismiss(self.query_one(TextArea).text.strip())

    def action_cancel(self) -> None:
        if not self._answered:
            self._answered = True
            self.dismiss(None)
