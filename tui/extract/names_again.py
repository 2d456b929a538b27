"""A name the document tags once, found again where the tagger passed it by.

The tagger reads each sentence alone, so the same name can be a place in one sentence
and nothing in another: in a headline ("Mayor says Chelsea explosion was an act of
terror"), at the start of a sentence, beside words it rarely saw. A reader takes the
document's word for it: "Chelsea" is the place the story names everywhere. People are
left to the surname pass (``entities._surnames_again``), which knows given names.
"""

from __future__ import annotations

import bisect

from tui.extract.linking import Found
from tui.text.segment import Token

# Types whose names are written the same way wherever they recur.
AGAIN_TYPES = frozenset({"ORG", "GPE", "LOC", "FAC"})
MAX_WORDS = 4  # longer names recur shortened, which the linker's other rules join
DISCOUNT = 0.6  # found by its spelling alone: less sure than where it was tagged
# The calibration (fitted with the tagger) knows a name found again by its spelling as the
# surname pass's source; a mention found here is calibrated as one of those (expected
# calibration error on GUM news .089 -> .087; scored as a source of its own, which no
# fit has seen yet, .097).
SOURCE = "surname"
# A name the tagger itself barely read as a place or body (under this confidence) is not
# spread by its spelling: where the tagger read the same word otherwise (a faith, a
# product: MISC, which votes in linking) its doubtful reading would outvote the others
# ("Scientology" read as a body once at 0.51 and as a faith twice). At 0.5 the dev and
# held-out training scores were as without it; 0.6 and 0.7 gave GUM news +2 right and
# nothing lost elsewhere; 0.8 lost four right places on CoNLL dev.
SURE_SOURCE = 0.6


def names_again(
    text: str, sents: list[list[Token]], found: list[Found], lower: frozenset[str]
) -> list[Found]:
    """``found`` with the capitalised recurrences of its place and organisation names
    that no mention covers, typed as the name was. ``lower``: words (lower-cased) the
    document also writes in lower case ("turkey" the bird), whose one-word names are
    not trusted to their spelling."""
    names: dict[tuple[str, ...], Found] = {}
    for f in found:
        if f.type not in AGAIN_TYPES or f.source == "pattern":
            continue
        words = tuple(text[f.start : f.end].split())
        if not words or len(words) > MAX_WORDS or not words[0][:1].isupper():
            continue
        if len(words) == 1 and words[0].lower() in lower:
            continue
        if f.source == "tagger" and f.confidence < SURE_SOURCE:
            continue  # the tagger's own doubt
        best = names.get(words)
        if best is None or f.confidence > best.confidence:
            names[words] = f
    if not names:
        return found
    # by first word, the longest name first ("New York City" before "New York")
    by_first: dict[str, list[tuple[tuple[str, ...], Found]]] = {}
    for words, src in sorted(names.items(), key=lambda kv: -len(kv[0])):
        by_first.setdefault(words[0], []).append((words, src))
    firsts = by_first.keys()
    taken = sorted((f.start, f.end) for f in found)
    starts = [s for s, _ in taken]
    extra: list[Found] = []
    for toks in sents:
        texts = [t.text for t in toks]
        if firsts.isdisjoint(texts):
            continue  # most sentences
        for k, t in enumerate(toks):
            cands = by_first.get(t.text)
            if cands is None:
                continue
            for words, src in cands:
                n = len(words)
                if tuple(texts[k : k + n]) != words:
                    continue
                s, e = t.start, toks[k + n - 1].end
                if e < len(text) and (text[e].isalnum() or text[e] in "-’'"):
                    continue  # "Chelsea-based", a longer word
                i = bisect.bisect_right(starts, e) - 1
                if i >= 0 and taken[i][1] > s:
                    continue  # inside, or overlapping, a mention already found
                extra.append(
                    Found(s, e, src.type, DISCOUNT * src.confidence, rule=True, source=SOURCE)
                )
                break  # the longest name that fits ("New York City", not "New York")
    if not extra:
        return found
    return sorted(found + extra, key=lambda f: (f.start, -f.end))
