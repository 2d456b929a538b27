"""Every top-level key of the user's config file (``config.yaml``) that some part of
Marginalia reads, in one list: the reader reports any other key as unknown (a typo), so
a key read elsewhere must be listed here or the reader calls it one. Nothing imported.
"""

from __future__ import annotations

# Each key and who reads it.
CONFIG_KEYS: dict[str, str] = {
    "theme": "the reader, library and adjudication (tui.ui.config)",
    "keymap": "the reader, library and adjudication (tui.ui.config)",
    "measure": "the reader, library and adjudication (tui.ui.config)",
    "reviewer": "the reader, library and adjudication (tui.ui.config)",
    "min_confidence": "the reader, library and adjudication (tui.ui.config)",
    "cache": "the reader and `marginalia extract` (tui.cache.extractions)",
    "publisher": "`marginalia export --format claimreview` (tui.interchange_cli)",
}
