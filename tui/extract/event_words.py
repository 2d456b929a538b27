"""The event extractor's word lists (``tui/data/events_lexicon.yaml``) and token view.

A :class:`TokenView` is one sentence's tokens with their lower-case forms and candidate
lemmas, computed once and shared by trigger finding and argument finding.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from tui.data import data_yaml
from tui.extract.phrases import PhraseIndex, lemma_candidates
from tui.text.segment import Token, lower_forms, tokens


@dataclass(frozen=True, slots=True)
class EventWords:
    irregular: dict[str, str]
    modifiers: PhraseIndex
    not_events: PhraseIndex
    background: frozenset[str]
    figurative_triggers: frozenset[str]
    figurative_cues: frozenset[str]
    violent_cues: frozenset[str]
    negations: frozenset[str]
    light_verbs: PhraseIndex
    echo_verbs: PhraseIndex
    be: frozenset[str]
    aux: frozenset[str]
    determiners: frozenset[str]
    possessives: frozenset[str]
    pronouns: frozenset[str]
    function_words: frozenset[str]
    place_preps: PhraseIndex
    target_preps: PhraseIndex
    actor_preps: PhraseIndex
    between_words: frozenset[str]
    person_nouns: frozenset[str]
    place_nouns: frozenset[str]
    noun_modifiers: frozenset[str]
    not_people_units: frozenset[str]
    weekdays: frozenset[str]
    months: frozenset[str]
    time_words: PhraseIndex
    anaphoric: frozenset[str]
    distinct: frozenset[str]
    irrealis: PhraseIndex
    illnesses: PhraseIndex
    past_times: tuple[str, ...]


def _words(raw: dict, key: str) -> list[str]:
    values = raw.get(key) or []
    if not all(isinstance(v, str) for v in values):
        raise ValueError(f"events_lexicon.yaml: {key} holds a non-string (quote it)")
    return [v.lower() for v in values]


@lru_cache(maxsize=1)
def event_words() -> EventWords:
    """The packaged word lists, loaded once."""
    raw = data_yaml("events_lexicon.yaml")
    # Built by name from the YAML keys: the dataclass checks the names, not mypy.
    sets: dict[str, Any] = {
        k: frozenset(_words(raw, k))
        for k in (
            "background",
            "figurative_triggers",
            "figurative_cues",
            "violent_cues",
            "negations",
            "be",
            "aux",
            "determiners",
            "possessives",
            "pronouns",
            "function_words",
            "between_words",
            "person_nouns",
            "place_nouns",
            "noun_modifiers",
            "not_people_units",
            "weekdays",
            "months",
            "anaphoric",
            "distinct",
        )
    }
    phrases: dict[str, Any] = {
        k: PhraseIndex.of(_words(raw, k))
        for k in (
            "modifiers",
            "not_events",
            "light_verbs",
            "echo_verbs",
            "place_preps",
            "target_preps",
            "actor_preps",
            "time_words",
            "irrealis",
            "illnesses",
        )
    }
    irregular = {str(k).lower(): str(v).lower() for k, v in (raw.get("irregular") or {}).items()}
    past = tuple(_words(raw, "past_times"))
    return EventWords(irregular=irregular, past_times=past, **sets, **phrases)


# The closed-class words feature makers skip, for the EventWords they were made from:
# the union of four lists, made once instead of once per mention and incident.
_CLOSED: tuple[EventWords | None, frozenset[str]] = (None, frozenset())


def closed_words(w: EventWords) -> frozenset[str]:
    """Function words, determiners, auxiliaries and forms of "be" of ``w``."""
    global _CLOSED
    owner, found = _CLOSED
    if owner is not w:
        found = w.function_words | w.determiners | w.aux | w.be
        _CLOSED = (w, found)
    return found


# word -> its candidate lemmas: news vocabulary repeats, and memoising the suffix rules
# halves the token cost. A plain dict read inline (an lru_cache call a token kept its
# recency list too); bounded, emptied in one step when full.
_LEMMAS: dict[str, frozenset[str]] = {}
_LEMMAS_LIMIT = 1 << 16


def _lemmas(low: str) -> frozenset[str]:
    found = _LEMMAS.get(low)
    if found is None:
        found = lemma_candidates(low, event_words().irregular)
        if len(_LEMMAS) >= _LEMMAS_LIMIT:
            _LEMMAS.clear()
        _LEMMAS[low] = found
    return found


@dataclass(slots=True)
class TokenView:
    """One sentence's tokens, with lower-case forms and candidate lemmas."""

    text: str  # the whole document text
    toks: list[Token]
    low: list[str]
    lemmas: list[frozenset[str]]
    # what later stages derive from the sentence alone, kept for the next reader (the
    # sub-event coder reads each sentence for every incident a few sentences around it)
    memo: dict[str, tuple] = field(default_factory=dict)

    @classmethod
    def of(cls, text: str, start: int, end: int, words: EventWords) -> TokenView:
        toks = tokens(text, start, end)
        low = lower_forms(toks)  # shared strings: the views live as long as the stage
        get = _LEMMAS.get
        # a lemma set is never empty (it holds the word): ``or`` only on a miss
        lemmas = [get(w) or _lemmas(w) for w in low]
        return cls(text, toks, low, lemmas)

    def __len__(self) -> int:
        return len(self.toks)

    def is_capitalised(self, i: int) -> bool:
        t = self.toks[i].text
        return t[:1].isupper()

    def sentence_initial(self, i: int) -> bool:
        """Is token ``i`` the first word (after opening quotes or brackets)?"""
        j = i - 1
        while j >= 0 and not self.toks[j].text[:1].isalnum():
            if self.toks[j].text in (":", ";"):
                return True
            j -= 1
        return j < 0


# "a father of seven", "a mother of three": a figure after these counts one's children
KIN = frozenset({"father", "mother", "parent", "grandfather", "grandmother", "grandparent"})


def is_age(view: TokenView, mtypes: list[str | None], a: int, b: int) -> bool:
    """Is the figure at tokens ``a``..``b`` a person's age set off by commas after a name
    ("the death of Scott, 43, a father of seven")? It counts no one and is no one: no
    toll, no victim. (A toll after a name has its noun: "Kabul, 12 dead".)"""
    return (
        b == a + 1
        and a >= 2
        and view.toks[a - 1].text == ","
        and (mtypes[a - 2] == "PERSON" or view.toks[a - 2].text[:1].isupper())
        and view.low[a].isdigit()
        and int(view.low[a]) <= 120
        and (b == len(view) or view.toks[b].text in (",", ".", ";", ")"))
    )
