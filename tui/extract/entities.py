"""Named entities and their links: tagger + rules + gazetteers, then linking.

Pipeline for one document:
1. rule spans: QUANTITY (with estimates), DATE, TIME, LAW (``patterns.py``);
2. per sentence, the averaged-perceptron tagger's names, repaired and typed by rules
   and gazetteers (``names.py``); rule spans block the tagger where they overlap;
3. surnames of people named in full are found again where the tagger missed them, and
   names are repaired across the document (``name_repairs.py``);
4. linking (``linking.py``): one entity per thing named, canonical name, type vote.
"""

from __future__ import annotations

import bisect
from typing import cast

from tui.extract.addresses import addresses
from tui.extract.calibration import CALIBRATED, UNCALIBRATED
from tui.extract.doubts import doubtful_names, sure_enough
from tui.extract.features import FIRST_LINE, doc_casing, is_headline, line_places
from tui.extract.gazetteer import gazetteer
from tui.extract.headline_names import known_name, known_parts
from tui.extract.linking import ACRONYM_TYPES, MISC, Found, _capitals, link
from tui.extract.name_repairs import (
    admin_names_joined,
    glued_names_cut,
    members_named,
    names_completed,
    places_joined,
)
from tui.extract.name_types import PLACE_LABELS
from tui.extract.names import NameSpan, sentence_names
from tui.extract.names_again import names_again
from tui.extract.patterns import find_rule_spans, patterns
from tui.extract.tagger import Tagger, default_tagger, sentence_tokens
from tui.extract.things import things_hidden
from tui.model import Entity, Mention, Span
from tui.text.document import Document
from tui.text.segment import DATELINE, Token, dateline_end, paragraphs

_NO_TAGGER = object()


def find_mentions(
    text: str, tagger: Tagger | None, title: tuple[int, int] | None = None
) -> list[Found]:
    """All mentions in ``text`` (document order), before linking."""
    gaz = gazetteer()
    pat = patterns()
    sents = sentence_tokens(text)
    words_list = [[t.text for t in s] for s in sents]
    capitals = [is_headline(w) for w in words_list]
    places = line_places(text, sents)
    casing = doc_casing(words_list, capitals, places)
    datelines = {p for p, e in paragraphs(text) if _dateline(text, p, e, gaz)}
    rules = find_rule_spans(text)
    found = [
        Found(r.start, r.end, r.type, r.confidence, r.estimate, source="pattern") for r in rules
    ]
    ri = 0
    for si, (toks, words, caps) in enumerate(zip(sents, words_list, capitals, strict=True)):
        if not toks:
            continue
        s_start, s_end = toks[0].start, toks[-1].end
        while ri < len(rules) and rules[ri].end <= s_start:
            ri += 1
        blocked = [False] * len(toks)
        k = ri
        tok_starts = [t.start for t in toks] if k < len(rules) and rules[k].start < s_end else []
        while k < len(rules) and rules[k].start < s_end:
            r = rules[k]
            # tokens run in text order without overlapping: those overlapping r start
            # with the last one starting by r.start (if it runs into r), end before r.end
            lo = bisect.bisect_right(tok_starts, r.start) - 1
            if lo < 0 or toks[lo].end <= r.start:
                lo += 1
            for j in range(lo, bisect.bisect_left(tok_starts, r.end)):
                blocked[j] = True
            k += 1
        in_title = title is not None and s_start < title[1] and s_end > title[0]
        # a closing full stop ends a sentence, except on the text's first line, where a
        # headline stands ("Old Hands Help Russia Navigate U.S. Media.": PolNeAR's
        # headlines all end in one)
        title_case = casing.titles[si] and (
            in_title or places[si] == FIRST_LINE or words[-1][-1:] not in '.?!"”'
        )
        headline = caps or title_case
        matches = gaz.match(words)
        tags = (
            tagger.tag(words, casing, matches, caps)
            if tagger is not None
            else [("O", 0.0)] * len(words)
        )
        for s in sentence_names(
            words, tags, gaz, pat, blocked, headline, casing.lower, matches, casing.title_mid
        ):
            if title_case and not known_name(words[s.a : s.b], casing.title_mid, gaz):
                # In A Title-Case Headline every word looks like a name: of the span,
                # only the names the body or the gazetteer knows ("Old Hands Help Russia")
                for a, b in known_parts(words, s.a, s.b, casing.title_mid, gaz):
                    typ = "GPE" if b - a == 1 else s.type
                    found.append(_to_found(toks, NameSpan(a, b, typ, s.confidence, s.source)))
                continue
            if s.a == 0 and s.type in _NAME_TYPES and toks[0].start in datelines:
                # "DETROIT, Aug 27 (Reuters) -": a dateline opens with where the story
                # was filed, whatever a results table further down makes of the name
                s.type, s.source, s.confidence = "GPE", "dateline", max(s.confidence, 0.9)
            found.append(_to_found(toks, s))
    found = things_hidden(text, found, gaz)
    hidden = [f for f in found if f.type == MISC]
    found = [f for f in found if f.type != MISC]
    found.sort(key=lambda f: (f.start, -f.end))
    found = _surnames_again(text, sents, words_list, found)
    found = _acronyms_again(text, sents, found, capitals)
    found = names_again(text, sents, found, casing.lower)
    found = glued_names_cut(text, found)
    found = names_completed(text, found)
    found = places_joined(text, found, gaz)
    found = admin_names_joined(text, found)
    found = members_named(text, found, gaz)
    found = addresses(text, found)
    if not hidden:
        return found
    starts = [f.start for f in found]
    for h in hidden:
        i = bisect.bisect_right(starts, h.start) - 1
        if (i < 0 or found[i].end <= h.start) and (
            i + 1 >= len(found) or found[i + 1].start >= h.end
        ):
            found.insert(i + 1, h)
            starts.insert(i + 1, h.start)
    return found


_NAME_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC"})


def _dateline(text: str, start: int, end: int, gaz) -> bool:
    """Does the paragraph open with a dateline? Those the splitter knows ("ALEPPO, Syria
    (Reuters) - "), and a known place in capitals before a plain hyphen ("CHARLOTTE -
    Nearly a week after ..."), which on its own could be any word in capitals."""
    m = DATELINE.match(text, start, end)
    if m is None:
        return False  # most paragraphs: one match tried, not two
    if dateline_end(text, start, end) > start:
        return True
    head = m.group(0).rstrip(" -–—")
    return head.isupper() and bool(gaz.labels(tuple(head.title().split())) & PLACE_LABELS)


def _to_found(toks: list[Token], s: NameSpan) -> Found:
    if s.chars is not None:
        base = toks[s.a].start
        # part of a token ("Iran" in "Iran-backed"): no corpus marks such spans, so no
        # calibration can be fitted for them; they keep their rule's confidence
        return Found(base + s.chars[0], base + s.chars[1], s.type, s.confidence, source="prefix")
    end = toks[s.b - 1].end
    if (
        s.b < len(toks)
        and toks[s.b].text == "."
        and toks[s.b].start == end
        and toks[s.b - 1].text in patterns().name_abbreviations
    ):
        end += 1  # "NationsBank Corp.": the full stop belongs to the abbreviation
    return Found(
        toks[s.a].start, end, s.type, s.confidence, rule=s.source != "tagger", source=s.source
    )


def _surnames_again(
    text: str, sents: list[list[Token]], words_list: list[list[str]], found: list[Found]
) -> list[Found]:
    """ "Assad regime", "Savett said": surnames of people named in full, wherever they recur."""
    pat = patterns()
    surnames: dict[str, float] = {}
    people = [text[f.start : f.end].split() for f in found if f.type == "PERSON"]
    # "Warhol Polaroids" after "Andy Warhol": a surname before a word is no given name
    # (Warhol's Polaroids), so the word after it is no surname
    lasts = {words[-1] for words in people if len(words) >= 2}
    for f in found:
        if f.type == "PERSON":
            words = text[f.start : f.end].split()
            if len(words) == 2 and words[0] in lasts:
                continue
            if len(words) >= 2 and words[-1] not in pat.never_names:
                last = words[-1]
                head, sep, rest = last.partition("-")
                if last[:1].isupper():
                    surnames[last] = f.confidence
                if sep and head in pat.hyphen_particles and rest[:1].isupper():
                    surnames[rest] = f.confidence
    if not surnames:
        return found
    taken = sorted((f.start, f.end) for f in found)
    extra: list[Found] = []
    starts = [s for s, _ in taken]

    names = surnames.keys()
    for toks, words in zip(sents, words_list, strict=True):
        if names.isdisjoint(words):
            continue  # most sentences
        for t in toks:
            if t.text not in surnames:
                continue
            i = bisect.bisect_right(starts, t.start) - 1
            if i >= 0 and taken[i][1] > t.start:
                continue
            if i + 1 < len(taken) and taken[i + 1][0] < t.end:
                continue
            extra.append(Found(t.start, t.end, "PERSON", 0.6 * surnames[t.text], source="surname"))
    if not extra:
        return found
    # a name covering the surname alone ("Assad" tagged MISC) is replaced above only when free
    merged = sorted(found + extra, key=lambda f: (f.start, -f.end))
    return merged


def _acronyms_again(
    text: str, sents: list[list[Token]], found: list[Found], capitals: list[bool]
) -> list[Found]:
    """ "HTS", "NSC": capitals standing for a name in the document, wherever they occur.

    An acronym counts when it spells the initials of a name (or of its last words:
    "NSC" for "White House National Security Council") or directly follows one as its
    definition ("Federal Office for Migration and Refugees, or BAMF").
    """
    pat = patterns()
    names = [f for f in found if f.type in ACRONYM_TYPES and f.type != "GPE"]
    initials: dict[str, Found] = {}
    for f in names:
        words = text[f.start : f.end].split()
        if len(words) < 2:
            continue
        caps = _capitals(text[f.start : f.end])
        for k in range(len(caps) - 1):
            initials.setdefault(caps[k:], f)
    starts = [f.start for f in found]
    extra: list[Found] = []
    for toks, all_capitals in zip(sents, capitals, strict=True):
        if all_capitals:
            continue
        # an acronym is upper case (dots aside): most sentences have no such word
        upper = [k for k, t in enumerate(toks) if t.text.isupper()]
        if not upper:
            continue
        words = [t.text for t in toks]
        for k in upper:
            t = toks[k]
            w = t.text
            letters = w.replace(".", "")
            if not (2 <= len(letters) <= 7 and letters.isalpha() and letters.isupper()):
                continue
            if w in pat.never_names:
                continue
            i = bisect.bisect_right(starts, t.start) - 1
            if i >= 0 and found[i].end > t.start:
                continue
            if i + 1 < len(found) and found[i + 1].start < t.end:
                continue
            source = initials.get(letters)
            if source is None and k >= 2 and words[k - 1] in ("or", "("):
                prev_end = toks[k - 2].end if words[k - 1] == "(" else toks[k - 2].start
                source = next(
                    (
                        f
                        for f in names
                        if f.end in (toks[k - 2].end, prev_end)
                        and (f.end == toks[k - 2].end or words[k - 2] == ",")
                    ),
                    None,
                )
                if source is None and words[k - 1] == "or" and words[k - 2] == "," and k >= 3:
                    source = next((f for f in names if f.end == toks[k - 3].end), None)
            if source is not None:
                extra.append(
                    Found(
                        t.start,
                        t.end,
                        source.type,
                        0.8 * source.confidence,
                        rule=True,
                        source="acronym",
                    )
                )
    if not extra:
        return found
    return sorted(found + extra, key=lambda f: (f.start, -f.end))


def extract_entities(
    doc: Document, tagger: Tagger | None | object = _NO_TAGGER
) -> tuple[tuple[Entity, ...], tuple[Mention, ...]]:
    """``find_entities`` with a chosen tagger (benchmarks pass one trained on other folds)."""
    tg = default_tagger() if tagger is _NO_TAGGER else cast("Tagger | None", tagger)
    text = doc.text
    found = find_mentions(text, tg, doc.title_span)
    if not found:
        return (), ()
    index, types, names = link(text, found, gazetteer(), patterns())
    found, index, types, names = _shown(found, index, types, names)
    if not found:
        return (), ()
    confidence = _confidences(text, found, index, types, tg)
    doubtful = doubtful_names(text, found, index, types, confidence)
    if doubtful:
        confidence = [c for c, e in zip(confidence, index, strict=True) if e not in doubtful]
        types = [MISC if e in doubtful else t for e, t in enumerate(types)]
        found, index, types, names = _shown(found, index, types, names)
        if not found:
            return (), ()
    keep = sure_enough(found, confidence)
    if len(keep) < len(found):
        found = [found[k] for k in keep]
        index = [index[k] for k in keep]
        confidence = [confidence[k] for k in keep]
    aliases: list[list[str]] = [[] for _ in names]
    for f, e in zip(found, index, strict=True):
        t = text[f.start : f.end]
        if t != names[e] and t not in aliases[e]:
            aliases[e].append(t)
    entities = tuple(
        Entity(id=f"e{k + 1}", name=names[k], type=types[k], aliases=tuple(aliases[k]))
        for k in range(len(names))
    )
    mentions = tuple(
        Mention.suggested(
            f"m{i + 1}",
            Span.of(text, f.start, f.end),
            types[index[i]],
            f"e{index[i] + 1}",
            confidence[i],
            f.estimate if types[index[i]] == "QUANTITY" else None,
        )
        for i, f in enumerate(found)
    )
    return entities, mentions


def _shown(
    found: list[Found], index: list[int], types: list[str], names: list[str]
) -> tuple[list[Found], list[int], list[str], list[str]]:
    """The mentions and entities to show: not those the document's vote types MISC."""
    if MISC not in types:
        return found, index, types, names
    keep = [e for e, t in enumerate(types) if t != MISC]
    new_id = {e: k for k, e in enumerate(keep)}
    pairs = [(f, new_id[e]) for f, e in zip(found, index, strict=True) if e in new_id]
    return (
        [f for f, _ in pairs],
        [e for _, e in pairs],
        [types[e] for e in keep],
        [names[e] for e in keep],
    )


def _confidences(
    text: str, found: list[Found], index: list[int], types: list[str], tagger: Tagger | None
) -> list[float]:
    """Each mention's confidence: calibrated for names (when the tagger ships a
    calibration), the rule's own for dates, figures and the like."""
    calibration = tagger.calibration if tagger is not None else None
    sizes = [0] * len(types)
    for e in index:
        sizes[e] += 1
    out = []
    for f, e in zip(found, index, strict=True):
        final = types[e]
        if calibration is not None and final in CALIBRATED and f.source not in UNCALIBRATED:
            p = calibration.of_mention(
                f.confidence, f.source, f.type, final, sizes[e], text[f.start : f.end]
            )
            out.append(round(p, 3))
        else:
            out.append(round(min(max(f.confidence, 0.0), 1.0), 3))
    return out


def find_entities(doc: Document) -> tuple[tuple[Entity, ...], tuple[Mention, ...]]:
    """Entities (with canonical names) and their mentions in ``doc``."""
    return extract_entities(doc)
