"""Death tolls: the figure a casualty word reports ("killing 12", "dozens were killed"),
or, where none is written, its victims counted one by one (below).

The death toll of a killing whose victims are named or described one by one, not
counted: "police shot and killed Keith Lamont Scott", "gunmen killed a school guard",
"the death of Scott", "a teacher was shot dead" each report one death.

ACLED counts fatalities; a row for a fatal shooting with 0 fatalities because the story
names or describes the dead man instead of writing "one" is wrong for every analyst who
sums the column (in ACLED's held-out notes, a seventh of those with a death were such).
The toll is the victims' span with their number as its lower estimate: each distinct
name, or else each singular person ("a civilian", "his daughter", "he"), counts one. A
figure written as a number ("killing 12") always wins. A victim that stands for an
unknown number ("two bystanders", "civilians", "a group of farmers") leaves the count
to the reviewer, as does a killing not done ("tried to kill", "could kill").
"""

from __future__ import annotations

from tui.extract.arguments import Arguments
from tui.extract.chunks import Chunk, SentenceParse
from tui.extract.event_words import KIN, TokenView, is_age
from tui.extract.triggers import Trigger

# A killing intended, feared or failed, not done: no toll from its victims.
_NOT_DONE = frozenset(
    {
        "to", "attempt", "attempted", "attempts", "attempting", "try", "tried", "tries",
        "trying", "plot", "plotted", "plotting", "plan", "planned", "plans", "threat",
        "threats", "threatened", "threatening", "would", "could", "might", "may", "will",
        "can", "should", "must", "not", "never", "failed", "wanted", "want", "wants",
    }
)  # fmt: skip
# Person nouns that stand for several people whatever their form.
_MANY = frozenset(
    {"men", "women", "people", "police", "children", "personnel", "staff", "militia",
     "crew", "family", "couple", "pair", "crowd", "mob", "group", "unit", "army"}
)  # fmt: skip
_ONE_PRONOUN = frozenset({"he", "she", "him", "her"})
# ACLED's event types that kill no one themselves: "the death of Scott sparked protests"
# gives the protests no toll (a codebook of other types gives its every type the toll)
PEACEFUL = frozenset({"Protests", "Strategic developments"})
FIGURE_LEFT = 8  # tokens before a casualty word its figure may end
FIGURE_RIGHT = 6  # ... and after it, where its figure may start
BEFORE = 3  # words before the trigger that can say it was not done
WIDTH = 100  # characters: victims further apart than this are no one written figure


def victim_toll(
    parse: SentenceParse, t: Trigger, targets: list[Chunk]
) -> tuple[int, int, int] | None:
    """(char start, end, how many) of the victims of fatal word ``t``, counted one by
    one, or None when one of them stands for an unknown number, there are none, or the
    killing was not done."""
    v = parse.view
    if any(v.low[i] in _NOT_DONE for i in range(max(0, t.start - BEFORE), t.start)):
        return None
    names: list[tuple[int, int]] = []  # token ranges of the named people
    singles: list[tuple[int, int]] = []  # ... and of "a civilian", "he"
    for c in targets:
        if is_age(v, parse.mention_types, c.start, c.end) or v.low[c.start] in KIN:
            continue  # "Scott, 43, a father of seven": the same man
        found = _names(parse, c.start, c.end)
        if found:
            names.extend(found)
        elif _one_person(parse, c):
            singles.append((c.start, c.end))
        else:
            return None  # "two bystanders", "civilians": not all of them counted
    if names:
        # "a black man, Keith Lamont Scott": the descriptions are of the named
        # "Keith Lamont Scott" and "Scott" are one; "Ahmed Rashid" and "Omar Rashid" two
        full = [tuple(v.low[a:b]) for a, b in names]
        count = len(
            {n for n in full if not any(len(m) > len(n) and m[-len(n) :] == n for m in full)}
        )
        spans = names
    elif singles and not v.low[t.end - 1].endswith("s"):
        # "civilian deaths", "militant killings": a kind of victim, not one of them
        count, spans = len(singles), singles
    else:
        return None
    start, end = v.toks[spans[0][0]].start, v.toks[spans[-1][1] - 1].end
    if end - start > WIDTH:
        return None
    return start, end, count


def _names(parse: SentenceParse, a: int, b: int) -> list[tuple[int, int]]:
    """Runs of capitalised PERSON tokens in ``[a, b)``."""
    out: list[tuple[int, int]] = []
    k = a
    while k < b:
        if parse.mention_types[k] == "PERSON" and parse.view.is_capitalised(k):
            j = k
            while j < b and parse.mention_types[j] == "PERSON":
                j += 1
            out.append((k, j))
            k = j
        else:
            k += 1
    return out


def _one_person(parse: SentenceParse, c: Chunk) -> bool:
    """A victim phrase that is one person: "a civilian", "the Red Cross volunteer", "he"
    (not "civilians", "two men", "the police")."""
    v = parse.view
    head = v.low[c.end - 1]
    if c.end - c.start == 1 and head in _ONE_PRONOUN:
        return True
    if c.kind != "party" or any(parse.quantity[c.start : c.end]):
        return False
    return head in parse.words.person_nouns and head not in _MANY and not head.endswith("s")


def children_counted(view: TokenView, a: int) -> bool:
    """Does the figure at token ``a`` count someone's children ("a father of seven")?"""
    return a >= 2 and view.low[a - 1] == "of" and view.low[a - 2] in KIN


def written_toll(
    parse: SentenceParse,
    t: Trigger,
    args: Arguments,
    figures: list[tuple[int, int, int, int, int | None]],
) -> tuple[int, int, int | None] | None:
    """The death toll a casualty word reports in figures: a figure in its victims, else
    the nearest (``figures``: the sentence's, as (tok start, end, char start, end, estimate))."""
    v, w = parse.view, parse.words
    for c in args.targets:
        for a, b, qs, qe, est in figures:
            if c.start <= a and b <= c.end:
                return qs, qe, est
    best = None
    for a, b, qs, qe, est in figures:
        if b < len(v) and v.low[b] in w.not_people_units:
            continue
        if b <= t.start:
            dist = t.start - b
            if dist > FIGURE_LEFT:
                continue
            dist += 0 if args.passive else 2
        elif a >= t.end:
            dist = a - t.end
            if dist > FIGURE_RIGHT:
                continue
            dist += 2 if args.passive else 0
        else:
            continue
        if best is None or dist < best[0]:
            best = (dist, (qs, qe, est))
    return None if best is None else best[1]
