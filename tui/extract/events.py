"""Events: who did what to whom, where, when, how many were killed, per which claim.

Sentence by sentence: triggers from the codebook are coded with a sub-event type
(:mod:`tui.extract.triggers`), their arguments found around them among the sentence's
noun phrases (:mod:`tui.extract.arguments`, :mod:`tui.extract.chunks`) and linked to
entity mentions. Reports of deaths and injuries ("killed", "wounded") are event mentions
of their own (as in KAIROS / WikiEvents): with an event word in the same sentence they
are coded like it and share their figure and victims with it (one fatalities span, so an
export counts it once); alone, they are coded like the event before them in the
paragraph, by their context words, or as the codebook's casualty sub-event type.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache

from tui.extract.arguments import find_arguments
from tui.extract.chunks import NAME_TYPES, SentenceParse, parse_sentence
from tui.extract.codebook import Codebook, SubEventType, default_codebook
from tui.extract.event_build import Draft, build
from tui.extract.event_categories import TOLL_NOUNS, counted, without_categories
from tui.extract.event_mentions import mention_scorer
from tui.extract.event_not_reports import (
    background,
    illness,
    negated,
    other_sense,
    people_taken,
    the_afflicted,
)
from tui.extract.event_refs import mentions_in
from tui.extract.event_words import EventWords, TokenView, event_words, is_age
from tui.extract.incidents import UNIT
from tui.extract.quantities import find_quantities
from tui.extract.subtypes import QUIET, subtype_coder
from tui.extract.tolls import PEACEFUL, children_counted, victim_toll, written_toll
from tui.extract.triggers import Coding, Trigger, TriggerFinder, title_cased
from tui.model import Claim, Entity, Event, Mention
from tui.text.document import Document
from tui.text.segment import paragraphs, sentences

# A paragraph is the unit of locality (the event a bare "were killed" continues, which
# mentions are near, the sentences the coder reads). News paragraphs are short: in the
# GUM news training documents the median is 2 sentences (mean 2.2), 95% have at most 5
# and 99% at most 7 (ACLED training notes: median 2, 99% at most 5). A "paragraph" far
# longer is text whose line breaks were lost (scraped pages, corpora stored as one
# string), so it is read as blocks of a typical news paragraph's length instead.
LONG_PARAGRAPH = 8  # sentences beyond which a paragraph is text without its breaks
BLOCK_SENTENCES = 2  # sentences per locality block of such a text


@lru_cache(maxsize=4)
def _finder(codebook: Codebook) -> TriggerFinder:
    return TriggerFinder(codebook, event_words())


def find_events(
    doc: Document,
    entities: tuple[Entity, ...],
    mentions: tuple[Mention, ...],
    claims: tuple[Claim, ...],
    codebook: Codebook | None = None,
) -> tuple[Event, ...]:
    """Events in ``doc`` coded with the codebook, linked to the claims that report them."""
    codebook = codebook or default_codebook()
    live = sorted(
        (m for m in mentions if m.status != "rejected"), key=lambda m: (m.span.start, m.span.end)
    )
    starts = [m.span.start for m in live]
    drafts = find_drafts(doc.text, live, starts, codebook)
    return build(doc.text, drafts, live, starts, claims, subtype_coder(codebook), mention_scorer())


def find_drafts(
    text: str, live: list[Mention], starts: list[int], codebook: Codebook
) -> list[Draft]:
    """Every trigger mention in ``text``, coded and with its arguments (``live``: the
    entity mentions to link, sorted; ``starts``: their starts)."""
    finder = _finder(codebook)
    words = event_words()
    drafts: list[Draft] = []
    first = len(text) - len(text.lstrip())  # where the title, if any, starts
    for block in locality_blocks(text):
        previous: Draft | None = None
        context: list[TokenView] = []  # the paragraph's sentences, shared by its drafts
        for s, e, place in block:
            view = TokenView.of(text, s, e, words)
            context.append(view)
            triggers = finder.find(view)
            if not triggers or (
                _heading(view, triggers) and not _title(view, words, triggers, s == first)
            ):
                continue
            near = mentions_in(live, starts, s, e)
            parse, figures = _parse(view, words, near, triggers, s, e)
            triggers = [t for t in triggers if not _not_this_event(parse, view, t)]
            found = _sentence_events(finder, codebook, parse, triggers, figures, previous)
            for d in found:
                d.paragraph = place
                d.context = context
                d.sentence_no = len(context) - 1
            drafts.extend(found)
            if found:
                previous = found[-1]
    return without_categories(drafts)


def locality_blocks(text: str) -> list[list[tuple[int, int, int]]]:
    """The sentences (start, end, place) of ``text`` by paragraph, a paragraph of more
    than :data:`LONG_PARAGRAPH` sentences cut into blocks of :data:`BLOCK_SENTENCES`.
    ``place`` says how far apart mentions are, in :data:`~tui.extract.incidents.UNIT`
    steps per paragraph and one step per sentence of a cut paragraph, so "the attack"
    two sentences after a bombing is as close to it as in a real paragraph wherever the
    cuts fall."""
    blocks: list[list[tuple[int, int, int]]] = []
    place = 0
    for p_start, p_end in paragraphs(text):
        spans = sentences(text, p_start, p_end)
        if len(spans) <= LONG_PARAGRAPH:
            blocks.append([(s, e, place) for s, e in spans])
            place += UNIT
            continue
        placed = [(s, e, place + k) for k, (s, e) in enumerate(spans)]
        blocks.extend(
            placed[k : k + BLOCK_SENTENCES] for k in range(0, len(spans), BLOCK_SENTENCES)
        )
        place += len(spans) - 1 + UNIT
    return blocks


def _heading(view: TokenView, triggers: list[Trigger]) -> bool:
    """A title, list item or section heading ("2014 Bagram Airfield bombing"): it names
    an event reported elsewhere, if at all, rather than reporting one. A sentence in
    brackets is the title of a linked story ("[How a new kind of protest movement has
    arisen in Venezuela]")."""
    if view.toks[0].text == "[" and view.toks[-1].text == "]":
        return True
    if view.toks[-1].text in (".", "!", "?", "…"):
        return False  # most sentences: ended, so no heading, whatever their words
    inside = {i for t in triggers for i in range(t.start, t.end)}
    lower = 0
    for i, tok in enumerate(view.toks):
        if i not in inside and tok.text[:1].islower():
            lower += 1
            if lower == 2:
                return False
    return True


def _title(view: TokenView, words: EventWords, triggers: list[Trigger], first: bool) -> bool:
    """The article's title on a line of its own ("Court Convicts Friend of Boston Bombing
    Suspect") reports its event as a headline run into the text does (WikiEvents train
    marks about half of those): the first line, with an event word capitalised among
    capitalised words. A list item or section heading further down ("* 2014 Bagram
    Airfield bombing", "==Attack==") names an event instead, and stays skipped."""
    fw = words.function_words
    return first and any(t.kind == "event" and title_cased(view, t.start, fw) for t in triggers)


def _parse(
    view: TokenView,
    words: EventWords,
    near: list[Mention],
    triggers: list[Trigger],
    s: int,
    e: int,
) -> tuple[SentenceParse, list[tuple[int, int, int, int, int | None]]]:
    """The sentence's chunks, plus its figures as (tok start, tok end, char s, e, estimate)."""
    n = len(view)
    tok_starts = [t.start for t in view.toks]
    mtypes: list[str | None] = [None] * n
    for m in near:
        a = max(0, bisect_left(tok_starts, m.span.start) - 1)
        for i in range(a, n):
            t = view.toks[i]
            if t.start >= m.span.end:
                break
            if t.end > m.span.start:
                mtypes[i] = m.type
    figures = []
    found = find_quantities(view.text, s, e)
    # most sentences count nothing: they share one list of False (parses only read it)
    quantity = [False] * n if found else _no_quantity(n)
    for qs, qe, est in found:
        a = bisect_left(tok_starts, qs)
        b = a
        while b < n and view.toks[b].start < qe:
            quantity[b] = True
            b += 1
        if b > a and not is_age(view, mtypes, a, b) and not children_counted(view, a):
            figures.append((a, b, qs, qe, est))
    return parse_sentence(view, words, mtypes, quantity, _trigger_tokens(triggers)), figures


# Shared read-only values of the parses: thousands of sentences of a long text hold the
# same ones, and a set or a list per sentence was a tenth of the stage's memory.
_NO_QUANTITY: list[bool] = []
_TRIGGER_TOKENS: dict[tuple[int, ...], frozenset[int]] = {}


def _no_quantity(n: int) -> list[bool]:
    """A list of at least ``n`` False, shared (a parse reads only its first ``n``)."""
    global _NO_QUANTITY
    if len(_NO_QUANTITY) < n:
        _NO_QUANTITY = [False] * max(n, 2 * len(_NO_QUANTITY))
    return _NO_QUANTITY


def _trigger_tokens(triggers: list[Trigger]) -> frozenset[int]:
    key = tuple(i for t in triggers for i in range(t.start, t.end))
    found = _TRIGGER_TOKENS.get(key)
    if found is None:
        found = frozenset(key)
        if len(_TRIGGER_TOKENS) < 10_000:
            _TRIGGER_TOKENS[key] = found
    return found


def _sentence_events(
    finder: TriggerFinder,
    codebook: Codebook,
    parse: SentenceParse,
    triggers: list[Trigger],
    figures: list[tuple[int, int, int, int, int | None]],
    previous: Draft | None,
) -> list[Draft]:
    view = parse.view
    events: list[Draft] = []
    casualties: list[Trigger] = []
    for t in triggers:
        if t.kind != "event":
            casualties.append(t)
            continue
        coding = finder.code(view, t)
        if coding is None:
            continue
        args = find_arguments(parse, t, coding.subtype.object)
        actor_tokens = [i for c in args.actors for i in range(c.start, c.end)]
        # "Russia seized Crimea": a country as the actor is its state forces
        state = bool(actor_tokens) and all(parse.mention_types[i] == "GPE" for i in actor_tokens)
        if not actor_tokens and coding.subtype.object == "location":
            # "The Turkish army advanced ... and seized the town": who takes ground is
            # the subject further left; its words decide state forces or not
            actor_tokens = list(range(t.start))
        if actor_tokens:
            recoded = finder.code(view, t, actor_tokens, state=state)
            if recoded is not None and recoded.subtype != coding.subtype:
                if recoded.subtype.object != coding.subtype.object:
                    args = find_arguments(parse, t, recoded.subtype.object)
                coding = recoded
        if coding.subtype.object == "location" and not args.actors and people_taken(parse, t, args):
            # "the capture of Juan Manuel Galarraga", "Rahami was captured": a person
            # caught by no one named is an arrest, no ground taken (WikiEvents train
            # marks no "capture" or "captured" as conflict; those it marks are arrests).
            # Taken by a named group ("captured by rebels"), the coder decides.
            held = finder.code(view, t, actor_tokens, ground=False)
            if held is not None:
                coding = held
                args = find_arguments(parse, t, coding.subtype.object)
        draft = Draft(t, coding.subtype, _confidence(coding), args, parse, cued=coding.score > 0)
        if "death" in t.phrase.split():  # "the farmer was hacked to death": one death
            draft.figure = victim_toll(parse, t, args.targets)
            draft.named = draft.figure is not None
        events.append(draft)
    reports: list[Draft] = []
    for t in casualties:
        follows: Draft | None = None
        sub: SubEventType | None
        args = find_arguments(parse, t)
        figure = written_toll(parse, t, args, figures) if t.kind == "fatal" else None
        if negated(parse, t) or illness(parse, t) or the_afflicted(parse, t):
            continue  # "no one was hurt", "died of cancer", "helping the injured"
        # A death or injury is violence: it is no mention of an arrest, a patrol or a
        # deal beside it ("is arrested after killing a pregnant woman", "convicted in
        # the death of"; WikiEvents train marks 8 of 9 such words), but an incident of
        # its own, or of a violent event in its sentence. Only words that cannot mean
        # violence are passed over: "police raided a village, killing two" is a raid
        # the deaths make violent.
        hosts = [d for d in events if not _quiet(finder, d.trigger)]
        host = min(hosts, key=lambda d: _distance(d.trigger, t)) if hosts else None
        named = False
        if (
            figure is None
            and t.kind == "fatal"
            and (host is None or host.sub.event_type not in PEACEFUL)
        ):
            # "police killed Keith Lamont Scott", "killed a civilian": one death, named
            # or described, not counted (a protest the death set off did not kill him)
            victims = args.targets
            if not victims and host is not None and 0 <= t.start - host.trigger.end <= 2:
                victims = host.args.targets  # "a teacher was shot dead", "beaten to death"
            figure = victim_toll(parse, t, victims)
            named = figure is not None
        war = background(parse, t)
        if war is not None and (host is None or host.trigger.end <= war):
            continue  # "(an attack ...) in a war that has killed hundreds of thousands"
        confidence = 0.55
        if host is not None:
            # the deaths the event caused: its figure and victims, and a report of
            # their own (one fatalities span shared by both, so exports count it once)
            host.extra_targets.extend((c, parse) for c in args.targets)
            if figure is not None and (host.figure is None or (host.named and not named)):
                host.figure, host.named = figure, named  # a written count beats names
            # Where and when: what one of the two knows, the other takes.
            if not host.args.location:
                host.args.location.extend(args.location)
            elif not args.location:
                args.location.extend(host.args.location)
            if not host.args.time:
                host.args.time.extend(args.time)
            elif not args.time:
                args.time.extend(host.args.time)
            sub, confidence = host.sub, 0.6
        elif (coding := finder.code(view, t)) is not None:
            sub = coding.subtype
        elif previous is not None:
            sub, confidence = previous.sub, 0.5
            follows = previous
        else:
            by_cues = finder.code_by_cues(view, t)
            sub = by_cues.subtype if by_cues else codebook.subtype(codebook.casualties.subtype)
            confidence = 0.5 if by_cues else 0.4
        if sub is None:  # validated codebooks always name a real sub-event type
            continue
        draft = Draft(t, sub, confidence, args, parse, figure, host=host, follows=follows)
        draft.category = t.phrase in TOLL_NOUNS and host is None and not counted(t, figures)
        draft.named = named
        reports.append(draft)
    return sorted(events + reports, key=lambda d: d.trigger.start)


def _quiet(finder: TriggerFinder, t: Trigger) -> bool:
    """Does the trigger word only ever mean a non-violent development ("arrested",
    "patrol", "truce"), in every sub-event type the codebook lists it under?"""
    senses = finder.senses.get(t.phrase, ())
    return bool(senses) and all(sub.event_type == QUIET for sub, _ in senses)


def _confidence(coding: Coding) -> float:
    return round(min(0.95, 0.5 + 0.2 * coding.primary + 0.1 * min(coding.score, 2)), 2)


def _distance(a: Trigger, b: Trigger) -> int:
    return b.start - a.end if b.start >= a.end else a.start - b.end


def _named(parse: SentenceParse, t: Trigger) -> bool:
    """A trigger word inside a name ("Lynch said", "Operation Rally"): not an event. In a
    headline ("Boston Bombing Suspect Found Guilty") every word is capitalised and the
    name tagger reads the event word into a name: WikiEvents train marks 5 of the 9
    such words in its fully annotated documents (14 in all), so a headline's is kept."""
    if t.kind == "event" and title_cased(parse.view, t.start, parse.words.function_words):
        return False
    return any(
        parse.mention_types[i] in NAME_TYPES and parse.mention_types[i] != "EVENT"
        for i in range(t.start, t.end)
    )


OPEN_QUOTES = frozenset("\"“‘'")
CLOSE_QUOTES = frozenset("\"”’'")
QUOTED_STOPS = frozenset({".", ",", "!", "?", ";"})


def _not_this_event(parse: SentenceParse, view: TokenView, t: Trigger) -> bool:
    return _named(parse, t) or _quoted(view, t) or other_sense(view, t)


def _quoted(view: TokenView, t: Trigger) -> bool:
    """A trigger standing alone in quotes ("called the explosion an “attack”") is a name
    someone gives the event, not a report of it: WikiEvents train marks none of these.
    The quote may close after the sentence's stop, as American usage puts it ("what
    Macron called an "attack."")."""
    toks = view.toks
    after = t.end + (t.end < len(toks) and toks[t.end].text in QUOTED_STOPS)
    return (
        t.start > 0
        and after < len(toks)
        and toks[t.start - 1].text in OPEN_QUOTES
        and toks[after].text in CLOSE_QUOTES
    )
