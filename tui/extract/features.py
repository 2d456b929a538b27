"""Features for the entity tagger: word shape, affixes, context, gazetteers, casing.

Features split in two kinds so tagging is fast:
- *word* features depend only on a word's form (its own, or a neighbour's at a fixed
  offset); their weight sums are cached per form by the tagger;
- *dynamic* features depend on the sentence or the document (gazetteer phrases,
  sentence-initial position, headline casing, how the word is cased elsewhere in the
  document). Training (``training/``) and tagging build both from these functions, so
  the names always agree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from tui.extract.clusters import clusters
from tui.extract.gazetteer import TITLE, Gazetteer, _norm_caps
from tui.extract.patterns import patterns
from tui.text.tokenize import Token

_SHAPE_MAP = str.maketrans(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
    "X" * 26 + "x" * 26 + "d" * 10,
)
_RUNS = re.compile(r"(.)\1+")
_LONG_RUNS = re.compile(r"(.)\1{4,}")
NEIGHBOURS = (-2, -1, 1, 2)
PAD_LEFT = "<s>"
PAD_RIGHT = "</s>"


@lru_cache(maxsize=65536)
def shape(word: str) -> str:
    """ "Assad" -> "Xxxxx" (runs capped at four), "al-Sham" -> "xx-Xxxx"."""
    s = word.translate(_SHAPE_MAP)
    if not s.isascii():
        s = "".join(
            ch if not ch.isalpha() or ch in "Xxd" else ("X" if ch.isupper() else "x") for ch in s
        )
    if len(s) > 4:
        s = _LONG_RUNS.sub(lambda m: m.group(1) * 4, s)
    return s


@lru_cache(maxsize=65536)
def short_shape(word: str) -> str:
    """Runs collapsed: "Assad" -> "Xx", "U.S." -> "X.X.", "2,500" -> "d,d"."""
    return _RUNS.sub(lambda m: m.group(1), shape(word))


def _gaz_words(word: str, gaz: Gazetteer) -> frozenset[str]:
    labels = gaz.labels((word,))
    if not labels:
        alt = _norm_caps(word)
        if alt != word:
            labels = gaz.labels((alt,))
    return labels


def own_features(word: str, gaz: Gazetteer) -> list[str]:
    """Features of the current word that depend on its form only."""
    low = word.lower()
    ss = short_shape(word)
    f = ["bias", "w=" + word, "l=" + low, "sh=" + shape(word), "ss=" + ss]
    f += ["p1=" + low[:1], "p2=" + low[:2], "p3=" + low[:3]]
    f += ["x1=" + low[-1:], "x2=" + low[-2:], "x3=" + low[-3:], "x4=" + low[-4:]]
    if word[:1].isupper():
        f.append("T")
    if len(word) > 1 and word.isupper():
        f.append("U")
    if "-" in word:
        parts = low.split("-")
        f += ["hp=" + parts[0], "hs=" + parts[-1]]
        if any(p in ("al", "el", "ad", "as", "ash", "ar", "bin", "abu") for p in parts[:-1]):
            f.append("arabic-particle")
    if any(ch.isdigit() for ch in word):
        f.append("D")
    if len(word) == 1:
        f.append("len1")
    c = clusters().get(word)
    if c is not None:
        f += ["c=" + c[0], "cc=" + c[1]]
    _lexicon_flags(word, low, gaz, f)
    return f


def _lexicon_flags(word: str, low: str, gaz: Gazetteer, f: list[str]) -> None:
    """Gazetteer labels and head-word flags, shared by a token and its near neighbours."""
    # sorted: a frozenset's order changes with PYTHONHASHSEED, and feature order decides
    # float summation order (and so ties) in training
    for label in sorted(_gaz_words(word, gaz)):
        f.append("g=" + label)
    if word in gaz.org_heads:
        f.append("orghead")
    if word in gaz.roles:
        f.append("role")
    if word in gaz.given:
        f.append("given")
    if (low,) in gaz.fac_heads:
        f.append("fachead")
    if low in gaz.admin_heads:
        f.append("admhead")


def context_features(word: str, gaz: Gazetteer, near: bool) -> list[str]:
    """Features of a neighbour (prefixed with its offset by the caller)."""
    if word in (PAD_LEFT, PAD_RIGHT):
        return ["w=" + word]
    low = word.lower()
    f = ["l=" + low, "ss=" + short_shape(word)]
    if not near:
        return f
    if word[:1].isupper():
        f.append("T")
        c = clusters().get(word)
        if c is not None:
            f.append("cc=" + c[1])
    f.append("x3=" + low[-3:])
    _lexicon_flags(word, low, gaz, f)
    return f


def word_features(words: list[str], i: int, gaz: Gazetteer) -> list[str]:
    """All form-only features of token i (own plus prefixed neighbours); for training."""
    out = own_features(words[i], gaz)
    for off in NEIGHBOURS:
        j = i + off
        w = words[j] if 0 <= j < len(words) else (PAD_LEFT if j < 0 else PAD_RIGHT)
        out += [f"{off}:{x}" for x in context_features(w, gaz, abs(off) == 1)]
    return out


@dataclass(frozen=True, slots=True)
class DocCasing:
    """How each word (lower-cased) is written elsewhere in the document, and what stands
    around each capitalised word wherever it occurs."""

    title_mid: frozenset[str]  # capitalised somewhere not at a sentence start
    lower: frozenset[str]  # written in lower case somewhere
    around: dict[str, tuple[str, ...]] = field(default_factory=dict)  # see doc_features
    # the tagger's cache: word -> (vector, shape), one dict per position kind
    vectors: tuple[dict, dict, dict, dict] = field(default_factory=lambda: ({}, {}, {}, {}))
    # each sentence: a title-case headline? (is_title_case, or a line of capitalised
    # words standing as a headline does: see doc_casing)
    titles: tuple[bool, ...] = ()


def is_headline(words: list[str]) -> bool:
    """A sentence mostly in capitals (wire headlines): casing says little there."""
    if not any(map(str.isupper, words)):
        return False  # most sentences: no word in capitals (tested in C)
    alpha = [w for w in words if w[:1].isalpha() and len(w) > 1]
    if len(alpha) < 2:
        return False
    upper = sum(1 for w in alpha if w.isupper())
    return upper / len(alpha) > 0.6


def is_title_case(words: list[str]) -> bool:
    """ "Rebels Seize Aleppo Airport In Major Assault": every word capitalised, even
    the little ones ("In", "Against") that running text writes in lower case."""
    long_words = 0
    for w in words:
        if len(w) > 3 and w[:1].isalpha():
            if w[:1].islower():
                return False  # the usual case, decided at the first lower-case word
            long_words += 1
    if long_words < 3:
        return False
    small = patterns().headline_words
    # The first word is capitalised in any sentence ("At Tunbridge Wells : ..."), and
    # "New" before a capitalised word opens a name ("Donna Wynd ( New Zealand )"): neither
    # says the line is a Title-Case Headline; a table row of names is not one.
    return any(
        w in small and not (w == "New" and k + 1 < len(words) and words[k + 1][:1].isupper())
        for k, w in enumerate(words)
        if k > 0
    )


# Where a sentence stands on its lines (``line_places``): running on with other text,
# alone on a line, or alone on the text's first line (where a headline stands).
RUN_ON, OWN_LINE, FIRST_LINE = 0, 1, 2
# A line of capitalised words and nothing else is a headline with this many words or
# more (with fewer it is a name: "Pablo Ruiz Fabo", "Major League Baseball" on a line of
# their own are names in the training corpora, captions and list headings)
HEADLINE_WORDS = 4
# ... away from the text's first line, when this many of its words (after the first)
# are written in lower case elsewhere in the document: "Market Arrivals Auction Traders
# Plant" (a table heading), "Eva Longoria Discussed Factions Within The Latino
# Community"; a name's words rarely are ("Hapupu National Historic Scenic Reserve": one)
LOWER_ELSEWHERE = 2


def line_places(text: str, sents: list[list[Token]]) -> list[int]:
    """RUN_ON, OWN_LINE or FIRST_LINE for each sentence of ``text``."""
    first = len(text) - len(text.lstrip())
    out = []
    for toks in sents:
        if not toks:
            out.append(RUN_ON)
            continue
        a, b = toks[0].start, toks[-1].end
        line_end = text.find("\n", b)
        if (
            text[text.rfind("\n", 0, a) + 1 : a].strip()
            or text[b : len(text) if line_end < 0 else line_end].strip()
        ):
            out.append(RUN_ON)
        else:
            out.append(FIRST_LINE if a == first else OWN_LINE)
    return out


def capitalised_line(words: list[str]) -> int:
    """How many words a line holds that is capitalised words and nothing else (a
    possessive "'s" and a closing full stop aside: "Old Hands Help Russia Navigate U.S.
    Media."), else 0: a digit or any other punctuation makes it a table row, a caption
    or a list ("Image : Nick Moreau .", "Goalkeepers - Vitor Baia , Rui Correia .")."""
    n = len(words) - (words[-1] == ".") if words else 0
    count = 0
    for w in words[:n]:
        if w in ("'s", "’s"):
            continue
        c = w[:1]
        if not (c.isupper() and c.isalpha()) or any(ch.isdigit() for ch in w):
            return 0
        count += 1
    return count


# What a word's first character is, by word (news repeats its words: three str tests
# a token were a third of ``doc_casing``): no letter, a lower-case letter, or another
# letter (upper or title case, or a letter with no case). Bounded.
_NO_LETTER, _LOWER, _CAPITAL = "-", "x", "X"
_FIRST_LETTER: dict[str, str] = {}


def _first_letter(w: str) -> str:
    c = w[:1]
    kind = _NO_LETTER if not c.isalpha() else _LOWER if c.islower() else _CAPITAL
    if len(_FIRST_LETTER) < 200_000:
        _FIRST_LETTER[w] = kind
    return kind


def doc_casing(
    sentences: list[list[str]],
    headlines: list[bool] | None = None,
    places: list[int] | None = None,
) -> DocCasing:
    """``headlines``: is_headline of each sentence, when the caller has it already;
    ``places``: ``line_places`` of each (without them no line is a headline for
    standing alone: only ``is_title_case`` tells)."""
    title_mid: set[str] = set()
    lower_words: set[str] = set()  # as written: lower-cased once each at the end
    around: dict[str, set[str]] = {}
    kind_of = _FIRST_LETTER.get
    titles = [is_title_case(words) for words in sentences]
    skip = [
        (is_headline(words) if headlines is None else headlines[k]) or titles[k]
        for k, words in enumerate(sentences)
    ]
    if places is not None:
        _headline_lines(sentences, places, skip, titles)
    for k, words in enumerate(sentences):
        if skip[k]:
            continue
        for i, w in enumerate(words):
            kind = kind_of(w)
            if kind is None:
                kind = _first_letter(w)
            if kind is not _CAPITAL:
                if kind is _LOWER:
                    lower_words.add(w)
                continue
            if i > 0 and words[i - 1] not in ('"', "“", "‘", "'", "(", ":", "-", "—", "–"):
                title_mid.add(w.lower())
            seen = around.get(w)
            if seen is None:
                seen = around[w] = set()
            if len(seen) < 2 * AROUND_MAX:
                seen.add("ap=" + (words[i - 1].lower() if i > 0 else PAD_LEFT))
                seen.add("an=" + (words[i + 1].lower() if i + 1 < len(words) else PAD_RIGHT))
    return DocCasing(
        frozenset(title_mid),
        frozenset(w.lower() for w in lower_words),
        {w: tuple(sorted(f)) for w, f in around.items()},
        titles=tuple(titles),
    )


def _headline_lines(
    sentences: list[list[str]], places: list[int], skip: list[bool], titles: list[bool]
) -> None:
    """Mark the title-case headlines with no small word to tell them ("Old Hands Help
    Russia Navigate U.S. Media"): a line of capitalised words alone, on the text's first
    line or with words the document writes in lower case elsewhere."""
    pending = [
        k
        for k, words in enumerate(sentences)
        if places[k] != RUN_ON and not skip[k] and capitalised_line(words) >= HEADLINE_WORDS
    ]
    if not pending:
        return  # most documents
    # such a line holds no lower-case word, so it adds nothing to this set itself
    lower = {
        w.lower()
        for k, words in enumerate(sentences)
        if not skip[k]
        for w in words
        if w[:1].islower()
    }
    for k in pending:
        common = sum(w.lower() in lower for w in sentences[k][1:])
        if places[k] == FIRST_LINE or common >= LOWER_ELSEWHERE:
            skip[k] = titles[k] = True


AROUND_MAX = 8  # occurrences whose neighbours a capitalised word's doc features gather


def doc_features(word: str, casing: DocCasing) -> tuple[str, ...]:
    """The words just before and after every occurrence of ``word`` in the document
    (capitalised words only: "ap=in", "an=said"): what the rest of the document says a
    name is, so each of its mentions is tagged in the light of all (Ratinov and Roth,
    2009, "context aggregation")."""
    return casing.around.get(word, ())


def gazetteer_features(
    words: list[str], gaz: Gazetteer, matches: list[tuple[int, int, frozenset[str]]] | None = None
) -> list[list[str]]:
    """Gazetteer phrase features of each token (labels with B/I positions)."""
    n = len(words)
    out: list[list[str]] = [[] for _ in range(n)]
    for start, end, labels in gaz.match(words) if matches is None else matches:
        multi = end - start > 1
        for k in range(start, end):
            pos = "B" if k == start else "I"
            # fixed order whatever PYTHONHASHSEED is (most phrases have one label)
            for label in labels if len(labels) < 2 else sorted(labels):
                out[k].append(f"gp={label}-{pos}" if multi else f"gp={label}")
        if TITLE in labels and end < n:
            out[end].append("after-title")
    return out


def token_dynamic(word: str, i: int, headline: bool, casing: DocCasing) -> list[str]:
    """Position and document-casing features of one token."""
    f = []
    c = word[:1]
    cap = "U" if len(word) > 1 and word.isupper() else "T" if c.isupper() else "x"
    if i == 0:
        f.append("first&" + cap)
    if headline:
        f.append("headline&" + cap)
    if c.isalpha():
        low = word.lower()
        mid = low in casing.title_mid
        lo = low in casing.lower
        f.append(f"dc={int(mid)}{int(lo)}&{cap}")
        if i == 0 or headline:
            f.append(f"dcs={int(mid)}{int(lo)}")
    return f


def dynamic_features(
    words: list[str],
    casing: DocCasing,
    gaz: Gazetteer,
    matches: list[tuple[int, int, frozenset[str]]] | None = None,
) -> list[list[str]]:
    """Sentence- and document-dependent features of every token of one sentence."""
    headline = is_headline(words)
    out = gazetteer_features(words, gaz, matches)
    for i, w in enumerate(words):
        out[i] += token_dynamic(w, i, headline, casing)
        out[i] += doc_features(w, casing)
    return out
