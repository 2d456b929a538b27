"""Where a name starts and ends, word by word, in one sentence's tokens.

Names are runs of capitalised words that may hold lowercase particles ("Hayat Tahrir
al-Sham", "Maraat al Numan", "Centre for the Reconciliation of the Enemy Parties in
Syria"); they never start with a determiner or a title, nor end in a possessive.
"""

from __future__ import annotations

import re

from tui.extract.gazetteer import CAPITAL, CITY_BIG, CITY_MID, COUNTRY, NORP, REGION, Gazetteer
from tui.extract.patterns import Patterns


def cap(w: str) -> bool:
    """Starts with a capital letter."""
    return w[:1].isupper()


def particle_name(w: str, pat: Patterns) -> bool:
    """A lowercase particle joined to a capitalised name: "al-Sham", "al-Assad", "bin-Laden"."""
    head, sep, rest = w.partition("-")
    return bool(sep) and head in pat.hyphen_particles and cap(rest)


def modifier_suffix(part: str) -> bool:
    """ "-based", "-backed", "-led", "-run": not "-kin" in "Wong Kwok-kin"."""
    return part.islower() and (
        part.endswith("ed") or part in ("led", "run", "born", "made", "style", "era")
    )


def nameword(w: str, pat: Patterns) -> bool:
    """A word that can be part of a name: capitalised, or a particle joined to one."""
    c = w[:1]
    if c.isupper():
        # "Ontario-based", "Iran-backed": a modifier, not part of a name
        return not ("-" in w and modifier_suffix(w.rsplit("-", 1)[1]))
    return "-" in w and particle_name(w, pat)


def strip_front(words: list[str], a: int, b: int, gaz: Gazetteer, pat: Patterns) -> int:
    """Drop determiners and titles at the front of a span."""
    while a < b - 1:
        if words[a] in pat.determiners and words[a + 1] != ".":
            a += 1  # (not the initial "A." of "A. Hollioake")
            continue
        if words[a] == "of":
            a += 1  # "Chairman of the Australian Centre ...": the title's "of" is not the name's
            continue
        for n in (3, 2, 1):
            if a + n < b and tuple(words[a : a + n]) in gaz.titles:
                a += n
                break
        else:
            break
    return a


def may_extend(w: str, pat: Patterns) -> bool:
    """Could ``extend`` run a name on over ``w``, the word after it? (Every word its first
    step takes is one of these; most words are none, so callers test this first.)"""
    return w in _EXTENDERS or w in pat.name_particles or particle_name(w, pat)


_EXTENDERS = frozenset(["&", "of", "for", "and"])


def extend(
    words: list[str],
    b: int,
    typ: str,
    pat: Patterns,
    gaz: Gazetteer,
    starts: frozenset[int] = frozenset(),
) -> int:
    """Run a name on over particles: "Bashar" + "al-Assad", "Maraat" + "al Numan".
    (Keep ``may_extend`` in step: it lists every word the first step below may take.)

    ``starts``: tokens where the tagger begins a name of its own; an organisation does
    not run on over "of" into one ("Benetton of Italy" is a club and a country)."""
    n = len(words)
    org_like = typ in ("ORG", "MISC")
    has_of = False
    while b < n:
        w = words[b]
        if particle_name(w, pat):
            b += 1
            continue
        if w in pat.name_particles and b + 1 < n and nameword(words[b + 1], pat):
            b += 2
            continue
        if w == "&" and b + 1 < n and cap(words[b + 1]):
            b += 2  # "Douglas & Lomason"
            continue
        if org_like and w in ("of", "for") and b + 1 < n:
            k = b + 1
            if words[k] == "the" and k + 1 < n:
                k += 1
            if cap(words[k]) and k not in starts:
                b = k + 1
                has_of = True
                while b < n and nameword(words[b], pat):
                    b += 1
                continue
        if (
            org_like
            and w == "and"
            and b + 1 < n
            and cap(words[b + 1])
            and words[b - 1] not in gaz.org_heads
        ):
            # "Office for Migration and Refugees", "Freedom and Democracy Congress":
            # only inside a descriptive name or one closed by an organisation word
            k = b + 1
            while k < n and nameword(words[k], pat):
                k += 1
            if has_of or words[k - 1] in gaz.org_heads:
                b = k
                continue
        if org_like and has_of and w == "in" and b + 1 < n and cap(words[b + 1]):
            # "Centre for the Reconciliation ... in Syria": a place closing a descriptive name
            b += 2
            continue
        break
    return b


def trim(words: list[str], a: int, b: int, pat: Patterns) -> tuple[int, int]:
    """No lowercase words or possessives at either end of a name."""
    while a < b and not nameword(words[a], pat) and not words[a][:1].isdigit():
        a += 1
    while (
        b > a
        and not nameword(words[b - 1], pat)
        and not words[b - 1][:1].isdigit()
        and words[b - 1] not in ")"
    ):
        b -= 1
    if b - a == 1 and words[a] in pat.never_names:
        return a, a
    return a, b


def has_particle(words: list[str], pat: Patterns) -> bool:
    return any(w in pat.name_particles or particle_name(w, pat) for w in words)


def chunks(words: list[str], blocked: list[bool], pat: Patterns) -> list[tuple[int, int]]:
    """Maximal runs of capitalised words, joined by particles, outside rule spans."""
    out = []
    n = len(words)
    k = 0
    # most words are not capitalised and have no hyphen, so are no nameword: the others
    # are found in one pass
    for a in [i for i, w in enumerate(words) if w[:1].isupper() or "-" in w]:
        if a < k or blocked[a] or not nameword(words[a], pat):
            continue
        b = a + 1
        while b < n and not blocked[b]:
            if nameword(words[b], pat):
                b += 1
            elif (
                words[b] in ("'", "’")
                and words[b - 1].endswith("s")
                and b + 1 < n
                and cap(words[b + 1])
            ):
                b += 2  # "Kurdistan Workers' Party"
            else:
                break
        out.append((a, b))
        k = b
    return out


def surname_after(
    words: list[str],
    tags: list[tuple[str, float]],
    blocked: list[bool],
    b: int,
    pat: Patterns,
    lower_elsewhere: frozenset[str],
) -> int:
    """ "Theresa May promised": a given name the tagger found alone (ending at ``b``), and
    the capitalised word after it that it left out because the document also writes it as
    a month ("May 22") or a common word. That word is the surname when no rule took it (a
    date) and the document never writes it in lower case, or it is a month with no day
    after it. Returns the name's new end."""
    if b >= len(words) or tags[b][0] != "O" or blocked[b]:
        return b
    w = words[b]
    if not (cap(w) and w.isalpha() and w not in pat.never_names):
        return b
    if b + 1 < len(words) and cap(words[b + 1]):
        return b  # a longer run of capitals: not a plain "given name + surname"
    if w in pat.months or w.lower() not in lower_elsewhere or (len(w) == 2 and w[1].islower()):
        # (a two-letter word capitalised mid-sentence after a given name is the surname
        # however often the document writes it in lower case: "James To", "Wilson Or")
        return b + 1
    return b


# "Kwok Ka-ki", "Wu Chi-wai", "Hau Lung-bin": a short capitalised word, then a hyphenated
# one whose second part is a lower-case syllable, is a Chinese or Korean name written
# the Hong Kong way (surname, given name). The tagger, which saw few of them, often reads
# them as MISC (as "Anglo-Dutch") or leaves the given name out.
_SURNAME = re.compile(r"[A-Z][a-z]{1,6}")
_GIVEN = re.compile(r"([A-Z][a-z]{1,5})-([a-z]{2,6})")
# English compounds of that shape ("Pan-democrat", "Anti-war", "Ex-wife", "Co-founder")
_PREFIXES = frozenset(
    [
        "anti",
        "pro",
        "non",
        "self",
        "co",
        "ex",
        "vice",
        "mid",
        "post",
        "pre",
        "re",
        "multi",
        "pan",
        "inter",
        "cross",
        "semi",
        "sub",
        "super",
        "neo",
        "pseudo",
        "quasi",
        "counter",
        "over",
        "under",
        "out",
        "far",
        "near",
        "all",
        "half",
    ]
)


def hyphen_names(words: list[str], blocked: list[bool]) -> list[int]:
    """Where a Hong Kong-style name (see _GIVEN) ends: the index of each given name
    (the surname is the word before it)."""
    out = []
    for k in [k for k, w in enumerate(words) if "-" in w]:
        m = _GIVEN.fullmatch(words[k])
        if m is None or k == 0 or blocked[k] or blocked[k - 1]:
            continue
        if m.group(1).lower() in _PREFIXES or modifier_suffix(m.group(2)):
            continue
        if _SURNAME.fullmatch(words[k - 1]):
            out.append(k)
    return out


# places and peoples a newspaper is named for
_PRESS_PLACES = frozenset({COUNTRY, CAPITAL, CITY_BIG, CITY_MID, REGION, NORP})
_PRESS_WORDS = frozenset({"Daily", "Morning", "Evening", "Sunday", "Weekly"})


def press_title(before: list[str], gaz: Gazetteer) -> bool:
    """Do the words before a newspaper word ("Herald", "Star") make a paper's title? A
    paper is named for its place or readers ("Toronto Star", "Saudi Gazette") or when it
    comes out ("Sydney Morning Herald"); "Guest Star" and "Movie Star" are no papers."""
    if any(w in _PRESS_WORDS for w in before):
        return True
    for key in (tuple(before), tuple(before[:2]), tuple(before[:1])):
        if gaz.labels(key) & _PRESS_PLACES:
            return True
    return False
