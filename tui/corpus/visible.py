"""Text from outside (file names, article sentences) made safe to print in a terminal."""

from __future__ import annotations

import re

# C0 controls but tab, DEL, and C1 controls: each can start an escape sequence.
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]")


def visible(text: str) -> str:
    """``text`` with control characters shown as escapes (``\\x1b``), newlines as spaces."""
    return _CONTROL.sub(lambda m: " " if m.group() == "\n" else repr(m.group())[1:-1], text)
