"""Small modal pickers: one-key choices (one question or several in a row), a fuzzy
picker by name, and a yes/no question.

All dismiss with the chosen value (a tuple of values for several questions), or
None when the user pressed escape. Each takes the focus as it mounts, so the keys
typed right after the one that opened it land in it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from tui.ui.keymap import CONFIRM_BINDINGS, FUZZY_PICKER_BINDINGS, PICKER_BINDINGS
from tui.ui.layout import visible

KEYS = "123456789abcdefghijklmnopqrstuvwxyz"


@dataclass(frozen=True, slots=True)
class Choice:
    """One entry of a picker: the key that picks it, what it says, what it returns."""

    key: str
    label: str
    value: object


@dataclass(frozen=True, slots=True)
class Question:
    """One step of a ChoicePicker: a title and its choices."""

    title: str
    choices: tuple[Choice, ...]


def with_keys(items: Sequence[tuple[str, object]]) -> list[Choice]:
    """Choices keyed 1..9, a..z in order (for lists without keys of their own)."""
    return [Choice(KEYS[i], label, value) for i, (label, value) in enumerate(items[: len(KEYS)])]


class ChoicePicker(ModalScreen[object | None]):
    """Press a choice's key (or move with the arrows and press enter).

    With several questions (a new claim's cue, then its source) it asks them in
    turn in the same modal, so keys typed ahead answer the next question instead
    of reaching the screen below between two pickers; it then dismisses with the
    tuple of answers.
    """

    BINDINGS = [*PICKER_BINDINGS]

    def __init__(
        self, title: str, choices: Sequence[Choice], *more: tuple[str, Sequence[Choice]]
    ) -> None:
        super().__init__()
        self.questions = [
            Question(title, tuple(choices)),
            *(Question(t, tuple(c)) for t, c in more),
        ]
        self.step = 0
        self.answers: list[object] = []
        self._done = False  # a key typed ahead must not dismiss twice

    @property
    def title_text(self) -> str:
        return self.questions[self.step].title

    @property
    def choices(self) -> list[Choice]:
        return list(self.questions[self.step].choices)

    def compose(self) -> ComposeResult:
        with Vertical(classes="modal-box picker-box"):
            yield Static(id="picker-title")
            yield OptionList(id="choices")
            yield Static(
                Text("a key picks · enter the highlighted one · escape cancels"),
                classes="modal-foot",
            )

    def on_mount(self) -> None:
        self._show()
        self.set_focus(self.query_one(OptionList))

    def _show(self) -> None:
        question = self.questions[self.step]
        counter = f" ({self.step + 1}/{len(self.questions)})" if len(self.questions) > 1 else ""
        self.query_one("#picker-title", Static).update(
            Text(visible(question.title) + counter, style="bold")
        )
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options(
            [
                Option(Text.assemble((f" {c.key} ", "bold reverse"), " ", visible(c.label)))
                for c in question.choices
            ]
        )
        if question.choices:
            options.highlighted = 0

    def on_key(self, event: events.Key) -> None:
        # The choices' own keys: they change with the question, so they are no bindings.
        if event.character is None or self._done:
            return
        for index, choice in enumerate(self.questions[self.step].choices):
            if choice.key == event.character:
                event.stop()
                event.prevent_default()
                self.pick(index)
                return

    def pick(self, index: int) -> None:
        if self._done:
            return
        self.answers.append(self.questions[self.step].choices[index].value)
        if self.step + 1 < len(self.questions):
            self.step += 1
            self._show()
            return
        self._done = True
        self.dismiss(self.answers[0] if len(self.questions) == 1 else tuple(self.answers))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.pick(event.option_index)

    def action_cancel(self) -> None:
        if not self._done:
            self._done = True
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

    BINDINGS = [*FUZZY_PICKER_BINDINGS]

    def __init__(self, title: str, choices: Sequence[Choice], fixed: Sequence[Choice] = ()) -> None:
        super().__init__()
        self.title_text = title
        self.all = list(choices)
        self.fixed = list(fixed)
        self.shown: list[Choice] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="modal-box picker-box"):
            yield Static(Text(visible(self.title_text), style="bold"))
            yield Input(placeholder="type part of a name", id="fuzzy")
            yield OptionList(id="choices")
            yield Static(Text("enter picks · up/down move · escape cancels"), classes="modal-foot")

    def on_mount(self) -> None:
        self._fill("")
        self.set_focus(self.query_one(Input))

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

    BINDINGS = [*CONFIRM_BINDINGS]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="modal-box confirm-box"):
            yield Static(Text(visible(self.question)))
            yield Static(Text("y yes · n no"), classes="modal-foot")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
