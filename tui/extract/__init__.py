"""Extraction: text -> entities, claims, events. Pure functions; no textual import.

The one entry point the rest of the program uses is :func:`extract`. It is loaded
on first use, so importing a light module of this package (``tui.extract.codebook``)
does not load every model and word list of the extractor.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tui.extract.pipeline import extract

__all__ = ["extract"]


def __getattr__(name: str) -> Any:
    if name == "extract":
        from tui.extract.pipeline import extract

        return extract
    raise AttributeError(f"module 'tui.extract' has no attribute {name!r}")
