"""The library screen's bindings, each with an id (remappable in the config's keymap)."""

from __future__ import annotations

# The bindings themselves live in tui.ui.keymap with every other binding of the app
# (one place for ids, help and remapping); these are the library's names for them.
from tui.ui.keymap import LIBRARY_BINDINGS, LIBRARY_FILTER_BINDINGS, LIBRARY_SEARCH_BINDINGS
from tui.ui.keymap import LIBRARY_TABLE_BINDINGS as TABLE_BINDINGS

FILTER_BINDINGS = LIBRARY_FILTER_BINDINGS
SEARCH_BINDINGS = LIBRARY_SEARCH_BINDINGS

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

__all__ = ["FILTER_BINDINGS", "LIBRARY_BINDINGS", "SEARCH_BINDINGS", "SORT_KEYS", "TABLE_BINDINGS"]
