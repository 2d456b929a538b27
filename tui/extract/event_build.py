"""From coded trigger mentions to events: spans, entity links, and one event per incident.

Each :class:`Draft` is one trigger mention with its sub-event type and arguments in
token terms of its sentence. :func:`build` turns them into character spans linked to
entity mentions, groups the mentions of one incident (:mod:`tui.extract.incidents`) and
makes one :class:`~tui.model.Event` per incident: its main trigger, its other mentions,
and the arguments of all of them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from tui.extract.arguments import Arguments
from tui.extract.chunks import NAME_TYPES, TIME_TYPES, Chunk, SentenceParse
from tui.extract.codebook import SubEventType
from tui.extract.event_categories import CROWDS, participant
from tui.extract.event_marks import marks
from tui.extract.event_refs import claim_of, merged_refs, span_ref, span_refs
from tui.extract.event_words import TokenView, is_age
from tui.extract.incidents import Report, group
from tui.extract.triggers import Trigger
from tui.model import Claim, Event, Fatalities, Mention, Ref, Span

NEAR_PLACE = 80  # characters: a place this close to a mention is its own, not the clause's


@dataclass(slots=True)
class Draft:
    """An event mention being assembled, in token terms of its sentence."""

    trigger: Trigger
    sub: SubEventType
    confidence: float
    args: Arguments
    parse: SentenceParse
    figure: tuple[int, int, int | None] | None = None  # char start, end, estimate
    # the figure is victims counted one by one ("killed Keith Lamont Scott"), not written
    named: bool = False
    extra_targets: list[tuple[Chunk, SentenceParse]] = field(default_factory=list)
    paragraph: int = 0
    host: Draft | None = None  # the same sentence's event whose toll this reports
    follows: Draft | None = None  # the paragraph's event a bare casualty was coded from
    context: list[TokenView] = field(default_factory=list)  # its paragraph's sentences
    sentence_no: int = 0  # which of them holds the trigger
    # (definite, distinct, background), worked out once: grouping and scoring both read it
    marks: tuple[bool, bool, bool] | None = None
    # the codebook coded it from words around it (cues, actor cues), not from the
    # trigger word's own listing alone ("Saturday's attack" says nothing of who was hit)
    cued: bool = False
    # a toll noun naming a category ("civilian casualties"), not a report, where the
    # text reports an event in other words (see events.TOLL_NOUNS)
    category: bool = False


# Codes an incident from its mentions: a sub-event type and its probability, or None to
# keep the codebook's coding of the main mention.
Coder = Callable[[Sequence[Draft]], tuple[SubEventType, float] | None]
# Keeps each incident's likely mentions with their probability of being a report;
# leaves out incidents with none.
Scorer = Callable[[list[list[Draft]]], list[tuple[list[Draft], list[float]]]]


@dataclass(slots=True)
class _Piece:
    """One mention in character terms."""

    draft: Draft
    trigger: Span
    actors: list[Ref]
    targets: list[Ref]
    location: list[Ref]
    own_location: list[Ref]  # the places in the trigger's own clause
    time: list[Ref]
    figure: Fatalities | None
    claim: str | None


def build(
    text: str,
    drafts: list[Draft],
    live: list[Mention],
    starts: list[int],
    claims: tuple[Claim, ...],
    coder: Coder | None = None,
    scorer: Scorer | None = None,
) -> tuple[Event, ...]:
    """One event per incident, in document order, ids ``v1..``. ``scorer`` keeps the
    mentions likely to be reports, with their probabilities (:mod:`event_mentions`).
    ``build`` takes the drafts: it empties ``drafts`` and lets each incident's drafts
    go once its event is made (with their sentences' parses and views, they were most
    of the stage's memory on 1 MB of news)."""
    contents = sorted((c.start, c.end, claim.id) for claim in claims for c in claim.content)
    content_starts = [c[0] for c in contents]
    groups = incidents(drafts)
    drafts.clear()
    scored = (
        scorer(groups) if scorer is not None else [(g, [d.confidence for d in g]) for g in groups]
    )
    del groups
    events: list[Event] = []
    for k in range(len(scored)):
        members, probs = scored[k]
        scored[k] = ([], [])  # this incident's drafts are not read again
        pieces = [_piece(text, d, live, starts, contents, content_starts) for d in members]
        coded = coder(members) if coder is not None else None
        real = max(probs) if scorer is not None else None
        events.append(_merge(f"v{len(events) + 1}", pieces, coded, real))
        del members, pieces
    return tuple(events)


def incidents(drafts: list[Draft]) -> list[list[Draft]]:
    """The drafts grouped by incident, in document order, background left out."""
    drafts = sorted(drafts, key=lambda d: d.parse.view.toks[d.trigger.start].start)
    index = {id(d): k for k, d in enumerate(drafts)}
    # each sentence's event words other than crowds, for the crowds in it to join
    spoken: dict[int, list[Draft]] = {}
    for d in drafts:
        if d.trigger.kind == "event" and d.trigger.phrase not in CROWDS:
            spoken.setdefault(id(d.parse), []).append(d)
    reports = [_report(d, index, _crowd_host(d, spoken.get(id(d.parse), []))) for d in drafts]
    return [
        [drafts[k] for k in members]
        for members in group(reports)
        # a war's toll, fighting "years ago": not the incident reported
        if not any(reports[k].background for k in members)
    ]


def _piece(
    text: str,
    d: Draft,
    live: list[Mention],
    starts: list[int],
    contents: list[tuple[int, int, str]],
    content_starts: list[int],
) -> _Piece:
    v = d.parse.view
    trigger = Span.of(text, v.toks[d.trigger.start].start, v.toks[d.trigger.end - 1].end)
    # "Scott, 43,": the age beside a victim's name is no victim of its own
    p = d.parse
    hit = [c for c in d.args.targets if not is_age(p.view, p.mention_types, c.start, c.end)]
    targets = span_refs(text, hit, d.parse, live, starts, NAME_TYPES)
    for c, parse in d.extra_targets:
        if is_age(parse.view, parse.mention_types, c.start, c.end):
            continue  # a casualty word's victims: "killed Scott, 43,"
        ref = span_ref(text, c.start, c.end, parse, live, starts, NAME_TYPES)
        if all(not r.span.overlaps(ref.span) for r in targets):
            targets.append(ref)
    actors = span_refs(text, d.args.actors, d.parse, live, starts, NAME_TYPES)
    targets = [r for r in targets if all(not r.span.overlaps(a.span) for a in actors)]
    # another mention's places join the incident only where they are its own
    own = [c for c in d.args.location if not _other_clause(d, c.start, c.end, strict=False)]
    location = span_refs(text, own, d.parse, live, starts, NAME_TYPES)
    if len(own) < len(d.args.location):
        everywhere = span_refs(text, d.args.location, d.parse, live, starts, NAME_TYPES)
    else:
        everywhere = location
    time = [span_ref(text, a, b, d.parse, live, starts, TIME_TYPES) for a, b in d.args.time]
    figure = None
    if d.figure is not None:
        qs, qe, est = d.figure
        figure = Fatalities(Span.of(text, qs, qe), est)
    claim = claim_of(contents, content_starts, trigger)
    return _Piece(d, trigger, actors, targets, everywhere, location, time, figure, claim)


def _near(piece: _Piece, refs: list[Ref]) -> list[Ref]:
    t = piece.trigger
    return [
        r
        for r in refs
        if (r.span.start - t.end if r.span.start >= t.end else t.start - r.span.end) <= NEAR_PLACE
    ]


def _key(text: str) -> str:
    words = text.lower().split()
    if words and words[0] in ("the", "a", "an"):
        words = words[1:]
    return " ".join(words)


_NO_KEYS: frozenset[str] = frozenset()


def _near_keys(d: Draft, spans: Sequence[tuple[int, int]], named: bool) -> frozenset[str]:
    """Keys of the token ranges ``spans`` that say where (or when) the draft's own event
    happened: near its trigger, in its clause, and (``named``) naming a place. "The city"
    or "the area" is no evidence that two mentions differ; "asylum seekers from Pakistan"
    after "Saturday's attack are reported to have been" is not where the attack was."""
    v = d.parse.view
    toks = v.toks
    t0, t1 = toks[d.trigger.start].start, toks[d.trigger.end - 1].end
    out = set()
    for a, b in spans:
        s, e = toks[a].start, toks[b - 1].end
        if (s - t1 if s >= t1 else t0 - e) > NEAR_PLACE:
            continue
        if named and not any(v.is_capitalised(k) for k in range(a, b)):
            continue
        if _other_clause(d, a, b) and (named or not _opening_time(d, a, b)):
            continue
        out.add(_key(v.text[s:e]))
    return frozenset(out) if out else _NO_KEYS  # most mentions: one shared empty set


_TIME_OPENERS = frozenset({"in", "on", "at", "during", "since", "by", "last", "this", "early"})


def _opening_time(d: Draft, a: int, b: int) -> bool:
    """Is the time phrase at ``a``..``b`` the sentence's opening adverbial, set off by a
    comma ("In 2000, they attacked the USS Cole")? It dates the main clause, subject and
    all, so the clause words between it and the trigger do not make it another's."""
    v = d.parse.view
    return (
        b < d.trigger.start
        and v.toks[b].text == ","
        and all(v.low[k] in _TIME_OPENERS for k in range(a))
    )


# Words that open or mark another clause: subject pronouns, relatives, finite auxiliaries
_FINITE = frozenset({"had", "has", "have", "will", "would", "could", "can", "might", "must"})
_CLAUSE_WORDS = _FINITE | {"he", "she", "they", "we", "i", "you", "it", "who", "which", "whose"}


def _other_clause(d: Draft, a: int, b: int, strict: bool = True) -> bool:
    """Does the phrase at tokens ``a``..``b`` belong to another clause or phrase than the
    trigger? Before the trigger: a clause word, a form of "be" or a preposition between
    ("the frustration in Downing Street about Saturday's attack", "from CCTV on the night
    he committed the attack"). After it, ``strict``: a clause word, "be" or a participle
    ("the attack in this photo released, May 27"); else a finite auxiliary only
    ("Saturday's attack are reported to have been asylum seekers from Pakistan")."""
    v, w = d.parse.view, d.parse.words
    if a < d.trigger.end:
        return any(
            v.low[k] in _CLAUSE_WORDS
            or v.low[k] in w.be
            or (v.low[k] in w.function_words and v.low[k] not in ("and", "or"))
            for k in range(b, d.trigger.start)
        )
    gap = range(d.trigger.end, a)
    if not strict:
        return any(v.low[k] in _FINITE for k in gap)
    chunked = {k for c in d.parse.chunks for k in range(c.start, c.end)}
    return any(
        v.low[k] in _CLAUSE_WORDS
        or v.low[k] in w.be
        or (v.low[k].endswith("ed") and v.low[k].isalpha() and k not in chunked)
        for k in gap
    )


def _crowd_host(d: Draft, others: list[Draft]) -> Draft | None:
    """The event a crowd noun's sentence reports in other words (``others``: its event
    words that are no crowd) - "Demonstrators clashed with police": the crowd takes part
    in it, it is no incident of its own. (The two were grouped by their codebook coding,
    a protest and a clash, before the sub-event model coded both as one violent
    demonstration: two events for one.) Any other draft keeps its own host."""
    if d.host is not None or d.trigger.phrase not in CROWDS or not others:
        return d.host
    return min(others, key=lambda o: abs(o.trigger.start - d.trigger.start))


def _report(d: Draft, index: dict[int, int], host: Draft | None = None) -> Report:
    definite, distinct, background = marks(d)
    if host is not None and host is not d.host:
        # a crowd taking part in its sentence's event: it joins that incident and gives
        # it nothing to be matched by ("protesters" there made every later "protests"
        # one stem with the police shooting they protested)
        return Report(
            kind=d.trigger.kind,
            position=d.parse.view.toks[d.trigger.start].start,
            phrase="",
            subtype="",
            event_type="",
            confidence=d.confidence,
            paragraph=d.paragraph,
            host=index.get(id(host)),
            background=background,
        )
    return Report(
        kind=d.trigger.kind,
        position=d.parse.view.toks[d.trigger.start].start,
        phrase=d.trigger.phrase,
        subtype=d.sub.name,
        event_type=d.sub.event_type,
        confidence=d.confidence,
        paragraph=d.paragraph,
        definite=definite,
        distinct=distinct,
        host=index.get(id(host)) if host is not None else None,
        follows=index.get(id(d.follows)) if d.follows is not None else None,
        places=_near_keys(d, [(c.start, c.end) for c in d.args.location], named=True),
        times=_near_keys(d, d.args.time, named=False),
        background=background,
        victims=_victims(d),
    )


def _victims(d: Draft) -> frozenset[str]:
    """The last words of the people named among the draft's targets ("Keith Lamont
    Scott", "Scott": "scott"); most drafts name none and share one empty set."""
    p = d.parse
    out = []
    for c in d.args.targets:
        last = None
        for k in range(c.start, c.end):
            if p.mention_types[k] == "PERSON" and p.view.is_capitalised(k):
                last = p.view.low[k]
        if last is not None:
            out.append(last)
    return frozenset(out) if out else _NO_KEYS


def _merge(
    event_id: str,
    members: list[_Piece],
    coded: tuple[SubEventType, float] | None,
    real: float | None = None,
) -> Event:
    """One event from the mentions of one incident (in document order); ``real``: the
    probability that it is a reported event at all, when known."""
    # "protesters" names the crowd of the incident its other words report ("killed 13
    # protesters", "protesters march"): it codes the incident but is no mention of it
    # (WikiEvents marks 0 of the 32 crowd nouns in dev and train as triggers). Alone it
    # is the report ("Protesters gathered in the square", as ACLED's notes write). So is
    # "casualty" modifying a noun ("the mass casualty attack", "the casualty toll").
    spoken = [p for p in members if not participant(p.draft)] or members
    main = next((p for p in spoken if p.draft.trigger.kind == "event"), spoken[0])
    if coded is not None:
        sub, confidence = coded
    else:
        votes: dict[str, float] = {}
        voters = [p for p in members if p.draft.trigger.kind == "event"] or members
        for p in voters:
            votes[p.draft.sub.name] = votes.get(p.draft.sub.name, 0.0) + p.draft.confidence
        best = max(votes.values())
        sub = next(p.draft.sub for p in [main, *voters] if votes[p.draft.sub.name] == best)
        confidence = max(p.draft.confidence for p in members)
    if real is not None:
        # a right suggestion is a reported incident, coded right
        confidence = real * (confidence if coded is not None else 1.0)
    others = [p for p in members if p is not main]
    actors = merged_refs([main.actors, *(p.actors for p in others)])
    targets = merged_refs([main.targets, *(p.targets for p in others)])
    targets = [r for r in targets if all(not r.span.overlaps(a.span) for a in actors)]
    location = merged_refs([main.location, *(_near(p, p.own_location) for p in others)])
    time = main.time or next((t for p in others if (t := _near(p, p.time))), [])
    # the main mention's toll, else another's; a written count before named victims
    tolls = [p for p in (main, *members) if p.figure is not None]
    figure = next(
        (p.figure for p in tolls if not p.draft.named), tolls[0].figure if tolls else None
    )
    claim = main.claim or next((p.claim for p in members if p.claim is not None), None)
    return Event(
        id=event_id,
        type=sub.event_type,
        subtype=sub.name,
        trigger=main.trigger,
        mentions=tuple(p.trigger for p in others if any(p is q for q in spoken)),
        actors=tuple(actors),
        targets=tuple(targets),
        location=tuple(location),
        time=tuple(time),
        fatalities=figure,
        claim=claim,
        origin="auto",
        status="suggested",
        confidence=round(confidence, 3),
    )
