"""brat standoff export: ``NAME.txt`` + ``NAME.ann`` per article, and the folder's configs.

Mapping (docs/interchange.md has the whole table):
- a mention is a T line of its type; mentions of one entity are linked by ``*\\tEquiv``;
- a claim is an ``Attribution`` event: its cue is the trigger, roles ``Source``,
  ``Content`` (``Content2``... for a quotation split around its cue), ``Hedge``;
- an event is an event of its sub-event type (trigger: the event's main trigger) with
  roles ``Mention`` (the incident's other trigger mentions, T type ``Event_mention``),
  ``Actor``, ``Target``, ``Place``, ``Time``, ``Fatalities`` and ``Claim`` (the claim
  event it is reported in);
- kind, verdict and status are A lines; notes are ``#`` AnnotatorNotes (on the claim
  or event, an entity's note on its first mention; a count's estimate as "estimate: N").
A role filler that is a mention reuses the mention's T line; any other span is a
``Phrase``. Newlines, tabs and backslashes in notes are written as ``\\n``, ``\\t``, ``\\\\``.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from tui.extract.codebook import Codebook
from tui.model import Annotations, Claim, Event, Ref, Span
from tui.store.formats.brat_conf import (
    ATTRIBUTION,
    CONTENT,
    EVENT_MENTION,
    HEDGE,
    PHRASE,
    BratNames,
    annotation_conf,
    visual_conf,
)
from tui.store.formats.source import Article


def escape_note(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("\r", "")


def unescape_note(text: str) -> str:
    out: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text):
            nxt = text[i + 1]
            out.append({"n": "\n", "t": "\t", "\\": "\\"}.get(nxt, "\\" + nxt))
            i += 2
            continue
        out.append(ch)
        i += 1
    return "".join(out)


class _Ann:
    """The lines of one .ann file, with T lines shared by span and type."""

    def __init__(self, names: BratNames) -> None:
        self.names = names
        self.lines: list[str] = []
        self.t = self.e = self.a = self.n = 0
        self.by_span: dict[tuple[int, int], str] = {}  # mention spans, reused by roles
        self.spans: dict[tuple[str, int, int], str] = {}
        self.notes: dict[str, list[str]] = {}
        self.estimates: dict[str, int] = {}  # a count's estimate, first in its T line's note

    def textbound(self, kind: str, span: Span, *, reuse: bool = True) -> str:
        key = (kind, span.start, span.end)
        if reuse and key in self.spans:
            return self.spans[key]
        self.t += 1
        tid = f"T{self.t}"
        # brat's text field is one line; offsets are what count, the text is a check.
        text = span.text.replace("\n", " ")
        self.lines.append(f"{tid}\t{kind} {span.start} {span.end}\t{text}")
        self.spans[key] = tid
        return tid

    def filler(self, span: Span) -> str:
        return self.by_span.get((span.start, span.end)) or self.textbound(PHRASE, span)

    def attribute(self, name: str, target: str, value: str) -> None:
        self.a += 1
        self.lines.append(f"A{self.a}\t{name} {target} {value}")

    def note(self, target: str, text: str) -> None:
        if text:
            self.notes.setdefault(target, []).append(text)

    def event(self, kind: str, trigger: str, args: list[tuple[str, str]]) -> str:
        self.e += 1
        eid = f"E{self.e}"
        counts: dict[str, int] = {}
        parts = [f"{kind}:{trigger}"]
        for role, target in args:
            counts[role] = counts.get(role, 0) + 1
            n = counts[role]
            parts.append(f"{role}{n if n > 1 else ''}:{target}")
        self.lines.append(f"{eid}\t{' '.join(parts)}")
        return eid

    def finish(self) -> str:
        for target in sorted(self.notes.keys() | self.estimates.keys(), key=_id_order):
            notes = self.notes.get(target, [])
            if target in self.estimates:
                notes = [f"estimate: {self.estimates[target]}", *notes]
            self.n += 1
            self.lines.append(
                f"#{self.n}\tAnnotatorNotes {target}\t{escape_note(' | '.join(notes))}"
            )
        return "".join(line + "\n" for line in self.lines)


def _id_order(target: str) -> tuple[str, int]:
    return target[0], int(target[1:])


def ann_text(ann: Annotations, names: BratNames) -> str:
    """The .ann file for ``ann`` (offsets into the article text, as exported beside it)."""
    out = _Ann(names)
    groups: dict[str, list[tuple[str, str]]] = {}
    for m in ann.mentions:
        kind = names.entity_form(m.type)
        tid = out.textbound(kind, m.span, reuse=False)
        out.by_span.setdefault((m.span.start, m.span.end), tid)
        out.attribute("Status", tid, m.status)
        if m.estimate is not None:
            out.estimates[tid] = m.estimate
        groups.setdefault(m.entity, []).append((kind, tid))
    for entity in ann.entities:
        members = groups.get(entity.id, [])
        if members and entity.review.note:
            out.note(members[0][1], entity.review.note)
        by_type: dict[str, list[str]] = {}
        for kind, tid in members:
            by_type.setdefault(kind, []).append(tid)
        for tids in by_type.values():  # brat links mentions of one type only
            if len(tids) > 1:
                out.lines.append(f"*\tEquiv {' '.join(tids)}")
    claim_events: dict[str, str] = {}
    for c in ann.claims:
        claim_events[c.id] = _claim(out, c)
    for ev in ann.events:
        _event(out, ev, claim_events)
    return out.finish()


def _claim(out: _Ann, c: Claim) -> str:
    trigger = out.textbound(ATTRIBUTION, c.cue)
    args: list[tuple[str, str]] = []
    if c.source is not None:
        args.append(("Source", out.filler(c.source.span)))
    args += [("Content", out.textbound(CONTENT, s)) for s in c.content]
    args += [("Hedge", out.textbound(HEDGE, s)) for s in c.hedges]
    eid = out.event(ATTRIBUTION, trigger, args)
    out.attribute("Kind", eid, c.kind)
    if c.review.verdict is not None:
        out.attribute("Verdict", eid, out.names.verdict.get(c.review.verdict, c.review.verdict))
    out.attribute("Status", eid, c.status)
    out.note(eid, c.review.note)
    return eid


def _refs(out: _Ann, role: str, refs: Iterable[Ref]) -> list[tuple[str, str]]:
    return [(role, out.filler(r.span)) for r in refs]


def _event(out: _Ann, ev: Event, claim_events: dict[str, str]) -> str:
    kind = out.names.subtype_form(ev.subtype)
    trigger = out.textbound(kind, ev.trigger)
    others = [s for s in ev.trigger_spans if (s.start, s.end) != (ev.trigger.start, ev.trigger.end)]
    args = (
        [("Mention", out.textbound(EVENT_MENTION, s)) for s in others]
        + _refs(out, "Actor", ev.actors)
        + _refs(out, "Target", ev.targets)
        + _refs(out, "Place", ev.location)
        + _refs(out, "Time", ev.time)
    )
    if ev.fatalities is not None:
        tid = out.filler(ev.fatalities.span)
        args.append(("Fatalities", tid))
        if ev.fatalities.estimate is not None:
            # a figure shared with a QUANTITY mention keeps the mention's estimate
            out.estimates.setdefault(tid, ev.fatalities.estimate)
    if ev.claim is not None and ev.claim in claim_events:
        args.append(("Claim", claim_events[ev.claim]))
    eid = out.event(kind, trigger, args)
    if ev.review.verdict is not None:
        out.attribute("Verdict", eid, out.names.verdict.get(ev.review.verdict, ev.review.verdict))
    out.attribute("Status", eid, ev.status)
    out.note(eid, ev.review.note)
    return eid


def _unique_stem(stem: str, taken: set[str]) -> str:
    name, n = stem, 1
    while name.casefold() in taken:
        n += 1
        name = f"{stem}-{n}"
    taken.add(name.casefold())
    return name


def write_folder(articles: Iterable[Article], out: Path, codebook: Codebook) -> list[Path]:
    """Write each article's .txt and .ann into ``out``, then the configs; the .ann paths."""
    out.mkdir(parents=True, exist_ok=True)
    names = BratNames(codebook)
    taken: set[str] = set()
    written: list[Path] = []
    for article in articles:
        stem = _unique_stem(article.stem, taken)
        # Plain writes: an export is derived data, rewritten at will; an fsync per file
        # would cost more than building it.
        (out / f"{stem}.txt").write_text(article.document.text, encoding="utf-8", newline="")
        ann = out / f"{stem}.ann"
        ann.write_text(ann_text(article.annotations, names), encoding="utf-8", newline="")
        written.append(ann)
    (out / "annotation.conf").write_text(annotation_conf(names), encoding="utf-8")
    (out / "visual.conf").write_text(visual_conf(names), encoding="utf-8")
    return written
