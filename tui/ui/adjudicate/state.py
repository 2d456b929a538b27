"""What the adjudication screen knows: the differences, the current one, how each stands.

Plain Python (no textual): tested without Pilot. The screen asks it what to show
(the two versions side by side, the merged one, a status line) and tells it when
the merged review changed (:meth:`AdjudicationState.refresh`).
"""

from __future__ import annotations

from dataclasses import dataclass

from tui.corpus.agreement_diff import (
    Comparison,
    Difference,
    Item,
    Settled,
    aspects,
    entity_names,
    settled,
)
from tui.model import Annotations, Claim, Event, Mention, Ref, Span

SETTLED_WORDS: dict[Settled, str] = {
    "open": "open",
    "A": "took A",
    "B": "took B",
    "edited": "edited",
}


def _quote(s: Span, limit: int = 60) -> str:
    text = " ".join(s.text.split())
    return f"“{text if len(text) <= limit else text[: limit - 1] + '…'}”"


def _refs(refs: tuple[Ref, ...]) -> str:
    return ", ".join(_quote(r.span, 30) for r in refs) or "–"


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a version: the aspect it shows, its text, and whether it differs.

    ``hang``: how many leading characters of ``text`` are its label ("source: "), so a
    wrapped value continues under itself, not under the label.
    """

    aspect: str
    text: str
    differs: bool = False
    hang: int = 0


def describe(item: Item | None, ann: Annotations, differs: tuple[str, ...] = ()) -> list[Line]:
    """An item as lines to read, each marked when its aspect is one the reviews differ on."""
    if item is None:
        return [Line("presence", "not annotated", "presence" in differs)]
    out: list[Line] = []

    def add(aspect: str, text: str, label: str = "") -> None:
        lead = f"{label}: " if label else ""
        out.append(Line(aspect, lead + text, aspect in differs, len(lead)))

    if item.status == "rejected":
        add("presence", "rejected (not there)")
    if isinstance(item, Mention):
        entity = ann.entity(item.entity)
        add("span", _quote(item.span))
        add("type", item.type)
        if entity is not None and (entity.name != item.span.text or "entity" in differs):
            add("entity", f"of {entity.name}")
    elif isinstance(item, Claim):
        add("verdict", item.review.verdict or "none", "verdict")
        add("source", _quote(item.source.span) if item.source else "unnamed", "source")
        add("cue", _quote(item.cue), "cue")
        add("content", " … ".join(_quote(s, 80) for s in item.content), "content")
        add("kind", item.kind, "kind")
        if item.review.note:
            add("note", " ".join(item.review.note.split()), "note")
        if item.review.by:
            add("by", f"judged by {item.review.by}")
    elif isinstance(item, Event):
        add("type", f"{item.type} / {item.subtype}")
        add("trigger", ", ".join(_quote(s, 30) for s in item.trigger_spans), "trigger")
        add("actors", _refs(item.actors), "actors")
        add("targets", _refs(item.targets), "targets")
        add("location", _refs(item.location), "where")
        add("time", _refs(item.time), "when")
        fat = item.fatalities
        add("fatalities", _quote(fat.span, 30) if fat else "–", "killed")
    return out


class AdjudicationState:
    """The differences between reviews A and B, and where the adjudicator is among them."""

    def __init__(self, comparison: Comparison, names: tuple[str, str] = ("A", "B")) -> None:
        self.comparison = comparison
        self.names = names
        self.index: int | None = None  # no difference chosen until the first step
        self.merged = Annotations()
        self.states: list[tuple[Settled, Item | None]] = [
            ("open", None) for _ in comparison.differences
        ]

    @property
    def differences(self) -> tuple[Difference, ...]:
        return self.comparison.differences

    def refresh(self, merged: Annotations) -> None:
        """Read again how the merged review settles each difference (after any change)."""
        self.merged = merged
        self.states = settled(self.comparison, merged)

    def step(self, delta: int) -> bool:
        """Move to the next (+1) or previous (-1) difference; False at either end."""
        n = len(self.differences)
        if not n:
            return False
        if self.index is None:
            self.index = 0 if delta > 0 else n - 1
            return True
        new = self.index + delta
        if not 0 <= new < n:
            return False
        self.index = new
        return True

    def step_open(self, delta: int) -> bool:
        """Move to the next (or previous) difference still open, wrapping around."""
        n = len(self.differences)
        start = self.index if self.index is not None else (-1 if delta > 0 else n)
        for k in range(1, n + 1):
            i = (start + delta * k) % n
            if self.states[i][0] == "open":
                self.index = i
                return True
        return False

    @property
    def current(self) -> Difference | None:
        return None if self.index is None else self.differences[self.index]

    @property
    def current_state(self) -> tuple[Settled, Item | None]:
        return ("open", None) if self.index is None else self.states[self.index]

    @property
    def open_count(self) -> int:
        return sum(1 for s, _ in self.states if s == "open")

    def versions(self) -> tuple[list[Line], list[Line], list[Line]]:
        """A's version, B's, and the merged review's, of the current difference."""
        d = self.current
        if d is None:
            return [], [], []
        state, merged_item = self.current_state
        merged = self.merged
        mine = (
            [Line("presence", "open: not decided yet")]
            if state == "open"
            else describe(merged_item, merged, self._merged_differs(d, merged_item))
        )
        return (
            describe(d.a, self.comparison.a, d.differs),
            describe(d.b, self.comparison.b, d.differs),
            mine,
        )

    def _merged_differs(self, d: Difference, item: Item | None) -> tuple[str, ...]:
        """Aspects in which the merged item is neither side's (an edit)."""
        c = self.comparison
        mine = aspects(item, entity_names(self.merged))
        a, b = aspects(d.a, entity_names(c.a)), aspects(d.b, entity_names(c.b))
        if mine is None:
            return ()
        return tuple(
            k
            for k in mine
            if (a is None or mine[k] != a.get(k)) and (b is None or mine[k] != b.get(k))
        )

    def status(self) -> str:
        """One line: where we are, what differs, how it stands, how many are left open."""
        n = len(self.differences)
        if not n:
            return "the reviews agree on everything: nothing to adjudicate"
        left = f"{self.open_count} of {n} open"
        d = self.current
        if d is None:
            return f"{n} differences · {left} · J/K step through them"
        what = ", ".join(d.differs)
        state = SETTLED_WORDS[self.current_state[0]]
        return f"difference {self.index + 1}/{n} · {d.kind} {_quote(d.anchor, 30)} · {what} · {state} · {left}"  # type: ignore[operator]
