"""Name spans in one sentence: the tagger's spans, repaired and typed with rules.

Works on token indices of one sentence. The tagger (CoNLL-style PER/ORG/LOC/MISC)
finds most names; rules then fix what it cannot know:
- spans never start with a determiner or a title ("the Syrian army" -> "Syrian army",
  "President Bashar al-Assad" -> "Bashar al-Assad");
- names run on over lowercase particles ("Hayat Tahrir al-Sham", "Maraat al Numan",
  "Centre for the Reconciliation of the Enemy Parties in Syria");
- the last word types a capitalised name ("... Council" ORG, "... Airport" FAC,
  "Resolution ..." LAW), context types others ("the city of X" GPE, "X rebels" ORG)
  (``name_types``);
- possessives split: "Russia’s Defence Ministry" gives GPE "Russia" and ORG "Defence
  Ministry", not one ORG. The possessor is an entity in its own right (it links to the
  other mentions of Russia, which an analyst filtering by country needs) and "Defence
  Ministry" is how the text names the body; CoNLL annotates it the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.extract.gazetteer import NORP, ORG, Gazetteer
from tui.extract.name_bounds import (
    cap,
    chunks,
    extend,
    has_particle,
    hyphen_names,
    may_extend,
    strip_front,
    surname_after,
    trim,
)
from tui.extract.name_types import (
    PLACE_LABELS,
    context_type,
    final_type,
    tagger_knows_better,
    words_type,
)
from tui.extract.patterns import Patterns

_DOTTED = re.compile(r"(?:[A-Z]\.){2,3}")


@dataclass(slots=True)
class NameSpan:
    a: int  # first token
    b: int  # one past the last token
    type: str  # PERSON ORG GPE LOC FAC NORP LAW EVENT
    confidence: float
    source: str  # "tagger" | "rule" | "gazetteer"
    chars: tuple[int, int] | None = None  # part of one token: offsets within it


def tagger_spans(tags: list[tuple[str, float]]) -> list[NameSpan]:
    """BIO tags to spans (tagger types PER/ORG/LOC/MISC kept for now)."""
    spans: list[NameSpan] = []
    cur: NameSpan | None = None
    confs: list[float] = []
    # only the tagged words matter (most are O): an O between two of them ends a span
    for k in [k for k, tc in enumerate(tags) if tc[0] != "O"]:
        tag, conf = tags[k]
        if cur is not None and cur.b == k and tag.startswith("I-") and cur.type == tag[2:]:
            cur.b = k + 1
            confs.append(conf)
            continue
        if cur is not None:
            cur.confidence = sum(confs) / len(confs)
            spans.append(cur)
        cur = NameSpan(k, k + 1, tag[2:], conf, "tagger")
        confs = [conf]
    if cur is not None:
        cur.confidence = sum(confs) / len(confs)
        spans.append(cur)
    return spans


def sentence_names(
    words: list[str],
    tags: list[tuple[str, float]],
    gaz: Gazetteer,
    pat: Patterns,
    blocked: list[bool],
    headline: bool,
    lower_elsewhere: frozenset[str],
    matches: list[tuple[int, int, frozenset[str]]] | None = None,
    title_elsewhere: frozenset[str] = frozenset(),
) -> list[NameSpan]:
    """Typed, repaired name spans of one sentence; ``blocked`` tokens belong to rule spans.

    ``lower_elsewhere`` / ``title_elsewhere``: words (lower-cased) the document writes in
    lower case / capitalised mid-sentence somewhere.
    """
    n = len(words)

    def opener(a: int, b: int) -> bool:
        """Is words[a], opening a sentence, a common word rather than part of the name?
        Not when the document also capitalises it mid-sentence ("North Korea" after "the
        North") or the whole span is a known name ("New Zealand", "South Korea")."""
        w = words[a]
        if w.lower() in title_elsewhere or gaz.labels(tuple(words[a:b])):
            return False
        return w in pat.headline_words or w.lower() in lower_elsewhere

    spans: list[NameSpan] = []
    hidden: list[NameSpan] = []  # MISC names: not shown, but they vote (see below)
    found = tagger_spans(tags)
    starts = frozenset(s.a for s in found)
    for s in found:
        if any(blocked[s.a : s.b]):
            continue
        s.a = strip_front(words, s.a, s.b, gaz, pat)
        if s.a == 0 and s.b > 1 and opener(0, s.b):
            s.a = 1  # "During Rosati": a capitalised sentence opener
        s.a, s.b = trim(words, s.a, s.b, pat)
        if (
            s.type in ("PER", "LOC")
            and s.a > 0
            and words[s.a - 1].lower() in pat.name_particles
            and not blocked[s.a - 1]
            and words[s.a][:1].isupper()
        ):
            s.a -= 1  # "de Blasio said", "De Blasio says", "van Gogh": the name's particle
        s.b = extend(words, s.b, s.type, pat, gaz, starts)
        if s.type == "PER" and s.b - s.a == 1 and not headline:
            s.b = surname_after(words, tags, blocked, s.b, pat, lower_elsewhere)
        while s.b > s.a and any(blocked[s.a : s.b]):
            s.b -= 1
        typ = final_type(s, words, gaz, pat) if s.b > s.a else None
        if typ is not None:
            s.type = typ
            spans.append(s)
        elif s.type == "MISC" and s.b > s.a:
            hidden.append(s)
    if not headline:
        for k in hyphen_names(words, blocked):
            # "Kwok Ka-ki" the tagger missed, or "Hui Chi-fung" it cut short
            inside = [s for s in spans if s.a <= k and s.b >= k]
            if not inside:
                spans.append(NameSpan(k - 1, k + 1, "PERSON", 0.7, "rule"))
            elif (
                len(inside) == 1
                and inside[0].b == k
                and (inside[0].type == "PERSON" or inside[0].a == k - 1)
            ):
                # (the surname alone read as a place or a body: "mayor Hau Lung-bin")
                inside[0].b, inside[0].type = k + 1, "PERSON"
        done = 0
        for a, b in chunks(words, blocked, pat):
            if a < done:
                continue  # inside a name an earlier chunk ran on over
            if b - a == 1 and (b == n or not may_extend(words[b], pat)):
                continue  # one word (most chunks), and extend would not run it on
            b = extend(words, b, "ORG", pat, gaz)
            while b > a and any(blocked[a:b]):
                b -= 1
            while (
                a < b
                and (a == 0 or words[a - 1] in "\"“‘'(")
                and words[a].lower() in lower_elsewhere
                and words[a].lower() not in title_elsewhere
                and not gaz.labels(tuple(words[a:b]))
            ):
                a += 1  # a sentence-initial common word ("Acknowledging", "In")
            a = strip_front(words, a, b, gaz, pat)
            if b - a < 2:
                continue
            inside = [s for s in spans if s.a < b and s.b > a]
            if (
                NORP in gaz.labels((words[a],))
                and gaz.labels(tuple(words[a + 1 : b])) & PLACE_LABELS
            ):
                continue  # "Jewish West Bank": a nationality before a known place
            typ = words_type(words[a:b], gaz, pat)
            if (
                typ is None
                and inside
                and inside[0].a == a == inside[0].b - 1
                and inside[0].type == "NORP"
                and b - a > 2
            ):
                # "Islamist Hayat Tahrir al-Sham": the adjective the tagger set apart
                # stays apart; the name is what follows it
                a += 1
                inside = inside[1:]
            if typ is None and has_particle(words[a:b], pat) and len(inside) <= 1:
                typ = context_type(words, a, b, pat, gaz)
                if typ is None and inside:
                    typ = inside[0].type
            if typ is None or any(
                s.a == a and s.b == b and tagger_knows_better(s.type, typ) for s in inside
            ):
                continue  # "Stuart Law": the person the tagger found keeps the name
            conf = max([s.confidence for s in inside] + [0.75])
            kept = []
            for s in spans:
                if s.b <= a or s.a >= b:
                    kept.append(s)
                elif s.a < a:  # "Alvin Yeung of Civic Party": the person keeps his name
                    s.a, s.b = trim(words, s.a, a, pat)
                    if s.b > s.a:
                        kept.append(s)
            spans = kept
            spans.append(NameSpan(a, b, typ, conf, "rule"))
            done = b
    spans.sort(key=lambda s: (s.a, -s.b))
    covered = [False] * n
    for s in spans:
        for k in range(s.a, s.b):
            covered[k] = True
    # gazetteer names the tagger left out (countries, regions, big cities, groups, known bodies)
    for a, b, labels in gaz.match(words) if matches is None else matches:
        if any(covered[a:b]) or any(blocked[a:b]):
            continue
        if not (cap(words[a]) or headline):
            continue
        if labels & PLACE_LABELS:
            typ = "GPE"
        elif NORP in labels:
            typ = "NORP"
        elif ORG in labels:
            typ = "ORG"
        else:
            continue
        if a == 0 and b - a == 1 and words[a].lower() in lower_elsewhere:
            continue
        spans.append(NameSpan(a, b, typ, 0.6, "gazetteer"))
        for k in range(a, b):
            covered[k] = True
    # "Iran-backed", "US-led": the place or nationality before the hyphen
    for k in [k for k, w in enumerate(words) if "-" in w]:
        w = words[k]
        if covered[k] or blocked[k] or not cap(w):
            continue
        head = w.split("-")[0]
        labels = gaz.labels((head,))
        typ = "GPE" if labels & PLACE_LABELS else "NORP" if NORP in labels else None
        if typ is not None:
            spans.append(NameSpan(k, k + 1, typ, 0.6, "gazetteer", (0, len(head))))
    spans.sort(key=lambda s: (s.a, -s.b))
    out: list[NameSpan] = []
    for s in spans:
        if out and s.a < out[-1].b:
            continue
        if s.type == "GPE" and s.b < n and _DOTTED.fullmatch(words[s.b]) and not blocked[s.b]:
            s.b += 1  # "Washington D.C."
        # "Syrian army" (ORG), "Aleppo airport" (FAC): a lowercase head after the name
        if s.chars is None and s.type in ("NORP", "GPE"):
            for m in (2, 1):
                tail = tuple(words[s.b : s.b + m])
                if len(tail) < m or blocked[s.b]:
                    continue
                if s.type == "NORP" and tail in gaz.norp_org_nouns:
                    s.b, s.type, s.source = s.b + m, "ORG", "rule"
                    s.confidence = max(s.confidence, 0.8)
                    break
                if s.type == "GPE" and tail in gaz.fac_heads and tail[0].islower():
                    s.b, s.type, s.source = s.b + m, "FAC", "rule"
                    s.confidence = max(s.confidence, 0.8)
                    break
        out.append(s)
    if hidden:
        # The tagger's MISC names (a product, a work, an event: "Firefox", "the Hajj")
        # that nothing else took: never shown, but linking counts them in the document's
        # vote on what a name written the same way elsewhere is.
        out.extend(h for h in hidden if not any(s.a < h.b and s.b > h.a for s in out))
        out.sort(key=lambda s: (s.a, -s.b))
    return out
