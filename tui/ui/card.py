"""The sidebar's card: the current claim, event or entity in full, labelled lines with
values wrapped under themselves.

A Line API widget: ``show`` keeps plain pieces, and the rows are built once per item
(and width) as strips, not re-laid out by Rich at every frame (that cost 5 ms a key).
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip
from textual.widget import Widget

from tui.ui.layout import BODY, Layout, wrap_line

Piece = tuple[str, str]  # (text, role)
ROLE_CLASSES = ("letter", "dim", "badge", "source", "cue", "content")


class Card(Widget):
    """The current item: a label per field, its value wrapped in the rest of the width."""

    COMPONENT_CLASSES = {f"card--{r}" for r in ROLE_CLASSES}
    LABEL = 8

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._lines: list[tuple[str, list[Piece]]] = []
        self._empty = ""
        self._strips: list[Strip] | None = None
        self._built_for = (-1, -1)
        self._styles: dict[str, Style] = {}  # by role; looking one up walks the CSS

    def show(self, pieces: list[Piece] | None, empty: str) -> None:
        """Pieces come as lines ("\\n" starts one), each led by its label."""
        lines: list[list[Piece]] = [[]]
        for piece, role in pieces or ():
            if piece.startswith("\n"):
                lines.append([])
                piece = piece[1:]
            if piece:
                lines[-1].append((piece, role))
        self._lines = [(line[0][0].strip(), line[1:]) for line in lines if line]
        self._empty = empty
        self._strips = None
        # The card's height is fixed: a plain refresh, no layout pass, so showing an
        # item repaints only the card.
        self.refresh()

    def text(self) -> str:
        """What the card says, one line per field (for tests and screen readers)."""
        if not self._lines:
            return self._empty
        return "\n".join(
            f"{label.ljust(self.LABEL)}{''.join(p for p, _ in rest)}" for label, rest in self._lines
        )

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips = None
        self._styles.clear()

    def _role_styles(self) -> dict[str, Style]:
        if not self._styles:
            base = self._styles[""] = self.rich_style
            for role in ROLE_CLASSES:
                self._styles[role] = base + self.get_component_rich_style(
                    f"card--{role}", partial=True
                )
        return self._styles

    def _build(self, width: int, height: int) -> list[Strip]:
        styles = self._role_styles()
        base, dim = styles[""], styles["dim"]
        if not self._lines:
            return [Strip([Segment(self._empty, dim)]).crop_extend(0, width, base)]
        value_width = max(width - self.LABEL, 8)
        rows: list[Strip] = []
        for label, rest in self._lines:
            text = "".join(piece for piece, _ in rest)
            runs: list[tuple[int, int, Style]] = []
            at = 0
            for piece, role in rest:
                runs.append((at, at + len(piece), styles.get(role, base)))
                at += len(piece)
            wrapped = Layout(value_width)
            wrap_line(text, 0, len(text), value_width, wrapped, BODY)
            for i, (start, end) in enumerate(zip(wrapped.starts, wrapped.ends, strict=True)):
                segments = [Segment(label.ljust(self.LABEL) if i == 0 else " " * self.LABEL, dim)]
                for s, e, style in runs:
                    if s < end and e > start:
                        segments.append(Segment(text[max(s, start) : min(e, end)], style))
                rows.append(Strip(segments).crop_extend(0, width, base))
        if 0 < height < len(rows):
            # More than fits: say so, rather than cut a claim silently.
            rows = rows[:height]
            rows[-1] = Strip([Segment(" " * self.LABEL + "…", dim)]).crop_extend(0, width, base)
        return rows

    def render_line(self, y: int) -> Strip:
        width, height = self.content_size
        if self._strips is None or self._built_for != (width, height):
            self._strips = self._build(width, height)
            self._built_for = (width, height)
        if y < len(self._strips):
            return self._strips[y]
        return Strip.blank(width, self._role_styles()[""])
