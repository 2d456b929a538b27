"""The sidebar: current claim or event in full, virtualised claim and event lists, legend."""

from __future__ import annotations

from collections.abc import Callable

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.cache import LRUCache
from textual.containers import Vertical
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Static

from tui.ui.card import ROLE_CLASSES, Card, Piece
from tui.ui.keymap import LIST_BINDINGS
from tui.ui.themes import ENTITY_STYLES, entity_style


class RowList(ScrollView, can_focus=True, inherit_bindings=False):
    """A list that builds only the rows on screen (10,000 rows cost nothing at start)."""

    BINDINGS = [*LIST_BINDINGS]
    COMPONENT_CLASSES = {"rows--cursor", "rows--empty", *(f"rows--{r}" for r in ROLE_CLASSES)}

    class Chosen(Message):
        """The user moved to (or chose) a row; ``focus_article`` when they pressed enter."""

        def __init__(self, rows: RowList, index: int, focus_article: bool = False) -> None:
            self.rows = rows
            self.index = index
            self.focus_article = focus_article
            super().__init__()

        @property
        def control(self) -> RowList:
            return self.rows

    def __init__(self, empty: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.empty = empty
        self.count = 0
        self.cursor = -1
        self._format: Callable[[int], list[Piece]] = lambda i: []
        self._cache: LRUCache[tuple[int, bool], Strip] = LRUCache(256)
        self._base_style: Style | None = None

    def set_rows(self, count: int, format_row: Callable[[int], list[Piece]]) -> None:
        self.count = count
        self._format = format_row
        self.cursor = min(self.cursor, count - 1)
        self._cache.clear()
        self.virtual_size = Size(0, max(count, 1))
        self.refresh()

    def update_rows(self, rows: list[int], format_row: Callable[[int], list[Piece]]) -> None:
        """Rows ``rows`` changed in place (same count): rebuild and repaint only those."""
        self._format = format_row
        top = int(self.scroll_y)
        height = max(self.size.height, 1)
        for row in rows:
            self._cache.discard((row, True))
            self._cache.discard((row, False))
            if top <= row < top + height:
                self.refresh_line(row)

    def set_cursor(self, index: int) -> None:
        """Move the highlight to ``index`` (-1 for none) and keep it in view, silently."""
        index = max(-1, min(index, self.count - 1))
        if index == self.cursor:
            return
        old, self.cursor = self.cursor, index
        self._cache.discard((old, True))
        self._cache.discard((index, False))
        height = max(self.size.height, 1)
        top = int(self.scroll_y)
        # Scrolling repaints every row: when the cursor leaves the view, move by most
        # of a page, so the next keys in that direction only repaint two rows.
        lead = height // 3
        if index >= 0 and index < top:
            self.scroll_to(y=max(0, index - height + 1 + lead), animate=False, immediate=True)
        elif index >= top + height:
            self.scroll_to(y=index - lead, animate=False, immediate=True)
        else:
            # Only the two rows that changed: less for the compositor to redraw.
            for row in (old, index):
                if row >= 0:
                    self.refresh_line(row)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._base_style = None
        self._cache.clear()

    def render_line(self, y: int) -> Strip:
        index = int(self.scroll_y) + y
        base = self._base_style
        if base is None:
            base = self._base_style = self.rich_style
        width = self.size.width
        if self.count == 0:
            if y == 0:
                style = base + self.get_component_rich_style("rows--empty", partial=True)
                return Strip([Segment(self.empty, style)]).crop_extend(0, width, base)
            return Strip.blank(width, base)
        if index >= self.count:
            return Strip.blank(width, base)
        selected = index == self.cursor
        key = (index, selected)
        strip = self._cache.get(key)
        if strip is None or strip.cell_length != width:
            strip = self._build(index, selected, base, width)
            self._cache.set(key, strip)
        return strip

    def _build(self, index: int, selected: bool, base: Style, width: int) -> Strip:
        if selected:
            base = base + self.get_component_rich_style("rows--cursor", partial=True)
        segments = []
        for piece, role in self._format(index):
            style = base
            if role:
                style = base + self.get_component_rich_style(f"rows--{role}", partial=True)
            segments.append(Segment(piece, style))
        strip = Strip(segments)
        if strip.cell_length > width:
            strip = strip.crop(0, max(width - 1, 0)) + Strip([Segment("…", base)])
        return strip.crop_extend(0, width, base)

    def _move(self, index: int, focus_article: bool = False) -> None:
        if self.count == 0:
            return
        index = max(0, min(index, self.count - 1))
        self.set_cursor(index)
        self.post_message(self.Chosen(self, index, focus_article))

    def action_cursor(self, delta: int) -> None:
        self._move(max(self.cursor, 0) + delta if self.cursor >= 0 else 0)

    def action_page(self, delta: int) -> None:
        self._move(max(self.cursor, 0) + delta * max(1, self.size.height - 1))

    def action_first(self) -> None:
        self._move(0)

    def action_last(self) -> None:
        self._move(self.count - 1)

    def action_choose(self) -> None:
        self._move(max(self.cursor, 0), focus_article=True)

    def on_click(self, event: events.Click) -> None:
        index = int(self.scroll_y) + event.y
        if 0 <= index < self.count:
            self._move(index)


class Legend(Widget):
    """Entity types with their letters and counts; the letters, not the colours, carry meaning."""

    COMPONENT_CLASSES = {f"legend--{name}" for name in ENTITY_STYLES}

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.entries: list[tuple[str, str, int]] = []

    def show(self, entries: list[tuple[str, str, int]]) -> None:
        """(letter, type, count) per entity type, in the codebook's order."""
        if entries != self.entries:
            self.entries = entries
            self.refresh(layout=True)

    def render(self) -> Text:
        if not self.entries:
            return Text("no entities")
        # Pack whole entries into lines, so an entry never breaks across two.
        width = max(self.content_size.width, 10)
        text = Text(no_wrap=True, overflow="crop")
        used = 0
        for letter, kind, count in self.entries:
            label = f" {kind.lower()} {count}"
            size = len(letter) + 2 + len(label)
            if used and used + 2 + size > width:
                text.append("\n")
                used = 0
            elif used:
                text.append("  ")
                used += 2
            style = self.get_component_rich_style(
                f"legend--{entity_style(kind)}", partial=True, default=Style()
            )
            text.append(f" {letter} ", style)
            text.append(label)
            used += size
        return text

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return max(1, len(self.render().plain.split("\n")))


class Sidebar(Vertical):
    """Current item, claims, events, legend: mounted by :meth:`fill`, after the first frame."""

    async def fill(self) -> dict[str, Static | Card | RowList | Legend]:
        """Mount the parts (once); them by id."""
        if not self.children:
            await self.mount_all(self._parts())
        return {
            w.id: w
            for w in self.children
            if w.id and isinstance(w, (Static, Card, RowList, Legend))
        }

    def _parts(self) -> ComposeResult:
        yield Static("Claim", id="card-title", classes="sidebar-heading")
        yield Card(id="card")
        yield Static("Claims", id="claims-title", classes="sidebar-heading")
        yield RowList("no claims found", id="claims")
        yield Static("Events", id="events-title", classes="sidebar-heading")
        yield RowList("no events found", id="events")
        yield Legend(id="legend")
