"""Event arguments: who did it, to whom, where, when and how many were killed.

No parser: noun phrases are chunked from word lists, entity mentions and
capitalisation, then assigned roles by their place around the trigger: the subject
of an active verb is the initiator, of a passive one the victim; "by X" names the
initiator, "on/against X" the target, "in/at/near X" the place; "between A and B"
the parties to an agreement. Token indices are within one sentence.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tui.extract.event_words import EventWords, TokenView
from tui.extract.triggers import Trigger

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
_QUOTES = frozenset("\"'“”‘’«»()[]")
LEFT_WINDOW = 8
RIGHT_WINDOW = 6
PLACE_AFTER = 24
PLACE_BEFORE = 14
TIME_WINDOW = 14
_NOT_WHEN = frozenset({"since", "until", "till", "through", "by"})
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


@dataclass(frozen=True, slots=True)
class Chunk:
    start: int  # token index
    end: int
    kind: str  # "place" | "party" | "name" | "other"


@dataclass(slots=True)
class Arguments:
    actors: list[Chunk] = field(default_factory=list)
    targets: list[Chunk] = field(default_factory=list)
    location: list[Chunk] = field(default_factory=list)
    time: list[tuple[int, int]] = field(default_factory=list)  # token ranges
    passive: bool = False


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


def _is_head(view: TokenView, w: EventWords, i: int, mtypes: list[str | None]) -> bool:
    if mtypes[i] in NAME_TYPES:
        return True
    tok = view.toks[i].text
    low = view.low[i]
    if not tok[:1].isalnum():
        return False
    if len(tok) > 1 and tok.isupper() and tok.isalpha():
        return True  # an acronym, even one spelt like a word: "IS", "US", "IT"
    if tok[:1].isupper() and low not in w.weekdays and low not in w.months:
        if low in w.function_words or low in w.pronouns or low in w.determiners:
            return False
        return not (view.sentence_initial(i) and low in w.aux)
    lem = _noun_forms(low, w)
    return bool(lem & w.person_nouns or lem & w.place_nouns)


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
    # a figure alone is a phrase too: "wounded 71", "the 130 injured"
    head = [
        i not in triggers
        and ((quantity[i] and not _dated(view, w, i)) or _is_head(view, w, i, mtypes))
        for i in range(n)
    ]
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
        joined = j > b + 1 and view.is_capitalised(j) and j - b <= 3
        if j < n and head[j] and (j == b + 1 or joined):
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
            and _determiner_before(view, w, j)
        ):
            unknown += 1  # an adjective after a determiner: "a major general"
            start = j
        else:
            return start
        j -= 1
    return start


def _determiner_before(view: TokenView, w: EventWords, j: int) -> bool:
    for k in range(j - 1, max(-1, j - 4), -1):
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
        return "party"
    if last & w.place_nouns and not last & w.person_nouns:
        return "place"
    if any(view.lemmas[k] & w.person_nouns for k in range(start, end)):
        return "party"
    if view.is_capitalised(end - 1):
        return "name"
    return "other"


def _skip_back(p: SentenceParse, j: int, allow: frozenset[str] | set[str]) -> int:
    """Index just after the last token before ``j`` that is not in ``allow``."""
    while j > 0 and (p.view.low[j - 1] in allow or p.view.toks[j - 1].text in _QUOTES):
        j -= 1
    return j


def _chunk_ending_at(p: SentenceParse, j: int) -> Chunk | None:
    return p.ends.get(j)


def _chunk_starting_at(p: SentenceParse, j: int) -> Chunk | None:
    w = p.words
    while j < len(p.view) and (
        p.view.low[j] in w.determiners
        or p.view.low[j] in w.possessives
        or p.view.toks[j].text in _QUOTES
    ):
        if j in p.starts:
            break
        j += 1
    return p.starts.get(j)


def _with_coordinates(p: SentenceParse, c: Chunk, parties: bool = False) -> list[Chunk]:
    """The chunk and those joined to it by "and" / "or" / commas ("Aleppo and Idlib").
    With ``parties``, places may join groups ("Israel and Hezbollah" agreed)."""
    out = [c]
    j = c.end
    while j < len(p.view) and p.view.low[j] in ("and", "or", ","):
        nxt = _chunk_starting_at(p, j + 1)
        if nxt is None or not parties and {nxt.kind, c.kind} == {"place", "party"}:
            break
        out.append(nxt)
        j = nxt.end
    return out


def _with_left_coordinates(p: SentenceParse, c: Chunk) -> list[Chunk]:
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
        return True
    # "Roadside IED kills Russian general": a noun phrase either side
    return low.endswith("s") and t.start in p.ends and _chunk_starting_at(p, t.end) is not None


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
    nxt = v.low[t.end] if t.end < len(v) else "."
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
    j = _skip_back(p, left_from, w.aux | w.be | {",", "who", "which", "that"})
    left = _chunk_ending_at(p, j) if left_from - j <= LEFT_WINDOW else None
    if left is None and t.start > 1 and v.low[t.start - 1] in ("’s", "'s"):
        left = _chunk_ending_at(p, t.start - 1)  # "the IRA's bombing"
    if left is not None and light is None and not passive and not intransitive:
        # "Taliban gunmen and suicide bombers attacked"
        left_all = _with_left_coordinates(p, left)
    else:
        left_all = [left] if left is not None else []
    if left is not None and left.kind == "place" and not verbal and light is None:
        args.location.append(left)  # "the Kabul bombing"
    elif left is not None:
        if passive or intransitive:
            (
                args.location if object_role == "location" and not intransitive else args.targets
            ).append(left)
        elif "which" in v.low[j:left_from]:
            pass  # "the attack, which killed": the subject is the event itself
        elif verbal or light is not None or left.end >= t.start - 1:
            args.actors.extend(left_all)

    # after the trigger
    k = t.end
    if k < n and v.low[k] in w.between_words:
        first = _chunk_starting_at(p, k + 1)
        if first is not None:
            args.actors.extend(_with_coordinates(p, first, parties=True))
    elif verbal and not passive and not intransitive:
        right = _chunk_starting_at(p, k)
        if right is not None:
            obj.extend(_with_coordinates(p, right))
    for j in range(t.end, min(n, t.end + RIGHT_WINDOW)):
        if j > t.end and v.toks[j].text in (".", ";", ":"):
            break
        m = (
            w.actor_preps.match_at(v.lemmas, j)
            if v.lemmas[j] & w.actor_preps.by_first.keys()
            else None
        )
        if m is not None and v.low[j] != "from":
            c = _chunk_starting_at(p, m.end)
            if c is not None and c.kind != "place":
                args.actors.extend(_with_coordinates(p, c))
                break
        m = (
            w.target_preps.match_at(v.lemmas, j)
            if v.lemmas[j] & w.target_preps.by_first.keys()
            else None
        )
        if m is not None and j - t.end <= 2:
            c = _chunk_starting_at(p, m.end)
            if c is not None:
                args.targets.extend(_with_coordinates(p, c))  # "an attack on the market"
                break
        if v.low[j] in ("of", "over") and j == t.end and object_role == "location":
            c = _chunk_starting_at(p, j + 1)
            if c is not None:
                args.location.extend(_with_coordinates(p, c))  # "took control of Aleppo"
                break
        if v.low[j] == "of" and j == t.end and (intransitive or not verbal):
            c = _chunk_starting_at(p, j + 1)
            if c is not None:
                args.targets.extend(_with_coordinates(p, c))  # "the deaths of five soldiers"
                break

    used = {(c.start, c.end) for c in args.actors + args.targets + args.location}
    if not args.location:
        args.location.extend(_place(p, t, used))
    args.time.extend(_time(p, t))
    args.targets = [c for c in args.targets if c not in args.actors]
    return args


def _light_verb_before(p: SentenceParse, t: Trigger) -> int | None:
    """Start of "carried out" in "carried out strikes" (the subject is before it)."""
    v, w = p.view, p.words
    keys = w.light_verbs.by_first.keys()
    for j in range(max(0, t.start - 5), t.start):
        if v.lemmas[j] & keys:
            m = w.light_verbs.match_at(v.lemmas, j)
            if m is not None and t.start - m.end <= 4:  # "launched a series of attacks"
                return j
    return None


def _place(p: SentenceParse, t: Trigger, used: set[tuple[int, int]]) -> list[Chunk]:
    """The nearest "in/at/near X" (after the trigger first), with a wider place that
    follows it ("on a busy street in the city of Lyon")."""
    v = p.view
    found: list[tuple[int, int, list[Chunk]]] = []  # (distance, prep index, chunks)
    for j in range(len(v)):
        if j >= t.end:
            dist = j - t.end
            if dist > PLACE_AFTER:
                break
        elif t.start - j > PLACE_BEFORE:
            continue
        else:
            dist = (t.start - j) + PLACE_AFTER  # prefer places after the trigger
        chunks = _place_at(p, j, used)
        if chunks and not any(c.start <= t.start < c.end for c in chunks):
            found.append((dist, j, chunks))
    if not found:
        return []
    _, j, best = min(found, key=lambda f: f[0])
    end = best[-1].end
    wider = _place_at(p, end, used) if end < len(v) else []
    return best + wider


def _place_at(p: SentenceParse, j: int, used: set[tuple[int, int]]) -> list[Chunk]:
    v, w = p.view, p.words
    if not v.lemmas[j] & w.place_preps.by_first.keys():
        return []
    m = w.place_preps.match_at(v.lemmas, j)
    if m is None:
        return []
    c = _chunk_starting_at(p, m.end)
    if c is None or c.kind not in ("place", "name") or (c.start, c.end) in used:
        return []
    return _with_coordinates(p, c)


def _time(p: SentenceParse, t: Trigger) -> list[tuple[int, int]]:
    v, w = p.view, p.words
    spans: list[tuple[int, int]] = []
    i = 0
    n = len(v)
    keys = w.time_words.by_first.keys()
    while i < n:
        if p.mention_types[i] in TIME_TYPES:
            j = i
            while j < n and p.mention_types[j] in TIME_TYPES:
                j += 1
            spans.append((i, j))
            i = j
            continue
        low = v.low[i]
        if low in w.weekdays:
            spans.append((i, i + 1))
        elif (
            low in w.months
            and v.is_capitalised(i)
            and ((i + 1 < n and v.low[i + 1].isdigit()) or (i > 0 and v.low[i - 1].isdigit()))
        ):
            j = i + 1
            while j < n and (v.low[j].isdigit() or v.low[j] == ","):
                j += 1
            while j > i + 1 and v.low[j - 1] == ",":
                j -= 1
            s = i - 1 if i > 0 and v.low[i - 1].isdigit() else i
            spans.append((s, j))
            i = j
            continue
        elif low in keys:
            m = w.time_words.match_at(v.lemmas, i)
            if m is not None:
                spans.append((m.start, m.end))
                i = m.end
                continue
        i += 1
    # "since 2020", "until March": a bound of a period, not when this happened
    spans = [
        (a, b)
        for a, b in spans
        if not (a > 0 and v.low[a - 1] in _NOT_WHEN) and _gap((a, b), t) <= TIME_WINDOW
    ]
    if not spans:
        return []
    return [min(spans, key=lambda s: _gap(s, t))]


def _gap(span: tuple[int, int], t: Trigger) -> int:
    a, b = span
    return a - t.end if a >= t.end else max(0, t.start - b)
