"""Claims: who said what.

Rule-based. Each sentence holding a cue word (``claims_cues.yaml``) is read with the
frames in ``frames.py``; layout gives a few more (``labels.py``: "WALLACE: ...",
"“...” ― Name"). Then, per document: quotations are taken whole across sentences and
paragraphs, quoted sentences that follow a direct claim in the same paragraph continue
it, "X said:" takes the next paragraph, sources are linked to the entity mentions inside
them, and pronoun sources are resolved to the nearest earlier compatible source
(``coref.py``). Cues inside a quotation are not claims of their own.

Each paragraph's drafts come from ``paragraph_drafts.py``, whether a cue sits inside
another claim's content from ``nested_contents.py``; here they are chosen and finished.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from tui.extract.claim_model import ClaimModel, claim_model
from tui.extract.content import trim
from tui.extract.coref import Antecedent, kind_of_source, resolve
from tui.extract.cues import Lexicon, lexicon, word_pattern
from tui.extract.frames import Draft
from tui.extract.labels import find_labels
from tui.extract.nested_contents import _inside_any, _reaches
from tui.extract.page_chrome import chrome_spans, in_chrome
from tui.extract.paragraph_drafts import (
    _any_between,
    _continue_speaker,
    _cue_words,
    _paragraph,
    _says_something,
    _starts_quote,
)
from tui.extract.quotes import Quotes
from tui.extract.speaker_links import link_nearby
from tui.model import Claim, Entity, Mention, Ref, Span
from tui.text.document import Document
from tui.text.segment import paragraphs


@lru_cache(maxsize=1)
def _hedge_pattern() -> re.Pattern[str]:
    lex = lexicon()
    return word_pattern(set(lex.hedge_words) | set(lex.hedge_phrases))


NESTED = 0.8  # confidence kept by a claim reported inside another's content
NESTED_KEY = "_nested"  # marks such claims among the features; the scorer skips it


def _kind(text: str, content: list[tuple[int, int]], quotes: Quotes) -> str:
    total = sum(e - s for s, e in content)
    quoted = sum(quotes.inside(s, e) for s, e in content)
    if quoted == 0:
        return "indirect"
    if quoted >= total - 2 * len(content):
        return "direct"
    return "mixed"


def find_claims(
    doc: Document,
    entities: tuple[Entity, ...],
    mentions: tuple[Mention, ...],
    model: ClaimModel | None = None,
) -> tuple[Claim, ...]:
    """Attributed statements in ``doc``; sources linked to ``entities`` where they can be.

    ``model``: the learned claim models (default: the packaged ones). Claims whose
    confidence falls below the model's threshold are left out. A nested claim (reported
    inside another's content) is judged on the scorer's reading of the claim itself: its
    lower confidence says the writer vouches for it only through the outer source, not
    that it was misread.
    """
    model = model or claim_model()
    scored = scored_claims(doc, entities, mentions, model, one_per_cue=True)
    claims = [c for c, _ in scored]
    if model is not None and model.scorer:
        nested = {id(c) for c, f in scored if NESTED_KEY in f}
        claims = [
            c
            for c in claims
            if c.confidence / (NESTED if id(c) in nested else 1.0) >= model.threshold
        ]
    return tuple(
        Claim.suggested(f"c{n}", c.cue, c.content, c.source, c.kind, c.hedges, c.confidence)
        for n, c in enumerate(claims, 1)
    )


AGREE = 0.8  # readings of one cue that overlap this much are the same claim
# The features ``choose_reading`` and ``find_claims`` read; _NO_FEATURES is shared, never
# written to.
# The tagger often stops a clause short ("acknowledged that both Trump [and Sanders are
# ...]"), and the scorer, blind to which reading holds the other, gave the piece a hair
# more confidence. Within this margin the rule's whole clause is kept: on held-out train
# articles (fold 0 of 5) F1 .6862 -> .6884 (+8 right, -8 wrong); 0.02, 0.1 and 1.0 gained
# less.
WITHIN_KEY = "_within_rule"  # the tagger's content is a piece of the rule's (not scored)
WITHIN_MARGIN = 0.05
_CHOICE_KEYS = ("origin_rule", "agree_rule", NESTED_KEY, WITHIN_KEY)
_NO_FEATURES: dict[str, float] = {}


def choose_reading(readings: list[tuple[float, dict[str, float]]]) -> int:
    """Which of one cue's readings (confidence, features) to keep: the rule frames'
    reading, whose boundaries follow the house conventions (content.py), unless the
    tagger's differs from it and the scorer trusts the tagger's more (by WITHIN_MARGIN
    when the tagger's content is a piece of the rule's)."""
    best = max(range(len(readings)), key=lambda n: readings[n][0])
    rule = next((n for n, (_, f) in enumerate(readings) if "origin_rule" in f), None)
    if rule is None or rule == best:
        return best
    if readings[rule][1].get("agree_rule", 0.0) >= AGREE:
        return rule
    if WITHIN_KEY in readings[best][1] and readings[best][0] - readings[rule][0] < WITHIN_MARGIN:
        return rule
    return best


def best_per_cue(scored: list[tuple[Claim, dict[str, float]]]) -> list[Claim]:
    """One claim per cue (see ``choose_reading``), in document order."""
    keep = _one_per_cue([(c.cue.start, c.confidence, f) for c, f in scored])
    return [scored[n][0] for n in keep]


def scored_claims(
    doc: Document,
    entities: tuple[Entity, ...],
    mentions: tuple[Mention, ...],
    model: ClaimModel | None,
    one_per_cue: bool = False,
) -> list[tuple[Claim, dict[str, float]]]:
    """Every candidate claim in document order, with the features its confidence was
    scored from (training fits the scorer on these); with ``one_per_cue``, only the
    reading of each cue that ``best_per_cue`` keeps (the others' claims are never built),
    and of its features only those the choice reads (``_CHOICE_KEYS``)."""
    text = doc.text
    lex = lexicon()
    paras = paragraphs(text)
    quotes = Quotes(text, paras)
    cue_words = _cue_words(text, model)
    drafts: list[Draft] = []
    speaker: Draft | None = None  # the direct claim a quoted paragraph may continue
    for n, p in enumerate(paras):
        found = (
            _paragraph(text, p, quotes, lex, cue_words, model)[0]
            if _any_between(cue_words, p[0], p[1])
            else []
        )
        if not found:
            speaker = _continue_speaker(text, p, speaker, quotes)
            continue
        for d in found:
            if d.colon and n + 1 < len(paras):
                q = _starts_quote(text, paras[n + 1][0], quotes)
                nxt = paras[n + 1]
                spans = [(x.start, x.end) for x in quotes.chain(q)] if q else [trim(text, *nxt)]
                # A next paragraph of punctuation alone (' ,') says nothing: no claim.
                d.content = [(a, b) for a, b in spans if _says_something(text, a, b)]
        drafts.extend(d for d in found if d.content)
        last = found[-1]
        speaker = last if last.content and quotes.inside(*last.content[-1]) else None
    for lab in find_labels(text, paras, quotes, lex):
        drafts.append(Draft(lab.cue, list(lab.content), lab.source, weight=0.8))
    chrome = chrome_spans(text)
    if chrome:  # a link list's lines say nothing of the article's
        starts = [s for s, _ in chrome]
        drafts = [d for d in drafts if not in_chrome(chrome, starts, d.cue[0])]
    return _finish(text, drafts, entities, mentions, quotes, lex, model, one_per_cue)


def _finish(
    text: str,
    drafts: list[Draft],
    entities: tuple[Entity, ...],
    mentions: tuple[Mention, ...],
    quotes: Quotes,
    lex: Lexicon,
    model: ClaimModel | None,
    one_per_cue: bool,
) -> list[tuple[Claim, dict[str, float]]]:
    types = {e.id: e.type for e in entities}
    ordered = sorted(mentions, key=lambda m: (m.span.start, m.span.end))
    starts = [m.span.start for m in ordered]
    antecedents: list[Antecedent] = []
    linked: dict[tuple[int, int], str | None] = {}
    readings: list[tuple[int, int, _Reading]] = []
    drafts.sort(key=lambda d: d.cue[0])
    # A claim reported inside another claim's content ("X said Y told him ...") is kept
    # when the rule frames read it, with less confidence: the writer vouches for it only
    # through X. (PolNeAR never marks these, so the scorer is not asked about them.) The
    # tagger's nested readings are left out. Only credible claims' contents count here:
    # the rules' and those of well-scored cues.
    contents = sorted(
        (s, e)
        for d in drafts
        if d.origin == "rule" or (d.margin or 0.0) > 0.0
        for s, e in d.content + d.extra
    )
    reach = _reaches(contents)
    nested = [_inside_any(d.cue, contents, reach) for d in drafts]
    for d, inside in zip(drafts, nested, strict=True):
        if inside:
            d.weight *= NESTED
    for d, inside in zip(drafts, nested, strict=True):
        if _refusal(text, d, lex) or (inside and d.origin == "model"):
            continue
        content = sorted(set(d.content + d.extra))
        ref = None
        confidence = d.weight
        pronoun = False
        ante: Antecedent | None = None
        if d.source is not None:
            span = Span.of(text, *d.source)
            word = span.text.lower()
            if word in lex.pronouns:
                # Resolved once the readings are chosen (``_resolve_pronouns``): only a
                # kept reading's source may be what a pronoun points back to.
                pronoun = True
                ref = Ref(span, None)
                if not (model is not None and model.scorer):
                    found = resolve(word, span.start, antecedents, ordered, lex, starts)
                    confidence *= 0.9 if found else 0.7
            else:
                # The rule's and the tagger's readings of a cue often share the source.
                if d.source in linked:
                    entity = linked[d.source]
                else:
                    entity = linked[d.source] = link_nearby(span, ordered, starts)
                ref = Ref(span, entity)
                kind = kind_of_source(span.text, types.get(entity) if entity else None, lex)
                antecedents.append(Antecedent(span.start, kind, entity))
                ante = antecedents[-1]
        else:
            confidence *= 0.8
        kind = d.kind or _kind(text, content, quotes)
        feats: dict[str, float] = {}
        if model is not None:
            feats = claim_features(text, d, content, kind, ref, pronoun, quotes, lex)
            if model.scorer:
                confidence = model.confidence(feats) * (NESTED if inside else 1.0)
            if inside:
                feats[NESTED_KEY] = 1.0
            if one_per_cue:
                # Only what choosing among a cue's readings (and find_claims) reads is kept:
                # the full features of every reading of 1 MB of news held ~20 MB.
                feats = {k: feats[k] for k in _CHOICE_KEYS if k in feats} or _NO_FEATURES
        ends = [d.cue, *content] + ([d.source] if d.source else [])
        start = min(s for s, _ in ends)
        reading = _Reading(d, content, ref, kind, round(confidence, 3), feats, start, ante)
        readings.append((start, d.cue[0], reading))
    readings.sort(key=lambda x: (x[0], x[1]))
    kept = [r for _, _, r in readings]
    if one_per_cue:
        kept = [
            kept[n] for n in _one_per_cue([(r.draft.cue[0], r.confidence, r.feats) for r in kept])
        ]
    kept = _resolve_pronouns(kept, ordered, starts, lex)
    hedge_re = _hedge_pattern()
    return [(_claim(text, r, hedge_re), r.feats) for r in kept]


def _resolve_pronouns(
    kept: list[_Reading], ordered: list[Mention], starts: list[int], lex: Lexicon
) -> list[_Reading]:
    """Pronoun sources pointed back at the nearest compatible source among the kept
    readings (in the order of their cues), else at an entity mention. A reading of a cue
    that lost to another is no antecedent: its source was not the one shown."""
    antecedents: list[Antecedent] = []
    out = list(kept)
    for n in sorted(range(len(kept)), key=lambda n: kept[n].draft.cue[0]):
        r = kept[n]
        if r.antecedent is not None:
            antecedents.append(r.antecedent)
        elif r.source is not None and r.source.entity is None and r.draft.source is not None:
            span = r.source.span
            word = span.text.lower()
            if word in lex.pronouns:
                found = resolve(word, span.start, antecedents, ordered, lex, starts)
                if found is not None and found.entity is not None:
                    out[n] = replace(r, source=Ref(span, found.entity))
    return out


# Not frozen (never changed all the same): a frozen dataclass sets each field through
# object.__setattr__, 3x slower to build, and every reading of every cue builds one.
@dataclass(slots=True)
class _Reading:
    """A draft read to the end and scored, before its claim is built."""

    draft: Draft
    content: list[tuple[int, int]]
    source: Ref | None
    kind: str
    confidence: float  # rounded as the claim shows it
    feats: dict[str, float]
    start: int
    antecedent: Antecedent | None  # what a later pronoun may point back to


def _one_per_cue(readings: list[tuple[int, float, dict[str, float]]]) -> list[int]:
    """Indices of the readings (cue start, confidence, features) ``choose_reading``
    keeps, one per cue, in their order."""
    groups: dict[int, list[int]] = {}
    for n, (cue, _, _) in enumerate(readings):
        groups.setdefault(cue, []).append(n)
    keep = set()
    for idx in groups.values():
        if len(idx) == 1:
            keep.add(idx[0])
        else:
            keep.add(idx[choose_reading([(readings[n][1], readings[n][2]) for n in idx])])
    return [n for n in range(len(readings)) if n in keep]


def _claim(text: str, r: _Reading, hedge_re: re.Pattern[str]) -> Claim:
    d = r.draft
    end = max(e for _, e in [d.cue, *r.content] + ([d.source] if d.source else []))
    hedges = [Span.of(text, *d.cue)] if d.hedge_cue else []
    hedges += [
        Span.of(text, m.start(), m.end())
        for m in hedge_re.finditer(text, r.start, end)
        if not (m.start() == d.cue[0] and d.hedge_cue)
    ]
    content = tuple(Span.of(text, s, e) for s, e in r.content)
    hedges.sort(key=lambda h: h.start)
    cue = Span.of(text, *d.cue)
    return Claim.suggested("", cue, content, r.source, r.kind, tuple(hedges), r.confidence)


def _refusal(text: str, d: Draft, lex: Lexicon) -> bool:
    """'She declined to say where ...': a refusal to speak is no claim to check."""
    if text[d.cue[0] : d.cue[1]].lower() not in lex.refusals:
        return False
    words = text[d.cue[1] : d.cue[1] + 40].lower().split(maxsplit=2)
    return len(words) >= 2 and words[0] == "to" and words[1] in lex.speech_infinitives


def _log_bucket(n: int) -> str:
    return str(min(n, 64).bit_length())


def claim_features(
    text: str,
    d: Draft,
    content: list[tuple[int, int]],
    kind: str,
    source: Ref | None,
    pronoun: bool,
    quotes: Quotes,
    lex: Lexicon,
) -> dict[str, float]:
    """What the scorer reads of a finished claim: how its cue scored, which reader built
    it, its source, its content's size and kind."""
    f: dict[str, float] = {"origin_" + d.origin: 1.0}
    if d.margin is None:
        f["no_margin"] = 1.0
    else:
        m = max(-30.0, min(30.0, d.margin))
        f["margin"] = m / 10
        f["margin_b" + str(int(max(-4, min(4, m // 3))))] = 1.0
    if d.origin == "model":
        f["tag_margin"] = min(d.tag_margin, 40.0) / 10
    else:
        f["rule_weight"] = d.weight
    if d.within:
        f[WITHIN_KEY] = 1.0
    if d.agree is not None:
        f["agree_" + d.origin] = d.agree
        f["disagree_" + d.origin] = 1.0 - d.agree
    f["source_" + ("none" if source is None else "pronoun" if pronoun else "named")] = 1.0
    f["kind_" + kind] = 1.0
    f["fragments_" + str(min(len(content), 3))] = 1.0
    words = sum(len(text[s:e].split(maxsplit=64)) for s, e in content)  # buckets end at 64
    f["words_" + _log_bucket(words)] = 1.0
    before = any(e <= d.cue[0] for _, e in content)
    after = any(s >= d.cue[1] for s, _ in content)
    f["side_" + ("both" if before and after else "before" if before else "after")] = 1.0
    opening = text[content[0][0] : content[0][1]].split(maxsplit=1) if content else []
    first = opening[0].lower() if opening else ""
    opener = (
        first
        if first in ("that", "to", "whether", "if")
        else "quote"
        if first[:1] in "“\"'‘«"
        else "other"
    )
    f["opens_" + opener] = 1.0
    if quotes.containing(d.cue[0]) is not None:
        f["cue_quoted"] = 1.0
    cue = text[d.cue[0] : d.cue[1]].lower()
    verb = lex.verbs.get(cue)
    f["lexicon_" + ("none" if verb is None else "strict" if verb.strict else "verb")] = 1.0
    return f
