"""The article pane: a Line API ScrollView that builds only the rows on screen.

Like toolong's LogLines: the text is pre-wrapped into rows of document offsets
(:mod:`tui.ui.layout`), ``render_line`` builds a ``Strip`` for a visible row from
plain strings and styles (:mod:`tui.ui.article_rows`: never markup, so an article
cannot inject any), and strips are cached in an ``LRUCache`` that is cleared when
styles, marks or the wrap width change. Colours come from component classes, so themes drive them.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence

from rich.style import Style
from textual import events
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.model import Mention
from tui.text import Document
from tui.ui.article_rows import (
    ENTITY_CLASSES,
    MARK_LAYERS,
    REJECTED_CLASS,
    SpanIndex,
    build_row,
)
from tui.ui.keymap import ARTICLE_BINDINGS
from tui.ui.layout import BLANK, HEADER, Layout, columns, layout_document, visible
from tui.ui.themes import entity_style


class ArticleView(ScrollView, can_focus=True, inherit_bindings=False):
    """The article, wrapped to a readable measure, with entities and marks highlighted."""

    BINDINGS = [*ARTICLE_BINDINGS]
    MARGIN = 2
    COMPONENT_CLASSES = {
        "article--title",
        "article--dateline",
        "article--header",
        *ENTITY_CLASSES,
        REJECTED_CLASS,
        *(f"article--{layer}" for layer in MARK_LAYERS),
    }

    class Scrolled(Message):
        """The viewport moved (by the user or a jump); ``top`` is its first document offset."""

        def __init__(self, top: int, bottom: int) -> None:
            self.top = top
            self.bottom = bottom
            super().__init__()

    class Clicked(Message):
        """The user clicked on the text at document ``offset``."""

        def __init__(self, offset: int) -> None:
            self.offset = offset
            super().__init__()

    def __init__(self, *, measure: int = 100, id: str | None = None) -> None:
        super().__init__(id=id)
        self.measure = measure
        self.document: Document | None = None
        self._shown = ""
        self.rows = Layout(0)
        self._wrap_width = 0
        self._mentions = SpanIndex.build(())
        self._marks: dict[str, SpanIndex] = {}
        # Built rows, by row number, already at the widget's width; cleared whenever
        # the rows, the width or the styles change.
        self._cache: LRUCache[int, Strip] = LRUCache(1024)
        self._cache_width = -1
        self._styles: dict[str, Style] = {}

    # -- data -----------------------------------------------------------------

    def set_document(self, document: Document) -> None:
        self.document = document
        self._shown = visible(document.text)
        self._relayout(force=True)
        self.scroll_to(y=0, animate=False)

    def set_mentions(self, mentions: Sequence[Mention]) -> None:
        # Rejected mentions stay visible, struck through, so a rejection can be seen and undone.
        self._mentions = SpanIndex.build(
            (m.span.start, m.span.end, self._mention_class(m))
            for m in mentions
            if m.anchor != "orphaned"  # old offsets: they may not match the text any more
        )
        self._invalidate()

    def restyle_mentions(self, mentions: Sequence[Mention]) -> None:
        """New status or type for mentions whose spans did not move: repaint only their rows."""
        spans = self._mentions
        for m in mentions:
            i = bisect_left(spans.starts, m.span.start)
            while i < len(spans.starts) and spans.starts[i] == m.span.start:
                if spans.ends[i] == m.span.end:
                    spans.keys[i] = self._mention_class(m)
                i += 1
        self._invalidate_spans((m.span.start, m.span.end) for m in mentions)

    @staticmethod
    def _mention_class(m: Mention) -> str:
        if m.status == "rejected":
            return REJECTED_CLASS
        return f"article--entity-{entity_style(m.type)}"

    def set_marks(self, layer: str, spans: Iterable[tuple[int, int]]) -> None:
        """Replace one mark layer (see MARK_LAYERS) with ``spans``."""
        new = SpanIndex.build((s, e, layer) for s, e in spans)
        old = self._marks.get(layer)
        self._marks[layer] = new
        if old is not None and len(old.starts) + len(new.starts) <= 64:
            # Few spans (a claim, a mention): rebuild only the rows they touch, as
            # toolong refreshes only the old and new pointer lines.
            changed = (
                *zip(old.starts, old.ends, strict=True),
                *zip(new.starts, new.ends, strict=True),
            )
            self._invalidate_spans(changed)
        else:
            self._invalidate()

    def _invalidate_spans(self, spans: Iterable[tuple[int, int]]) -> None:
        if not len(self.rows):
            return
        top = int(self.scroll_y)
        height = self.size.height
        for start, end in spans:
            first = self.rows.row_of(start)
            last = self.rows.row_of(max(start, end - 1))
            for row in range(first, last + 1):
                self._cache.discard(row)
            if last >= top and first < top + height:
                self.refresh_lines(
                    max(first, top), min(last, top + height - 1) - max(first, top) + 1
                )

    def _invalidate(self) -> None:
        self._cache.clear()
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()
        self._cache.clear()

    # -- geometry ---------------------------------------------------------------

    def _target_width(self) -> int:
        available = self.size.width - self.MARGIN - 1  # and one blank column on the right
        return max(10, min(self.measure, available)) if available > 0 else self.measure

    def _relayout(self, force: bool = False) -> None:
        if self.document is None:
            return
        width = self._target_width()
        if not force and width == self._wrap_width:
            return
        anchor = self.top_offset() if len(self.rows) else 0
        self._wrap_width = width
        self.rows = layout_document(self.document, self._shown, width)
        self.virtual_size = Size(width + 2 * self.MARGIN, len(self.rows))
        self._cache.clear()
        if not force:
            self.scroll_to(y=self.rows.row_of(anchor), animate=False)
        self.refresh()

    def set_measure(self, measure: int) -> None:
        self.measure = measure
        self._relayout(force=True)

    def on_resize(self, event: events.Resize) -> None:
        self._relayout()

    def top_offset(self) -> int:
        """The document offset of the first row on screen."""
        if not len(self.rows):
            return 0
        row = min(int(self.scroll_y), len(self.rows) - 1)
        return self.rows.starts[row]

    def position(self) -> str:
        """Where the view is, as less shows it: Top, Bot, All or a percentage."""
        if self.max_scroll_y <= 0:
            return "All"
        if self.scroll_y <= 0:
            return "Top"
        if self.scroll_y >= self.max_scroll_y:
            return "Bot"
        return f"{int(100 * self.scroll_y / self.max_scroll_y)}%"

    def bottom_offset(self) -> int:
        if not len(self.rows):
            return 0
        row = min(int(self.scroll_y) + max(self.size.height, 1) - 1, len(self.rows) - 1)
        return self.rows.ends[row]

    def _top_for(self, start: int, end: int, center: bool) -> int | None:
        """The first row to show so ``[start, end)`` is on screen (None: it already is)."""
        first = self.rows.row_of(start)
        last = self.rows.row_of(max(start, end - 1))
        height = max(self.size.height, 1)
        if last - first + 1 >= height:
            y = first - 1
        elif center:
            y = (first + last) // 2 - height // 2
        else:
            top = int(self.scroll_y)
            if first >= top and last < top + height:
                return None
            y = first - 1 if first < top else last - height + 2
        return max(0, min(y, len(self.rows) - 1))

    def show_span(self, start: int, end: int, *, center: bool = True) -> None:
        """Scroll so ``[start, end)`` is on screen, centred when it fits."""
        if not len(self.rows):
            return
        y = self._top_for(start, end, center)
        if y is not None:
            self.scroll_to(y=y, animate=False, immediate=True)

    def _prefetch_rows(self, top: int) -> None:
        """Build the rows from ``top`` for a screenful, into the cache (the next page)."""
        width = self.size.width
        if width <= 0 or width != self._cache_width:
            return  # the next frame clears the cache anyway
        base = self._base()
        for row in range(max(0, top), min(top + self.size.height, len(self.rows))):
            if self._cache.get(row) is None:
                self._cache.set(row, self._build_row(row, base).adjust_cell_length(width, base))

    def prefetch(self, start: int, end: int, *, center: bool = True) -> None:
        """Build the rows a jump to ``[start, end)`` would show, before it is asked for.

        Called once a frame is drawn, for the item J (or ]) would go to next: its rows
        are then in the cache, and that key only pays for drawing them.
        """
        if not len(self.rows) or self.size.width <= 0:
            return
        y = self._top_for(start, end, center)
        if y is not None:
            self._prefetch_rows(y)

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        self.post_message(self.Scrolled(self.top_offset(), self.bottom_offset()))

    # -- rendering ----------------------------------------------------------------

    def _style(self, name: str) -> Style:
        style = self._styles.get(name)
        if style is None:
            style = self.get_component_rich_style(name, partial=True)
            self._styles[name] = style
        return style

    def _base(self) -> Style:
        # Widget.rich_style walks the ancestors on every call; once per style change will do.
        base = self._styles.get("")
        if base is None:
            base = self._styles[""] = self.rich_style
        return base

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        row = scroll_y + y
        base = self._base()
        width = self.size.width
        if row >= len(self.rows):
            return Strip.blank(width, base)
        if width != self._cache_width:
            self._cache.clear()
            self._cache_width = width
        strip = self._cache.get(row)
        if strip is None:
            strip = self._build_row(row, base).adjust_cell_length(width, base)
            self._cache.set(row, strip)
        return strip

    def _build_row(self, row: int, base: Style) -> Strip:
        return build_row(
            self.rows,
            row,
            self._shown,
            base=base,
            style=self._style,
            margin=self.MARGIN,
            dateline=self.document.dateline if self.document else None,
            mentions=self._mentions,
            marks=self._marks,
        )

    # -- mouse --------------------------------------------------------------------

    def on_click(self, event: events.Click) -> None:
        row = int(self.scroll_y) + event.y
        if row >= len(self.rows) or self.rows.kinds[row] in (BLANK, HEADER):
            return
        start, end = self.rows.starts[row], self.rows.ends[row]
        col = int(self.scroll_x) + event.x - self.MARGIN
        if col < 0:
            return
        cols = columns(self._shown[start:end])
        if cols is None:
            index = col if col < end - start else None
        else:
            index = next((i for i in range(end - start) if cols[i + 1] > col), None)
        if index is not None:
            self.post_message(self.Clicked(start + index))

    # -- actions (less/vim sense: g top, G bottom) ---------------------------------

    def action_line_down(self) -> None:
        self.scroll_to(y=self.scroll_y + 1, animate=False, immediate=True)

    def action_line_up(self) -> None:
        self.scroll_to(y=self.scroll_y - 1, animate=False, immediate=True)

    def action_page_down(self) -> None:
        self.scroll_to(
            y=self.scroll_y + max(1, self.size.height - 1), animate=False, immediate=True
        )

    def action_page_up(self) -> None:
        self.scroll_to(
            y=self.scroll_y - max(1, self.size.height - 1), animate=False, immediate=True
        )

    def action_top(self) -> None:
        self.scroll_to(y=0, animate=False, immediate=True)

    def action_bottom(self) -> None:
        self.scroll_to(y=self.max_scroll_y, animate=False, immediate=True)
