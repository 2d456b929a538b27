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
# Ship prefixes opening the name itself ("USS Cole", "HMS Belfast", "HMC Searcher").
_PREFIX = re.compile(r"(?:USS|HMS|HMC|HMCS|HMAS|RMS|MV|MS) [A-Z]")


def things_hidden(text: str, found: list[Found], gaz: Gazetteer) -> list[Found]:
    """``found`` with every mention of a vessel's name or a faith typed MISC (hidden)."""
    names = set()
    for f in found:
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
