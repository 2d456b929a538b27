"""One event per incident: which trigger mentions of an article report the same thing.

A story names its incident many times ("dozens were killed in a major attack ...",
"militants had attacked from several directions", "to absorb the attack", "the boldest
rebel assault in years"). Each mention is found and coded on its own; this module
groups them, in document order, by rules a reader would use:

- a death or injury report in the sentence of an event is that event's toll;
- a bare casualty report coded from the event before it in its paragraph joins it;
- a definite description ("the attack", "the strikes", "this assault") refers back to
  the latest incident of its kind;
- a mention with the same trigger word joins the latest such incident, and one of the
  same sub-event type does when it is near (same or next paragraph) or shares a place;
- "another attack", "a second blast" start a new incident.

A mention only looks back :data:`WINDOW` characters for the incident it continues, so a
long digest of many incidents is not folded into a few, and grouping stays linear in
the text. Places and times that disagree always keep mentions apart ("the attack in Kabul" and
"the attack in Herat" are two incidents). Background mentions (a war's toll, fighting
that "halted years ago") are never grouped with the reported incident.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

WINDOW = 2000  # characters back from a mention to the latest mention of its incident
FAR = 2  # paragraphs back beyond which a same-word mention yields to a close definite one
# Distance between mentions is counted in places: UNIT per paragraph, one per sentence of
# a paragraph whose line breaks were lost (see events.locality_blocks). A typical news
# paragraph is two sentences, so such text is measured as if it had its breaks.
UNIT = 2
# Event types of violence: a definite "the attack" may name an incident of any of them
VIOLENT = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})


# Not frozen (never changed after it is built all the same): a frozen dataclass sets
# each field through object.__setattr__, 3x slower to build, and extraction builds these
# by the ten thousand. Hashable as a frozen one (unsafe_hash: by its fields).
@dataclass(slots=True, unsafe_hash=True)
class Report:
    """What grouping needs to know of one trigger mention."""

    kind: str  # "event" | "fatal" | "injury"
    position: int  # character offset of the trigger
    phrase: str  # the trigger's lexicon entry ("attack", "take * control")
    subtype: str
    event_type: str
    confidence: float
    paragraph: int  # where it is, in places (see UNIT): decides which mentions are near
    definite: bool = False  # "the attack", "these strikes": refers back
    host: int | None = None  # index of the event whose toll this casualty word reports
    follows: int | None = None  # index of the paragraph's event a bare casualty was coded from
    places: frozenset[str] = frozenset()  # keys of the places attached to this mention
    times: frozenset[str] = frozenset()
    background: bool = False
    distinct: bool = False  # "another attack", "a second blast": a new incident
    # surnames of the people named as hit: "the death of Scott" is the death in "the
    # police shooting of Keith Lamont Scott" three paragraphs before
    victims: frozenset[str] = frozenset()


class _Sets:
    """Union-find over report indices; each root keeps the incident's summary. A report
    alone shares its one-word sets with every report of the same word (thousands of
    mentions in a long text, a few dozen distinct words); a union makes new ones."""

    def __init__(self, reports: Sequence[Report]) -> None:
        one: dict[str, frozenset[str]] = {}

        def single(x: str) -> frozenset[str]:
            found = one.get(x)
            if found is None:
                found = one[x] = frozenset((x,))
            return found

        self.parent = list(range(len(reports)))
        self.subtypes = [single(r.subtype) for r in reports]
        self.phrases = [single(r.phrase) for r in reports]
        self.heads = [single(_head(r.phrase)) for r in reports]
        self.types = [single(r.event_type) for r in reports]
        self.places = [r.places for r in reports]
        self.times = [r.times for r in reports]
        self.victims = [r.victims for r in reports]
        self.violent = [r.kind == "event" for r in reports]

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> int:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return ra
        keep, gone = min(ra, rb), max(ra, rb)  # the earlier mention's root: stable ids
        self.parent[gone] = keep
        for summary in (
            self.subtypes,
            self.phrases,
            self.heads,
            self.types,
            self.places,
            self.times,
            self.victims,
        ):
            summary[keep] = summary[keep] | summary[gone]
        self.violent[keep] = self.violent[keep] or self.violent[gone]
        return keep


def _agree(mine: frozenset[str], theirs: frozenset[str]) -> bool:
    """Do two sets of place (or time) keys allow the same incident? Either is unknown,
    or one names a key of the other ("Aleppo" in "the city of Aleppo")."""
    if not mine or not theirs:
        return True
    return any(a == b or a in b or b in a for a in mine for b in theirs)


def group(reports: Sequence[Report]) -> list[list[int]]:
    """Indices of ``reports`` (in document order) grouped into incidents, each group in
    document order, groups ordered by their first mention. Background reports stay alone."""
    sets = _Sets(reports)
    for i, r in enumerate(reports):
        # the toll of a background mention ("the bombs, if they had gone off, would have
        # killed dozens") stays out of its group: a group holding background is dropped,
        # and the incidents the toll would join later must not go with it
        if r.host is not None and not r.background and not reports[r.host].background:
            sets.union(i, r.host)
    for i, r in enumerate(reports):
        if r.background or r.host is not None:
            continue
        target = _antecedent(reports, sets, i)
        if target is not None:
            sets.union(i, target)
    groups: dict[int, list[int]] = {}
    for i in range(len(reports)):
        groups.setdefault(sets.find(i), []).append(i)
    return sorted(groups.values(), key=lambda g: g[0])


def _shares(mine: frozenset[str], theirs: frozenset[str]) -> bool:
    """Do both name a place (or time), and the same one?"""
    return bool(mine and theirs) and _agree(mine, theirs)


def _head(phrase: str) -> str:
    return phrase.rsplit(" ", 1)[-1]


@lru_cache(maxsize=4096)
def _one_stem(a: str, b: str) -> bool:
    """Is one trigger word the other with an ending ("redeploy" / "redeployment",
    "assassinate" / "assassination", "shell" / "shelling")? Stems under five letters
    are too short to tell ("ban" / "bandit")."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    base = short[:-1] if short.endswith("e") else short
    return len(base) >= 5 and long.startswith(base) and long != short


def _antecedent(reports: Sequence[Report], sets: _Sets, i: int) -> int | None:
    """The earlier incident mention ``i`` refers to, if any: the latest that fits, unless
    an earlier one in reach shares its place or time ("Saturday's attack" is Saturday's,
    not the "previous attacks" mentioned in between)."""
    r = reports[i]
    if r.distinct:
        return None
    me = sets.find(i)
    if r.follows is not None:
        root = sets.find(r.follows)
        if root != me and _agree(r.places, sets.places[root]) and _agree(r.times, sets.times[root]):
            return root
    by_type: int | None = None  # for a definite description: the latest of its event type
    close: int | None = None  # ... when it is in the same paragraph
    latest: int | None = None  # the latest incident that fits, sharing no place or time
    keyed = bool(r.places or r.times)
    head = _head(r.phrase)
    seen: set[int] = set()
    for j in range(i - 1, -1, -1):
        if r.position - reports[j].position > WINDOW:
            break  # every incident still in reach has a mention after this one
        root = sets.find(j)
        if root == me or root in seen or reports[j].background:
            continue
        seen.add(root)
        if not (_agree(r.places, sets.places[root]) and _agree(r.times, sets.times[root])):
            continue
        # "the suicide bombing" after "the bombing": one word, a narrower phrase
        # and "a redeployment operation" after "forcing the army to redeploy": one word too
        heads = sets.heads[root]
        same_word = (
            r.phrase in sets.phrases[root]
            or head in heads
            or any(_one_stem(head, h) for h in heads)
        )
        same_kind = r.subtype in sets.subtypes[root]
        apart = r.paragraph - reports[j].paragraph
        near = apart < 2 * UNIT  # the same or the next paragraph
        if r.kind != "event":
            # a casualty report on its own: the latest violent incident of its coding,
            # or, anywhere in reach, of a person it names as hit
            if sets.violent[root] and (
                (same_kind and near) or not r.victims.isdisjoint(sets.victims[root])
            ):
                return root
            continue
        shared_place = bool(r.places and sets.places[root])
        if same_word or (same_kind and (near or shared_place or r.definite)):
            if close is not None and apart > FAR * UNIT:
                return close  # the violence just reported, not one pages back
            if (
                not keyed
                or _shares(r.places, sets.places[root])
                or _shares(r.times, sets.times[root])
            ):
                return root
            if latest is None:
                latest = root
            continue
        # a definite description: the latest incident of its event type, or, near, of
        # any kind of violence ("the attack" after "the Manchester suicide bombing")
        if (
            r.definite
            and by_type is None
            and latest is None
            and (
                r.event_type in sets.types[root]
                or (near and r.event_type in VIOLENT and bool(sets.types[root] & VIOLENT))
            )
        ):
            by_type = root
            if apart < UNIT:  # the same paragraph
                close = root
    return latest if latest is not None else by_type
