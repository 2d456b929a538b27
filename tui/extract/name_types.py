"""The type of a name span: what its own words, the words around it and the tagger say
(used by ``names.sentence_names``). The head word types a capitalised name ("... Council"
ORG, "... Airport" FAC, "Resolution ..." LAW), context types others ("the city of X"
GPE, "X rebels" ORG), the gazetteer refines the tagger's guess (LOC -> GPE, MISC ->
NORP)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.extract.gazetteer import CAPITAL, CITY_BIG, CITY_MID, COUNTRY, NORP, ORG, REGION, Gazetteer
from tui.extract.name_bounds import cap, press_title
from tui.extract.patterns import Patterns

if TYPE_CHECKING:
    from tui.extract.names import NameSpan

_ROMAN = frozenset({"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"})
PLACE_LABELS = frozenset({COUNTRY, CAPITAL, CITY_BIG, CITY_MID, REGION})
# The natural-place words that open a name ("Lake Chad", "Mount Hermon", "River Ouse");
# the others end one ("Red Sea", "Mojave Desert"): opening a name they make no place
# ("Sea Org", "Desert Rose", "Valley Metro").
_LOC_OPENERS = frozenset({"Lake", "Mount", "Mt", "River"})
# A party's own name among the political words: read alone as a body, it is the party
# ("Labour has a plan", "the former Labour government"; CoNLL and GUM mark it ORG), read
# as a modifier of a member ("a Labour MP") a political group (NORP).
_PARTIES = frozenset({"Labour"})
# A MISC name the text calls an organisation ("the Scientology organization"); "group",
# "church" are not enough ("the Kurdish group", "the Catholic church": MISC in CoNLL).
_ORG_NOUNS = frozenset({"organization", "organisation"})
_DETERMINERS = frozenset({"the", "'s", "’s"})


# Last words that make any name a facility, "of" in it or not.
_FAC_LAST = frozenset({"Stadium", "Airport", "Arena"})


def words_type(
    words: list[str], gaz: Gazetteer, pat: Patterns, determined: bool = False
) -> str | None:
    """The type a capitalised name's own words give it (its last word, or the gazetteer);
    ``determined``: "the" or a possessive comes before it, as before no person's name."""
    while len(words) > 2 and (words[-1] in _ROMAN or words[-1].isdigit()):
        words = words[:-1]  # "World War II", "Apollo 11": the head comes before the number
    last = words[-1]
    key = tuple(words)
    labels = gaz.labels(key)
    if ORG in labels:
        return "ORG"
    if labels & PLACE_LABELS:
        return "GPE"
    if len(words) < 2:
        return None
    if last in _FAC_LAST:
        return "FAC"  # "Bank of America Stadium": a facility, whatever body it is named for
    for j, w in enumerate(words[1:], 1):
        # "Centre for the Reconciliation of ...", "Ministry of Defence": the head comes
        # before of/for; "Fernando Cheung of the Labour Party" is not an organisation
        if w in ("of", "for"):
            head = (words[j - 1],)
            if head[0] in gaz.org_heads:
                return "ORG"
            if head in gaz.fac_heads:
                return "FAC"
            if head in gaz.loc_heads:
                return "LOC"
            return None
    if last in gaz.fac_final_heads:
        return "FAC"
    if last in gaz.org_heads or last in gaz.more_heads:
        return "ORG"
    if last in gaz.press_heads and press_title(words[:-1], gaz):
        return "ORG"
    if (last,) in gaz.fac_heads or tuple(words[-2:]) in gaz.fac_heads:
        return "FAC"
    if (last,) in gaz.loc_heads or words[0] in _LOC_OPENERS:
        return "LOC"
    if last in pat.law_heads and len(words) >= 2:
        return "LAW"
    if (last,) in pat.event_heads or tuple(words[-2:]) in pat.event_heads:
        return "EVENT"
    if is_team(words, gaz, determined):
        return "ORG"
    return None


# Plural words that end a place's own name after another place's ("Colorado Springs",
# "Golan Heights", "Florida Keys"), or an event's ("Atlanta Olympics"): no team.
_PLACE_PLURALS = frozenset(
    {"Springs", "Heights", "Hills", "Falls", "Keys", "Islands", "Isles", "Lakes", "Plains",
     "Highlands", "Lowlands", "Mountains", "Territories", "States", "Emirates", "Woods",
     "Gardens", "Rapids", "Sands", "Shoals", "Downs", "Fields", "Banks", "Narrows",
     "Flats", "Meadows", "Glades", "Everglades", "Marshes", "Wells", "Bluffs", "Straits",
     "Games", "Olympics"}
)  # fmt: skip


def is_team(words: list[str], gaz: Gazetteer, determined: bool) -> bool:
    """A place's name then a capitalised plural: a team ("Minnesota Vikings", "Charlotte
    Panthers", "New York Yankees"), which the tagger read as the place or a person."""
    last = words[-1]
    return (
        len(last) > 3
        and last.endswith("s")
        and not last.endswith("ss")
        and last.isalpha()
        and last[0].isupper()
        and last[1:].islower()
        and last not in _PLACE_PLURALS
        and (last,) not in gaz.loc_heads
        and bool(gaz.labels(tuple(words[:-1])) & PLACE_LABELS)
        # "Regina Jacobs", "Chad Curtis": a given name that is also a place, then a
        # surname; "the Charlotte Panthers", "the League's Charlotte Panthers" are teams
        and (determined or not (len(words) == 2 and words[0] in gaz.given))
    )


def tagger_knows_better(tagged: str, by_words: str) -> bool:
    """Is the tagger's type of a name (``PER``, or already ``PERSON``) more telling than
    its head word's? A person's surname may be a law or event word ("Stuart Law", "Tom
    Spring"). (Letting the tagger's ORG or PER also overrule a place word opening a name,
    "Sea Org", scored no better on held-out training documents: not done.)"""
    return tagged in ("PER", "PERSON") and by_words in ("LAW", "EVENT")


def context_type(words: list[str], a: int, b: int, pat: Patterns, gaz: Gazetteer) -> str | None:
    """What the words around a name say it is."""
    # the (up to) two words before the name, lower-cased, built directly: this runs for
    # every name the tagger finds
    if a >= 2:
        before: tuple[str, ...] = (words[a - 2].lower(), words[a - 1].lower())
    else:
        before = (words[0].lower(),) if a == 1 else ()
    if before in pat.place_cues or before[-1:] in pat.place_cues:
        return "GPE"
    if b < len(words):
        nxt = words[b]
        if nxt in gaz.admin_heads:
            return "GPE"
        if nxt in pat.group_followers:
            return "ORG"
        if nxt == "and" and b + 2 < len(words) and cap(words[b + 1]):
            # "the Belgorod and Kursk regions": the head after the pair types both
            k = b + 1
            while k < len(words) and cap(words[k]):
                k += 1
            if k < len(words) and words[k] in gaz.admin_heads and words[k].endswith("s"):
                return "GPE"
    return None


def final_type(span: NameSpan, words: list[str], gaz: Gazetteer, pat: Patterns) -> str | None:
    """Our type for a tagger span: head words and context first, then the tagger's guess.

    The gazetteer only refines the tagger (LOC -> GPE, MISC -> NORP): a city's name is
    often a sports club's ("Surrey", "Los Angeles"), and the tagger sees the context.
    """
    name = words[span.a : span.b]
    t = span.type
    if len(name) >= 2:
        prev = words[span.a - 1].lower() if span.a > 0 else ""
        by_words = words_type(name, gaz, pat, prev in _DETERMINERS)
        if by_words is not None and not tagger_knows_better(t, by_words):
            return by_words
    labels = gaz.labels(tuple(name))
    if NORP in labels and not (t == "ORG" and len(name) == 1 and name[0] in _PARTIES):
        return "NORP"
    if "&" in name:
        return "ORG"  # "Douglas & Lomason", "A.G. Edwards & Sons"
    if t == "MISC":
        if NORP in labels:
            return "NORP"
        if span.b < len(words) and words[span.b] in _ORG_NOUNS:
            span.source = "context"  # the text says what the name is
            return "ORG"
        if len(name) == 1 and NORP in gaz.labels((name[0].split("-")[0],)):
            return "NORP"
        if labels & PLACE_LABELS:
            return "GPE"
        if ORG in labels:
            return "ORG"
        return None
    ctx = context_type(words, span.a, span.b, pat, gaz)
    if ctx == "GPE" or (ctx == "ORG" and t == "PER"):
        span.source = "context"
        return ctx
    if t == "PER":
        return "PERSON"
    if t == "ORG":
        return "ORG"
    if t == "LOC":
        if (name[-1],) in gaz.loc_heads or name[0] in _LOC_OPENERS:
            return "LOC"
        word = name[0]
        if (
            len(name) == 1
            and 3 <= len(word) <= 6
            and word.isalpha()
            and word.isupper()
            and not labels
            and not gaz.labels((word.title(),))
            and not any(ch in "AEIOU" for ch in word[1:-1])
        ):
            return "ORG"  # an unknown acronym ("HRMMU") names a body more often than a place
        return "GPE"
    return None
