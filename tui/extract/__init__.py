"""Extraction: text -> entities, claims, events. Pure functions; no textual import.

The one entry point the rest of the program uses is :func:`extract`.
"""

from tui.extract.pipeline import extract

__all__ = ["extract"]
