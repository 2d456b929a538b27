"""The two reviews' versions of the current difference, side by side, and the merged one."""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from tui.ui.adjudicate.state import SETTLED_WORDS, AdjudicationState, Line
from tui.ui.layout import visible

MARK = "≠ "  # a differing aspect is marked in text, so it reads without colour too


class Version:
    """A version's lines, each wrapped under itself: a continued line starts below its
    value, not under the ``≠`` mark or the label. Text is inert (never markup); a differing
    aspect is marked and bold. ``str()`` is the plain text, one line per aspect."""

    MIN_VALUE = 12  # narrower than this, a wrapped value goes back under the mark

    def __init__(self, head: str, lines: list[Line]) -> None:
        self.head = visible(head)
        self.lines = lines

    def __str__(self) -> str:
        rows = [self.head]
        rows += [(MARK if x.differs else "  ") + visible(x.text) for x in self.lines]
        return "\n".join(rows)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        yield from Text(self.head, style="bold underline").wrap(console, width, overflow="fold")
        for line in self.lines:
            style = "bold" if line.differs else ""
            lead = (MARK if line.differs else "  ") + visible(line.text[: line.hang])
            value = Text(visible(line.text[line.hang :]), style=style)
            hang = cell_len(lead)
            if width - hang < self.MIN_VALUE:  # too narrow to hang under the label
                yield Text(lead.rstrip(), style=style)
                lead, hang = " " * cell_len(MARK), cell_len(MARK)
            for k, piece in enumerate(value.wrap(console, max(1, width - hang), overflow="fold")):
                row = Text(lead if k == 0 else " " * hang, style=style)
                row.append_text(piece)
                yield row


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
            self.query_one(wid, Static).update(Version(head, lines))
