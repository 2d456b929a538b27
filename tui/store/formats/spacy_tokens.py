"""Tokens as ``spacy.blank("en")`` makes them, without spaCy (a 330 MB install).

Prodigy and spaCy train on their own tokenization: a span whose ends fall inside
one of spaCy's tokens is dropped in training. The JSONL export therefore writes
spaCy's tokens and reports spans that do not align with them. This module follows
the English tokenizer's algorithm (split at whitespace; peel prefixes and suffixes
until a special case or nothing is left; split the rest at infixes) with its rules
for news text: punctuation and quotes, ``'s``, ``n't`` and the other clitics,
hyphens between letters, "U.S."-style abbreviations and a list of abbreviations
that keep their full stop. ``benchmarks/bench_spacy_tokens.py`` measures its
agreement with spaCy itself where spaCy is installed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_LOWER = "a-zß-öø-ÿα-ωа-яё"
_UPPER = "A-ZÀ-ÖØ-ÞΑ-ΩА-ЯЁ"
_ALPHA = _LOWER + _UPPER
_QUOTES = "'\"”“`‘´’‚„»«「」『』（）〔〕【】《》〈〉"
_PUNCT = "…,:;!?¿؟¡()\\[\\]{}<>_#*&。？！，、；：～·।،۔؛٪"
_CURRENCY = "$£€¥฿₽₹₩"
_HYPHENS = "-–—~"

_PREFIX = re.compile(r"^(?:§|%|=|—|–|\+(?![0-9])|\.\.+|…|[" + _PUNCT + _QUOTES + _CURRENCY + r"])")
_SUFFIX = re.compile(
    r"(?:\.\.+|…|['’][sS]|—|–|["
    + _PUNCT
    + _QUOTES
    + r"]"
    + r"|(?<=[0-9])\+"
    + r"|(?<=°[FfCcKk])\."
    + r"|(?<=[0-9])["
    + _CURRENCY
    + r"]"
    + r"|(?<=[0-9])(?:km|m|cm|mm|kg|g|mg|lb|lbs|ft|mi|mph|kph|km/h|%)"
    + r"|(?<=[0-9"
    + _LOWER
    + r"%²\-+"
    + _PUNCT
    + _QUOTES
    + r"])\."
    + r"|(?<=["
    + _UPPER
    + r"]["
    + _UPPER
    + r"])\.)$"
)
_INFIX = re.compile(
    r"\.\.+|…"
    + r"|(?<=[0-9])[+\-*^](?=[0-9-])"
    + r"|(?<=["
    + _LOWER
    + _QUOTES
    + r"])\.(?=["
    + _UPPER
    + _QUOTES
    + r"])"
    + r"|(?<=["
    + _ALPHA
    + r"]),(?=["
    + _ALPHA
    + r"])"
    + r"|(?<=["
    + _ALPHA
    + r"0-9])(?:--|---|——|["
    + _HYPHENS
    + r"])(?=["
    + _ALPHA
    + r"])"
    + r"|(?<=["
    + _ALPHA
    + r"0-9])[:<>=/](?=["
    + _ALPHA
    + r"])"
)
_URL = re.compile(r"^(?:https?://|www\.)\S+$|^[\w.-]+\.(?:com|org|net|gov|edu|int)(?:/\S*)?$")
# Words that end in "n't" and clitics spaCy's exceptions split off ("don't" -> do n't).
_CLITIC = re.compile(r"^([" + _ALPHA + r"]+?)(n['’]t|['’](?:ll|re|ve|d|m|s|LL|RE|VE|D|M|S))$")
_ABBREVIATION_LIST = """Mr. Mrs. Ms. Dr. St. Mt. Jr. Sr. Gen. Gov. Sen. Rep. Rev. Prof. Capt. Col. Lt. Sgt.
    Corp. Inc. Ltd. Co. Bros. vs. etc. e.g. i.e. a.m. p.m. Jan. Feb. Mar. Apr. Jun. Jul.
    Aug. Sep. Sept. Oct. Nov. Dec. Ala. Ariz. Ark. Calif. Colo. Conn. Del. Fla. Ga. Ill.
    Ind. Kan. Kans. Ky. La. Mass. Md. Mich. Minn. Miss. Mo. Mont. Neb. Nebr. Nev. Okla.
    Ore. Pa. Tenn. Va. Wash. Wis. Wyo. N.C. N.D. N.H. N.J. N.M. N.Y. S.C. D.C."""
_ABBREVIATIONS = frozenset(_ABBREVIATION_LIST.split()) | frozenset(
    f"{c}." for c in "abcdefghijklmnopqrstuvwxyz"
)


@dataclass(frozen=True, slots=True)
class SpacyToken:
    text: str
    start: int
    end: int
    ws: bool  # followed by one space, as spaCy's ``whitespace_``


def _special(s: str) -> list[str] | None:
    if s in _ABBREVIATIONS:
        return [s]
    if s.lower() == "cannot":
        return [s[:3], s[3:]]
    m = _CLITIC.match(s)
    if m is not None:
        return [m.group(1), m.group(2)]
    return None


def _pieces(s: str) -> list[str]:
    """spaCy's split of one whitespace-free chunk into token strings."""
    special = _special(s)
    if special is not None:
        return special
    prefixes: list[str] = []
    suffixes: list[str] = []
    last = -1
    while s and len(s) != last:
        if _special(s) is not None:
            break
        last = len(s)
        pre = _PREFIX.search(s)
        pre_len = pre.end() if pre else 0
        if pre_len and _special(s[pre_len:]) is not None:
            prefixes.append(s[:pre_len])
            s = s[pre_len:]
            break
        suf = _SUFFIX.search(s[pre_len:])
        suf_len = len(s) - pre_len - suf.start() if suf else 0
        if suf_len and _special(s[: len(s) - suf_len]) is not None:
            suffixes.append(s[len(s) - suf_len :])
            s = s[: len(s) - suf_len]
            break
        if pre_len and suf_len and pre_len + suf_len <= len(s):
            prefixes.append(s[:pre_len])
            suffixes.append(s[len(s) - suf_len :])
            s = s[pre_len : len(s) - suf_len]
        elif pre_len:
            prefixes.append(s[:pre_len])
            s = s[pre_len:]
        elif suf_len:
            suffixes.append(s[len(s) - suf_len :])
            s = s[: len(s) - suf_len]
        if s and _special(s) is not None:
            break
    middle: list[str] = []
    if s:
        special = _special(s)
        if special is not None:
            middle = special
        elif _URL.match(s):
            middle = [s]
        else:
            start = 0
            for m in _INFIX.finditer(s):
                if m.start() == 0:
                    continue
                if m.start() != start:
                    middle.append(s[start : m.start()])
                if m.start() != m.end():
                    middle.append(m.group())
                start = m.end()
            if start < len(s):
                middle.append(s[start:])
    return prefixes + middle + suffixes[::-1]


# A word and the one space after it (spaCy's ``whitespace_``), or other whitespace.
_CHUNK = re.compile(r"(\S+)( ?)|\s+")
# Words repeat (within an article and across a corpus): their split is remembered, as
# spaCy's tokenizer caches it. Bounded: cleared when full.
_SPLITS: dict[str, tuple[str, ...]] = {}
_SPLITS_MAX = 50_000


def _split(word: str) -> tuple[str, ...]:
    try:
        return _SPLITS[word]
    except KeyError:
        pass
    pieces = tuple(_pieces(word))
    if len(_SPLITS) >= _SPLITS_MAX:
        _SPLITS.clear()
    _SPLITS[word] = pieces
    return pieces


def tokenize(text: str) -> list[SpacyToken]:
    """``text`` split as ``spacy.blank("en")`` would, with character offsets."""
    out: list[SpacyToken] = []
    append = out.append
    for m in _CHUNK.finditer(text):
        word, space = m.group(1, 2)
        pos = m.start()
        if word is None:  # whitespace that is not one space after a word: a token
            append(SpacyToken(m.group(), pos, m.end(), False))
            continue
        pieces = _split(word)
        last = len(pieces) - 1
        for i, piece in enumerate(pieces):
            end = pos + len(piece)
            append(SpacyToken(piece, pos, end, bool(space) and i == last))
            pos = end
    return out
