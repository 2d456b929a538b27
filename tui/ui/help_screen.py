"""Help: the bindings that are live right now, read from the screen, so it never drifts."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static


def live_bindings(screen) -> list[tuple[str, str, str]]:
    """(keys, description, id) for each binding active on ``screen``, in binding order."""
    by_binding: dict[int, tuple[Binding, list[str]]] = {}
    app = screen.app
    for key, active in screen.active_bindings.items():
        binding = active.binding
        if binding.system or not binding.description:
            continue
        entry = by_binding.setdefault(id(binding), (binding, []))
        entry[1].append(app.get_key_display(Binding(key, binding.action)))
    rows = []
    for binding, keys in by_binding.values():
        rows.append((" ".join(dict.fromkeys(keys)), binding.description, binding.id or ""))
    return rows


class HelpScreen(ModalScreen[None]):
    """A table of the live keys; escape, q or ? closes it."""

    BINDINGS = [Binding("escape,q,question_mark,f1", "dismiss", "Close", id="help-close")]

    def __init__(self, rows: list[tuple[str, str, str]], focused: str) -> None:
        super().__init__()
        self.rows = rows
        self.focused = focused

    def compose(self) -> ComposeResult:
        table = Table(box=None, expand=False, show_header=True, header_style="bold", pad_edge=False)
        table.add_column("keys", no_wrap=True)
        table.add_column("does")
        table.add_column("id (for the keymap in config.yaml)", style="dim")
        for keys, description, binding_id in self.rows:
            table.add_row(Text(keys), Text(description), Text(binding_id))
        with VerticalScroll(id="help-box"):
            yield Static(Text(f"Keys (focused: {self.focused})", style="bold"), id="help-title")
            yield Static(table, id="help-table")
            yield Static(
                Text("Remap keys in ~/.config/marginalia/config.yaml under keymap: {id: keys}. "
                     "ctrl+p lists every command. escape closes."),
                id="help-foot",
            )

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(result)
