"""Event arguments: who did it, to whom, where and when.

Noun phrases (:mod:`tui.extract.chunks`) get roles by their place around the trigger:
the subject of an active verb is the initiator, of a passive one the victim; "by X"
names the initiator, "on/against X" the target, "in/at/near X" the place; "between A
and B" the parties to an agreement; when, by :mod:`tui.extract.event_times`. Token
indices are within one sentence.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tui.extract.chunks import (
    TIME_TYPES,
    Chunk,
    SentenceParse,
    chunk_ending_at,
    chunk_starting_at,
    skip_back,
    with_coordinates,
    with_left_coordinates,
)
from tui.extract.event_places import find_place
from tui.extract.event_times import find_time
from tui.extract.gazetteer import COUNTRY, gazetteer
from tui.extract.triggers import Trigger

LEFT_WINDOW = 8
RIGHT_WINDOW = 6
_INTRANSITIVE = frozenset(
    {
        "die",
        "dead",
        "death",
        "perish",
        "lose * life",
        "fatality",
        "fatalities",
        "death toll",
        "injury",
    }
)


@dataclass(slots=True)
class Arguments:
    actors: list[Chunk] = field(default_factory=list)
    targets: list[Chunk] = field(default_factory=list)
    location: list[Chunk] = field(default_factory=list)
    time: list[tuple[int, int]] = field(default_factory=list)  # token ranges
    passive: bool = False


def _is_verbal(p: SentenceParse, t: Trigger) -> bool:
    v, w = p.view, p.words
    low = v.low[t.start]
    before = v.low[t.start - 1] if t.start > 0 else ""
    after = v.low[t.end] if t.end < len(v) else ""
    if after == "of":
        return False  # "the killing of", "maiming of men"
    if before in w.aux or before in w.be or before == "to":
        return True
    if before in w.determiners or before in w.possessives or before in ("’s", "'s"):
        return False
    last = v.low[t.end - 1]
    if low.endswith("ed") or last.endswith("ed") or low in w.irregular and low != w.irregular[low]:
        return True
    if low.endswith("ing"):
        if _modified_noun(p, t):
            return chunk_starting_at(p, t.end) is not None  # "the concert bombing in"
        # sentence-initial, "Shelling hit the village" is a noun; "Killing two..." is not
        return not v.sentence_initial(t.start) or chunk_starting_at(p, t.end) is not None
    # "Roadside IED kills Russian general", "blast kills seven": a noun phrase (or an
    # event noun) before, a noun phrase after
    return (
        low.endswith("s")
        and (t.start in p.ends or _noun_before(p, t.start))
        and chunk_starting_at(p, t.end) is not None
    )


def _modified_noun(p: SentenceParse, t: Trigger) -> bool:
    """ "the May 22 concert bombing", "a school shooting": the -ing word closes a noun
    phrase a determiner opened, after a singular noun that names no one (a noun
    modifier is singular: a thing or a place), so it is a noun too. "the gunmen
    shooting at shoppers" (plural, people) is left a verb."""
    c = p.ends.get(t.start)  # the phrase ending just before the trigger
    if c is None or c.kind in ("party", "name"):
        return False
    v, w = p.view, p.words
    head = v.low[c.end - 1]
    # a place name modifies too ("the Kabul bombing"); a plural or another name does not
    if c.kind != "place" and (head.endswith(("s", "men")) or not v.toks[c.end - 1].text.islower()):
        return False
    # a determiner opens the phrase, before its modifiers ("the May 22 concert")
    for k in range(c.start - 1, max(-1, c.start - 5), -1):
        if v.low[k] in w.determiners or v.low[k] in w.possessives:
            return True
        if p.mention_types[k] in TIME_TYPES or v.low[k].isdigit():
            continue  # "the May 22 concert"
        if v.low[k] in w.function_words or not v.toks[k].text[:1].isalnum():
            return False
    return any(v.low[k] in w.determiners for k in range(c.start, c.end))


def _noun_before(p: SentenceParse, i: int) -> bool:
    """An event noun or a noun phrase's last word just before ``i`` ("IED blast kills")."""
    if i - 1 in p.trigger_tokens:
        return True
    if i < 2:
        return False
    low, w = p.view.low[i - 1], p.words
    return (
        i - 1 in p.ends
        and low.isalpha()
        and p.view.toks[i - 1].text.islower()
        and low not in w.function_words
        and low not in w.aux
        and low not in w.be
        and low not in w.pronouns
    )


def _is_passive(p: SentenceParse, t: Trigger) -> bool:
    v, w = p.view, p.words
    low = v.low[t.start]
    if not (low.endswith("ed") or low.endswith("en") or low in w.irregular):
        return False
    j = t.start - 1
    while j >= 0 and t.start - j <= 4:
        if v.low[j] in w.be:
            return True
        if v.low[j] not in w.aux:
            break
        j -= 1
    # "dozens killed in ...": a participle straight after its subject, then a preposition
    # (the word after the verb: "dropped barrel bombs on" is no "dozens killed in")
    k = t.start + 1
    nxt = v.low[k] if k < len(v) else "."
    if nxt == "at" and k + 1 < len(v) and v.low[k + 1] in ("least", "most"):
        return False  # "forces seized at least 3 tons": a figure, the verb's object
    # "Police shot and killed Keith Lamont Scott": the two verbs share the subject and
    # the object after the second; "two men shot and killed in ..." stays passive
    if nxt in ("and", "or") and k + 1 in p.trigger_tokens and chunk_starting_at(p, k + 2):
        return False
    return t.start in p.ends and (nxt in w.function_words or not nxt[:1].isalnum())


def find_arguments(p: SentenceParse, t: Trigger, object_role: str = "target") -> Arguments:
    """Actors, targets, location and time of the event reported by trigger ``t``."""
    v, w = p.view, p.words
    args = Arguments()
    n = len(v)
    intransitive = t.phrase in _INTRANSITIVE
    verbal = _is_verbal(p, t)
    passive = verbal and _is_passive(p, t)
    args.passive = passive or intransitive
    obj = args.location if object_role == "location" else args.targets

    # before the trigger
    light = _light_verb_before(p, t)
    left_from = light if light is not None else t.start
    j = skip_back(p, left_from, w.aux | w.be | {",", "who", "which", "that"})
    left = chunk_ending_at(p, j) if left_from - j <= LEFT_WINDOW else None
    if left is None and t.start > 1 and v.low[t.start - 1] in ("’s", "'s"):
        left = chunk_ending_at(p, t.start - 1)  # "the IRA's bombing"
    if left is not None and light is None and not verbal and _modified_noun(p, t):
        # "the concert bombing", "a school shooting": what or where, no one; a named
        # place is where ("the Kabul bombing")
        if left.kind == "place" and v.is_capitalised(left.end - 1):
            _place_before(p, left, t, args)
        left = None
    if left is not None and light is None and _participle_after_comma(p, t, left_from):
        # "Gunmen attacked the bridge, killing two": the phrase before the comma is the
        # main verb's object; the participle's subject is the main clause's, which the
        # incident's main mention already holds
        left = None
    if left is not None and left.kind == "place" and (passive or intransitive):
        left = _holder(p, left)  # "two bystanders on the street were injured"
    elif left is not None and (verbal or light is not None) and _after_preposition(p, left):
        # "the terror attack on the bridge killed", "gunmen in a car opened fire": a
        # phrase after "on/at/in/of" is no subject; the subject is what it belongs to
        # (a place there is left to the search for "in/at X" that follows)
        holder = _holder(p, left, _SUBJECT_PREPS, ("party", "name"))
        left = holder if holder is not left else None
    if left is not None and light is None and (verbal or intransitive):
        # "Taliban gunmen and suicide bombers attacked", "seven civilians and two
        # soldiers were killed"
        left_all = with_left_coordinates(p, left)
    else:
        left_all = [left] if left is not None else []
    if left is not None and left.kind == "place" and not verbal and light is None:
        _place_before(p, left, t, args)  # "the Kabul bombing"
    elif left is not None:
        if passive or intransitive:
            if object_role == "location" and not intransitive:
                args.location.append(left)
            else:
                args.targets.extend(left_all)
        elif "which" in v.low[j:left_from]:
            pass  # "the attack, which killed": the subject is the event itself
        elif verbal or light is not None:
            args.actors.extend(left_all)
        elif left.end >= t.start - 1 and left.kind != "other":
            # "the Taliban attack", "the rebel attack": a noun that names someone acts;
            # "the concert bombing", "a terror attack" name what was hit or what it was
            args.actors.extend(_who_of_modifier(p, c) for c in left_all)

    # after the trigger
    k = t.end
    if k < n and v.low[k] in w.between_words:
        first = chunk_starting_at(p, k + 1)
        if first is not None:
            args.actors.extend(with_coordinates(p, first, parties=True))
    elif verbal and not passive and not intransitive:
        right = chunk_starting_at(p, k)
        if right is not None:
            # "seized two soldiers": people taken are not ground taken
            into = args.targets if obj is args.location and right.kind == "party" else obj
            if obj is not args.location or right.kind != "other":
                into.extend(with_coordinates(p, right))  # "seized five (oxen)": nowhere
    elif not verbal:
        _echo_object(p, t, args)
    for j in range(t.end, min(n, t.end + RIGHT_WINDOW)):
        if j > t.end and v.toks[j].text in (".", ";", ":"):
            break
        m = w.actor_preps.match_at(v.lemmas, j) if w.actor_preps.opens(v.lemmas[j]) else None
        if m is not None and v.low[j] != "from":
            c = chunk_starting_at(p, m.end)
            if c is not None and c.kind != "place":
                args.actors.extend(with_coordinates(p, c))
                break
        m = w.target_preps.match_at(v.lemmas, j) if w.target_preps.opens(v.lemmas[j]) else None
        if m is not None and j - t.end <= 2:
            c = chunk_starting_at(p, m.end)
            if c is not None:
                args.targets.extend(with_coordinates(p, c))  # "an attack on the market"
                break
        if v.low[j] in ("of", "over") and j == t.end and object_role == "location":
            c = chunk_starting_at(p, j + 1)
            if c is not None:
                args.location.extend(with_coordinates(p, c))  # "took control of Aleppo"
                break
        if v.low[j] == "of" and j == t.end and (intransitive or not verbal):
            c = chunk_starting_at(p, j + 1)
            if c is not None:
                args.targets.extend(with_coordinates(p, c))  # "the deaths of five soldiers"
                break

    used = {(c.start, c.end) for c in args.actors + args.targets + args.location}
    if not args.location:
        args.location.extend(find_place(p, t, used))
    args.time.extend(find_time(p, t))
    args.targets = [c for c in args.targets if c not in args.actors]
    return args


# Strikes only states make ("a U.S. drone strike", "US airstrikes in Pakistan"): a
# country before them strikes, it is not where the strike fell ("the Kabul bombing",
# "the Iraq war" stay places).
_STATE_STRIKES = frozenset({"strike", "airstrike", "raid", "drone", "missile", "bombardment"})


def _place_before(p: SentenceParse, left: Chunk, t: Trigger, args: Arguments) -> None:
    """A place named before an event noun: where it happened ("the Kabul bombing"), or,
    a country before a strike only states make, who struck ("a 2011 U.S. drone strike",
    "US airstrikes in Pakistan")."""
    striker = not _STATE_STRIKES.isdisjoint(t.phrase.split())
    if striker:
        words = tuple(p.view.toks[k].text for k in range(left.start, left.end))
        striker = COUNTRY in gazetteer().labels(words)
    (args.actors if striker else args.location).append(left)


def _participle_after_comma(p: SentenceParse, t: Trigger, left_from: int) -> bool:
    """ "..., killing two": an -ing verb opening a clause after a comma."""
    v = p.view
    return (
        left_from == t.start
        and t.start > 0
        and v.low[t.start].endswith("ing")
        and v.toks[t.start - 1].text == ","
        and chunk_starting_at(p, t.end) is not None
    )


def _who_of_modifier(p: SentenceParse, c: Chunk) -> Chunk:
    """ "the boldest rebel assault": the modifier's adjectives describe the event, not
    its actor ("rebel"); a name or a figure keeps its phrase whole."""
    v, w = p.view, p.words
    k = c.start
    while (
        k < c.end - 1
        and v.toks[k].text.islower()
        and v.low[k].isalpha()
        and not v.lemmas[k] & w.person_nouns
        and p.mention_types[k] is None
    ):
        k += 1
    return c if k == c.start else Chunk(k, c.end, c.kind)


# prepositions whose phrase belongs to the noun before it, never the verb's subject
_SUBJECT_PREPS = frozenset({"of", "from", "with"})


def _preposition_before(p: SentenceParse, c: Chunk, also: frozenset[str] = frozenset()) -> int:
    """Index of the "in/at/on ..." word that opens phrase ``c``, or -1."""
    v, w = p.view, p.words
    j = c.start
    while j > 0 and (v.low[j - 1] in w.determiners or v.low[j - 1] in w.possessives):
        j -= 1
    if j < 2:
        return -1
    lem = v.lemmas[j - 1]
    if w.place_preps.opens(lem) or w.target_preps.opens(lem):
        return j - 1
    return j - 1 if v.low[j - 1] in also else -1


def _after_preposition(p: SentenceParse, c: Chunk) -> bool:
    return _preposition_before(p, c, _SUBJECT_PREPS) >= 0


def _holder(
    p: SentenceParse,
    place: Chunk,
    also: frozenset[str] = frozenset(),
    kinds: tuple[str, ...] = ("party",),
) -> Chunk:
    """The people a place phrase belongs to ("bystanders [on the street]"), or the place."""
    j = _preposition_before(p, place, also)
    if j >= 0:
        before = chunk_ending_at(p, j)
        if before is not None and before.kind in kinds:
            return before
    return place


def _echo_object(p: SentenceParse, t: Trigger, args: Arguments) -> None:
    """ "Shelling hit the village": the object of the verb after the event noun."""
    v, w = p.view, p.words
    j = t.end
    while j < len(v) and j - t.end <= 3 and (v.low[j] in w.aux or v.low[j] in w.be):
        j += 1
    if j >= len(v) or not w.echo_verbs.opens(v.lemmas[j]):
        return
    m = w.echo_verbs.match_at(v.lemmas, j)
    c = chunk_starting_at(p, m.end) if m is not None else None
    if c is not None:
        chunks = with_coordinates(p, c)
        (args.location if c.kind in ("place", "name") else args.targets).extend(chunks)


def _light_verb_before(p: SentenceParse, t: Trigger) -> int | None:
    """Start of "carried out" in "carried out strikes" (the subject is before it)."""
    v, w = p.view, p.words
    light = w.light_verbs
    for j in range(max(0, t.start - 5), t.start):
        if light.opens(v.lemmas[j]):
            m = light.match_at(v.lemmas, j)
            if m is not None and t.start - m.end <= 4:  # "launched a series of attacks"
                return j
    return None
