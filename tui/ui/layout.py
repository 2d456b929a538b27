"""Pre-wrapped article rows with offset maps, so spans map to (row, column).

Pure Python (no textual): the article pane asks this module which rows exist at a
given width and which document offsets each row shows. Wrapping is greedy at
spaces, measured in terminal cells; rows never copy the text, they hold offsets.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from rich.cells import get_character_cell_size

from tui.text import Document, paragraphs

# Characters that must never reach the terminal as themselves: C0 controls (they
# move the cursor, ring bells, start escape sequences), DEL, C1 controls and the
# bidirectional overrides ("Trojan Source"). Each maps to one visible, one-cell
# symbol, so offsets and columns stay one-to-one. Tab is whitespace in prose and
# reads better as a space than as a symbol.
_VISIBLE: dict[int, str] = {c: chr(0x2400 + c) for c in range(32) if c != 10}
_VISIBLE[9] = " "
_VISIBLE[0x7F] = "\u2421"
_VISIBLE.update({c: "\ufffd" for c in range(0x80, 0xA0)})
_VISIBLE.update(
    {c: "\ufffd" for c in (0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A))}
)
_TABLE = str.maketrans(_VISIBLE)

# Characters known to take exactly one cell: Latin, Greek, Cyrillic, general
# punctuation (curly quotes, dashes, ellipsis), currency, control pictures. A row
# made only of these is measured by len(), which keeps wrapping 1 MB fast.
_NARROW_RANGES = (
    (0x20, 0x7E),
    (0xA0, 0xAC),
    (0xAE, 0x2FF),
    (0x370, 0x482),
    (0x48A, 0x52F),
    (0x2010, 0x2027),
    (0x2030, 0x205E),
    (0x20A0, 0x20C0),
    (0x2116, 0x2122),
    (0x2190, 0x21FF),
    (0x2400, 0x2426),
    (0x2500, 0x25FC),
    (0xFFFD, 0xFFFD),
)
_NARROW = frozenset(chr(c) for a, b in _NARROW_RANGES for c in range(a, b + 1))
_all_narrow = _NARROW.issuperset

BODY, TITLE, BLANK, HEADER = 0, 1, 2, 3


def visible(text: str) -> str:
    """``text`` with control characters replaced by visible symbols, same length."""
    return text.translate(_TABLE)


def one_line(text: str) -> str:
    """Text from outside made inert and single-line, for a row, a title or a status."""
    return " ".join(visible(text).split())


@lru_cache(maxsize=65536)
def _width(ch: str) -> int:
    return get_character_cell_size(ch)


def cell_widths(text: str) -> list[int] | None:
    """Per-character cell widths, or None when every character takes one cell."""
    if _all_narrow(text):
        return None
    return [_width(ch) for ch in text]


@dataclass(slots=True)
class Layout:
    """Rows of the article at one wrap width.

    ``starts[i]``/``ends[i]`` are the document offsets row ``i`` shows; blank and
    header rows show no document text (``start == end``) and header rows take
    their text from ``headers``.
    """

    width: int
    starts: array = field(default_factory=lambda: array("q"))
    ends: array = field(default_factory=lambda: array("q"))
    kinds: bytearray = field(default_factory=bytearray)
    headers: dict[int, str] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.starts)

    def add(self, start: int, end: int, kind: int = BODY) -> None:
        self.starts.append(start)
        self.ends.append(end)
        self.kinds.append(kind)

    def row_of(self, offset: int) -> int:
        """The row showing document ``offset`` (or the row before a gap)."""
        if not self.starts:
            return 0
        row = bisect_right(self.starts, offset) - 1
        row = max(row, 0)
        # Blank rows share their start with the next paragraph; prefer text rows.
        while row > 0 and self.kinds[row] in (BLANK, HEADER):
            row -= 1
        while (
            row + 1 < len(self.starts)
            and self.kinds[row] == BLANK
            and self.starts[row + 1] <= offset
        ):
            row += 1
        return row


def wrap_line(text: str, start: int, end: int, width: int, out: Layout, kind: int) -> None:
    """Greedy-wrap ``text[start:end]`` (no newlines) into rows of at most ``width`` cells."""
    width = max(width, 1)
    line = text[start:end]
    widths = cell_widths(line)
    if widths is None:
        pos = start
        while end - pos > width:
            cut = text.rfind(" ", pos + 1, pos + width + 1)
            if cut <= pos:
                out.add(pos, pos + width, kind)
                pos += width
            else:
                out.add(pos, cut, kind)
                pos = cut + 1
            while pos < end and text[pos] == " ":
                pos += 1
        if pos < end or start == end:
            out.add(pos, end, kind)
        return
    # Wide or zero-width characters: walk cells, remembering the last space.
    row_start = 0
    cells = 0
    last_space = -1
    i = 0
    n = len(line)
    while i < n:
        w = widths[i]
        if cells + w > width and i > row_start:
            if last_space > row_start:
                out.add(start + row_start, start + last_space, kind)
                i = last_space + 1
            else:
                out.add(start + row_start, start + i, kind)
            while i < n and line[i] == " ":
                i += 1
            row_start = i
            cells = 0
            last_space = -1
            continue
        if line[i] == " ":
            last_space = i
        cells += w
        i += 1
    if row_start < n or n == 0:
        out.add(start + row_start, start + n, kind)


def layout_document(doc: Document, shown: str, width: int) -> Layout:
    """Rows for ``doc`` at ``width`` cells: header, then paragraphs with blank rows between."""
    out = Layout(width)
    if doc.title and doc.title_span is None:
        # A title from front matter is not part of the text: show it as a header.
        for part in _wrap_plain(visible(doc.title), width):
            out.headers[len(out)] = part
            out.add(0, 0, HEADER)
    meta = " · ".join(
        visible(doc.meta[k])
        for k in ("source", "author", "published", "date", "url")
        if doc.meta.get(k)
    )
    if meta:
        for part in _wrap_plain(meta, width):
            out.headers[len(out)] = part
            out.add(0, 0, HEADER)
    if len(out):
        out.add(0, 0, BLANK)
    title = doc.title_span
    first = True
    for p_start, p_end in paragraphs(shown):
        if not first:
            out.add(p_start, p_start, BLANK)
        first = False
        pos = p_start
        while pos <= p_end:
            nl = shown.find("\n", pos, p_end)
            line_end = p_end if nl < 0 else nl
            kind = TITLE if title is not None and title[0] <= pos < title[1] else BODY
            wrap_line(shown, pos, line_end, width, out, kind)
            if nl < 0:
                break
            pos = nl + 1
    return out


def _wrap_plain(text: str, width: int) -> list[str]:
    tmp = Layout(width)
    wrap_line(text, 0, len(text), width, tmp, HEADER)
    return [text[s:e] for s, e in zip(tmp.starts, tmp.ends, strict=True)]


def columns(line: str) -> list[int] | None:
    """Cell column of each character of a row (plus the end), or None when col == index."""
    widths = cell_widths(line)
    if widths is None:
        return None
    cols = [0] * (len(widths) + 1)
    acc = 0
    for i, w in enumerate(widths):
        cols[i] = acc
        acc += w
    cols[-1] = acc
    return cols
