"""Street addresses as one facility: "131 West 23rd Street", "1600 Pennsylvania Avenue".

The tagger reads an address as pieces: "131" a figure, "West" perhaps a place, "23rd"
nothing, so an explosion "in front of 131 West 23rd Street" was placed at "front of 131
West", a place no other mention of the incident shared, and the figure 131 stood ready
to be read as a toll. An address is a house number or a numbered street, then the
street's name, then its kind ("Street", "Avenue"): written that way, it is a facility
(DESIGN.md's FAC: buildings, streets, bridges), whatever the tagger made of its pieces.
Plain street names ("Downing Street", "Wall Street") are the tagger's and the
gazetteer's; a longer name the address lies in ("Wall Street Journal") keeps it.
"""

from __future__ import annotations

import re

from tui.extract.linking import Found

_KINDS = (
    r"Street|St\.|Avenue|Ave\.|Road|Rd\.|Boulevard|Blvd\.|Lane|Drive|Place|Way|"
    r"Highway|Parkway|Court|Terrace"
)
_DIRECTION = r"(?:North|South|East|West|N\.|S\.|E\.|W\.)\s+"
_ORDINAL = r"\d{1,3}(?:st|nd|rd|th)"
_WORD = rf"(?:[A-Z][a-z]+|{_ORDINAL})"
# a house number, then the street; or a numbered street on its own ("West 23rd Street")
_ADDRESS = re.compile(
    rf"\b(?:\d{{1,5}}(?:-\d{{1,5}})?\s+(?:{_DIRECTION})?(?:{_WORD}\s+){{1,3}}"
    rf"|(?:{_DIRECTION})?{_ORDINAL}\s+)(?:{_KINDS})(?!\w)"
)
_KIND_WORDS = re.compile(rf"\b(?:{_KINDS})(?!\w)")
CONFIDENCE = 0.9


def addresses(text: str, found: list[Found]) -> list[Found]:
    """``found`` (sorted by start) with each street address one FAC mention: the
    mentions inside it give way; one reaching beyond it keeps it."""
    if not _KIND_WORDS.search(text):
        return found  # most texts name no street: one scan, nothing built
    hits = [(m.start(), m.end()) for m in _ADDRESS.finditer(text)]
    if not hits:
        return found
    out: list[Found] = []
    k = 0
    for s, e in hits:
        while k < len(found) and found[k].end <= s:
            out.append(found[k])
            k += 1
        inside = k
        while inside < len(found) and found[inside].start < e:
            inside += 1
        overlapping = found[k:inside]
        if any(f.start < s or f.end > e for f in overlapping):
            continue  # "Wall Street Journal": a name the address is part of
        out.append(Found(s, e, "FAC", CONFIDENCE, rule=True, source="pattern"))
        k = inside
    out.extend(found[k:])
    return out
