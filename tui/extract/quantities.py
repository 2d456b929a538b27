"""Counts and casualty figures: where they are and a normalised lower estimate.

"dozens" -> 24, "about 300" -> 300, "hundreds of thousands" -> 200000, "three" -> 3.
Vague plurals count as two of their unit (the least the word can mean), hedges
("about", "at least") stay in the span and leave the figure as written. Word lists
are data (``tui/data/quantities_words.yaml``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.extract.quantity_words import QuantityWords, quantity_words

_TOKEN = re.compile(
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"|(?P<word>[^\W\d_]+(?:[.’'][^\W\d_]+)*)"
    r"|(?P<punct>\S)"
)
# What after a number makes it a rate, a clock time or an ordinal, not a count.
_NOT_COUNT_AFTER = re.compile(
    r"(?:[^\W\d_]|\s*%|\s*per\s?cent\b|\s*percent\b|\s*[ap]\.?m\b|:\d)", re.I
)


@dataclass(slots=True)  # not frozen: built by the ten thousand, and frozen init is 3x slower
class _Tok:
    start: int
    end: int
    low: str
    kind: str  # "num" | "word" | "punct"
    text: str


def _tokens(text: str, start: int, end: int) -> list[_Tok]:
    out: list[_Tok] = []
    append = out.append
    for m in _TOKEN.finditer(text, start, end):
        word = m.group()
        append(_Tok(m.start(), m.end(), word.lower(), m.lastgroup or "punct", word))
    return out


def _match_words(toks: list[_Tok], i: int, words: tuple[str, ...]) -> bool:
    if i + len(words) > len(toks):
        return False
    return all(toks[i + k].low == w for k, w in enumerate(words))


def _number_value(tok: _Tok) -> float:
    return float(tok.low.replace(",", ""))


def _word_number(toks: list[_Tok], i: int, w: QuantityWords) -> tuple[float, int] | None:
    """A cardinal in words ("two hundred and fifty", "twenty-five") starting at i."""
    total = 0.0
    current = 0.0
    j = i
    seen = False
    last = i
    while j < len(toks):
        low = toks[j].low
        if low in w.units:
            current += w.units[low]
            seen = True
            last = j + 1
        elif low in ("hundred",) and seen:
            current = (current or 1) * 100
            last = j + 1
        elif low in w.scales and low not in ("hundred", "dozen") and seen:
            total += (current or 1) * w.scales[low]
            current = 0
            last = j + 1
        elif low == "-" and seen and j + 1 < len(toks) and toks[j + 1].low in w.units:
            pass  # "twenty-five"
        elif low == "and" and seen and j + 1 < len(toks) and toks[j + 1].low in w.units:
            pass  # "two hundred and fifty"
        else:
            break
        j += 1
    if not seen:
        return None
    return total + current, last


def _scale_after(toks: list[_Tok], j: int, value: float, w: QuantityWords) -> tuple[float, int]:
    """Apply scale words after a figure: "1.5 million", "two dozen", "several hundred thousand"."""
    while j < len(toks) and toks[j].low in w.scales:
        value *= w.scales[toks[j].low]
        j += 1
    return value, j


def _plural_of(toks: list[_Tok], j: int, value: float, w: QuantityWords) -> tuple[float, int]:
    """ "... of thousands" after a vague plural multiplies it ("tens of thousands")."""
    if (
        j + 1 < len(toks)
        and toks[j].low == "of"
        and toks[j + 1].low in w.plurals
        and not w.plurals[toks[j + 1].low][1]
    ):
        return value * w.plurals[toks[j + 1].low][0], j + 2
    return value, j


def _core(toks: list[_Tok], i: int, w: QuantityWords) -> tuple[float, int] | None:
    """The figure itself at toks[i]: (value, index after it) or None."""
    if i >= len(toks):
        return None
    tok = toks[i]
    if tok.kind == "num":
        return _scale_after(toks, i + 1, _number_value(tok), w)
    low = tok.low
    if low in w.plurals:
        unit, needs_of = w.plurals[low]
        j = i + 1
        has_of = j < len(toks) and toks[j].low == "of"
        if needs_of and not has_of:
            return None
        return _plural_of(toks, j, 2.0 * unit, w)
    for words, value, alone in w.vague_by_first.get(low, ()):
        if _match_words(toks, i, words):
            j = i + len(words)
            if j < len(toks) and toks[j].low in w.scales:
                v, j = _scale_after(toks, j, value, w)
                return _plural_of(toks, j, v, w)
            if j < len(toks) and toks[j].low in w.plurals and not w.plurals[toks[j].low][1]:
                # "many millions", "several thousands of"
                return _plural_of(toks, j + 1, value * w.plurals[toks[j].low][0], w)
            if alone:
                return value, j
            return None
    if low in w.articles and i + 1 < len(toks) and toks[i + 1].low in w.scales:
        v, j = _scale_after(toks, i + 1, 1.0, w)
        return _plural_of(toks, j, v, w)
    found = _word_number(toks, i, w)
    if found is None:
        return None
    value, j = found
    return _scale_after(toks, j, value, w)


def _parse(toks: list[_Tok], i: int, w: QuantityWords) -> tuple[int, float, bool] | None:
    """(index after, value, hedged) of a quantity starting at toks[i]."""
    for words in w.modifiers_by_first.get(toks[i].low, ()):
        if _match_words(toks, i, words):
            core = _core(toks, i + len(words), w)
            if core is not None:
                return core[1], core[0], True
            break
    core = _core(toks, i, w)
    if core is None:
        return None
    return core[1], core[0], False


def _round(value: float) -> int | None:
    if value != value or value < 0:  # NaN guard
        return None
    return int(value)


def estimate(text: str) -> int | None:
    """The normalised lower estimate of the first figure in ``text``, or None."""
    w = quantity_words()
    toks = _tokens(text, 0, len(text))
    for i in range(len(toks)):
        if toks[i].kind != "num" and toks[i].low not in w.starters:
            continue
        found = _parse(toks, i, w)
        if found is not None:
            return _round(found[1])
    return None


def _opens_line(text: str, at: int) -> bool:
    """Is only blank space between the line's start and ``at``? Read back from ``at``,
    not forward from the line's start: a text without line breaks is one 1 MB line."""
    k = at - 1
    while k >= 0 and text[k] != "\n" and text[k].isspace():
        k -= 1
    return k < 0 or text[k] == "\n"


def _is_count(toks: list[_Tok], i: int, j: int, hedged: bool, text: str, w: QuantityWords) -> bool:
    """Context checks that tell counts from years, identifiers, money and pronouns."""
    first = i
    core = toks[first]
    # the figure token (after any hedge)
    while (
        core.kind != "num"
        and core.low not in w.units
        and core.low not in w.plurals
        and first < j - 1
    ):
        first += 1
        core = toks[first]
    prev = toks[i - 1] if i > 0 else None
    nxt = toks[j] if j < len(toks) else None
    last = toks[j - 1]
    if last.kind == "num" and _NOT_COUNT_AFTER.match(text, last.end):
        return False
    if core.kind == "num":
        if (
            not hedged
            and text[core.end : core.end + 2] in (". ", ") ")
            and _opens_line(text, core.start)
        ):
            return False  # a list marker: "1. Mark Crear", "2) ..."
        if prev is not None and prev.low in w.currency and prev.end == core.start:
            return False
        if prev is not None and prev.text[:1] in w.currency:
            return False
        if (
            prev is not None
            and prev.kind == "punct"
            and prev.end == core.start
            and prev.text in ":/.-–"
        ):
            return False  # the tail of "10:30", "24/7", "3-2"
        if nxt is not None and nxt.kind == "punct" and nxt.start == last.end and nxt.text in ":/":
            return False
        if prev is not None and prev.kind == "num" or nxt is not None and nxt.kind == "num":
            return False  # part of a longer numeric expression ("10 1/2", "3 - 2")
        plain = core.low.isdigit()
        if not hedged and plain and len(core.low) == 4 and 1000 <= int(core.low) <= 2100:
            # a year, unless it plainly counts something ("2000 people")
            if prev is not None and prev.low in w.year_preps:
                return False
            if (
                nxt is None
                or nxt.kind != "word"
                or not nxt.text[0].islower()
                or nxt.low in w.year_before
            ):
                return False
        if (
            not hedged
            and prev is not None
            and prev.kind == "word"
            and prev.text[0].isupper()
            and j == first + 1
        ):
            return False  # an identifier: "Resolution 2254", "Flight 17"
        if prev is not None and prev.low in ("#", "no.", "number"):
            return False
        if not hedged and plain and core.low.startswith("0") and len(core.low) > 1:
            return False  # "007", phone numbers
    if core.low == "one" and j == first + 1:
        if prev is not None and prev.low in w.one_not_after:
            return False
        if nxt is None or nxt.low in w.one_not_before or nxt.kind != "word":
            return False
    return True


def _windows(text: str, start: int, end: int, w: QuantityWords) -> list[tuple[int, int]]:
    """Stretches around digits and number words: the only places a figure can be.

    Tokenizing just these (with room for hedges before and scales after) instead of
    the whole text keeps long articles fast.
    """
    out: list[tuple[int, int]] = []
    for m in w.trigger.finditer(text, start, end):
        a = max(start, m.start() - 40)
        b = min(end, m.end() + 60)
        while a > start and not text[a - 1].isspace():
            a -= 1
        while b < end and not text[b].isspace():
            b += 1
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def find_quantities(
    text: str, start: int = 0, end: int | None = None
) -> list[tuple[int, int, int | None]]:
    """Spans of counts and casualty figures in ``text[start:end]`` with their estimates."""
    end = len(text) if end is None else end
    w = quantity_words()
    out: list[tuple[int, int, int | None]] = []
    for a, b in _windows(text, start, end, w):
        for found in _scan(text, _tokens(text, a, b), w):
            if not out or found[0] >= out[-1][1]:
                out.append(found)
    return out


def _scan(text: str, toks: list[_Tok], w: QuantityWords) -> list[tuple[int, int, int | None]]:
    out: list[tuple[int, int, int | None]] = []
    i = 0
    n = len(toks)
    while i < n:
        tok = toks[i]
        if tok.kind != "num" and tok.low not in w.starters:
            i += 1
            continue
        found = _parse(toks, i, w)
        if found is None:
            i += 1
            continue
        j, value, hedged = found
        if not _is_count(toks, i, j, hedged, text, w):
            i = j
            continue
        out.append((tok.start, toks[j - 1].end, _round(value)))
        i = j
    return out
