"""Noun phrases of one sentence, found without a parser.

A phrase is a run of head words (names, entity mentions, figures, nouns from the word
lists such as "soldiers" or "village") with the modifiers, figures and possessives
before it ("dozens of its soldiers", "Iran-backed Lebanese group Hezbollah") and a
name after "of" ("the city of Aleppo"). Token indices are within one sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import chain

from tui.extract.event_words import EventWords, TokenView

NAME_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "LAW"})
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
PARTY_TYPES = frozenset({"PERSON", "ORG", "NORP"})
TIME_TYPES = frozenset({"DATE", "TIME"})
_NAME_JOINERS = frozenset(
    {
        "al",
        "el",
        "bin",
        "ibn",
        "abu",
        "de",
        "da",
        "del",
        "der",
        "van",
        "von",
        "ez",
        "es",
        "ad",
        "-",
        "&",
    }
)
_INSIDE_NAME = frozenset({"of", "for", "the"})
QUOTES = frozenset("\"'“”‘’«»()[]")


# Not frozen (never changed after it is built all the same): a frozen dataclass sets
# each field through object.__setattr__, 3x slower to build, and extraction builds these
# by the ten thousand. Hashable as a frozen one (unsafe_hash: by its fields).
@dataclass(slots=True, unsafe_hash=True)
class Chunk:
    start: int  # token index
    end: int
    kind: str  # "place" | "party" | "name" | "other"


@dataclass(slots=True)
class SentenceParse:
    """Chunks and their lookups for one sentence."""

    view: TokenView
    words: EventWords
    chunks: list[Chunk]
    starts: dict[int, Chunk]
    ends: dict[int, Chunk]
    mention_types: list[str | None]  # per token: the type of the mention covering it
    quantity: list[bool]  # per token: inside a counted figure
    trigger_tokens: frozenset[int]


def parse_sentence(
    view: TokenView,
    words: EventWords,
    mention_types: list[str | None],
    quantity: list[bool],
    trigger_tokens: frozenset[int],
) -> SentenceParse:
    chunks = _chunk(view, words, mention_types, quantity, trigger_tokens)
    return SentenceParse(
        view,
        words,
        chunks,
        {c.start: c for c in chunks},
        {c.end: c for c in chunks},
        mention_types,
        quantity,
        trigger_tokens,
    )


def _noun_forms(low: str, w: EventWords) -> frozenset[str]:
    """Singular forms only: "forcing" must not pass for "force" as a head noun."""
    out = {low}
    if low in w.irregular:
        out.add(w.irregular[low])
    if low.endswith("men"):
        out.add(low[:-3] + "man")  # gunmen, policemen, tribesmen
    if low.endswith("s") and len(low) > 3:
        out.add(low[:-1])
        if low.endswith("ies"):
            out.add(low[:-3] + "y")
        elif low.endswith("es"):
            out.add(low[:-2])
    return frozenset(out)


def _chunk(
    view: TokenView,
    w: EventWords,
    mtypes: list[str | None],
    quantity: list[bool],
    triggers: frozenset[int],
) -> list[Chunk]:
    n = len(view)
    head = _heads(view, w, mtypes, quantity, triggers)
    chunks: list[Chunk] = []
    i = 0
    while i < n:
        if not head[i]:
            i += 1
            continue
        a = i
        b = _join(view, head, i)
        end = b + 1
        # "the city of Aleppo", "a convoy of Russian soldiers"
        if end + 1 < n and view.low[end] == "of" and not view.is_capitalised(b):
            k = end + 1
            while k < n and (view.low[k] in w.determiners or view.low[k] in w.possessives):
                k += 1
            if k < n and head[k]:
                end = _join(view, head, k) + 1
        start = _extend_left(view, w, a, quantity, head, triggers)
        kind = _kind(view, w, start, end, mtypes)
        chunks.append(Chunk(start, end, kind))
        i = end
    return chunks


def _heads(
    view: TokenView,
    w: EventWords,
    mtypes: list[str | None],
    quantity: list[bool],
    triggers: frozenset[int],
) -> list[bool]:
    """Per token: may it head a phrase? A name, an acronym, a capitalised word that is
    not a function word, a person or place noun, or a figure ("wounded 71", "the 130
    injured"); never a trigger. One loop over the sentence with the word lists bound once:
    it runs for every token of every sentence with an event word."""
    toks = view.toks
    name_types = NAME_TYPES
    words = _word_heads(w)
    get = words.get
    n = len(toks)
    out = [False] * n
    for i in range(n):
        if i in triggers:
            continue
        if quantity[i] and not _dated(view, w, i):
            out[i] = True
            continue
        if mtypes[i] in name_types:
            out[i] = True
            continue
        tok = toks[i].text
        head = get(tok)
        if head is None:
            head = _word_head(tok, view.low[i], w, words)
        # a capitalised auxiliary heads a phrase except first in its sentence ("Will")
        out[i] = head is True or (head is _AUX and not view.sentence_initial(i))
    return out


_AUX = "aux"  # what _word_head says of a capitalised auxiliary: it depends on where it stands

# token text -> its _word_head, for the EventWords it was computed with
_WORD_HEADS: tuple[EventWords | None, dict[str, bool | str]] = (None, {})


def _word_heads(w: EventWords) -> dict[str, bool | str]:
    global _WORD_HEADS
    owner, cache = _WORD_HEADS
    if owner is not w:
        cache = {}
        _WORD_HEADS = (w, cache)
    return cache


def _word_head(tok: str, low: str, w: EventWords, cache: dict[str, bool | str]) -> bool | str:
    """What the word alone says of a token that is no trigger, figure or mention: True or
    False, or _AUX. ``low`` is ``tok`` lower-cased. News vocabulary repeats: remembered
    in ``cache``: the same tests on every occurrence of a word were most of ``_heads``."""
    first = tok[:1]
    if not first.isalnum():
        head: bool | str = False
    elif len(tok) > 1 and tok.isupper() and tok.isalpha():
        head = True  # an acronym, even one spelt like a word: "IS", "US", "IT"
    elif first.isupper() and low not in w.weekdays and low not in w.months:
        if low in w.function_words or low in w.pronouns or low in w.determiners:
            head = False
        else:
            head = _AUX if low in w.aux else True
    else:  # a person or place noun
        lem = _noun_forms(low, w)
        head = bool(lem & w.person_nouns or lem & w.place_nouns)
    if len(cache) < 100_000:
        cache[tok] = head
    return head


def _dated(view: TokenView, w: EventWords, i: int) -> bool:
    """A number that is part of a date ("13 September", "April 19")."""
    nxt = view.low[i + 1] if i + 1 < len(view) else ""
    prev = view.low[i - 1] if i > 0 else ""
    return nxt in w.months or prev in w.months


def _join(view: TokenView, head: list[bool], b: int) -> int:
    """The last head of the core starting at head ``b``: heads joined by name particles
    ("Hayat Tahrir al-Sham", "Centre for the Reconciliation of the Enemy Parties") and
    possessives ("Russia's Defence Ministry")."""
    n = len(view)
    while True:
        j = b + 1
        while j < n and (
            view.low[j] in _NAME_JOINERS
            or (view.low[j] in _INSIDE_NAME and view.is_capitalised(b))
            or view.low[j] in ("’s", "'s")
        ):
            j += 1
        if j >= n:  # ran off the sentence ("the captured rebels ’s")
            return b
        joined = j > b + 1 and view.is_capitalised(j) and j - b <= 3
        if head[j] and (j == b + 1 or joined):
            b = j
        else:
            return b


def _extend_left(
    view: TokenView,
    w: EventWords,
    a: int,
    quantity: list[bool],
    head: list[bool],
    triggers: frozenset[int],
) -> int:
    """Modifiers, figures and possessives before a phrase's first head."""
    start = a
    j = a - 1
    unknown = 0
    while j >= 0 and a - j <= 6 and j not in triggers:
        low = view.low[j]
        tok = view.toks[j].text
        if quantity[j] or low in w.noun_modifiers or head[j]:
            start = j
        elif "-" in low and tok[:1].isalnum():
            start = j  # "Iran-backed", "state-run", "pro-Assad"
        elif low in ("’s", "'s") and j > 0 and (head[j - 1] or view.is_capitalised(j - 1)):
            start = j - 1
            j -= 1
        elif low == "of" and j > 0 and quantity[j - 1]:
            start = j  # "dozens of its soldiers"
        elif low in w.possessives:
            if j > 0 and view.low[j - 1] == "of" and j > 1 and quantity[j - 2]:
                start = j
            else:
                return start
        elif (
            low.isalpha()
            and tok.islower()
            and low not in w.function_words
            and low not in w.pronouns
            and low not in w.aux
            and low not in w.be
            and unknown < 2
            and not _verb_after_noun(view, w, j)
            and _determiner_before(view, w, j, triggers)
        ):
            unknown += 1  # an adjective after a determiner: "a major general"
            start = j
        else:
            return start
        j -= 1
    return start


def _verb_after_noun(view: TokenView, w: EventWords, j: int) -> bool:
    """Is word ``j`` a past verb after a noun ("the shooting at the school left three
    dead", "the raid on the village prompted protests")? An adjective in the past form
    follows the determiner, a number or an adverb ("the two wounded men", "a heavily
    armed group"), never a noun."""
    low = view.low[j]
    if not (low.endswith("ed") or low == "left" or w.irregular.get(low, low) != low):
        return False
    before = view.low[j - 1] if j > 0 else ""
    return (
        before.isalpha()
        and view.toks[j - 1].text.islower()
        and not before.endswith("ly")
        and before not in w.function_words
        and before not in w.determiners
        and before not in w.possessives
    )


def _determiner_before(view: TokenView, w: EventWords, j: int, triggers: frozenset[int]) -> bool:
    """Is word ``j`` an adjective of a phrase a determiner opened? Not past an event
    word: in "the school shooting left three dead", "left" is the noun's verb."""
    for k in range(j - 1, max(-1, j - 4), -1):
        if k in triggers:
            return False
        low = view.low[k]
        if low in w.determiners or low in w.possessives:
            return True
        if low in w.function_words or not view.toks[k].text[:1].isalnum():
            return False
    return False


def _kind(view: TokenView, w: EventWords, start: int, end: int, mtypes: list[str | None]) -> str:
    types = {t for t in mtypes[start:end] if t}
    last = view.lemmas[end - 1]
    if types & PLACE_TYPES and not types & PARTY_TYPES:
        return "place"
    if types & PARTY_TYPES:
        return "place" if _named_place(view, w, start, end, mtypes) else "party"
    # isdisjoint builds no set (this runs for every phrase of every event sentence)
    if not w.place_nouns.isdisjoint(last) and w.person_nouns.isdisjoint(last):
        return "place"
    if not w.person_nouns.isdisjoint(chain.from_iterable(view.lemmas[start:end])):
        return "party"
    if view.is_capitalised(end - 1):
        return "name"
    return "other"


def _named_place(
    view: TokenView, w: EventWords, start: int, end: int, mtypes: list[str | None]
) -> bool:
    """ "the central street Rue Victor Hugo", "the hospital Sultan Qaboos": a person's
    name straight after a place noun names the place (streets, schools and airports
    are named for people), where no word of the phrase names people."""
    first = next((k for k in range(start, end) if mtypes[k] == "PERSON"), None)
    if first is None or first == start or set(mtypes[start:end]) - {None, "PERSON"}:
        return False
    # the name's capitalised words the tagger left out are still the name ("Rue Victor"
    # before the person "Hugo", as a retrained tagger read it)
    while first - 1 > start and mtypes[first - 1] is None and view.is_capitalised(first - 1):
        first -= 1
    return not w.place_nouns.isdisjoint(view.lemmas[first - 1]) and w.person_nouns.isdisjoint(
        chain.from_iterable(view.lemmas[start:end])
    )


def skip_back(p: SentenceParse, j: int, allow: frozenset[str] | set[str]) -> int:
    """Index just after the last token before ``j`` that is not in ``allow``."""
    while j > 0 and (p.view.low[j - 1] in allow or p.view.toks[j - 1].text in QUOTES):
        j -= 1
    return j


def chunk_ending_at(p: SentenceParse, j: int) -> Chunk | None:
    return p.ends.get(j)


def chunk_starting_at(p: SentenceParse, j: int) -> Chunk | None:
    w = p.words
    while j < len(p.view) and (
        p.view.low[j] in w.determiners
        or p.view.low[j] in w.possessives
        or p.view.toks[j].text in QUOTES
    ):
        if j in p.starts:
            break
        j += 1
    return p.starts.get(j)


def with_coordinates(p: SentenceParse, c: Chunk, parties: bool = False) -> list[Chunk]:
    """The chunk and those joined to it by "and" / "or" / commas ("Aleppo and Idlib").
    With ``parties``, places may join groups ("Israel and Hezbollah" agreed)."""
    out = [c]
    j = c.end
    while j < len(p.view) and p.view.low[j] in ("and", "or", ","):
        nxt = chunk_starting_at(p, j + 1)
        if nxt is None or not parties and {nxt.kind, c.kind} == {"place", "party"}:
            break
        out.append(nxt)
        j = nxt.end
    return out


def with_left_coordinates(p: SentenceParse, c: Chunk) -> list[Chunk]:
    """The chunk and those joined to it from the left ("gunmen and bombers")."""
    out = [c]
    j = c.start
    while j > 1 and p.view.low[j - 1] in ("and", ","):
        prev = p.ends.get(j - 1)
        if prev is None or {prev.kind, c.kind} == {"place", "party"}:
            break
        out.insert(0, prev)
        j = prev.start
    return out
