"""Attribution cues: the words that say someone said something.

The word lists are data (``tui/data/claims_*.yaml``); this module loads them once and
finds cue candidates among a sentence's tokens.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from tui.data import data_yaml
from tui.text.segment import Token


@dataclass(frozen=True, slots=True)
class Verb:
    """One reporting verb and how it behaves."""

    lemma: str
    object: bool = False
    strict: bool = False
    hedge: bool = False
    weight: float = 0.9
    to: bool = False
    particles: frozenset[str] = frozenset()
    not_before: frozenset[str] = frozenset()
    evidence: bool = False


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Everything the claim extractor knows about words, loaded from data files."""

    verbs: dict[str, Verb]  # word form -> verb
    according: tuple[tuple[str, ...], ...]
    participles: frozenset[str]
    noun_forms: frozenset[str]
    verb_group: frozenset[str]
    time_words: frozenset[str]
    prepositions: frozenset[str]
    pronouns: dict[str, str]
    lead_words: frozenset[str]
    np_stops: frozenset[str]
    name_links: frozenset[str]
    appositive_openers: frozenset[str]
    roles: frozenset[str]
    group_words: frozenset[str]
    hedge_words: frozenset[str]
    hedge_phrases: tuple[str, ...]
    cue_words: frozenset[str]  # every single word that can start or be a cue
    noun_markers: frozenset[str]
    attributive: frozenset[str]
    object_pronouns: frozenset[str]
    clause_breaks: tuple[str, ...]
    subject_pronouns: frozenset[str]
    finite_verbs: frozenset[str]
    scene_verbs: frozenset[str]
    coordinators: frozenset[str]
    label_stops: frozenset[str]
    determiners: frozenset[str]
    manner_nouns: frozenset[str]
    evidence_nouns: frozenset[str]
    refusals: frozenset[str]
    speech_infinitives: frozenset[str]


def _load(name: str) -> dict:
    raw = data_yaml(name)
    if not isinstance(raw, dict):
        raise ValueError(f"{name}: expected a mapping at the top")
    return raw


def _words(raw: dict, key: str, name: str) -> frozenset[str]:
    words = raw.get(key) or []
    if not all(isinstance(w, str) for w in words):
        raise ValueError(f"{name}: {key} holds a non-string (quote it)")
    return frozenset(w.lower() for w in words)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The claim lexicon (cached: the data files do not change while we run)."""
    cues = _load("claims_cues.yaml")
    sources = _load("claims_sources.yaml")
    hedges = _load("claims_hedges.yaml")
    grammar = _load("claims_grammar.yaml")
    g = "claims_grammar.yaml"
    verbs: dict[str, Verb] = {}
    for lemma, opts in (cues.get("verbs") or {}).items():
        opts = opts or {}
        where = f"claims_cues.yaml: {lemma}"
        verb = Verb(
            lemma=str(lemma),
            object=bool(opts.get("object", False)),
            strict=bool(opts.get("strict", False)),
            hedge=bool(opts.get("hedge", False)),
            weight=float(opts.get("weight", 0.9)),
            to=bool(opts.get("to", False)),
            particles=_words(opts, "particles", where),
            not_before=_words(opts, "not_before", where),
            evidence=bool(opts.get("evidence", False)),
        )
        for form in _words(opts, "forms", where):
            verbs[str(form).lower()] = verb
    return Lexicon(
        verbs=verbs,
        according=tuple(tuple(str(w).lower() for w in p) for p in cues.get("according") or []),
        participles=_words(cues, "participles", "claims_cues.yaml"),
        noun_forms=_words(cues, "noun_forms", "claims_cues.yaml"),
        verb_group=_words(cues, "verb_group", "claims_cues.yaml"),
        time_words=_words(cues, "time_words", "claims_cues.yaml"),
        prepositions=_words(cues, "prepositions", "claims_cues.yaml"),
        pronouns={str(k).lower(): str(v) for k, v in (sources.get("pronouns") or {}).items()},
        lead_words=_words(sources, "lead_words", "claims_sources.yaml"),
        np_stops=_words(sources, "np_stops", "claims_sources.yaml"),
        name_links=_words(sources, "name_links", "claims_sources.yaml"),
        appositive_openers=_words(sources, "appositive_openers", "claims_sources.yaml"),
        roles=_words(sources, "roles", "claims_sources.yaml"),
        group_words=_words(sources, "group_words", "claims_sources.yaml"),
        hedge_words=_words(hedges, "words", "claims_hedges.yaml"),
        hedge_phrases=tuple(str(p).lower() for p in hedges.get("phrases") or []),
        cue_words=frozenset(verbs) | {str(p[0]).lower() for p in cues.get("according") or [] if p},
        noun_markers=_words(grammar, "noun_markers", g) | _words(grammar, "attributive", g),
        attributive=_words(grammar, "attributive", g),
        object_pronouns=_words(grammar, "object_pronouns", g),
        clause_breaks=tuple(sorted(_words(grammar, "clause_breaks", g))),
        subject_pronouns=_words(grammar, "subject_pronouns", g),
        finite_verbs=_words(grammar, "finite_verbs", g),
        scene_verbs=_words(grammar, "scene_verbs", g),
        coordinators=_words(grammar, "coordinators", g),
        label_stops=_words(grammar, "label_stops", g),
        determiners=_words(grammar, "determiners", g),
        manner_nouns=_words(grammar, "manner_nouns", g),
        evidence_nouns=_words(grammar, "evidence_nouns", g),
        refusals=_words(grammar, "refusals", g),
        speech_infinitives=_words(grammar, "speech_infinitives", g),
    )


# Not frozen (never changed after it is built all the same): a frozen dataclass sets
# each field through object.__setattr__, 3x slower to build, and extraction builds these
# by the ten thousand. Hashable as a frozen one (unsafe_hash: by its fields).
@dataclass(slots=True, unsafe_hash=True)
class Cue:
    """A cue candidate: tokens ``[first, last]`` of a sentence, and what kind it is."""

    first: int
    last: int
    according: bool = False
    verb: Verb | None = None


def trie(words: list[str]) -> str:
    """A regex alternation of ``words`` shaped as a prefix tree: Python's engine tries
    a flat alternation word by word at every position, a tree letter by letter."""
    tree: dict = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return build(tree)


def word_pattern(words: frozenset[str] | set[str]) -> re.Pattern[str]:
    """Whole-word, case-insensitive matcher for ``words`` (spaces match any whitespace)."""
    body = trie(sorted(words)).replace(r"\ ", r"\s+")
    # The lookahead on first letters skips, cheaply, every position no word starts at.
    firsts = re.escape("".join(sorted({w[0] for w in words if w})))
    return re.compile(rf"(?=[{firsts}])\b{body}\b", re.IGNORECASE)


# A word as the tokenizer reads one, for the lists above: letters and digits, hyphens
# inside ("co-sponsored", "so-called").
_WORD = re.compile(r"\w+(?:-\w+)*")


def word_starts(text: str, words: frozenset[str]) -> list[int]:
    """Offsets of the words of ``text`` whose lower-case form is in ``words`` (one dict
    lookup a word: nothing to build, where a regex of a few thousand words took a quarter
    of a second to compile at every start)."""
    return [m.start() for m in _WORD.finditer(text) if m.group().lower() in words]


def title_case(toks: list[Token]) -> bool:
    words = [t.text for t in toks if t.text[:1].isalpha() and len(t.text) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def find_cues(toks: list[Token], lex: Lexicon, lowered: list[str] | None = None) -> list[Cue]:
    """Cue candidates among one sentence's tokens (lower-cased: ``lowered``), left to right."""
    out: list[Cue] = []
    n = len(toks)
    if lowered is None:
        lowered = [t.text.lower() for t in toks]
    cue_words = lex.cue_words
    i = 0
    while i < n:
        w = lowered[i]
        if w not in cue_words:
            i += 1
            continue
        phrase = next((p for p in lex.according if tuple(lowered[i : i + len(p)]) == p), None)
        if phrase is not None:
            out.append(Cue(i, i + len(phrase) - 1, according=True))
            i += len(phrase)
            continue
        verb = lex.verbs.get(w)
        # A capitalised cue word inside a sentence is a name ("United States"), unless
        # the sentence is a headline in title case ("Lindsey Graham Says Trump ...").
        if verb is not None and i > 0 and toks[i].text[0].isupper() and not title_case(toks):
            verb = None
        if verb is not None and i + 1 < n and lowered[i + 1] in verb.not_before:
            verb = None
        if verb is not None and not (i > 0 and lowered[i - 1] in lex.noun_markers):
            out.append(Cue(i, i, verb=verb))
        i += 1
    return out
