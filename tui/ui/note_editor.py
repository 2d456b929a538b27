"""The note editor: a multi-line TextArea in a modal; ctrl+s saves, escape cancels."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static, TextArea

NOTE_BINDINGS: list[Binding] = [
    # Priority: the TextArea has the focus and would otherwise take these keys.
    Binding("ctrl+s", "save", "Save note", id="note-save", priority=True),
    Binding("escape", "cancel", "Cancel", id="note-cancel", priority=True),
]


class NoteEditor(ModalScreen[str | None]):
    """Edit the note of one item; dismisses with the new text, or None when cancelled."""

    BINDINGS = NOTE_BINDINGS

    def __init__(self, title: str, note: str) -> None:
        super().__init__()
        self.title_text = title
        self.note = note

    def compose(self) -> ComposeResult:
        with Vertical(id="note-box", classes="modal-box"):
            yield Static(Text(self.title_text, style="bold"), id="note-title")
            yield TextArea(self.note, id="note-text", soft_wrap=True, tab_behavior="focus")
            yield Static(Text("ctrl+s save · escape cancel"), classes="modal-foot")

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    def action_save(self) -> None:
        self.dismiss(self.query_one(TextArea).text.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)
