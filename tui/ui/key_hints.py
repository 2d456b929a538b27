"""One line of key hints at the bottom, built from the live bindings (so keymaps show).

Textual's Footer mounts a widget per key; one line of text is a fraction of the
start-up cost, and the help screen (``?``) lists everything anyway.
"""

from __future__ import annotations

from dataclasses import replace

from rich.text import Text
from textual.widget import Widget


class KeyHints(Widget):
    """``J next claim  K prev claim  ...`` for the bindings marked ``show``."""

    COMPONENT_CLASSES = {"key-hints--key"}

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._hints: list[tuple[str, str]] = []

    def on_mount(self) -> None:
        self.update_hints()

    def update_hints(self) -> None:
        """Re-read the bindings (after a keymap change or a focus change)."""
        screen = self.screen
        seen: dict[str, tuple[str, str]] = {}
        for key, active in screen.active_bindings.items():
            binding = active.binding
            if not binding.show or not binding.description or binding.id in seen:
                continue
            display = binding.key_display or self.app.get_key_display(replace(binding, key=key))
            seen[binding.id or binding.action] = (display, binding.description.lower())
        self._hints = _pair(list(seen.values()))
        self.refresh()

    def render(self) -> Text:
        key_style = self.get_component_rich_style("key-hints--key", partial=True)
        text = Text(no_wrap=True, overflow="ellipsis", end="")
        for i, (key, description) in enumerate(self._hints):
            if i:
                text.append("  ")
            text.append(f" {key} ", key_style)
            text.append(f" {description}")
        return text


def _pair(hints: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Fold "J next claim", "K prev claim" into "J/K claim" to save the line's room."""
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(hints):
        key, text = hints[i]
        if i + 1 < len(hints) and text.startswith("next "):
            key2, text2 = hints[i + 1]
            if text2 == "prev " + text[5:]:
                out.append((f"{key}/{key2}", text[5:] + "s"))
                i += 2
                continue
        out.append((key, text))
        i += 1
    return out
