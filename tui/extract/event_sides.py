"""Who fights whom in an incident, as the sub-event model reads it: the kind of each
side (armed and organised, or people and their places), from the codebook's cue words.

Split from ``subtypes`` (the model and its coder) so each stays small.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from tui.extract.codebook import default_codebook
from tui.extract.event_build import Draft
from tui.extract.event_words import TokenView

# Who fights whom: the kind of a side is read from the codebook's cue words of the two
# generic types, armed organised sides ("soldier", "rebel", "police") under Armed clash,
# people and their places ("villager", "worshipper", "shopper", "mosque") under Attack.
SIDE_KINDS = ("Armed clash", "Attack")


@lru_cache(maxsize=1)
def _side_kinds() -> dict[str, str]:
    book = default_codebook()
    kinds: dict[str, str] = {}
    for name in SIDE_KINDS:
        sub = book.subtype(name)
        for cue in sub.cues if sub is not None else ():
            if " " not in cue:
                kinds.setdefault(cue.lower(), name)
    return kinds


@lru_cache(maxsize=1)
def _side_words() -> frozenset[str]:
    return frozenset(_side_kinds())


def _kind(lemmas: frozenset[str]) -> str | None:
    # every token of an incident's sentences is asked: most name no side, and
    # isdisjoint says so in C without building a set or sorting one
    words = _side_words()
    if words.isdisjoint(lemmas):
        return None
    return _side_kinds()[min(lemmas & words)]


def _armed_words(v: TokenView) -> tuple[str, ...]:
    """The words that name an armed side in a sentence, each once, worked out once per
    sentence (a sentence of many incidents, a text without full stops, is read once)."""
    found = v.memo.get("armed")
    if found is None:
        words, armed = _side_words(), SIDE_KINDS[0]
        found = v.memo["armed"] = tuple(
            dict.fromkeys(
                v.low[i]
                for i, lemmas in enumerate(v.lemmas)
                if not words.isdisjoint(lemmas) and _kind(lemmas) == armed
            )
        )
    return found


def sides(members: Sequence[Draft], out: set[str]) -> None:
    """The kinds of the incident's actors ("ak=") and targets ("gk="), "none" where it
    names none; and an armed side its sentences name in no role of it is not read as
    one: in "police arrested 12 people over Saturday's terror attack" the police made
    arrests, they were no side of the attack ("w:police" is dropped where it is only
    that)."""
    found = {"ak=": False, "gk=": False}
    inside: set[str] = set()  # armed sides' words in a role of the incident
    views: dict[int, TokenView] = {}
    for d in members:
        v = d.parse.view
        views.setdefault(id(v), v)
        for prefix, chunks in (("ak=", d.args.actors), ("gk=", d.args.targets)):
            for c in chunks:
                found[prefix] = True
                for i in range(c.start, c.end):
                    kind = _kind(v.lemmas[i])
                    if kind is not None:
                        out.add(prefix + kind)
                        if kind == SIDE_KINDS[0]:
                            inside.add(v.low[i])
    for prefix, any_found in found.items():
        if not any_found:
            out.add(prefix + "none")
    for v in views.values():
        for word in _armed_words(v):
            if word not in inside:
                out.discard("w:" + word)
