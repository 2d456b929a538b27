"""The "needs attention" view: items that moved or could not be placed after the article changed.

Orphaned items keep their old offsets, which may not match the text any more, so
they are only listed here with the words they quote, never drawn in the article.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.changes import Item
from tui.model import Claim, Event, Mention
from tui.ui.keymap import ATTENTION_BINDINGS
from tui.ui.rows import one_line


def describe(item: Item) -> tuple[str, str, str]:
    """(kind, what it says, anchor state) for a row of the view."""
    if isinstance(item, Mention):
        return "entity", f"{item.type} {one_line(item.span.text)}", item.anchor
    if isinstance(item, Claim):
        content = " … ".join(one_line(s.text) for s in item.content)
        return "claim", f"{one_line(item.cue.text)}: {content}", item.anchor
    if isinstance(item, Event):
        return "event", f"{item.subtype or item.type}: {one_line(item.trigger.text)}", item.anchor
    return "item", one_line(str(getattr(item, "id", ""))), getattr(item, "anchor", "")


def attention_rows(items: Sequence[Item]) -> list[str]:
    out = []
    for item in items:
        kind, text, anchor = describe(item)
        mark = "?" if anchor == "orphaned" else "~"  # readable without colour
        out.append(f"{mark} {anchor:<8} {kind:<6} {getattr(item, 'id', '')}: {text}")
    return out


class NeedsAttention(ModalScreen[str | None]):
    """Lists moved (~) and orphaned (?) items; enter on a moved one shows it in the article."""

    BINDINGS = [*ATTENTION_BINDINGS]

    def __init__(self, items: Sequence[Item]) -> None:
        super().__init__()
        self.items = list(items)

    def compose(self) -> ComposeResult:
        with Vertical(classes="modal-box", id="attention-box"):
            yield Static(Text(f"Needs attention ({len(self.items)})", style="bold"))
            if self.items:
                yield OptionList(
                    *(Option(Text(r)) for r in attention_rows(self.items)), id="attention"
                )
            else:
                yield Static(
                    Text("nothing: every item is where it was annotated"), id="attention-empty"
                )
            yield Static(
                Text(
                    "~ moved: placed again by its words, check it · ? orphaned: its words are gone,"
                    " fix or reject it · enter shows a moved item · escape closes"
                ),
                classes="modal-foot",
            )

    def on_mount(self) -> None:
        for options in self.query(OptionList):
            self.set_focus(options)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        item = self.items[event.option_index]
        if getattr(item, "anchor", "") == "orphaned":
            self.app.bell()  # its old offsets may not match the text: nothing to show
            return
        self.dismiss(getattr(item, "id", None))

    def action_close(self) -> None:
        self.dismiss(None)
