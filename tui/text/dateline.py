"""Datelines opening a news paragraph ("ALEPPO, Syria (Reuters) - "): where the body starts.

The sentence splitter starts a paragraph's first sentence after it, and finds a headline
run into the dateline of its story; the loader and the tagger skip it too.
"""

from __future__ import annotations

import re

# A dateline opening a paragraph: "ALEPPO, Syria (Reuters) - ", "WASHINGTON (AP) — ",
# "KANDAHAR, Afghanistan, Oct. 3 (Xinhua) -- ".
DATELINE = re.compile(
    r"[A-Z][A-Z.'’ -]{1,40}[A-Z.]"
    r"(?:,[ ][A-Z][\w.' ]{1,40}?){0,2}"
    r"(?:[ ]\([^()\n]{1,40}\))?"
    r"[ ]*(?:--|[-–—])[ ]*"
)


def dateline_end(text: str, start: int, end: int) -> int:
    """Where the body starts after a dateline at ``start`` (``start`` if there is none)."""
    m = DATELINE.match(text, start, end)
    if not m:
        return start
    head = m.group(0)
    if "," not in head and "(" not in head and "—" not in head and "–" not in head:
        return start
    return m.end()
