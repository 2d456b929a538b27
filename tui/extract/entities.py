"""Named entities and their links: tagger + rules + gazetteers, then linking.

Pipeline for one document:
1. rule spans: QUANTITY (with estimates), DATE, TIME, LAW (``patterns.py``);
2. per sentence, the averaged-perceptron tagger's names, repaired and typed by rules
   and gazetteers (``names.py``); rule spans block the tagger where they overlap;
3. surnames of people named in full are found again where the tagger missed them;
4. linking (``linking.py``): one entity per thing named, canonical name, type vote.
"""

from __future__ import annotations

import bisect

from tui.extract.features import doc_casing, is_headline
from tui.extract.gazetteer import gazetteer
from tui.extract.linking import Found, link
from tui.extract.names import NameSpan, sentence_names
from tui.extract.patterns import find_rule_spans, patterns
from tui.extract.tagger import Tagger, default_tagger, sentence_tokens
from tui.model import Entity, Mention, Span
from tui.text.document import Document
from tui.text.segment import Token

_NO_TAGGER = object()


def _title_case_headline(words: list[str]) -> bool:
    """"Rebels Seize Aleppo Airport In Major Assault": capitals say nothing here."""
    alpha = [w for w in words if w[:1].isalpha() and len(w) > 3]
    return len(alpha) >= 3 and all(w[:1].isupper() for w in alpha)


def find_mentions(text: str, tagger: Tagger | None, title: tuple[int, int] | None = None) -> list[Found]:
    """All mentions in ``text`` (document order), before linking."""
    gaz = gazetteer()
    pat = patterns()
    sents = sentence_tokens(text)
    words_list = [[t.text for t in s] for s in sents]
    casing = doc_casing(words_list)
    rules = find_rule_spans(text)
    found = [Found(r.start, r.end, r.type, r.confidence, r.estimate) for r in rules]
    ri = 0
    for toks, words in zip(sents, words_list):
        if not toks:
            continue
        s_start, s_end = toks[0].start, toks[-1].end
        while ri < len(rules) and rules[ri].end <= s_start:
            ri += 1
        blocked = [False] * len(toks)
        k = ri
        while k < len(rules) and rules[k].start < s_end:
            r = rules[k]
            for j, t in enumerate(toks):
                if t.start < r.end and t.end > r.start:
                    blocked[j] = True
            k += 1
        in_title = title is not None and s_start < title[1] and s_end > title[0]
        headline = is_headline(words) or (in_title and _title_case_headline(words)) or (
            _title_case_headline(words) and not any(w[-1:] in ".?!" for w in words[-1:])
        )
        tags = tagger.tag(words, casing) if tagger is not None else [("O", 0.0)] * len(words)
        for s in sentence_names(words, tags, gaz, pat, blocked, headline, casing.lower):
            found.append(_to_found(toks, s))
    found.sort(key=lambda f: (f.start, -f.end))
    found = _surnames_again(text, sents, found)
    return found


def _to_found(toks: list[Token], s: NameSpan) -> Found:
    if s.chars is not None:
        base = toks[s.a].start
        return Found(base + s.chars[0], base + s.chars[1], s.type, s.confidence)
    return Found(toks[s.a].start, toks[s.b - 1].end, s.type, s.confidence)


def _surnames_again(text: str, sents: list[list[Token]], found: list[Found]) -> list[Found]:
    """"Assad regime", "Savett said": surnames of people named in full, wherever they recur."""
    pat = patterns()
    surnames: dict[str, float] = {}
    for f in found:
        if f.type == "PERSON":
            words = text[f.start : f.end].split()
            if len(words) >= 2:
                last = words[-1]
                head, sep, rest = last.partition("-")
                surnames[last] = f.confidence
                if sep and head in pat.name_particles:
                    surnames[rest] = f.confidence
    if not surnames:
        return found
    taken = sorted((f.start, f.end) for f in found)
    extra: list[Found] = []
    starts = [s for s, _ in taken]


    for toks in sents:
        for t in toks:
            if t.text not in surnames:
                continue
            i = bisect.bisect_right(starts, t.start) - 1
            if i >= 0 and taken[i][1] > t.start:
                continue
            if i + 1 < len(taken) and taken[i + 1][0] < t.end:
                continue
            extra.append(Found(t.start, t.end, "PERSON", 0.6 * surnames[t.text]))
    if not extra:
        return found
    # a name covering the surname alone ("Assad" tagged MISC) is replaced above only when free
    merged = sorted(found + extra, key=lambda f: (f.start, -f.end))
    return merged


def extract_entities(
    doc: Document, tagger: Tagger | None | object = _NO_TAGGER
) -> tuple[tuple[Entity, ...], tuple[Mention, ...]]:
    """``find_entities`` with a chosen tagger (benchmarks pass one trained on other folds)."""
    tg = default_tagger() if tagger is _NO_TAGGER else tagger
    text = doc.text
    found = find_mentions(text, tg, doc.title_span)  # type: ignore[arg-type]
    if not found:
        return (), ()
    index, types, names = link(text, found, gazetteer(), patterns())
    aliases: list[list[str]] = [[] for _ in names]
    for f, e in zip(found, index):
        t = text[f.start : f.end]
        if t != names[e] and t not in aliases[e]:
            aliases[e].append(t)
    entities = tuple(
        Entity(id=f"e{k + 1}", name=names[k], type=types[k], aliases=tuple(aliases[k]))
        for k in range(len(names))
    )
    mentions = tuple(
        Mention(
            id=f"m{i + 1}",
            span=Span.of(text, f.start, f.end),
            type=types[index[i]],
            entity=f"e{index[i] + 1}",
            origin="auto",
            status="suggested",
            confidence=round(min(max(f.confidence, 0.0), 1.0), 3),
            estimate=f.estimate if types[index[i]] == "QUANTITY" else None,
        )
        for i, f in enumerate(found)
    )
    return entities, mentions


def find_entities(doc: Document) -> tuple[tuple[Entity, ...], tuple[Mention, ...]]:
    """Entities (with canonical names) and their mentions in ``doc``."""
    return extract_entities(doc)
