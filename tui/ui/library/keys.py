"""The sort picker's keys: the letter that picks each column of the library.

The library's bindings (ids, help, remapping) live in tui.ui.keymap with every other.
"""

from __future__ import annotations

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
