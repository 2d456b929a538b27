"""Text from outside (file names, article sentences) made safe to print in a terminal."""

from __future__ import annotations

from tui.text.visible import escaped


def visible(text: str) -> str:
    """``text`` with control characters shown as escapes (``\\x1b``), newlines as spaces.

    Tabs stay (table output splits on them); the escapes are :func:`tui.text.visible.escaped`.
    """
    return "\t".join(escaped(part.replace("\n", " ")) for part in text.split("\t"))
