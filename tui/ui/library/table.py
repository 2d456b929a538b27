"""ArticleTable: the library's rows, virtualised (only the rows on screen are built).

10,000 articles scroll like 10: ``render_line`` formats one row from the LibraryState
when it comes into view; rows are cached as Strips until the data or width changes.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual.cache import LRUCache
from textual.events import Click, Key
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget

from tui.corpus.summary import ArticleSummary
from tui.corpus.visible import visible
from tui.ui.keymap import LIBRARY_TABLE_BINDINGS
from tui.ui.library.state import COLUMNS, DONE, LibraryState, cells

GAP = 1  # cells between columns
MIN_TITLE = 16


def column_widths(total: int) -> list[int]:
    """Each column's width in cells for a table ``total`` cells wide (title takes the rest)."""
    fixed = sum(c.width for c in COLUMNS) + GAP * (len(COLUMNS) - 1)
    widths = [c.width for c in COLUMNS]
    widths[COLUMNS.index(next(c for c in COLUMNS if c.width == 0))] = max(MIN_TITLE, total - fixed)
    return widths


def fit(text: str, width: int, right: bool = False) -> str:
    """``text`` cut (with …) or padded to exactly ``width`` cells."""
    if cell_len(text) > width:
        return set_cell_size(text, max(width - 1, 0)) + "…" if width else ""
    pad = " " * (width - cell_len(text))
    return pad + text if right else text + pad


class TableHeader(Widget):
    """Column titles, the sorted one marked ▲/▼ (click one to sort by it)."""

    COMPONENT_CLASSES = {"header--sorted"}

    class SortClicked(Message):
        def __init__(self, key: str) -> None:
            self.key = key
            super().__init__()

    def __init__(self, state: LibraryState, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.state = state

    def render_line(self, y: int) -> Strip:
        base = self.rich_style
        widths = column_widths(self.size.width)
        segments: list[Segment] = []
        for column, width in zip(COLUMNS, widths, strict=True):
            title = column.title
            style = base
            if column.key == self.state.sort_key:
                title += "▼" if self.state.descending else "▲"
                style = base + self.get_component_rich_style("header--sorted", partial=True)
            segments.append(Segment(fit(title, width, column.numeric), style))
            segments.append(Segment(" " * GAP, base))
        return Strip(segments).crop_extend(0, self.size.width, base)

    def on_click(self, event: Click) -> None:
        x = 0
        for column, width in zip(COLUMNS, column_widths(self.size.width), strict=True):
            if x <= event.x < x + width + GAP:
                self.post_message(self.SortClicked(column.key))
                return
            x += width + GAP


class ArticleTable(ScrollView, can_focus=True):
    """One line per article of ``state.visible``; the cursor row is ``state.cursor``."""

    BINDINGS = [*LIBRARY_TABLE_BINDINGS]
    COMPONENT_CLASSES = {"table--cursor", "table--done", "table--attention", "table--empty"}

    class Moved(Message):
        """The cursor moved (the screen updates what depends on it)."""

    class Opened(Message):
        """The user chose the article under the cursor (enter, or a double click)."""

        def __init__(self, path: str) -> None:
            self.path = path
            super().__init__()

    def __init__(self, state: LibraryState, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.state = state
        self.empty = "no articles"
        self._cache: LRUCache[tuple[ArticleSummary, bool, int], Strip] = LRUCache(512)
        self._styles: dict[str, Style] = {}
        # The screen's say on a key first: typed ahead for the filter or the search, it is
        # not the table's (see tui.ui.library.typeahead).
        self.divert: Callable[[Key], bool] | None = None

    def on_key(self, event: Key) -> None:
        if self.divert is not None and self.divert(event):
            event.stop()
            event.prevent_default()

    def reload(self) -> None:
        """The rows shown changed (sorted, filtered, refreshed): draw them anew."""
        self._cache.clear()
        self.virtual_size = Size(0, max(len(self.state.visible), 1))
        self.refresh()
        self.scroll_to_cursor()

    def scroll_to_cursor(self) -> None:
        cursor, height = self.state.cursor, max(self.size.height, 1)
        top = int(self.scroll_y)
        if cursor < top:
            self.scroll_to(y=cursor, animate=False)
        elif cursor >= top + height:
            self.scroll_to(y=cursor - height + 1, animate=False)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles = {}
        self._cache.clear()

    def _style(self, name: str) -> Style:
        style = self._styles.get(name)
        if style is None:
            if name == "base":
                style = self.rich_style
            else:
                style = self._style("base") + self.get_component_rich_style(name, partial=True)
            self._styles[name] = style
        return style

    def render_line(self, y: int) -> Strip:
        index = int(self.scroll_y) + y
        width = self.size.width
        base = self._style("base")
        rows = self.state.visible
        if not rows:
            if y == 0:
                return Strip([Segment(self.empty, self._style("table--empty"))]).crop_extend(
                    0, width, base
                )
            return Strip.blank(width, base)
        if index >= len(rows):
            return Strip.blank(width, base)
        summary = rows[index]
        selected = index == self.state.cursor
        key = (summary, selected, width)  # a changed row is a new summary: a new key
        strip = self._cache.get(key)
        if strip is None:
            strip = self._build(index, selected, width)
            self._cache.set(key, strip)
        return strip

    def _build(self, index: int, selected: bool, width: int) -> Strip:
        summary = self.state.visible[index]
        texts = cells(summary)
        mark = texts[0]
        style = self._style("base")
        if mark == DONE:
            style = self._style("table--done")
        elif mark == "!":
            style = self._style("table--attention")
        if selected:
            style = style + self.get_component_rich_style("table--cursor", partial=True)
        parts = []
        for column, text, w in zip(COLUMNS, texts, column_widths(width), strict=True):
            parts.append(fit(visible(text), w, column.numeric))
        return Strip([Segment((" " * GAP).join(parts), style)]).crop_extend(0, width, style)

    # ---------------------------------------------------------------- moving

    def move_to(self, index: int) -> None:
        old = self.state.cursor
        self.state.move_to(index)
        if self.state.cursor != old:
            self.refresh()
            self.scroll_to_cursor()
            self.post_message(self.Moved())

    def action_cursor(self, delta: int) -> None:
        self.move_to(self.state.cursor + delta)

    def action_page(self, delta: int) -> None:
        self.move_to(self.state.cursor + delta * max(1, self.size.height - 1))

    def action_first(self) -> None:
        self.move_to(0)

    def action_last(self) -> None:
        self.move_to(len(self.state.visible) - 1)

    def on_click(self, event: Click) -> None:
        index = int(self.scroll_y) + event.y
        if 0 <= index < len(self.state.visible):
            self.move_to(index)
            if event.chain >= 2:
                self.post_message(self.Opened(self.state.visible[index].path))
