"""Speaker labels: attributions made by layout rather than by a verb.

- transcripts and headlines: ``WALLACE: Let's start ...`` / ``Pat Caddell: Voters Worried``
  (a short name, a colon, then what they said, to the end of the paragraph);
- quotations signed with a dash: ``“Trump scares me.” ― Krystal Correa, 34, Florida``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.extract.cues import Lexicon
from tui.extract.quotes import Quotes

# One to five capitalised words (initials, hyphens and apostrophes allowed) then a colon.
_LABEL = re.compile(r"((?:[A-Z][\w.’'-]*\s){0,4}[A-Z][\w.’'-]*):[ \t]+(?=\S)")
_DASH = re.compile(r"[ \t]*[―—–-][ \t]*(?=[A-Z])")
_NAME = re.compile(r"[A-Z][\w.’'-]*(?:\s(?:[A-Z][\w.’'-]*|de|van|von|al|bin))*")


@dataclass(frozen=True, slots=True)
class Label:
    cue: tuple[int, int]
    source: tuple[int, int]
    content: tuple[tuple[int, int], ...]


def find_labels(
    text: str, paragraphs: list[tuple[int, int]], quotes: Quotes, lex: Lexicon
) -> list[Label]:
    """Speaker labels in ``text``, one per labelled paragraph or signed quotation."""
    out: list[Label] = []
    for start, end in paragraphs:
        m = _LABEL.match(text, start, end)
        if m is not None:
            name = m.group(1)
            words = name.lower().replace("’", "'").split()
            if (
                words
                and words[0].strip(".'") not in lex.label_stops
                and not any(ch.isdigit() for ch in name)
            ):
                c_start, c_end = m.end(), end
                while c_end > c_start and text[c_end - 1].isspace():
                    c_end -= 1
                colon = m.end(1)
                out.append(Label((colon, colon + 1), (m.start(1), m.end(1)), ((c_start, c_end),)))
                continue
        out.extend(_signed(text, start, end, quotes))
    return out


def _signed(text: str, start: int, end: int, quotes: Quotes) -> list[Label]:
    """``“...” ― Name``: a closed quotation followed by a dash and a capitalised name."""
    found: list[Label] = []
    for q in quotes.within(start, end):
        if q.end > end or not q.closed:
            continue
        d = _DASH.match(text, q.end, end)
        if d is None:
            continue
        n = _NAME.match(text, d.end(), end)
        if n is None:
            continue
        dash = text.index(text[d.start() : d.end()].strip(), d.start())
        found.append(Label((dash, dash + 1), (n.start(), n.end()), ((q.start, q.end),)))
    return found
