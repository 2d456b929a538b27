"""What a mention's words say of its incident: definite ("the attack"), another one
("a second blast"), or background (long past, only planned, feared or supposed). Grouping
(:mod:`tui.extract.event_build`) and the mention model both read it."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.extract.event_build import Draft

PAST_WINDOW = 6  # tokens either side of a mention searched for "years ago"
SCAN_BACK = 4  # tokens before an event noun searched for "the", "another" over adjectives


def marks(d: Draft) -> tuple[bool, bool, bool]:
    """Is the mention definite ("the attack"), another one ("a second blast"), and
    background (long past, or only planned or feared)?"""
    if d.marks is None:
        d.marks = (*determined(d), past(d) or irrealis(d) or conditional(d))
    return d.marks


def determined(d: Draft) -> tuple[bool, bool]:
    """Is an event noun definite ("the attack", "the boldest rebel assault") or another
    one ("another attack", "a second blast")?"""
    v, w = d.parse.view, d.parse.words
    j = d.trigger.start - 1
    lo = max(0, d.trigger.start - SCAN_BACK)
    while j >= lo:
        low = v.low[j]
        if low in w.distinct:
            return False, True
        if low in w.anaphoric or low in w.possessives or low in ("’s", "'s"):
            return True, False  # "the attack", "its attack", "Saturday's attack"
        if low in w.function_words or low in w.determiners or not low[:1].isalpha():
            return False, False
        j -= 1
    return False, False


def past(d: Draft) -> bool:
    """Placed well before the story ("fighting halted years ago", "for decades")."""
    v, w = d.parse.view, d.parse.words
    near = (
        " "
        + " ".join(v.low[max(0, d.trigger.start - PAST_WINDOW) : d.trigger.end + PAST_WINDOW])
        + " "
    )
    return any(f" {phrase} " in near for phrase in w.past_times)


def irrealis(d: Draft) -> bool:
    """An event only planned, demanded or feared ("steps for a ceasefire")."""
    v, w = d.parse.view, d.parse.words
    for j in range(max(0, d.trigger.start - SCAN_BACK), d.trigger.start):
        if w.irrealis.opens(v.lemmas[j]):
            m = w.irrealis.match_at(v.lemmas, j)
            if m is None:
                continue
            between = v.low[m.end : d.trigger.start]
            if all(
                x in w.determiners or x.isalpha() and x not in w.function_words for x in between
            ):
                return True
    return False


# "if" after these asks whether ("not clear if the wound ...", "unknown if the driver
# detonated"): the clause may report what happened
WHETHER = frozenset({"clear", "unclear", "sure", "unsure", "unknown", "know", "see", "determine"})
# where the "if" clause has ended, or another clause opened ("if convicted of setting
# off bombs that killed three people": the killing is reported)
CLAUSE_ENDS = frozenset(
    {",", ";", ":", ".", "—", "–", "(", ")", "that", "which", "who", "when", "where", "after"}
)


def conditional(d: Draft) -> bool:
    """In an "if" clause: a condition, not a report ("if it had gone off", "if someone
    got hurt", "the death penalty if convicted of setting off"). WikiEvents train
    marks 1 of the 22 mentions found in one."""
    v = d.parse.view
    for j in range(d.trigger.start - 1, -1, -1):
        low = v.low[j]
        if low in CLAUSE_ENDS:
            return False
        if low == "if":
            return j == 0 or v.low[j - 1] not in WHETHER
    return False
