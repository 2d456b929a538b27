"""Text from outside shown with its control characters made visible.

A file name, a path or a message built from input can hold characters a terminal
acts on: ESC starts a sequence that moves the cursor, recolours, retitles the
window or worse; CR and BS overwrite what was printed; a C1 CSI (U+009B) starts a
sequence on its own; bidirectional overrides reorder what is read ("Trojan
Source"); a line separator breaks a one-line message. Two presentations:

- :func:`visible`, for the screen: one character in, one character out, so
  offsets and columns stay as they were. C0 controls and DEL become their Unicode
  control pictures (ESC shows as ␛), the rest U+FFFD.
- :func:`escaped`, for stderr and logs: Python-style escapes (``\x1b``, ``\n``,
  ``\u202e``), exact and easy to copy; a byte a file name could not decode (a
  lone surrogate) shows as that byte (``\xe9``).
"""

from __future__ import annotations

_REPLACEMENT = "\ufffd"

_PICTURES: dict[int, str] = {c: chr(0x2400 + c) for c in range(32)}
_PICTURES[0x7F] = "\u2421"
_PICTURES.update(dict.fromkeys(range(0x80, 0xA0), _REPLACEMENT))
_PICTURES.update(
    dict.fromkeys(
        (0x2028, 0x2029, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)),
        _REPLACEMENT,
    )
)
_PICTURES.update(dict.fromkeys(range(0xD800, 0xE000), _REPLACEMENT))
_ONE_LINE = str.maketrans(_PICTURES)
_PROSE = str.maketrans({**_PICTURES, 0x0A: "\n", 0x09: " "})


def visible(text: str, *, prose: bool = False) -> str:
    """``text`` with every control character replaced by a visible one, same length.

    ``prose`` keeps line feeds (and shows tabs as spaces), for article text laid
    out in lines; otherwise the result is one line, as a message or a path on
    stderr must be.
    """
    return text.translate(_PROSE if prose else _ONE_LINE)


_ESCAPES: dict[int, str] = {c: f"\\x{c:02x}" for c in (*range(32), *range(0x7F, 0xA0))}
_ESCAPES.update({9: "\\t", 10: "\\n", 13: "\\r"})
_ESCAPES.update(
    {
        c: f"\\u{c:04x}"
        for c in (0x2028, 0x2029, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A))
    }
)
_ESCAPES.update({c: f"\\u{c:04x}" for c in range(0xD800, 0xE000)})
# os.fsdecode() turns an undecodable byte 0x80-0xFF into U+DC80-U+DCFF: show the byte
_ESCAPES.update({c: f"\\x{c - 0xDC00:02x}" for c in range(0xDC80, 0xDD00)})
_ESCAPE = str.maketrans(_ESCAPES)


def escaped(text: str) -> str:
    """``text`` on one line with every control character written as an escape."""
    return text.translate(_ESCAPE)
