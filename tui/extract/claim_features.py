"""Features of the learned claim models, shared by training and extraction.

Two models read a sentence's tokens (see ``claim_model.py``):

- the **cue model** scores each candidate word (one of the cue words learned from
  PolNeAR) as the head of an attribution cue or not, from the word and its neighbours;
- the **span tagger** labels every token of the sentence, for one cue, as source (S),
  content (C) or neither (O), left to right, from the token, where it lies relative to
  the cue (distance, side, commas, quotation marks, "that" in between) and the labels
  already given.

The span features fall into three groups that never mix: the token's own (``token``),
the token against the cue (``relation``), and the labels so far (``history``). At
extraction each group's weights are summed once per distinct key and cached, which is
what keeps the tagger cheap; training sees the same features as plain lists.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import accumulate
from operator import itemgetter

from tui.extract.claim_distances import BUCKETS, REACH
from tui.extract.quotes import MARKS, Quotes
from tui.text.segment import Token

LABELS = ("O", "S", "C")
OPENING = frozenset("“«„")
CLOSING = frozenset("”»")
_PUNCT_SHAPES = frozenset(",.;:!?()[]—–-―'’‘") | MARKS


def _words(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


# These lists are part of the features: changing one means retraining the models.
# Words that are never the head of a cue: auxiliaries, negation, adverbs of the verb
# group, prepositions and determiners ("has also said", "said in a statement").
FUNCTION_WORDS = _words(
    """a an the to of on in for about with at by as from into over up out off back down
    has have had having is was are were be been being am 's ’s do does did will would can
    could may might should must shall not n't never also still just even now then again
    already always often repeatedly previously recently later earlier first once further
    and or but that this these those it its his her their our my your he she they we i you
    him them us me who which what when where while so very more most"""
)
PRONOUNS = _words("he she it they we i you who")
AUX = _words(
    """has have had is was are were be been being do does did will would can could may
    might should must also not n't never still just"""
)
FINITE = _words(
    """is was are were has have had will would can could may might should must does did
    says said"""
)
DETERMINERS = _words("a an the his her its their our my your this that these those")


def lemma(word: str) -> str:
    """A crude base form for feature sharing ("endorsed", "endorses" -> "endors")."""
    n = len(word)
    if n > 5 and word.endswith("ing"):
        return word[:-3]
    if n > 4 and word.endswith("ied"):
        return word[:-3] + "y"
    if n > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if n > 3 and word.endswith("ed"):
        return word[:-2] if not word.endswith("eed") else word[:-1]
    if n > 3 and word.endswith("es") and word[-3] in "sxzh":
        return word[:-2]
    if n > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    if n > 3 and word.endswith("e"):
        return word[:-1]
    return word


def shape(text: str) -> str:
    """A short shape: the punctuation mark itself, or x / Xx / X / d / o."""
    if text in _PUNCT_SHAPES:
        return text
    c = text[0]
    if c.isdigit():
        return "d"
    if c.isupper():
        return "X" if len(text) > 1 and text.isupper() else "Xx"
    if c.isalpha():
        return "x"
    return "o"


def _base_class(low: str, text: str) -> str:
    if low in ("that", "to", "whether", "if", "and", "but", "as"):
        return low
    if low in PRONOUNS:
        return "PRP"
    if low in AUX:
        return "AUX"
    if low in DETERMINERS:
        return "DT"
    if text[0] in OPENING:
        return "Q<"
    if text[0] in CLOSING:
        return "Q>"
    if text == '"':
        return '"'  # opening or closing: decided by where it stands (SentenceView.of)
    return shape(text)


# Per token text: (lower-case form, shape, class, and four 0/1 counts: comma, quotation
# mark, colon or semicolon, finite verb). Bounded: a long text's rare words are simply
# recomputed.
_INFO: dict[str, tuple[str, str, str, int, int, int, int]] = {}
_INFO_LIMIT = 200_000


def _info(text: str) -> tuple[str, str, str, int, int, int, int]:
    got = _INFO.get(text)
    if got is None:
        low = text.lower()
        s = shape(text)
        comma = s == ","
        mark = not comma and s in MARKS
        colon = not comma and not mark and s in (":", ";")
        verb = not (comma or mark or colon) and low in FINITE
        got = (low, s, _base_class(low, text), int(comma), int(mark), int(colon), int(verb))
        if len(_INFO) < _INFO_LIMIT:
            _INFO[text] = got
    return got


def word_class(view: SentenceView, i: int) -> str:
    """What kind of word sits at ``i`` (for neighbour features); ``^``/``$`` off the ends."""
    if i < 0:
        return "^"
    if i >= len(view.classes):
        return "$"
    return view.classes[i]


def _inside_quotes(toks: list[Token], quotes: Quotes | None) -> list[bool]:
    """For each token, whether it lies inside a quotation (one sweep, no lookups)."""
    if quotes is None or not quotes.quotes or not toks:
        return [False] * len(toks)
    inside = quotes.within(toks[0].start, toks[-1].end)
    q = quotes.containing(toks[0].start)
    spans = ([(q.start, q.end)] if q is not None else []) + [(x.start, x.end) for x in inside]
    if not spans:
        return [False] * len(toks)  # most sentences: no quotation near
    out = []
    k = 0
    for t in toks:
        p = t.start
        while k < len(spans) and spans[k][1] <= p:
            k += 1
        out.append(k < len(spans) and spans[k][0] < p < spans[k][1])
    return out


@dataclass(slots=True)
class SentenceView:
    """One sentence's tokens with what the features look up: lower-case forms, shapes,
    word classes, whether each token is inside a quotation, and running counts of commas,
    quotation marks, colons and finite verbs (counts between two tokens in one step)."""

    toks: list[Token]
    low: list[str]
    shapes: list[str]
    classes: list[str]
    inq: list[bool]
    commas: list[int]  # commas[j]: commas among toks[:j]
    marks: list[int]
    colons: list[int]
    verbs: list[int]  # auxiliaries and finite verbs: another clause between two tokens
    question: bool

    @classmethod
    def of(cls, toks: list[Token], quotes: Quotes | None, low: list[str] | None = None):
        get = _INFO.get
        infos = [get(t.text) or _info(t.text) for t in toks]
        if low is None:
            low = [x[0] for x in infos]
        shapes = [x[1] for x in infos]
        inq = _inside_quotes(toks, quotes)
        classes = [
            x[2] if x[2] != '"' else ("Q>" if q else "Q<") for x, q in zip(infos, inq, strict=True)
        ]
        # Running counts, summed in C: counts[j] is the count among toks[:j].
        commas, marks, colons, verbs = (
            list(accumulate(map(itemgetter(n), infos), initial=0)) for n in (3, 4, 5, 6)
        )
        question = bool(toks) and toks[-1].text in ("?", "”", '"') and "?" in low[-3:]
        return cls(toks, low, shapes, classes, inq, commas, marks, colons, verbs, question)


def cue_features(view: SentenceView, i: int, in_lexicon: str) -> list[str]:
    """Features of the candidate cue word at token ``i``.

    ``in_lexicon`` says what the hand-written cue list makes of the word ("" when it is
    not there; else e.g. "v", "strict", "noun").
    """
    return cue_word_features(cue_word_key(view, i, in_lexicon))


def cue_word_key(view: SentenceView, i: int, in_lexicon: str) -> tuple[str, ...]:
    """Everything ``cue_features`` reads of the sentence: equal keys, equal features
    (extraction caches each key's score: a few thousand keys for a long article)."""
    low = view.low
    n = len(low)
    w = low[i]
    lem = lemma(w)
    p1 = low[i - 1] if i > 0 else "^"
    p2 = low[i - 2] if i > 1 else "^"
    n1 = low[i + 1] if i + 1 < n else "$"
    n2 = low[i + 2] if i + 2 < n else "$"
    pc = word_class(view, i - 1)
    nc = word_class(view, i + 1)
    nc2 = word_class(view, i + 2)
    cap = "1" if view.toks[i].text[0].isupper() and i > 0 else "0"
    inq = "1" if view.inq[i] else "0"
    that = "0"
    for j in range(i + 1, min(n, i + 6)):
        if low[j] == "that":
            that = str(j - i)
            break
        if view.shapes[j] in (".", ";", "?", "!"):
            break
    left_name = "0"
    for j in range(max(0, i - 4), i):
        if view.shapes[j] in ("Xx", "X") and j > 0 or low[j] in PRONOUNS:
            left_name = "1"
    pos = "0" if i == 0 else ("1" if i < 3 else ("e" if i >= n - 2 else "m"))
    # The subject: the first word left of the verb group ("officials have also said").
    j = i - 1
    while j >= 0 and (low[j] in AUX or (low[j].endswith("ly") and len(low[j]) > 4)):
        j -= 1
    subj = word_class(view, j)
    sw = low[j] if j >= 0 else "^"
    gap, question = str(min(i - 1 - j, 2)), "1" if view.question else "0"
    quoted = "1" if view.marks[-1] else "0"
    return (subj, sw, gap, w, lem, p1, p2, n1, n2, pc, nc, nc2, cap, inq, that, left_name,
            pos, in_lexicon, question, quoted)  # fmt: skip


def cue_word_features(key: tuple[str, ...]) -> list[str]:
    """The features of a ``cue_word_key``."""
    subj, sw, gap, w, lem, p1, p2, n1, n2, pc, nc, nc2, cap, inq, that, left_name = key[:16]
    pos, in_lexicon, question, quoted = key[16:]
    return [
        "sj=" + subj,
        "sjl=" + subj + "|" + lem,
        "sjw=" + sw,
        "sjwl=" + sw + "|" + lem,
        "gap=" + gap,
        "bias",
        "w=" + w,
        "l=" + lem,
        "s3=" + w[-3:],
        "p1=" + p1,
        "p2=" + p2,
        "n1=" + n1,
        "n2=" + n2,
        "p1w=" + p1 + "|" + w,
        "wn1=" + lem + "|" + n1,
        "pc=" + pc,
        "nc=" + nc,
        "ncc=" + nc + "|" + nc2,
        "pcl=" + pc + "|" + lem,
        "ncl=" + lem + "|" + nc,
        "pnc=" + pc + "|" + nc,
        "cap=" + cap + "|" + lem,
        "q=" + inq,
        "ql=" + inq + "|" + lem,
        "that=" + that,
        "thatl=" + ("0" if that == "0" else "1") + "|" + lem,
        "ln=" + left_name + "|" + pc,
        "pos=" + pos,
        "posl=" + pos + "|" + lem,
        "lex=" + in_lexicon,
        "lexl=" + in_lexicon + "|" + pc,
        "ques=" + question,
        "sq=" + quoted + "|" + nc,
    ]


# The span features come in four groups, each read from its own key: the token
# (``token_key``), the token against the cue (``relation_key``), the same for this cue
# word (``cue_key``), and the labels given so far (``history_key``).


def token_key(view: SentenceView, i: int) -> tuple[str, ...]:
    low = view.low
    return (
        low[i],
        view.shapes[i],
        low[i - 1] if i > 0 else "^",
        low[i + 1] if i + 1 < len(low) else "$",
        word_class(view, i - 1),
        word_class(view, i + 1),
    )


def token_features(key: tuple[str, ...]) -> list[str]:
    w, s, p1, n1, pc, nc = key
    return [
        "tw=" + w,
        "ts=" + s,
        "tp=" + p1 + "|" + s,
        "tn=" + s + "|" + n1,
        "tpw=" + p1 + "|" + w,
        "tc=" + pc + "|" + s + "|" + nc,
    ]


def relation_key(view: SentenceView, k: int, i: int) -> tuple:
    b = BUCKETS[max(-REACH, min(REACH, i - k)) + REACH]
    if i < k:
        a, z = i + 1, k
        that = 0
    else:
        a, z = k + 1, i
        that = 1 if "that" in view.low[a : min(i, k + 8)] else 0
    commas = view.commas[z] - view.commas[a]
    marks = view.marks[z] - view.marks[a]
    verbs = view.verbs[z] - view.verbs[a]
    first = 1 if i == 0 else (2 if i == len(view.low) - 1 else 0)
    return (
        b,
        view.shapes[i],
        view.inq[i],
        view.inq[k],
        commas if commas < 2 else 2,
        marks if marks < 2 else 2,
        1 if view.colons[z] > view.colons[a] else 0,
        that,
        first,
        verbs if verbs < 2 else 2,
    )


def relation_features(key: tuple) -> list[str]:
    b, s, qi, qk, commas, marks, colons, that, first, verbs = key
    side = b[0]
    q = f"{int(qi)}{int(qk)}"
    return [
        "rb=" + b,
        "rbs=" + b + "|" + s,
        "rq=" + side + q,
        "rqb=" + b + "|" + q,
        f"rc={side}{commas}{marks}{colons}",
        f"rcs={side}{commas}{marks}|{s}",
        f"rt={that}{side}|{s}",
        f"rf={first}|{side}|{s}",
        f"rv={side}{verbs}|{commas}",
        f"rvb={b}{verbs}",
    ]


def cue_key(cue: str, rel: tuple) -> tuple:
    """The cue word (its crude lemma) with the coarse part of a relation key."""
    return (cue, rel[0], rel[4], rel[5], rel[7])


def cue_group_features(key: tuple) -> list[str]:
    cue, b, commas, marks, that = key
    side = b[0]
    return [
        "cw=" + cue + "|" + b,
        f"cwc={cue}|{side}{commas}{marks}",
        f"cwt={cue}|{that}{side}",
    ]


def history_key(prev: str, prev2: str, view: SentenceView, k: int, i: int) -> tuple:
    return (prev, prev2, view.shapes[i], "L" if i < k else "R", i == k + 1)


def history_features(key: tuple) -> list[str]:
    prev, prev2, s, side, adjacent = key
    return [
        "h1=" + prev,
        "h2=" + prev2 + prev,
        "h1s=" + prev + "|" + s,
        "h1d=" + prev + "|" + side + ("a" if adjacent else ""),
    ]


def span_features(view: SentenceView, k: int, i: int, cue: str, prev: str, prev2: str):
    """All span features of token ``i`` for the cue at ``k`` (training reads these)."""
    rel = relation_key(view, k, i)
    return (
        token_features(token_key(view, i))
        + relation_features(rel)
        + cue_group_features(cue_key(cue, rel))
        + history_features(history_key(prev, prev2, view, k, i))
    )
