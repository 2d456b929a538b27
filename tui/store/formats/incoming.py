"""Annotations read from another tool's file, before they meet the article.

A reader checks a file against the text it was made for (brat's ``.txt``, a JSONL
line's ``text``): offsets outside it, or a span whose quoted text disagrees with it,
make the file bad input (:class:`FormatError`, naming the file and line). What it
builds is an :class:`Incoming`: plain Annotations whose spans point into that
reference text and carry its quote and context, so the importer can place them on
the article exactly as the reader re-anchors a sidecar.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tui.model import (
    STATUSES,
    Annotations,
    Claim,
    Entity,
    Event,
    Fatalities,
    Mention,
    Ref,
    Review,
    Span,
)


class FormatError(Exception):
    """A file that cannot be imported: ``str()`` is one line naming the file and line."""

    def __init__(self, path: Path | str, line: int | None, message: str) -> None:
        super().__init__(message)
        self.path = path
        self.line = line
        self.message = message

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else str(self.path)
        return f"{where}: {self.message}"


@dataclass(frozen=True, slots=True)
class Incoming:
    """What a file holds for one article, with offsets into ``reference``."""

    annotations: Annotations
    reference: str | None  # the text the offsets point into; None when the file has none
    source: str
    skipped: tuple[str, ...] = ()  # one line each: what could not be mapped, and why


class Builder:
    """Collects one file's items for one article, validating spans as they come."""

    def __init__(
        self, path: Path | str, text: str | None, status: str, *, derive_estimates: bool = False
    ) -> None:
        """``derive_estimates``: the format holds no estimates; give counts the extractor's."""
        if status not in STATUSES:
            raise ValueError(f"unknown status {status!r}")
        self.path = path
        self.text = text
        self.status = status
        self.derive_estimates = derive_estimates
        self.entities: dict[str, Entity] = {}
        self.mentions: list[Mention] = []
        self.claims: list[Claim] = []
        self.events: list[Event] = []
        self.skipped: list[str] = []
        self._by_name: dict[tuple[str, str], str] = {}
        self._n = {"e": 0, "m": 0, "c": 0, "v": 0}

    def error(self, line: int | None, message: str) -> FormatError:
        return FormatError(self.path, line, message)

    def new_id(self, prefix: str) -> str:
        self._n[prefix] += 1
        return f"{prefix}{self._n[prefix]}"

    def span(
        self,
        start: object,
        end: object,
        quote: str | None,
        line: int | None,
        *,
        prefix: str = "",
        suffix: str = "",
    ) -> Span:
        """A checked span: offsets inside the reference text, quote agreeing with it."""
        if isinstance(start, bool) or isinstance(end, bool):
            raise self.error(line, f"offsets must be whole numbers, found {start!r}, {end!r}")
        if not isinstance(start, int) or not isinstance(end, int):
            raise self.error(line, f"offsets must be whole numbers, found {start!r}, {end!r}")
        if start < 0 or end <= start:
            raise self.error(line, f"empty or reversed span [{start}, {end})")
        if self.text is None:
            if quote is None:
                raise self.error(line, "a span needs its quoted text")
            if len(quote) != end - start:
                raise self.error(
                    line,
                    f"span [{start}, {end}) is {end - start} characters, its quote {len(quote)}",
                )
            return Span(start, end, quote, prefix, suffix)
        if end > len(self.text):
            raise self.error(
                line, f"span [{start}, {end}) is outside the text ({len(self.text)} characters)"
            )
        found = self.text[start:end]
        if quote is not None and quote != found:
            raise self.error(
                line,
                f"span [{start}, {end}) quotes {_short(quote)!r} but the text there is"
                f" {_short(found)!r}",
            )
        return Span.of(self.text, start, end)

    def entity(self, key: str | None, span: Span, etype: str, name: str | None = None) -> str:
        """The entity a mention belongs to: its group's, else one of the same name and type."""
        if key is not None and key in self.entities:
            return key
        by_name = (span.text.casefold(), etype)
        if key is None and by_name in self._by_name:
            return self._by_name[by_name]
        eid = key if key is not None else self.new_id("e")
        self.entities[eid] = Entity(eid, name or span.text, etype)
        self._by_name.setdefault(by_name, eid)
        return eid

    def mention(
        self,
        span: Span,
        etype: str,
        *,
        group: str | None = None,
        status: str | None = None,
        estimate: int | None = None,
        confidence: float = 1.0,
    ) -> Mention:
        status = status or self.status
        entity = self.entity(group, span, etype)
        if estimate is None and self.derive_estimates and etype == "QUANTITY":
            from tui.extract.quantities import estimate as normalise

            estimate = normalise(span.text)
        m = Mention(
            self.new_id("m"),
            span,
            etype,
            entity,
            origin="user" if status == "accepted" else "auto",
            status=status,  # type: ignore[arg-type]
            confidence=confidence,
            estimate=estimate,
        )
        self.mentions.append(m)
        return m

    def ref(self, span: Span) -> Ref:
        """A role filler, linked to the entity of a mention with exactly its span."""
        for m in self.mentions:
            if m.span.start == span.start and m.span.end == span.end:
                return Ref(m.span, m.entity)
        return Ref(span, None)

    def claim(
        self,
        cue: Span,
        content: list[Span],
        source: Span | None,
        *,
        kind: str = "indirect",
        hedges: list[Span] | None = None,
        status: str | None = None,
        review: Review | None = None,
    ) -> Claim:
        status = status or self.status
        c = Claim(
            self.new_id("c"),
            cue,
            tuple(content),
            self.ref(source) if source is not None else None,
            kind=kind,
            hedges=tuple(hedges or ()),
            origin="user" if status == "accepted" else "auto",
            status=status,  # type: ignore[arg-type]
            review=review or Review(),
        )
        self.claims.append(c)
        return c

    def event(
        self,
        event_type: str,
        subtype: str,
        trigger: Span,
        roles: dict[str, list[Span]],
        *,
        fatalities: Span | None = None,
        estimate: int | None = None,
        claim: str | None = None,
        mentions: list[Span] | None = None,
        status: str | None = None,
        review: Review | None = None,
    ) -> Event:
        status = status or self.status
        if fatalities is not None and estimate is None and self.derive_estimates:
            from tui.extract.quantities import estimate as normalise

            estimate = normalise(fatalities.text)

        def refs(role: str) -> tuple[Ref, ...]:
            return tuple(self.ref(s) for s in roles.get(role, ()))

        ev = Event(
            self.new_id("v"),
            event_type,
            subtype,
            trigger,
            actors=refs("actors"),
            targets=refs("targets"),
            location=refs("location"),
            time=refs("time"),
            fatalities=Fatalities(fatalities, estimate) if fatalities is not None else None,
            claim=claim,
            origin="user" if status == "accepted" else "auto",
            status=status,  # type: ignore[arg-type]
            review=review or Review(),
            mentions=tuple(sorted(mentions or (), key=lambda s: (s.start, s.end))),
        )
        self.events.append(ev)
        return ev

    def skip(self, message: str) -> None:
        self.skipped.append(message)

    def build(self, source: str) -> Incoming:
        used = {m.entity for m in self.mentions}
        ann = Annotations(
            tuple(e for e in self.entities.values() if e.id in used),
            tuple(self.mentions),
            tuple(self.claims),
            tuple(self.events),
        ).sorted()
        return Incoming(ann, self.text, source, tuple(self.skipped))


def _short(text: str, n: int = 40) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def unknown_types(counts: dict[str, int], what: str) -> list[str]:
    """Report lines for labels that mapped to nothing ("2 spans of unknown type 'MISC'")."""
    return [
        f"{n} {what}{'s' if n > 1 else ''} of unknown type {label!r} not imported"
        " (add it to the codebook or to a type's aliases)"
        for label, n in sorted(counts.items())
    ]
