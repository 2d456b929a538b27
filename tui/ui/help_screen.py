"""Help: the bindings that are live right now, read from the screen, so it never drifts."""

from __future__ import annotations

from dataclasses import replace

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from tui.ui.keymap import HELP_BINDINGS


def live_bindings(screen: Screen[object]) -> list[tuple[str, str, str]]:
    """(keys, description, id) for each binding active on ``screen``, in binding order."""
    # Textual splits "j,down" into one binding per key; group them back by id.
    # Only bindings with ids are ours (and remappable); Textual's own are left out.
    by_id: dict[str, tuple[Binding, list[str]]] = {}
    app = screen.app
    for key, active in screen.active_bindings.items():
        binding = active.binding
        if binding.system or not binding.id or not binding.description:
            continue
        entry = by_id.setdefault(binding.id, (binding, []))
        entry[1].append(app.get_key_display(replace(binding, key=key, key_display=None)))
    rows = [
        (" ".join(dict.fromkeys(keys)), b.description, b.id or "") for b, keys in by_id.values()
    ]
    rows.append(
        (
            app.get_key_display(
                replace(HELP_BINDINGS[0], key=app.COMMAND_PALETTE_BINDING, key_display=None)
            ),
            "Command palette: every action by name",
            "",
        )
    )
    return rows


class HelpScreen(ModalScreen[None]):
    """A table of the live keys; escape, q or ? closes it."""

    BINDINGS = [*HELP_BINDINGS]

    def __init__(self, rows: list[tuple[str, str, str]], focused: str) -> None:
        super().__init__()
        self.rows = rows
        self.focused_name = focused

    def compose(self) -> ComposeResult:
        table = Table(box=None, expand=False, show_header=True, header_style="bold", pad_edge=False)
        table.add_column("keys", no_wrap=True)
        table.add_column("does")
        table.add_column("id (keymap)", style="dim", no_wrap=True)
        for keys, description, binding_id in self.rows:
            table.add_row(Text(keys), Text(description), Text(binding_id))
        with VerticalScroll(id="help-box"):
            yield Static(
                Text(f"Keys (focused: {self.focused_name})", style="bold"), id="help-title"
            )
            yield Static(table, id="help-table")
            yield Static(
                Text(
                    "Remap keys in ~/.config/marginalia/config.yaml under keymap: {id: keys}. "
                    "ctrl+p lists every command. escape closes."
                ),
                id="help-foot",
            )
