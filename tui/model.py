"""Plain values for a document's annotations.

Everything is standoff: the text never changes, annotations point into it with
``[start, end)`` code-point offsets (brat / W3C TextPositionSelector convention).
Values are frozen; a change is a new value (``dataclasses.replace``), which keeps
undo and saving simple.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from types import SimpleNamespace
from typing import Literal

CONTEXT = 32  # characters of prefix/suffix kept with every span, for re-anchoring

ENTITY_TYPES: tuple[str, ...] = (
    "PERSON",
    "ORG",
    "GPE",
    "LOC",
    "FAC",
    "NORP",
    "DATE",
    "TIME",
    "QUANTITY",
    "LAW",
    "EVENT",
)
CLAIM_KINDS: tuple[str, ...] = ("direct", "indirect", "mixed", "according-to")

Origin = Literal["auto", "user"]
Status = Literal["suggested", "accepted", "rejected"]
# ok: offsets match the text; moved: re-anchored elsewhere; orphaned: quote not found.
Anchor = Literal["ok", "moved", "orphaned"]
ORIGINS: tuple[str, ...] = ("auto", "user")
STATUSES: tuple[str, ...] = ("suggested", "accepted", "rejected")
ANCHORS: tuple[str, ...] = ("ok", "moved", "orphaned")


@dataclass(frozen=True, slots=True)
class Span:
    """A quoted stretch of the document: offsets plus the quote and its context."""

    start: int
    end: int
    text: str
    prefix: str = ""
    suffix: str = ""

    @classmethod
    def of(cls, doc_text: str, start: int, end: int) -> Span:
        """The span ``doc_text[start:end]`` with its context captured."""
        if not 0 <= start <= end <= len(doc_text):
            raise ValueError(f"span [{start}, {end}) outside text of length {len(doc_text)}")
        # the slots set directly: a frozen dataclass's __init__ goes through
        # object.__setattr__ once per field, twice as slow (extraction builds tens of
        # thousands of spans for a long article)
        # (setters taken from one tuple, not looked up by name: a third faster again)
        span = _new_object(cls)
        set_start, set_end, set_text, set_prefix, set_suffix = _SPAN_SETTERS
        set_start(span, start)
        set_end(span, end)
        set_text(span, doc_text[start:end])
        set_prefix(span, doc_text[start - CONTEXT if start > CONTEXT else 0 : start])
        set_suffix(span, doc_text[end : end + CONTEXT])
        return span

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, offset: int) -> bool:
        return self.start <= offset < self.end


def _slot_setters(cls: type) -> SimpleNamespace:
    """Each field's slot setter by the field's name (for building values field by field).
    Every field gets one, so a test can check that a direct build sets them all."""
    return SimpleNamespace(**{f.name: vars(cls)[f.name].__set__ for f in fields(cls)})


_new_object = object.__new__
_SPAN_SETTERS = tuple(vars(_slot_setters(Span)).values())  # in field order


@dataclass(frozen=True, slots=True)
class Ref:
    """A span that may name an entity (a claim's source, an event's actor)."""

    span: Span
    entity: str | None = None


@dataclass(frozen=True, slots=True)
class ReviewChange:
    """One past state of a review, kept so a verdict's history is never lost."""

    verdict: str | None
    note: str
    by: str
    at: str


@dataclass(frozen=True, slots=True)
class Review:
    """A reviewer's judgement on a claim, event or entity."""

    verdict: str | None = None
    note: str = ""
    by: str = ""
    at: str = ""  # UTC, ISO 8601
    history: tuple[ReviewChange, ...] = ()

    @property
    def empty(self) -> bool:
        return self == Review()


@dataclass(frozen=True, slots=True)
class Mention:
    """One occurrence of an entity in the text."""

    id: str
    span: Span
    type: str
    entity: str
    origin: Origin = "auto"
    status: Status = "suggested"
    confidence: float = 1.0
    anchor: Anchor = "ok"
    # QUANTITY only: the count as a number, a lower bound for vague figures
    # ("dozens" -> 24, "about 300" -> 300, "hundreds of thousands" -> 200000).
    estimate: int | None = None
    # The reviewer who last changed the item (made, accepted, rejected, retyped, edited or
    # judged it) and when, UTC ISO 8601; empty while it is the extractor's suggestion.
    by: str = ""
    at: str = ""

    @classmethod
    def suggested(
        cls,
        id: str,
        span: Span,
        type: str,
        entity: str,
        confidence: float,
        estimate: int | None,
    ) -> Mention:
        """The extractor's suggestion: ``Mention(id, span, type, entity, "auto",
        "suggested", confidence, estimate=estimate)``, its slots set directly (see
        ``Span.of``; a long article has tens of thousands of mentions)."""
        m = _new_object(cls)
        s = _MENTION_SLOTS
        s.id(m, id)
        s.span(m, span)
        s.type(m, type)
        s.entity(m, entity)
        s.origin(m, "auto")
        s.status(m, "suggested")
        s.confidence(m, confidence)
        s.anchor(m, "ok")
        s.estimate(m, estimate)
        s.by(m, "")
        s.at(m, "")
        return m


_MENTION_SLOTS = _slot_setters(Mention)


@dataclass(frozen=True, slots=True)
class Entity:
    """A thing the document names, possibly several times and several ways."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    review: Review = field(default_factory=Review)


@dataclass(frozen=True, slots=True)
class Claim:
    """An attributed statement: who (source) said (cue) what (content)."""

    id: str
    cue: Span
    content: tuple[Span, ...]
    source: Ref | None = None
    kind: str = "indirect"
    hedges: tuple[Span, ...] = ()
    origin: Origin = "auto"
    status: Status = "suggested"
    confidence: float = 1.0
    anchor: Anchor = "ok"
    # The reviewer who last changed the item (made, accepted, rejected, retyped, edited or
    # judged it) and when, UTC ISO 8601; empty while it is the extractor's suggestion.
    by: str = ""
    at: str = ""
    review: Review = field(default_factory=Review)

    @property
    def start(self) -> int:
        starts = [self.cue.start, *(c.start for c in self.content)]
        if self.source is not None:
            starts.append(self.source.span.start)
        return min(starts)

    @property
    def end(self) -> int:
        ends = [self.cue.end, *(c.end for c in self.content)]
        if self.source is not None:
            ends.append(self.source.span.end)
        return max(ends)

    @classmethod
    def suggested(
        cls,
        id: str,
        cue: Span,
        content: tuple[Span, ...],
        source: Ref | None,
        kind: str,
        hedges: tuple[Span, ...],
        confidence: float,
    ) -> Claim:
        """The extractor's suggestion: ``Claim(id, cue, content, source, kind, hedges,
        confidence=confidence)``, its slots set directly (see ``Mention.suggested``; 1 MB
        of news has thousands of claims, each built twice: before and after numbering)."""
        c = _new_object(cls)
        s = _CLAIM_SLOTS
        s.id(c, id)
        s.cue(c, cue)
        s.content(c, content)
        s.source(c, source)
        s.kind(c, kind)
        s.hedges(c, hedges)
        s.origin(c, "auto")
        s.status(c, "suggested")
        s.confidence(c, confidence)
        s.anchor(c, "ok")
        s.by(c, "")
        s.at(c, "")
        s.review(c, _NO_REVIEW)  # values are frozen: one empty review serves them all
        return c


_CLAIM_SLOTS = _slot_setters(Claim)
_NO_REVIEW = Review()


@dataclass(frozen=True, slots=True)
class Fatalities:
    """A casualty figure as written, with a normalised lower estimate."""

    span: Span
    estimate: int | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """Who did what to whom, where, when, with how many killed, per which claim."""

    id: str
    type: str
    subtype: str
    trigger: Span  # the main mention: the one that best names the event
    actors: tuple[Ref, ...] = ()
    targets: tuple[Ref, ...] = ()
    location: tuple[Ref, ...] = ()
    time: tuple[Ref, ...] = ()
    fatalities: Fatalities | None = None
    claim: str | None = None
    origin: Origin = "auto"
    status: Status = "suggested"
    confidence: float = 1.0
    anchor: Anchor = "ok"
    # The reviewer who last changed the item (made, accepted, rejected, retyped, edited or
    # judged it) and when, UTC ISO 8601; empty while it is the extractor's suggestion.
    by: str = ""
    at: str = ""
    review: Review = field(default_factory=Review)
    # The incident's other trigger mentions ("killed", "the assault"), in document
    # order; the arguments above are merged from all of them.
    mentions: tuple[Span, ...] = ()

    @property
    def start(self) -> int:
        return self.trigger.start

    @property
    def trigger_spans(self) -> tuple[Span, ...]:
        """Every span that reports this event, the main trigger among them, in text order."""
        if not self.mentions:
            return (self.trigger,)
        seen: dict[tuple[int, int], Span] = {}
        for s in (self.trigger, *self.mentions):
            seen.setdefault((s.start, s.end), s)
        return tuple(seen[k] for k in sorted(seen))


@dataclass(frozen=True, slots=True)
class Annotations:
    """Everything known about one document: suggestions and the reviewer's work."""

    entities: tuple[Entity, ...] = ()
    mentions: tuple[Mention, ...] = ()
    claims: tuple[Claim, ...] = ()
    events: tuple[Event, ...] = ()

    def entity(self, entity_id: str | None) -> Entity | None:
        if entity_id is None:
            return None
        for e in self.entities:
            if e.id == entity_id:
                return e
        return None

    def new_id(self, prefix: str) -> str:
        """An id ``<prefix><n>`` above every one in use (ids are never reused)."""
        n = 0
        for items in (self.entities, self.mentions, self.claims, self.events):
            for item in items:
                if item.id.startswith(prefix) and item.id[len(prefix) :].isdigit():
                    n = max(n, int(item.id[len(prefix) :]))
        return f"{prefix}{n + 1}"

    def sorted(self) -> Annotations:
        """The same annotations in document order (the order the sidecar keeps)."""
        mentions = tuple(sorted(self.mentions, key=lambda m: (m.span.start, m.span.end, m.id)))
        first: dict[str, int] = {}
        for m in mentions:
            first.setdefault(m.entity, m.span.start)
        entities = tuple(sorted(self.entities, key=lambda e: (first.get(e.id, 1 << 62), e.id)))
        claims = tuple(sorted(self.claims, key=lambda c: (c.start, c.id)))
        events = tuple(sorted(self.events, key=lambda e: (e.start, e.id)))
        return replace(self, entities=entities, mentions=mentions, claims=claims, events=events)
