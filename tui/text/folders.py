"""Which files of a folder are articles: one rule for the library, batch extraction,
search and export, so they all see the same corpus."""

from __future__ import annotations

import os
from pathlib import Path

from tui.text.loader import MARKDOWN_SUFFIXES

ARTICLE_SUFFIXES = frozenset({".txt", *MARKDOWN_SUFFIXES})


def articles_in(path: Path) -> list[Path]:
    """A folder's articles, recursively, in name order, skipping hidden files and folders
    (``.marginalia``, ``.git``, temporary files); a path that is not a folder, itself."""
    if not path.is_dir():
        return [path]
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(path):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        base = Path(dirpath)
        for name in sorted(filenames):
            if not name.startswith(".") and os.path.splitext(name)[1].lower() in ARTICLE_SUFFIXES:
                found.append(base / name)
    return found
