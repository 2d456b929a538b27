"""The library screen's bindings, each with an id (remappable in the config's keymap)."""

from __future__ import annotations

from textual.binding import Binding

TABLE_BINDINGS: list[Binding] = [
    Binding("j,down", "cursor(1)", "Row down", id="library-down", show=False),
    Binding("k,up", "cursor(-1)", "Row up", id="library-up", show=False),
    Binding("space,pagedown", "page(1)", "Page down", id="library-page-down", show=False),
    Binding("b,pageup", "page(-1)", "Page up", id="library-page-up", show=False),
    Binding("g,home", "first", "First article", id="library-top", show=False),
    Binding("G,end", "last", "Last article", id="library-bottom", show=False),
]

LIBRARY_BINDINGS: list[Binding] = [
    Binding("enter", "open", "Open", id="library-open"),
    Binding("slash", "filter", "Filter", id="library-filter", key_display="/"),
    Binding("U", "unfinished", "Only unfinished", id="library-unfinished"),
    Binding("s", "sort", "Sort", id="library-sort"),
    Binding("ctrl+f", "search", "Search all", id="library-search"),
    Binding("ctrl+l", "rescan", "Rescan folder", id="library-rescan", show=False),
]

FILTER_BINDINGS: list[Binding] = [
    Binding("escape", "clear_filter", "Clear filter", id="library-filter-clear"),
    Binding("enter,down", "done_filter", "Back to the list", id="library-filter-done"),
]

# In the sort picker: the key that picks each column.
SORT_KEYS: dict[str, str] = {
    "m": "status",
    "t": "title",
    "s": "source",
    "d": "date",
    "w": "words",
    "c": "claims",
    "e": "events",
    "o": "suggestions",
    "f": "attention",
    "r": "reviewed",
}

SEARCH_BINDINGS: list[Binding] = [
    Binding("escape", "cancel", "Close search", id="library-search-close"),
    Binding("down", "to_results", "To the results", id="library-search-results", show=False),
]
