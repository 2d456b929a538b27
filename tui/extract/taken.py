"""What a "seize"/"capture" verb took: ground, people or goods.

ACLED codes a seizure by what was taken: ground is a territory event, people an
abduction, property looting, whoever takes them. The object is read from the verb up to
the next preposition or punctuation.
"""

from __future__ import annotations

from tui.extract.chunks import SentenceParse
from tui.extract.triggers import Trigger

WINDOW = 8  # tokens after the verb that its object may span


# words inside the object phrase of "seized more than a ton of ..." that do not end it
_OBJECT_INNER = frozenset({"of", "more", "than"})


def taken_object(p: SentenceParse, t: Trigger) -> str | None:
    """What a "seize"/"capture" verb took, read from its object up to the next
    preposition or punctuation: "place" ("the town of Kidal", "large swathes of
    territory"), "party" ("two soldiers") or "thing" ("five oxen", "livestock": no
    phrase of people or places, only other words); None where nothing follows."""
    v, w = p.view, p.words
    content = False
    j, stop = t.end, min(len(v), t.end + WINDOW)
    while j < stop:
        c = p.starts.get(j)
        if c is not None and c.kind == "other":
            content, j = True, c.end  # "five" (oxen): a figure of no one and nowhere
            continue
        if c is not None:
            # a name is read as ground: a town the tagger took for a person is likelier
            # than a named hostage
            people = c.kind == "party" and not v.is_capitalised(c.end - 1)
            return "party" if people else "place"
        low = v.low[j]
        j += 1
        if low in w.determiners or low in _OBJECT_INNER or low.isdigit():
            continue
        if not low.isalpha() or low in w.function_words or low in w.pronouns:
            break
        content = True
    return "thing" if content else None
