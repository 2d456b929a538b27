"""Names found, repaired across the document: glued captions cut, names given in full
elsewhere completed, "place, region" joined (used by ``entities.find_mentions``)."""

from __future__ import annotations

import re

from tui.extract.gazetteer import CAPITAL, CITY_BIG, COUNTRY, NORP, ORG, REGION
from tui.extract.linking import Found
from tui.extract.name_types import is_team

NAME_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC"})

_GLUE = re.compile(r"[a-z][A-Z]")


def glued_names_cut(text: str, found: list[Found]) -> list[Found]:
    """ "Theresa MayVideo": a name with the next line glued to it (a caption run into a
    video player's label). Where the document names the same thing apart ("Theresa May"),
    the mention ends where that name ends, before the capital ("McDonald" and "YouTube"
    are kept whole: nothing the document names is "Mc" or "You")."""
    glued = [f for f in found if f.type in NAME_TYPES and _GLUE.search(text, f.start, f.end)]
    if not glued:
        return found
    names = {text[f.start : f.end] for f in found if f.type in NAME_TYPES}
    for f in glued:
        for m in _GLUE.finditer(text, f.start, f.end):
            if text[f.start : m.start() + 1] in names:
                f.end = m.start() + 1
                break
    return found


def names_completed(text: str, found: list[Found]) -> list[Found]:
    """ "Elizabeth" where the text goes on "Elizabeth Quat", a name the document gives in
    full elsewhere: the mention is the full name (one document, one reading of a name)."""
    longer: dict[str, list[Found]] = {}
    for f in found:
        if f.type in NAME_TYPES:
            space = text.find(" ", f.start, f.end)
            if space > 0:
                longer.setdefault(text[f.start : space], []).append(f)
    if not longer:
        return found
    out: list[Found] = []
    skip_until = -1
    for k, f in enumerate(found):
        if f.start < skip_until:
            continue
        cands = longer.get(text[f.start : f.end]) if f.type in NAME_TYPES else None
        if cands:
            best = None
            for g in cands:
                n = g.end - g.start
                if n > f.end - f.start and text.startswith(text[g.start : g.end], f.start):
                    end = f.start + n
                    if end < len(text) and text[end].isalnum():
                        continue
                    if best is None or n > best.end - best.start:
                        best = g
            if best is not None:
                end = f.start + (best.end - best.start)
                # only when the mentions it would swallow lie wholly inside it
                j = k + 1
                while j < len(found) and found[j].start < end and found[j].end <= end:
                    j += 1
                if j == len(found) or found[j].start >= end:
                    out.append(
                        Found(
                            f.start, end, best.type, best.confidence, rule=True, source="completed"
                        )
                    )
                    skip_until = end
                    continue
        out.append(f)
    return out


_PLACE_TYPES = frozenset({"GPE", "LOC"})


def places_joined(text: str, found: list[Found], gaz) -> list[Found]:
    """ "Cape Canaveral, Florida", "Mecca, Saudi Arabia": a place and the region or
    country it lies in, written "X, Y", name one place. Not lists: the first is no
    country ("Belgium, England"), and a region only joins a country ("Aceh, Indonesia",
    not "New South Wales, Victoria")."""
    out: list[Found] = []
    for f in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and f.start - prev.end == 2
            and f.type in _PLACE_TYPES
            and prev.type in _PLACE_TYPES
            and text[prev.end : f.start] == ", "
        ):
            inner = gaz.labels(tuple(text[f.start : f.end].split()))
            # the last place of what is joined so far decides ("Evansville, Indiana, US")
            tail = text[prev.start : prev.end].rsplit(", ", 1)[-1]
            outer = gaz.labels(tuple(tail.split()))
            if COUNTRY not in outer and (
                COUNTRY in inner or (REGION in inner and REGION not in outer)
            ):
                out[-1] = _one_place(prev, f)
                continue
        out.append(f)
    return out


# a word the gazetteer knows as a country, region, big city, people or body opens no
# person's name here ("American Airlines"); small cities are often given names ("Alice")
_NOT_PEOPLE = frozenset({COUNTRY, REGION, CAPITAL, CITY_BIG, NORP, ORG})
_POSSESSIVE_GAP = re.compile(r"['’]s ")
_PLAIN_NAME = re.compile(r"[A-Z][a-z]+(?:-[a-z]+)?")


def members_named(text: str, found: list[Found], gaz) -> list[Found]:
    """ "FTU's Alice Mak", "New People Party's Regina Ip": a two-word name right after a
    body's possessive, which the tagger alone read as a body too, is its member (after a
    body's "'s" CoNLL-train marks such names PER 13 times in 18; the others hold a
    nationality, a head word or a known name: "AMR Corp 's American Airlines")."""
    for prev, f in zip(found, found[1:], strict=False):
        if not (
            f.type == "ORG"
            and f.source == "tagger"
            and prev.type == "ORG"
            and _POSSESSIVE_GAP.fullmatch(text, prev.end, f.start)
        ):
            continue
        words = text[f.start : f.end].split(" ")
        if (
            len(words) == 2
            and all(_PLAIN_NAME.fullmatch(w) for w in words)
            and not any(w in gaz.org_heads or w in gaz.more_heads for w in words)
            and not any(gaz.labels((w,)) & _NOT_PEOPLE for w in words)
            and not is_team(words, gaz, determined=True)  # "the League's Charlotte Panthers"
        ):
            f.type, f.rule, f.source = "PERSON", True, "context"
    return found


# Capitalised administrative words that open a place's formal name ("the State of Texas",
# "the Republic of Ireland")
_ADMIN_OPENERS = frozenset(
    {
        *("State", "City", "Municipality", "County", "Province", "Prefecture", "District"),
        *("Borough", "Republic", "Kingdom", "Commonwealth", "Emirate", "Principality"),
    }
)


def admin_names_joined(text: str, found: list[Found]) -> list[Found]:
    """ "the State of Texas", "the Municipality of Livorno": an administrative word read as
    a name of its own, then "of" and a place, is one place's formal name (CoNLL and GUM
    mark it whole: "Holy City of Jerusalem", "County of Maui", "Municipality of Culion")."""
    out: list[Found] = []
    for f in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and f.type == "GPE"
            and prev.type in NAME_TYPES
            and text[prev.end : f.start] == " of "
            and text[prev.start : prev.end].rsplit(" ", 1)[-1] in _ADMIN_OPENERS
            and " of " not in text[prev.start : prev.end]
        ):
            out[-1] = _one_place(prev, f)
            continue
        out.append(f)
    return out


def _one_place(prev: Found, f: Found) -> Found:
    """Two mentions joined into one place's name ("Evansville, Indiana", "State of Texas")."""
    return Found(
        prev.start, f.end, "GPE", max(prev.confidence, f.confidence), rule=True, source="joined"
    )
