"""When an event happened: the time expressions of its sentence ("on Monday", "May
22", "last night") nearest its trigger, token indices within one sentence."""

from __future__ import annotations

from tui.extract.chunks import TIME_TYPES, SentenceParse
from tui.extract.triggers import Trigger

TIME_WINDOW = 14
_NOT_WHEN = frozenset({"since", "until", "till", "through", "by"})


# The last sentence's time expressions: every trigger of a sentence (and its recoding)
# asks for them, and a scan of the whole sentence per trigger made long sentences
# quadratic. One tuple, swapped whole, so threads never read a half-written entry.
_last_times: tuple[SentenceParse | None, list[tuple[int, int]]] = (None, [])


def find_time(p: SentenceParse, t: Trigger) -> list[tuple[int, int]]:
    """The time expression nearest trigger ``t`` (as a list: none or one)."""
    global _last_times
    parse, spans = _last_times
    if parse is not p:
        spans = _time_spans(p)
        _last_times = (p, spans)
    v = p.view
    # "since 2020", "until March": a bound of a period, not when this happened
    near = [
        (a, b)
        for a, b in spans
        if not (a > 0 and v.low[a - 1] in _NOT_WHEN) and _gap((a, b), t) <= TIME_WINDOW
    ]
    if not near:
        return []
    return [min(near, key=lambda s: _gap(s, t))]


def _time_spans(p: SentenceParse) -> list[tuple[int, int]]:
    """Every time expression of the sentence, left to right."""
    v, w = p.view, p.words
    spans: list[tuple[int, int]] = []
    i = 0
    n = len(v)
    keys = w.time_words.by_first.keys()
    while i < n:
        if p.mention_types[i] in TIME_TYPES:
            j = i
            while j < n and p.mention_types[j] in TIME_TYPES:
                j += 1
            spans.append((i, j))
            i = j
            continue
        low = v.low[i]
        if low in w.weekdays:
            spans.append((i, i + 1))
        elif (
            low in w.months
            and v.is_capitalised(i)
            and ((i + 1 < n and v.low[i + 1].isdigit()) or (i > 0 and v.low[i - 1].isdigit()))
        ):
            j = i + 1
            while j < n and (v.low[j].isdigit() or v.low[j] == ","):
                j += 1
            while j > i + 1 and v.low[j - 1] == ",":
                j -= 1
            s = i - 1 if i > 0 and v.low[i - 1].isdigit() else i
            spans.append((s, j))
            i = j
            continue
        elif low in keys:
            m = w.time_words.match_at(v.lemmas, i)
            if m is not None:
                spans.append((m.start, m.end))
                i = m.end
                continue
        i += 1
    return spans


def _gap(span: tuple[int, int], t: Trigger) -> int:
    a, b = span
    return a - t.end if a >= t.end else max(0, t.start - b)
