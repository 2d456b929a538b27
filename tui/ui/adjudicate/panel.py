"""The two reviews' versions of the current difference, side by side, and the merged one."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from tui.ui.adjudicate.state import SETTLED_WORDS, AdjudicationState, Line
from tui.ui.layout import visible

MARK = "≠ "  # a differing aspect is marked in text, so it reads without colour too


def lines_text(lines: list[Line]) -> Text:
    """Version lines as inert text (never markup); differing aspects marked and bold."""
    out = Text(no_wrap=False, overflow="fold")
    for i, line in enumerate(lines):
        if i:
            out.append("\n")
        if line.differs:
            out.append(MARK + visible(line.text), style="bold")
        else:
            out.append("  " + visible(line.text))
    return out


class VersionsPanel(Vertical):
    """A | B | merged, with a title line saying where the adjudicator is."""

    def compose(self) -> ComposeResult:
        yield Static("", id="versions-title")
        with Horizontal(id="versions-columns"):
            yield Static("", id="version-a", classes="version")
            yield Static("", id="version-b", classes="version")
            yield Static("", id="version-merged", classes="version")

    def show(self, state: AdjudicationState) -> None:
        self.query_one("#versions-title", Static).update(Text(visible(state.status())))
        a, b, merged = state.versions()
        name_a, name_b = state.names
        settled = SETTLED_WORDS[state.current_state[0]]
        for wid, head, lines in (
            ("#version-a", f"A · {name_a}  (H takes it)", a),
            ("#version-b", f"B · {name_b}  (L takes it)", b),
            ("#version-merged", f"merged · {settled}", merged),
        ):
            text = Text(visible(head) + "\n", style="bold underline")
            text.append_text(lines_text(lines))
            self.query_one(wid, Static).update(text)
