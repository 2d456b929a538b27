"""Small modal pickers: one-key choices, a fuzzy picker by name, and a yes/no question.

All dismiss with the chosen value, or None when the user pressed escape.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from tui.ui.layout import visible

KEYS = "123456789abcdefghijklmnopqrstuvwxyz"
PICKER_BINDINGS: list[Binding] = [Binding("escape", "cancel", "Cancel", id="picker-cancel")]


@dataclass(frozen=True, slots=True)
class Choice:
    """One entry of a picker: the key that picks it, what it says, what it returns."""

    key: str
    label: str
    value: object


def with_keys(items: Sequence[tuple[str, object]]) -> list[Choice]:
    """Choices keyed 1..9, a..z in order (for lists without keys of their own)."""
    return [Choice(KEYS[i], label, value) for i, (label, value) in enumerate(items[: len(KEYS)])]


class ChoicePicker(ModalScreen[object | None]):
    """Press a choice's key (or move with the arrows and press enter)."""

    BINDINGS = PICKER_BINDINGS
    _picked = False

    def __init__(self, title: str, choices: Sequence[Choice]) -> None:
        super().__init__()
        self.title_text = title
        self.choices = list(choices)
        # Each choice's key as a binding of this screen: a key typed right after the
        # one that opened the picker (t, then d) was already sent to the widget focused
        # before; it bubbles up to the app, which looks up bindings on the top screen,
        # this one, so it still picks. As an on_key handler here it was dropped.
        for index, choice in enumerate(self.choices):
            if len(choice.key) == 1 and choice.key.isalnum():
                self._bindings.bind(choice.key, f"pick({index})", show=False)

    def compose(self) -> ComposeResult:
        with Vertical(classes="modal-box picker-box"):
            yield Static(Text(self.title_text, style="bold"))
            options = [
                Option(Text.assemble((f" {c.key} ", "bold reverse"), " ", visible(c.label)))
                for c in self.choices
            ]
            yield OptionList(*options, id="choices")
            yield Static(
                Text("a key picks · enter the highlighted one · escape cancels"),
                classes="modal-foot",
            )

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def action_pick(self, index: int) -> None:
        if not self._picked:
            self._picked = True  # a second key typed ahead must not dismiss twice
            self.dismiss(self.choices[index].value)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_pick(event.option_index)

    def action_cancel(self) -> None:
        self.dismiss(None)


def fuzzy_score(query: str, name: str) -> int | None:
    """How well ``query``'s letters appear in order in ``name`` (higher is better); None if not."""
    q, n = query.casefold(), name.casefold()
    if not q:
        return 0
    if q in n:
        return 1000 - n.index(q) - len(n)  # a substring beats a scattered match
    score, pos, last = 0, 0, -2
    for ch in q:
        found = n.find(ch, pos)
        if found < 0:
            return None
        score += 5 if found == last + 1 else 0  # runs of letters
        score += 3 if found == 0 or not n[found - 1].isalnum() else 0  # word starts
        last, pos = found, found + 1
    return score - len(n)


def fuzzy_filter(query: str, choices: Sequence[Choice], limit: int = 50) -> list[Choice]:
    scored = [
        (s, i, c) for i, c in enumerate(choices) if (s := fuzzy_score(query, c.label)) is not None
    ]
    scored.sort(key=lambda t: (-t[0], t[1]))
    return [c for _, _, c in scored[:limit]]


class FuzzyPicker(ModalScreen[object | None]):
    """Type to narrow a list by name; up/down move, enter picks. ``fixed`` stay on top."""

    BINDINGS = [
        *PICKER_BINDINGS,
        Binding("down", "move(1)", "Next", id="picker-down", show=False, priority=True),
        Binding("up", "move(-1)", "Previous", id="picker-up", show=False, priority=True),
    ]

    def __init__(self, title: str, choices: Sequence[Choice], fixed: Sequence[Choice] = ()) -> None:
        super().__init__()
        self.title_text = title
        self.all = list(choices)
        self.fixed = list(fixed)
        self.shown: list[Choice] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="modal-box picker-box"):
            yield Static(Text(self.title_text, style="bold"))
            yield Input(placeholder="type part of a name", id="fuzzy")
            yield OptionList(id="choices")
            yield Static(Text("enter picks · up/down move · escape cancels"), classes="modal-foot")

    def on_mount(self) -> None:
        self._fill("")
        self.query_one(Input).focus()

    def _fill(self, query: str) -> None:
        self.shown = [*self.fixed, *fuzzy_filter(query, self.all)]
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options([Option(Text(visible(c.label))) for c in self.shown])
        if self.shown:
            options.highlighted = (
                len(self.fixed) if query and len(self.shown) > len(self.fixed) else 0
            )

    def on_input_changed(self, event: Input.Changed) -> None:
        self._fill(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        highlighted = self.query_one(OptionList).highlighted
        if highlighted is not None and highlighted < len(self.shown):
            self.dismiss(self.shown[highlighted].value)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.shown[event.option_index].value)

    def action_move(self, delta: int) -> None:
        options = self.query_one(OptionList)
        if not self.shown:
            return
        current = options.highlighted if options.highlighted is not None else -delta
        options.highlighted = max(0, min(len(self.shown) - 1, current + delta))

    def action_cancel(self) -> None:
        self.dismiss(None)


class Confirm(ModalScreen[bool]):
    """A yes/no question: y or enter says yes, n or escape says no."""

    BINDINGS = [
        Binding("y,enter", "answer(True)", "Yes", id="confirm-yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm-no"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="modal-box confirm-box"):
            yield Static(Text(visible(self.question)))
            yield Static(Text("y yes · n no"), classes="modal-foot")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
