"""Casualty words that report no event: "no one was hurt", "died of cancer", "helping
the injured" (people, not an event), a war's toll ("the war, which has killed ...").
Token indices are within one sentence."""

from __future__ import annotations

from tui.extract.arguments import Arguments
from tui.extract.chunks import SentenceParse
from tui.extract.event_words import EventWords, TokenView
from tui.extract.triggers import Trigger

BACKGROUND_WINDOW = 6  # tokens before a casualty word searched for "the war, which ..."
NEGATION_WINDOW = 4  # tokens before a casualty word searched for "no one", "not"


def negated(parse: SentenceParse, t: Trigger) -> bool:
    """ "No one was hurt", "nobody killed", "no casualties", "without injuries"."""
    v, w = parse.view, parse.words
    j = t.start - 1
    while (
        j >= 0
        and t.start - j <= NEGATION_WINDOW
        and (v.low[j] in w.be or v.low[j] in w.aux or v.low[j] == "one")
    ):
        j -= 1
    if j >= 0 and v.low[j] in w.negations:
        return True
    # "there were no military casualties", "no serious injuries": adjectives between
    for k in range(t.start - 1, max(-1, t.start - 1 - NEGATED_MODIFIERS), -1):
        if not _modifier_word(v, w, k):
            return False
        if k > 0 and v.low[k - 1] in w.negations:
            return True
    return False


RELATIVE = frozenset({"that", "those"})  # determiners that also open a relative clause
DEFINITE = frozenset({"the", "this", "these"})  # "the injured": the people, not the event
NEGATED_MODIFIERS = 2  # adjectives between "no" and a casualty noun


def _modifier_word(v: TokenView, w: EventWords, k: int) -> bool:
    low = v.low[k]
    return (
        low.isalpha()
        and v.toks[k].text.islower()
        and low not in w.function_words
        and low not in w.pronouns
        and low not in w.be
        and low not in w.aux
    )


def the_afflicted(parse: SentenceParse, t: Trigger) -> bool:
    """ "Helping the injured", "among the dead": a casualty word used as a noun names
    people, it reports no event: in WikiEvents train 4 of 32 such uses after "the" or a
    possessive are marked. A noun after it keeps it ("the dead man")."""
    v, w = parse.view, parse.words
    i = t.start
    if t.end != i + 1 or i == 0 or not (v.low[i] == "dead" or v.low[i].endswith("ed")):
        return False
    before = v.low[i - 1]
    if before in RELATIVE or (before not in DEFINITE and before not in w.possessives):
        # "a bombing that killed", "those killed": a verb; "killed 14 and left dozens
        # more injured", "several injured": a report with its verb left out
        return False
    return i + 1 >= len(v) or not _modifier_word(v, w, i + 1)


ILLNESS_WINDOW = 6  # tokens after a casualty word searched for "of", "from", "due to"
CAUSE_WORDS = frozenset({"of", "from", "due", "caused", "after"})


def illness(parse: SentenceParse, t: Trigger) -> bool:
    """ "Died of the yet unidentified disease", "deaths caused by bacteria": a death or
    injury by illness is no event of political violence."""
    v, w = parse.view, parse.words
    n = len(v)
    for j in range(t.end, min(n, t.end + ILLNESS_WINDOW)):
        if v.low[j] not in CAUSE_WORDS:
            continue
        for k in range(j + 1, min(n, j + 1 + ILLNESS_WINDOW)):
            if w.illnesses.opens(v.lemmas[k]) and w.illnesses.match_at(v.lemmas, k) is not None:
                return True
            if v.toks[k].text in (".", ";", ","):
                break
    return False


def background(parse: SentenceParse, t: Trigger) -> int | None:
    """Deaths credited to a war as a whole ("the war, which has killed ..."): where the
    war is named, or None."""
    v, w = parse.view, parse.words
    lo = max(0, t.start - BACKGROUND_WINDOW)
    return next((i for i in range(lo, t.start) if v.lemmas[i] & w.background), None)


# Trigger words in another sense, by the words next to them (or, for an execution, in
# its sentence). WikiEvents train marks none of these: "journalists were on strike", "a 48-hour strike" (labour), "captured on
# closed circuit television", "captured by surveillance cameras" (a picture), "the death
# penalty", "death row" (a sentence, not a death).
LABOUR_BEFORE = frozenset({"on", "general", "hunger"})
PICTURES = frozenset(
    {"camera", "cameras", "video", "footage", "television", "photo", "image", "film", "tape"}
)
SENTENCE_AFTER = frozenset({"penalty", "row", "sentence", "sentences"})
PICTURE_WINDOW = 4  # tokens after "captured" searched for the camera


# A court's execution: an "execute" word in a sentence of sentencing, not a killing
# reported ("faces the possibility of execution if convicted", "the jury will decide
# whether he is executed"). WikiEvents train marks none of 19 "execute" words found,
# 10 of them in such sentences. A court's words alone are not enough: ACLED codes an
# armed group's "court" that "sentenced to death and executed" a man as an attack.
JUDICIAL = frozenset(
    {
        "convict", "convicted", "conviction", "jury", "juror", "jurors", "trial", "penalty",
        "parole", "appeal", "appeals", "verdict", "prosecutor", "prosecutors", "lethal",
        "clemency",
    }
)  # fmt: skip


# "Murder" as the name of a charge ("charged with five counts of attempted murder",
# "convicted of murder", "on trial on charges of murder and conspiracy"): the crime a
# court tries, not a killing reported. WikiEvents train marks 1 of the 9 found.
CHARGES = frozenset(
    {
        "charge", "charges", "charged", "count", "counts", "convicted", "guilty", "accused",
        "acquitted", "indicted", "trial", "tried",
    }
)  # fmt: skip
CHARGE_WINDOW = 4  # words before "murder" searched for the charge
CHARGE_INNER = frozenset({"of", "with", "for", "attempted", "first-degree", "second-degree"})
NUMBER_WORDS = frozenset({"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"})


def charged(view: TokenView, t: Trigger) -> bool:
    """Is the word the name of a charge: a charge word just before it, over "of",
    "with", "attempted" and a count?"""
    low = view.low
    j = t.start - 1
    while j >= 0 and t.start - j <= CHARGE_WINDOW:
        if low[j] in CHARGES:
            return True
        if low[j] not in CHARGE_INNER and not low[j].isdigit() and low[j] not in NUMBER_WORDS:
            return False
        j -= 1
    return False


def other_sense(view: TokenView, t: Trigger) -> bool:
    low, n = view.low, len(view)
    first = low[t.start]
    if t.phrase in ("execute", "execution"):
        return any(x in JUDICIAL for x in low)
    if t.phrase == "murder":
        return charged(view, t)
    before = low[t.start - 1] if t.start > 0 else ""
    after = low[t.end] if t.end < n else ""
    if t.phrase == "strike" and (before in LABOUR_BEFORE or before.endswith("hour")):
        return True
    if t.phrase == "capture":
        return any(low[j] in PICTURES for j in range(t.end, min(n, t.end + PICTURE_WINDOW)))
    return first == "death" and after in SENTENCE_AFTER


PERSONAL = frozenset({"he", "she", "they", "him", "her", "them"})


def people_taken(parse: SentenceParse, t: Trigger, args: Arguments) -> bool:
    """Was a person taken where a territory word ("capture", "seize") expects ground?
    The subject of its passive ("Rahami was captured", "he was captured in Watertown")
    or the noun's "of" phrase ("the capture of Juan Manuel Galarraga") is a person or a
    noun of people. (An active verb's object, "seized two soldiers", is read by the
    sub-event coder: people taken by anyone are an abduction.)"""
    v, w = parse.view, parse.words
    for c in args.location:
        head = c.end - 1
        if c.kind != "place" and (
            parse.mention_types[head] == "PERSON" or v.lemmas[head] & w.person_nouns
        ):
            return True
    if args.passive:
        j = t.start - 1
        while j >= 0 and (v.low[j] in w.be or v.low[j] in w.aux):
            j -= 1
        return j >= 0 and v.low[j] in PERSONAL
    return False
