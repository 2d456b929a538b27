"""Linking mentions into entities: one entity per thing the document names.

Mentions join when they are written the same way (up to case, a leading "the" and
country aliases like "US" / "United States"), when the text defines one as another's
name ("Hayat Tahrir al-Sham, or HTS", "once known as the Nusra Front"), when an
acronym spells the capitals of a name or of its last words ("NSC" for "White House
National Security Council"), and when a surname follows a full name ("Savett" after
"Sean Savett", "Assad" after "Bashar al-Assad"; also after a two-word name the tagger
alone read as an organisation, which the vote then settles). The entity's type is the mentions'
weighted vote; its name is the fullest form.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from tui.extract.gazetteer import CAPITAL, CITY_BIG, COUNTRY, NORP, REGION, Gazetteer
from tui.extract.patterns import Patterns

ACRONYM_TYPES = frozenset({"ORG", "GPE", "LOC", "FAC", "LAW", "EVENT"})
# The tagger's MISC names (products, works, events) are found but never shown: they only
# vote with the other mentions written the same way ("Polaroids" read as a product in
# eight places and as a person in two is a product everywhere).
MISC = "MISC"
NAME_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "LAW", "EVENT"})
PLACES = frozenset({COUNTRY, CAPITAL, CITY_BIG, REGION})
PLACES_AND_PEOPLES = PLACES | {NORP}
_POSSESSIVE = re.compile(r"(?:['’][sS]?)$")


@dataclass(slots=True)
class Found:
    """A mention before ids are given: offsets, type and how sure we are."""

    start: int
    end: int
    type: str
    confidence: float
    estimate: int | None = None
    rule: bool = False  # typed by a rule (head word, context, definition), not the tagger alone
    # what found it: tagger, rule, context, gazetteer, surname, acronym, completed, joined,
    # pattern (dates, figures...); the calibration weighs each differently
    source: str = "tagger"


class _Sets:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def _key(text: str, gaz: Gazetteer) -> str:
    t = _POSSESSIVE.sub("", text.strip())
    if t.lower().startswith("the "):
        t = t[4:]
    t = gaz.country_of.get(t, t)
    return t.lower().replace("’", "'")


def _nearest(ascending: list[int], i: int) -> int:
    """The number in ``ascending`` nearest to ``i`` (the smaller one on a tie), found by
    bisection: a long article's names give acronyms thousands of candidates."""
    k = bisect.bisect_left(ascending, i)
    if k == len(ascending):
        return ascending[-1]
    if k > 0 and i - ascending[k - 1] <= ascending[k] - i:
        return ascending[k - 1]
    return ascending[k]


def _capitals(name: str) -> str:
    """Initials of a name's capitalised words and of hyphen parts ("al-Sham" -> "S")."""
    out = []
    for word in name.split():
        for part in word.split("-"):
            if part[:1].isupper():
                out.append(part[0])
    return "".join(out)


def _is_acronym(text: str) -> bool:
    letters = text.replace(".", "")
    return 2 <= len(letters) <= 7 and letters.isalpha() and letters.isupper()


def _surname_forms(name: str, pat: Patterns) -> set[str]:
    """Last name forms: "Bashar al-Assad" -> {"al-Assad", "Assad"}."""
    words = name.split()
    if len(words) < 2:
        return set()
    last = _POSSESSIVE.sub("", words[-1])
    forms = {last}
    head, sep, rest = last.partition("-")
    if sep and head.lower() in pat.hyphen_particles and rest:
        forms.add(rest)
    return forms


def _alias_between(between: str, pat: Patterns) -> str | None:
    """The alias cue in the text between two mentions, if that is all there is."""
    t = between.strip().lower()
    t = t.lstrip(",(").strip()
    if t.endswith(" the"):
        t = t[:-4].strip()
    elif t == "the":
        t = ""
    if t == "":
        return "" if between.strip().startswith("(") else None
    for cue in pat.alias_cues:
        if t == cue:
            return cue
    return None


def link(
    text: str, found: list[Found], gaz: Gazetteer, pat: Patterns
) -> tuple[list[int], list[str], list[str]]:
    """(entity index per mention, entity types, canonical names); entities in document order."""
    n = len(found)
    sets = _Sets(n)
    texts = [text[f.start : f.end] for f in found]
    # 1. same written form: one entity (the tagger may type "US" GPE here and ORG
    # there; the vote below settles it). Nationalities only join nationalities.
    same: dict[tuple[str, str], list[int]] = {}
    lone: dict[tuple[str, str], list[int]] = {}
    misc_keys: set[tuple[str, str]] = set()
    keys: dict[str, str] = {}  # _key of each written form (a name recurs: worked out once)
    for i, f in enumerate(found):
        if f.type not in NAME_TYPES and f.type not in ("DATE", "TIME", MISC):
            continue
        group = "NAME" if (f.type in NAME_TYPES and f.type != "NORP") or f.type == MISC else f.type
        key = keys.get(texts[i])
        if key is None:
            key = keys[texts[i]] = _key(texts[i], gaz)
        if f.type == "PERSON" and " " not in texts[i].strip():
            lone.setdefault((group, key), []).append(i)
            continue  # a lone surname: step 4 decides whose it is...
        if f.type == MISC:
            misc_keys.add((group, key))
        same.setdefault((group, key), []).append(i)
    for k in misc_keys & lone.keys():
        # ...unless the document also reads the word as a product or work ("Polaroids")
        same[k] = sorted(same[k] + lone[k])
    for members in same.values():
        for part in _readings(found, members):
            for i in part[1:]:
                sets.union(part[0], i)
    # 2. names defined in the text: "X, or Y", "X (Y)", "X, once known as Y"
    for i in range(n - 1):
        a, b = found[i], found[i + 1]
        if a.type not in NAME_TYPES or b.type not in NAME_TYPES or b.start - a.end > 40:
            continue
        cue = _alias_between(text[a.end : b.start], pat)
        if cue is None:
            continue
        if cue in ("", "or") and not (
            _is_acronym(texts[i + 1])
            and (
                a.type not in ("PERSON", "GPE", "LOC")
                or _subsequence(texts[i + 1].replace(".", ""), _capitals(texts[i]))
            )
            and not gaz.labels(tuple(texts[i + 1].split())) & PLACES_AND_PEOPLES
        ):
            continue  # "Mark Crear (U.S.)", "Mission in Ukraine (HRMMU)": not a definition
        sets.union(i, i + 1)
        # "X, or Y, once known as Z": Z is also X
        if i + 2 < n and found[i + 2].type in NAME_TYPES:
            c = found[i + 2]
            cue2 = _alias_between(text[b.end : c.start], pat)
            if cue2 not in (None, "", "or"):
                sets.union(i, i + 2)
    # 3. acronyms of a name's capitals, or of its last words ("NSC")
    acronym = [_is_acronym(t) for t in texts]
    spelled: dict[str, list[int]] = {}  # capitals (and their tails) -> multi-word names
    for j, u in enumerate(texts):
        if (
            acronym[j]
            or found[j].type not in NAME_TYPES
            or found[j].type == "PERSON"
            or " " not in u
        ):
            continue
        caps = _capitals(u)
        for cut in range(len(caps) - 1):
            spelled.setdefault(caps[cut:], []).append(j)
    for i, t in enumerate(texts):
        if not acronym[i] or found[i].type not in ("ORG", "GPE", "LOC", "FAC", "NORP", "LAW"):
            continue
        candidates = spelled.get(t.replace(".", ""))
        if candidates:
            sets.union(i, _nearest(candidates, i))
    # 3b. "Church of Scientology", then "Scientology" alone read as a religion (MISC):
    # the short form of an organisation's name is the organisation (as an acronym is)
    as_org = _church_tails(texts, found, [same, lone], gaz, sets)
    # 4. surnames after full names (the most recent full name wins)
    last_name: dict[str, int] = {}
    alone: dict[str, int] = {}
    as_person: set[int] = set()  # surnames tagged otherwise: they vote for PERSON
    # two-word names the tagger alone called organisations: "Valeska Paris" read as ORG
    # and then "Paris" alone as a person several times is one person, by the vote
    org_pair: dict[str, int] = {}
    for i, f in enumerate(found):
        if f.type == MISC:
            continue
        if f.type != "PERSON":
            if f.type == "ORG" and not f.rule:
                pair = texts[i].split()
                if len(pair) == 2 and all(w[:1].isupper() and w.isalpha() for w in pair):
                    org_pair[pair[1]] = i
            # "Assad’s government" tagged as a place: a person's surname is the person;
            # a known place ("Paris" after "Valeska Paris") only where no preposition
            # of place comes before it ("in Paris", "to Jordan")
            w = _POSSESSIVE.sub("", texts[i])
            if (
                f.type in ("GPE", "LOC", "ORG", "FAC")
                and w in last_name
                and " " not in w
                and (
                    not gaz.labels((w,)) & PLACES_AND_PEOPLES
                    or _word_before(text, f.start) not in _PLACE_PREPOSITIONS
                )
            ):
                sets.union(last_name[w], i)
                as_person.add(i)
            continue
        words = texts[i].split()
        if len(words) == 1:
            w = _POSSESSIVE.sub("", words[0])
            if w in last_name:
                sets.union(last_name[w], i)
            elif w in org_pair:
                sets.union(org_pair[w], i)
            elif w in alone:
                sets.union(alone[w], i)
            elif (
                place := _named_otherwise(found, same.get(("NAME", keys[texts[i]])), i)
            ) is not None:
                # "Charlotte struggles to return to normal": an unsure lone person whose word
                # the document names as a place or body elsewhere is that (the vote decides)
                sets.union(place, i)
                alone[w] = i
            else:
                alone[w] = i
        for form in _surname_forms(texts[i], pat):
            last_name[form] = i
    # entities in document order of their first mention
    roots: dict[int, int] = {}
    index = []
    for i in range(n):
        r = sets.find(i)
        if r not in roots:
            roots[r] = len(roots)
        index.append(roots[r])
    types: list[str] = []
    names: list[str] = []
    groups: list[list[int]] = [[] for _ in roots]
    for i, e in enumerate(index):
        groups[e].append(i)
    for members in groups:
        votes: dict[str, float] = {}
        for i in members:
            weight = found[i].confidence + (0.5 if found[i].rule else 0.0)
            t = "PERSON" if i in as_person else "ORG" if i in as_org else found[i].type
            votes[t] = votes.get(t, 0.0) + weight
            if t == "GPE" and gaz.labels(tuple(texts[i].split())) & PLACES:
                votes["GPE"] += 0.5  # a known place name leans to the place reading
        best = max(votes, key=lambda t: (votes[t], t))
        if best == MISC:
            # the text's own word ("the Scientology organization") beats the tagger's
            # product-or-religion reading of the other mentions
            said = [found[i].type for i in members if found[i].source == "context"]
            best = said[0] if said else best
        types.append(best)
        full = [texts[i] for i in members if not acronym[i]] or [texts[i] for i in members]
        # the fullest form; of equals, one not in capitals ("Charlotte", not a dateline's
        # "CHARLOTTE")
        best = max(full, key=lambda s: (len(s), not s.isupper()))
        names.append(_POSSESSIVE.sub("", best) or full[0])
    return index, types, names


def _named_otherwise(found: list[Found], members: list[int] | None, i: int) -> int | None:
    """A mention among ``members`` (the same written form, read as no person) that a lone
    person mention ``i`` the tagger is unsure of should join, or None."""
    if not members or found[i].source != "tagger" or found[i].confidence >= SURE_TYPE:
        return None
    return next((j for j in members if _sure(found[j])), None)


# A tagger mention this sure of its type keeps it against the document's other mentions
# of the same written form: "NEW YORK" the team in a results table and "NEW YORK" the
# city in a dateline are two entities (the context says otherwise). A dateline's place is
# always sure (``entities.find_mentions`` types it).
SURE_TYPE = 0.9
_SPLIT_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC"})
# Mentions whose type the text itself gives: a dateline's place, and a name the words
# around it type ("the city of Lyon", "Kursk region", "Hamas militants"). The tagger
# trained on CoNLL's sports pages reads a big city alone as its club ("Lyon will host
# the semi-finals": ORG, 0.98); "the city of Lyon" in the same story is still the city.
_SURE_SOURCES = frozenset({"dateline", "context"})


def _sure(f: Found) -> bool:
    """Is a mention sure of its type against the document's other mentions of its word:
    the tagger at SURE_TYPE or more, or the text itself (``_SURE_SOURCES``)?"""
    return f.type in _SPLIT_TYPES and (
        (f.source == "tagger" and f.confidence >= SURE_TYPE) or f.source in _SURE_SOURCES
    )


def _readings(found: list[Found], members: list[int]) -> list[list[int]]:
    """Mentions written the same way, grouped into the things they name: one group,
    unless the tagger is sure of two different types for them (a city and its team);
    then each sure mention joins its type, each other mention the nearest sure one."""
    sure = [i for i in members if _sure(found[i])]
    if len({found[i].type for i in sure}) < 2:
        return [members]
    parts: dict[str, list[int]] = {}
    for i in members:  # members and sure are in document order
        k = bisect.bisect_left(sure, i)
        if k == len(sure) or (k > 0 and sure[k] != i and i - sure[k - 1] <= sure[k] - i):
            k -= 1  # the nearest sure mention (the earlier one on a tie)
        parts.setdefault(found[sure[k]].type, []).append(i)
    return list(parts.values())


# Only a church's name: the tail of another body's "X of Y" is most often a field or a
# place ("Linguistics" after "the Summer Institute of Linguistics" is the subject).
_CHURCH_OF = "Church of "


def _church_tails(
    texts: list[str],
    found: list[Found],
    named: list[dict[tuple[str, str], list[int]]],
    gaz: Gazetteer,
    sets: _Sets,
) -> set[int]:
    """Mentions of a word the tagger reads as a religion (MISC) at least once, that is
    the tail of a church's name in the document ("Scientology" after "the Church of
    Scientology"): joined to it, they vote for the church, however the tagger read each
    (GUM marks the movement an organisation). Not a known place, people or faith
    ("England" after "the Church of England"; "Islam", "Christianity" stay faiths)."""
    out: set[int] = set()
    for j, f in enumerate(found):
        if f.type != "ORG" or not texts[j].startswith(_CHURCH_OF):
            continue
        tail = _POSSESSIVE.sub("", texts[j][len(_CHURCH_OF) :])
        if " " in tail or tail in gaz.faiths or gaz.labels((tail,)) & PLACES_AND_PEOPLES:
            continue
        key = ("NAME", _key(tail, gaz))
        members = [i for group in named for i in group.get(key, [])]
        if any(found[i].type == MISC for i in members):
            for i in members:
                sets.union(j, i)
            out.update(members)
    return out


_PLACE_PREPOSITIONS = frozenset(
    ["in", "to", "from", "near", "at", "of", "into", "outside", "across", "around", "via"]
)


def _word_before(text: str, start: int) -> str:
    """The word just before ``start`` (lower case), "" at the start of a line."""
    line = text[max(0, start - 30) : start].rsplit("\n", 1)[-1].split()
    return line[-1].lower() if line else ""


def _subsequence(small: str, big: str) -> bool:
    it = iter(big)
    return all(ch in it for ch in small)
