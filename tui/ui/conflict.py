"""The conflict prompt: the sidecar changed on disk while open; reload it or keep ours."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.ui.keymap import CONFLICT_BINDINGS
from tui.ui.layout import visible


class ConflictPrompt(ModalScreen[str]):
    """Dismisses with "reload" or "keep"; nothing is written until the user chooses."""

    BINDINGS = [*CONFLICT_BINDINGS]

    def __init__(self, where: str) -> None:
        super().__init__()
        self.where = where

    def compose(self) -> ComposeResult:
        with Vertical(classes="modal-box confirm-box", id="conflict-box"):
            yield Static(Text("The annotations changed on disk", style="bold"))
            yield Static(
                Text(
                    f"{visible(self.where)} was changed by another program (an editor, git pull)"
                    " since it was opened. Saving is paused until you choose."
                )
            )
            yield Static(
                Text(
                    "r  reload: take the file on disk (u undoes the reload)\n"
                    "k  keep mine: write my annotations (theirs are kept as the .bak file)"
                ),
                classes="modal-foot",
            )

    def action_choose(self, what: str) -> None:
        self.dismiss(what)
