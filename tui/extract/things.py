"""Names of things the reader is not shown: vessels, faiths and their feasts.

A ship or a spacecraft is a thing, not a place, a person or a body.

"Space Shuttle Columbia", "the cruise ship Freewinds", "the aircraft carrier Enterprise",
"HMC Searcher": the name is a city's, a legend's or a word's ("Columbia", "Atlantis",
"Enterprise"), so the tagger reads it as one. CoNLL marks such names MISC ("the ferry
Trident Seven", "the aircraft carrier Carl Vinson"), GUM as objects. A name the text
introduces after a vessel noun is the vessel wherever the document writes it the same
way ("Atlantis will go on display"): all its mentions become MISC, which is not shown.

A faith or its feast ("Islam", "the Hajj", "Ramadan") is no place or person either: CoNLL
marks religions MISC, GUM abstract or event; the tagger, which seldom sees them, calls
"Hajj" a place (the gazetteer's ``faiths``).
"""

from __future__ import annotations

import re

from tui.extract.gazetteer import Gazetteer
from tui.extract.linking import MISC, Found

_SHOWN = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC"})

# A vessel noun (lower case, or "Space Shuttle"), then the name: "the ship, Freewinds"
# too. Not "carrier" alone ("national carrier EgyptAir" is an airline) nor "liner"
# ("hard-liner Netanyahu").
_NOUN_BEFORE = re.compile(
    r"\b(?:ship|vessel|tanker|freighter|ferry|yacht|frigate|destroyer|submarine|"
    r"aircraft carrier|cruiser|warship|shuttle|Space Shuttle|spacecraft|spaceship|orbiter)"
    r",? (?:the )?$"
)
# A vessel's name with its kind before it, in one mention: the name is group 1.
_VESSEL_NAMED = re.compile(r"(?:Space Shuttle|Shuttle|USS|HMS|HMC|HMCS|HMAS|RMS) ([A-Z][\w-]+)$")
# Ship prefixes opening the name itself ("USS Cole", "HMS Belfast", "HMC Searcher").
_PREFIX = re.compile(r"(?:USS|HMS|HMC|HMCS|HMAS|RMS|MV|MS) [A-Z]")


# A number after a name, as a version: "Internet Explorer 6", "Windows 7 (Home)".
# Followed by a word of running text ("6 is one of") or the short form ("9 (IE9)"), not
# by a measure or a score's next part ("Rabobank 29 seconds behind", "Anyang 1 ( halftime
# 1-0 )", "Somerset 83 and 174").
_VERSION = re.compile(
    r" (\d{1,2})\b(?![.,:/-]\d)"
    r"( (?!(?:seconds?|minutes?|min|hours?|points?|pts|goals?|runs?|laps?|games?|matches"
    r"|and|for|v|vs|in|at|to|of|off|not|out)\b)"
    r"[a-z]| \([A-Z]+\d)?"
)


def _products(text: str, found: list[Found]) -> set[str]:
    """Names the document gives in two versions or more ("Internet Explorer 6", "Internet
    Explorer 9"), one of them in running text ("... 6 is one of"): a product line, not its
    maker. (Not a results table: "Arsenal 2 Chelsea 1" is no running text.)"""
    versions: dict[str, set[str]] = {}
    prose: set[str] = set()
    for f in found:
        if f.type not in _SHOWN:
            continue
        m = _VERSION.match(text, f.end)
        if m is not None:
            name = text[f.start : f.end]
            versions.setdefault(name, set()).add(m.group(1))
            if m.group(2):
                prose.add(name)
    return {n for n in prose if len(versions[n]) >= 2}


def things_hidden(text: str, found: list[Found], gaz: Gazetteer) -> list[Found]:
    """``found`` with every mention of a vessel's name, a product line or a faith typed
    MISC (hidden)."""
    names = _products(text, found)
    for f in found:
        if f.type == MISC:
            # "Space Shuttle Atlantis" read whole as a thing: "Atlantis" alone is it too
            m = _VESSEL_NAMED.match(text, f.start, f.end)
            if m is not None:
                names.add(m.group(1))
            continue
        if f.type not in _SHOWN:
            continue
        if text[f.start : f.end] in gaz.faiths:
            f.type = MISC
            continue
        if _PREFIX.match(text, f.start) or _NOUN_BEFORE.search(text, max(0, f.start - 20), f.start):
            names.add(text[f.start : f.end])
    if not names:
        return found
    for f in found:
        if f.type in _SHOWN and text[f.start : f.end] in names:
            f.type = MISC
    return found
