"""Sources of claims: the noun phrase (or pronoun) on either side of a cue.

Without a parser we read the subject off the tokens: walk left from the cue over the
verb group ("has also said"), then over the noun phrase until a clause boundary or a
word that cannot sit in a subject. Names keep their lower-case links ("Centre for the
Reconciliation of the Enemy Parties in Syria"); appositives after a name are kept
("Flynn, a top Trump surrogate,"). A source is later linked to an entity when an entity
mention lies inside it (``speaker_links.py``).
"""

from __future__ import annotations

from dataclasses import dataclass

from tui.extract.cues import Lexicon, title_case
from tui.extract.quotes import MARKS
from tui.text.segment import Token, lower_forms

# Punctuation that closes a clause for our purposes.
BOUNDARY = frozenset(",;:()[]—–―-") | MARKS | frozenset("‘’'")
MAX_SOURCE_TOKENS = 16


@dataclass(slots=True)
class Sentence:
    """One sentence's tokens, with their lower-case forms, and its bounds."""

    toks: list[Token]
    low: list[str]
    start: int
    end: int

    @classmethod
    def of(cls, toks: list[Token], start: int, end: int) -> Sentence:
        return cls(toks, lower_forms(toks), start, end)

    def is_boundary(self, i: int) -> bool:
        t = self.toks[i].text
        return t in BOUNDARY or (t == "." and self.glued_stop(i))

    def glued_stop(self, i: int) -> bool:
        """Is the full stop at ``i`` the end of a sentence the page glued to the next one
        ("known to the authorities.Prime Minister", "2017.At least")? It sits between a
        word (or a number) and a capital with no space: not after an initial ("W.Bush")
        nor a name in capitals ("U.S"); abbreviations ("Rep.") are followed by a space."""
        if i == 0 or i + 1 >= len(self.toks):
            return False
        prev, nxt, dot = self.toks[i - 1], self.toks[i + 1], self.toks[i]
        return (
            prev.end == dot.start
            and nxt.start == dot.end
            and nxt.text[:1].isupper()
            and len(prev.text) >= 3
            and (prev.text[1:].islower() or prev.text.isdigit())
        )

    def name_stop(self, i: int) -> bool:
        """Is the full stop at ``i`` one of an initial or a title inside a name ("Jeffrey
        N. Trimble", "whom Mr. Obama recruited")? The sentence splitter did not end the
        sentence there, a short capitalised word is glued to it and a capital follows."""
        if i == 0 or i + 1 >= len(self.toks):
            return False
        prev, nxt = self.toks[i - 1], self.toks[i + 1]
        return (
            len(prev.text) <= 3
            and prev.text.isalpha()
            and prev.text[0].isupper()
            and prev.end == self.toks[i].start
            and nxt.text[:1].isupper()
            and not self.glued_stop(i)
        )

    def capital(self, i: int) -> bool:
        t = self.toks[i].text
        return t[:1].isupper() or t[:1].isdigit()


def _is_adverb(s: Sentence, i: int) -> bool:
    w = s.low[i]
    return len(w) > 4 and w.endswith("ly") and w.isalpha() and s.toks[i].text.islower()


def skip_verb_group(s: Sentence, j: int, lex: Lexicon) -> int:
    """The last token before ``j`` (inclusive) that is not part of the verb group."""
    while j >= 0 and (
        s.low[j] in lex.verb_group or _is_adverb(s, j) or s.low[j].endswith(_NEGATED)
    ):
        if _name_part(s, j):
            break
        j -= 1
    return j


# "didn't", "doesn’t", "won't": one token each, a negated auxiliary of the verb group
_NEGATED = ("n't", "n’t")


def _name_part(s: Sentence, j: int) -> bool:
    """A capitalised verb-group word right after a capitalised word is the end of a name
    ("Prime Minister Theresa May said", "Will"), except in a headline in title case."""
    if j == 0 or not s.toks[j].text[:1].isupper() or not s.toks[j - 1].text[:1].isupper():
        return False
    return not title_case(s.toks)


def name_link(s: Sentence, i: int, lex: Lexicon) -> bool:
    """Is the lower-case word at ``i`` inside a name ("Secretary of State")?"""
    if s.low[i] not in lex.name_links or i == 0 or i + 1 >= len(s.toks):
        return False
    left_ok = s.capital(i - 1) or s.low[i - 1] in lex.name_links
    right_ok = s.capital(i + 1) or s.low[i + 1] in ("the", "de", "al")
    return left_ok and right_ok


def _np_left(s: Sentence, j: int, lex: Lexicon) -> int:
    """First token of the noun phrase ending at token ``j``."""
    a = j
    while a - 1 >= 0 and j - a + 1 < MAX_SOURCE_TOKENS:
        i = a - 1
        if s.toks[i].text == ")":
            # A parenthesis inside the name: "Rep. Gwen Moore (D-Wis.)".
            o = i
            while o > 0 and s.toks[o].text != "(" and i - o < 8:
                o -= 1
            if s.toks[o].text == "(" and o > 0 and s.capital(o - 1):
                a = o
                continue
            break
        if s.is_boundary(i):
            break
        if s.low[i] in lex.np_stops and not name_link(s, i, lex) and not _name_part(s, i):
            break
        if s.low[i] in lex.verbs and not s.capital(i):
            break
        a = i
    # Lead-ins are not part of the subject: "But Flynn", "Last week Stumpf".
    while a < j and (s.low[a] in lex.lead_words or s.low[a] in lex.time_words):
        a += 1
    return a


def _looks_like_name(s: Sentence, a: int, b: int) -> bool:
    return 0 < b - a <= 6 and all(s.capital(i) or s.toks[i].text in ".'’" for i in range(a, b))


def _clause_start(s: Sentence, j: int) -> int:
    """First token after the clause boundary before token ``j``."""
    i = j
    while i - 1 >= 0:
        t = s.toks[i - 1].text
        if t == ")":
            o = i - 1
            while o > 0 and s.toks[o].text != "(" and i - o < 10:
                o -= 1
            if s.toks[o].text == "(" and o > 0:
                i = o  # step over "(D-N.Y.)"
                continue
        if s.is_boundary(i - 1):
            break
        i -= 1
    return i


def _name_like(s: Sentence, a: int, b: int, lex: Lexicon) -> bool:
    """Is ``[a, b)`` a short noun phrase with a capitalised word ("Mr. Burman", "the
    Syrian army command") and nothing that would make it a clause?"""
    if not 0 < b - a <= 14:
        return False
    depth = 0
    for i in range(a, b):
        t = s.toks[i].text
        if t == "(":
            depth += 1  # "Rep. Gregory W. Meeks (D-N.Y.)"
            continue
        if t == ")":
            depth -= 1
            continue
        if depth > 0:
            continue
        if s.is_boundary(i) and t != "-":
            return False
        w = s.low[i]
        if (w in lex.np_stops and not name_link(s, i, lex)) or (
            w in lex.verbs and not s.capital(i)
        ):
            return False
    return any(s.capital(i) for i in range(a, b))


def _appositive(s: Sentence, comma: int, lex: Lexicon) -> tuple[int, int] | None:
    """The source before ``, appositive(s),`` ending at the comma token ``comma``.

    "Flynn, a top Trump surrogate, said" -> "Flynn, a top Trump surrogate"; the name is
    the nearest comma-separated segment that looks like a name, else the segment that
    opens the sentence ("Officials at Homeland Security Investigations, a division of ...,").
    """
    if comma > 0 and s.low[comma - 1] in lex.verbs:
        return None  # "The attack killed 12, the ministry said, adding ...": a clause
    end = comma
    for _ in range(5):
        a1 = _clause_start(s, end)
        if a1 < 2 or s.toks[a1 - 1].text != ",":
            return None
        a0 = _clause_start(s, a1 - 1)
        while a0 < a1 - 1 and s.low[a0] in lex.lead_words:
            a0 += 1
        if a0 >= a1 - 1:
            return None
        if all(_time_word(s, i, lex) for i in range(a0, a1 - 1)):
            # "Last month, community leaders ..., the British-Libyan who ..., accused":
            # a time phrase before the subject is not part of it.
            return (a1, comma) if a1 < comma else None
        if _name_like(s, a0, a1 - 1, lex):
            return a0, comma
        if (
            a0 == 0
            and comma - a0 <= 40
            and not any(
                s.low[i] in lex.verbs or s.low[i] in lex.finite_verbs for i in range(a0, a1 - 1)
            )
        ):
            return a0, comma
        end = a1 - 1
    return None


_TIME_LEADS = frozenset({"last", "this", "next", "earlier", "later", "early", "late"})


def _time_word(s: Sentence, i: int, lex: Lexicon) -> bool:
    w = s.low[i]
    return w in lex.time_words or w in _TIME_LEADS or w.isdigit()


def _skip_time(s: Sentence, j: int, lex: Lexicon) -> int:
    """Step left over a time adverbial between subject and verb ("X in August said",
    "X last month announced", "X on Tuesday said")."""
    i = j
    while i >= 0 and (s.low[i] in lex.time_words or (s.low[i].isdigit() and len(s.low[i]) == 4)):
        if _name_part(s, i):
            break  # "Theresa May said": a name, not the month
        i -= 1
    if i == j:
        return j
    if i >= 0 and s.low[i] in ("in", "on", "at", "since", "during", "last", "this", "earlier"):
        i -= 1
    i = skip_verb_group(s, i, lex)
    return i if i >= 0 and not s.is_boundary(i) else j


_DASHES = frozenset({"-", "—", "–", "―"})


def _dash_parenthetical(s: Sentence, j: int, lex: Lexicon) -> tuple[int, int] | None:
    """The source before a parenthetical set off by dashes that ends at token ``j``:
    "John Dickey, the chief executive of Ora Media -- the production company that owns
    the programming -- told me" -> from "John Dickey" to the last word before the closing
    dash. The parenthetical may hold anything (a relative clause, commas), so it is
    stepped over whole rather than walked word by word."""
    dash = s.toks[j].text
    close = j - 1 if dash == "-" and j > 0 and s.toks[j - 1].text == "-" else j
    if dash == "-" and close == j:
        return None  # a lone hyphen is not a dash
    i = close - 1
    while i > 0 and close - i <= 2 * MAX_SOURCE_TOKENS:
        if s.toks[i].text == dash and (dash != "-" or s.toks[i - 1].text == "-"):
            opening = i - 1 if dash == "-" else i
            if opening == 0 or s.toks[opening - 1].text in _DASHES:
                return None
            inner = left_source(s, opening, lex)
            if inner is None or inner[1] != opening:
                return None
            return inner[0], close
        if s.toks[i].text in ".!?" and not s.name_stop(i):
            return None
        i -= 1
    return None


def left_source(s: Sentence, k: int, lex: Lexicon) -> tuple[int, int] | None:
    """Token range ``[a, b)`` of the source before the cue at token ``k``, if any."""
    j = skip_verb_group(s, k - 1, lex)
    j = _skip_time(s, j, lex)
    if j < 0:
        return None
    w = s.low[j]
    if s.toks[j].text in _DASHES:
        return _dash_parenthetical(s, j, lex)
    if w in lex.pronouns:
        return j, j + 1
    if s.toks[j].text == ",":
        return _appositive(s, j, lex)
    if w == ")":
        o = j
        while o > 0 and s.toks[o].text != "(" and j - o < 8:
            o -= 1
        if s.toks[o].text != "(" or o == 0 or not s.capital(o - 1):
            return None
        return _np_left(s, o - 1, lex), j + 1
    if s.is_boundary(j) or ((w in lex.np_stops or w in lex.verbs) and not _name_part(s, j)):
        return None
    if w in lex.determiners:
        return None  # "Following a swiftly called meeting": no noun phrase ends in "a"
    a = _np_left(s, j, lex)
    rel = _relative_head(s, a, j, lex)
    a = rel if rel is not None else _after_opening_phrase(s, a, j, lex)
    return _unclosed_appositive(s, a, lex), j + 1


# Prepositions that open a sentence with an adverbial and no comma after it ("At least five
# times locals warned", "In Syria officials said"). Not "after", "since", "before": they
# also open clauses whose subject is the source ("After Trump said ...").
_OPENING_PREPOSITIONS = frozenset(
    {"at", "in", "on", "for", "with", "from", "by", "during", "about", "against", "amid"}
    | {"despite", "into", "without", "among", "under", "over", "through", "across"}
)


def _after_opening_phrase(s: Sentence, a: int, j: int, lex: Lexicon) -> int:
    """Start of the subject when the walk left from the cue ran into a phrase opening the
    sentence: the preposition's object comes first, then the subject. The subject opens at
    its determiner ("At the meeting the minister said"), else where capitals change ("In
    Syria officials", "During the debate Trump"), else it is the last word ("At least five
    times locals")."""
    p = a - 1
    if p < 0 or j <= a or s.low[p] not in _OPENING_PREPOSITIONS:
        return a
    start = _clause_start(s, p)
    while start < p and s.low[start] in lex.lead_words:
        start += 1
    if start != p:
        return a  # the preposition is inside the clause
    for k in range(j, a, -1):
        if s.low[k] in lex.determiners:
            return k
    for k in range(j, a, -1):
        if s.capital(k) != s.capital(k - 1):
            return k
    if not any(s.capital(i) for i in range(a, j + 1)):
        return j
    return a


def _unclosed_appositive(s: Sentence, a: int, lex: Lexicon) -> int:
    """Start of a name whose appositive was never closed: the source found was the
    appositive ("Erica Gasparri, a mother of three who lived in Barking told ..."), the
    name opening the clause before its comma is the one who spoke."""
    if a < 2 or s.toks[a - 1].text != "," or s.low[a] not in lex.appositive_openers:
        return a
    if s.low[a] in _RELATIVES or s.low[a] == "which":
        return a
    c0 = _clause_start(s, a - 1)
    while c0 < a - 1 and s.low[c0] in lex.lead_words:
        c0 += 1
    if (
        c0 < a - 1
        and s.low[c0] not in lex.determiners
        and _looks_like_name(s, c0, a - 1)
        and not any(s.low[i] in lex.time_words for i in range(c0, a - 1))
    ):
        return c0
    return a


_RELATIVES = frozenset({"who", "whose"})


def _relative_head(s: Sentence, a: int, j: int, lex: Lexicon) -> int | None:
    """Start of a subject with a relative clause: "Officials who spoke on condition of
    anonymity said" (walking left stopped inside the clause, at ``a``)."""
    start = _clause_start(s, a)
    for r in range(a - 1, start - 1, -1):
        if s.low[r] in _RELATIVES:
            if r == start:
                return None
            head = _np_left(s, r - 1, lex)
            if head <= r - 1 and j - head <= 2 * MAX_SOURCE_TOKENS and not s.is_boundary(r - 1):
                return head
            return None
    return None
