"""Rule patterns for the entity types a tagger trained on CoNLL does not know.

DATE, TIME, LAW ("Resolution 2254") and QUANTITY come from regular expressions built
from word lists in ``tui/data/ner_patterns.yaml`` (and ``quantities.py``).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from tui.data import data_yaml
from tui.extract.cues import trie
from tui.extract.quantities import find_quantities


# Not frozen (never changed after it is built all the same): a frozen dataclass sets
# each field through object.__setattr__, 3x slower to build, and extraction builds these
# by the ten thousand. Hashable as a frozen one (unsafe_hash: by its fields).
@dataclass(slots=True, unsafe_hash=True)
class RuleSpan:
    start: int
    end: int
    type: str
    confidence: float
    estimate: int | None = None


@dataclass(frozen=True, slots=True)
class Patterns:
    date: re.Pattern[str]
    year: re.Pattern[str]
    time: re.Pattern[str]
    law: re.Pattern[str]
    particles: frozenset[str]
    determiners: frozenset[str]
    law_heads: frozenset[str]
    event_heads: frozenset[tuple[str, ...]]
    months: frozenset[str]
    weekdays: frozenset[str]
    group_followers: frozenset[str]
    place_cues: frozenset[tuple[str, ...]]
    name_particles: frozenset[str]
    hyphen_particles: frozenset[str]
    never_names: frozenset[str]
    alias_cues: tuple[str, ...]
    headline_words: frozenset[str]
    name_abbreviations: frozenset[str]


def _alt(words: list[str]) -> str:
    """The words as one alternation, the longest first where several match: a prefix
    tree, which the regex engine tries letter by letter, not word by word."""
    return trie(sorted(set(words)))


@lru_cache(maxsize=1)
def patterns() -> Patterns:
    raw = data_yaml("ner_patterns.yaml")
    months = [str(m) for m in raw["months"]]
    # A bare "May" or "March" is usually a verb; they need a day or a year with them.
    bare_months = [m for m in months if m not in ("May", "March", "Mar", "Jan", "Dec")]
    month = _alt(months)
    day = r"\d{1,2}(?:st|nd|rd|th)?"
    weekday = _alt([str(d) for d in raw["weekdays"]])
    relative = _alt([str(r) for r in raw["relative_dates"]])
    # Every date starts with a digit or the first letter of a month, weekday or relative
    # date: the lookahead skips all other positions without trying each alternative.
    starts = [*months, *map(str, raw["weekdays"]), *map(str, raw["relative_dates"])]
    firsts = "".join(sorted({w[0] for w in starts}))
    date = re.compile(
        rf"(?=[\d{re.escape(firsts)}])"
        rf"(?:\b(?:(?:{weekday}),?\s+)?"
        rf"(?:(?:{month})\.?\s+{day}(?:,?\s+\d{{4}})?"
        rf"|{day}\s+(?:{month})\.?(?:,?\s+\d{{4}})?"
        rf"|(?:{month})\.?,?\s+\d{{4}}"
        rf"|(?:{_alt(bare_months)}))\b(?!-)"
        rf"|\b(?:{weekday})\b"
        rf"|\b(?:{relative})\b"
        r"|\b\d{4}-\d{2}-\d{2}\b"
        r"|\b(?:1[89]|20)\d0s\b)"
    )
    # (The leading lookaheads here only skip positions where no match can start.)
    year = re.compile(r"(?=[12])(?<![\d$£€.,:/-])\b(?:1[6-9]\d\d|20\d\d)\b(?![\d.,:/-]\d)")
    time = re.compile(
        r"(?=\d)"
        r"(?:\b\d{1,2}(?:[:.]\d{2})?\s?(?:a\.m\.|p\.m\.|am\b|pm\b)(?:\s?(?:GMT|UTC|EST|ET|CET))?"
        r"|\b\d{1,2}:\d{2}(?:\s?(?:GMT|UTC|EST|ET|CET)\b)?)"
    )
    law_heads = [str(w) for w in raw["law_heads"]]
    law_firsts = re.escape("".join(sorted({w[0] for w in law_heads})))
    law = re.compile(rf"(?=[{law_firsts}])\b(?:{_alt(law_heads)})\s+(?:No\.\s*)?\d+(?:/\d+)?\b")
    return Patterns(
        date=date,
        year=year,
        time=time,
        law=law,
        particles=frozenset(str(p) for p in raw["particles"]),
        determiners=frozenset(str(d) for d in raw["determiners"]),
        law_heads=frozenset(law_heads),
        event_heads=frozenset(tuple(str(e).split()) for e in raw["event_heads"]),
        months=frozenset(months),
        weekdays=frozenset(str(d) for d in raw["weekdays"]),
        group_followers=frozenset(str(w) for w in raw["group_followers"]),
        place_cues=frozenset(tuple(str(c).split()) for c in raw["place_cues"]),
        name_particles=frozenset(str(w) for w in raw["name_particles"]),
        hyphen_particles=frozenset(str(w) for w in raw["hyphen_particles"]),
        never_names=frozenset(str(w) for w in raw["never_names"]),
        name_abbreviations=frozenset(str(w) for w in raw["name_abbreviations"]),
        headline_words=frozenset(str(w) for w in raw["headline_function_words"]),
        alias_cues=tuple(sorted((str(c) for c in raw["alias_cues"]), key=len, reverse=True)),
    )


def _free(starts: list[int], ends: list[int], start: int, end: int) -> bool:
    """Does [start, end) overlap none of the sorted, disjoint spans taken so far?"""
    i = bisect.bisect_right(starts, start) - 1
    if i >= 0 and ends[i] > start:
        return False
    return i + 1 >= len(starts) or starts[i + 1] >= end


def find_rule_spans(text: str) -> list[RuleSpan]:
    """QUANTITY, TIME, DATE and LAW spans (non-overlapping, first rule wins)."""
    p = patterns()
    out: list[RuleSpan] = []
    starts: list[int] = []
    ends: list[int] = []

    def add(start: int, end: int, typ: str, conf: float, est: int | None = None) -> None:
        if _free(starts, ends, start, end):
            out.append(RuleSpan(start, end, typ, conf, est))
            k = bisect.bisect_left(starts, start)
            starts.insert(k, start)
            ends.insert(k, end)

    for m in p.law.finditer(text):
        add(m.start(), m.end(), "LAW", 0.8)
    for m in p.time.finditer(text):
        add(m.start(), m.end(), "TIME", 0.8)
    for m in p.date.finditer(text):
        add(m.start(), m.end(), "DATE", 0.85)
    for s, e, est in find_quantities(text):
        add(s, e, "QUANTITY", 0.8, est)
    for m in p.year.finditer(text):
        add(m.start(), m.end(), "DATE", 0.75)
    out.sort(key=lambda r: r.start)
    return out
