"""The reviewer's commands on a session: verdicts, notes, suggestions, entities, new items, undo.

:class:`ReviewCommands` is the part of :class:`tui.review.ReviewSession` that turns a
reviewer's intent into item changes (through the pure functions of
:mod:`tui.editing`) and records each as one undoable command. It declares the few
things it needs from the session (the annotations, the codebook, a writable
check, and ``_run``/``_commit`` to record and apply a command) and the session
supplies them, so each half reads, and type-checks, on its own.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from typing import TypeVar

from tui import editing
from tui.changes import Change, Command, History, Item
from tui.extract.codebook import Codebook
from tui.model import Annotations, Claim, Entity, Event, Mention, Review, ReviewChange, Status
from tui.text.document import Document

T = TypeVar("T", Mention, Claim, Event, Entity)


class ReadOnlyError(Exception):
    """The session cannot change anything; the message says why."""


class ReviewCommands(ABC):
    """Every change a reviewer can make, each one undoable (see the module docstring)."""

    reviewer: str
    _history: History
    _clock: Callable[[], str]

    @property
    @abstractmethod
    def annotations(self) -> Annotations: ...

    @property
    @abstractmethod
    def document(self) -> Document: ...

    @property
    @abstractmethod
    def codebook(self) -> Codebook: ...

    @abstractmethod
    def item(self, item_id: str) -> Item | None: ...

    @abstractmethod
    def _check_writable(self) -> None:
        """Raise ReadOnlyError when nothing may change."""

    @abstractmethod
    def _run(self, label: str, changes: Iterable[Change], *, stamp: bool = True) -> Command | None:
        """Apply ``changes`` as one command and record it in the history (``stamp``: mark
        the items it leaves with the reviewer and the time)."""

    @abstractmethod
    def _commit(self, command: Command) -> None:
        """Apply ``command`` (a redo, or an undo's inverse) without recording it."""

    def _get(self, item_id: str, *kinds: type) -> Item:
        item = self.item(item_id)
        if item is None or (kinds and not isinstance(item, kinds)):
            raise KeyError(item_id)
        return item

    def _one(self, item_id: str, kind: type[T]) -> T:
        """The item ``item_id`` if it is a ``kind``; KeyError otherwise."""
        item = self.item(item_id)
        if not isinstance(item, kind):
            raise KeyError(item_id)
        return item

    def _reviewed(self, review: Review, *, verdict: str | None, note: str) -> Review:
        """A new review state; the old one goes into the history."""
        history = review.history
        if not review.empty and (review.verdict is not None or review.note or review.by):
            history = (*history, ReviewChange(review.verdict, review.note, review.by, review.at))
        return Review(verdict, note, self.reviewer, self._clock(), history)

    def set_verdict(self, claim_id: str, verdict: str | None) -> Command | None:
        """Set (or with None clear) a claim's verdict from the codebook's scale."""
        self._check_writable()
        names = [v.name for v in self.codebook.verdicts]
        if verdict is not None and verdict not in names:
            raise ValueError(f"unknown verdict {verdict!r}; the scale is {', '.join(names)}")
        claim = self._one(claim_id, Claim)
        if claim.review.verdict == verdict:
            return None
        new = replace(
            claim, review=self._reviewed(claim.review, verdict=verdict, note=claim.review.note)
        )
        if verdict is not None and new.status == "suggested":
            new = replace(new, status="accepted")  # judging a claim accepts it as a claim
        label = f"verdict {verdict} on {claim_id}" if verdict else f"clear verdict on {claim_id}"
        return self._run(label, [Change(claim, new)])

    def set_note(self, item_id: str, note: str) -> Command | None:
        """Write a note on a claim, event or entity (a mention's note goes to its entity)."""
        self._check_writable()
        found = self._get(item_id)
        item = self._one(found.entity, Entity) if isinstance(found, Mention) else found
        assert isinstance(item, (Claim, Event, Entity))  # _get returns nothing else
        if item.review.note == note:
            return None
        new = replace(
            item, review=self._reviewed(item.review, verdict=item.review.verdict, note=note)
        )
        return self._run(f"note on {item.id}", [Change(item, new)])

    def _set_status(self, item_ids: Iterable[str], status: Status, label: str) -> Command | None:
        self._check_writable()
        changes = []
        for item_id in item_ids:
            item = self._suggestion(item_id)
            changes.append(Change(item, replace(item, status=status)))
        return self._run(label, changes)

    def _suggestion(self, item_id: str) -> Mention | Claim | Event:
        """A mention, claim or event (what can be suggested, accepted, rejected)."""
        item = self.item(item_id)
        if not isinstance(item, (Mention, Claim, Event)):
            raise KeyError(item_id)
        return item

    def accept(self, item_id: str) -> Command | None:
        return self._set_status([item_id], "accepted", f"accept {item_id}")

    def reject(self, item_id: str) -> Command | None:
        """Reject a suggestion: it stays in the file so re-extraction never brings it back."""
        return self._set_status([item_id], "rejected", f"reject {item_id}")

    def accept_all(self, item_ids: Iterable[str]) -> Command | None:
        """Accept every still-suggested item among ``item_ids``, as one undoable step."""
        ids = [i for i in item_ids if getattr(self.item(i), "status", None) == "suggested"]
        return self._set_status(ids, "accepted", f"accept {len(ids)} suggestions")

    def retype(self, mention_id: str, entity_type: str) -> Command | None:
        """Change the type of a mention's entity and all its mentions."""
        self._check_writable()
        valid = [t.name for t in self.codebook.entity_types]
        if entity_type not in valid:
            raise ValueError(f"unknown entity type {entity_type!r}")
        mention = self._one(mention_id, Mention)
        changes = editing.retype(self.annotations, mention, entity_type)
        return self._run(f"retype {mention.span.text!r} as {entity_type}", changes)

    def add_mention(self, start: int, end: int, entity_type: str) -> Mention:
        """A new mention the reviewer marked, linked to a same-named entity or a new one."""
        self._check_writable()
        changes, mention = editing.add_mention(
            self.annotations, self.document.text, start, end, entity_type
        )
        self._run(f"new {entity_type} {mention.span.text!r}", changes)
        return self._get(mention.id, Mention)  # type: ignore[return-value]  # as kept: stamped

    def adjust_mention(self, mention_id: str, start: int, end: int) -> Command | None:
        self._check_writable()
        mention = self._one(mention_id, Mention)
        changes = editing.adjust_mention(self.annotations, self.document.text, mention, start, end)
        return self._run(f"adjust {mention_id}", changes)

    def merge_mention(self, mention_id: str, entity_id: str) -> Command | None:
        """Link a mention to another entity (the old one goes when it has no mentions left)."""
        self._check_writable()
        mention = self._one(mention_id, Mention)
        target = self._one(entity_id, Entity)
        changes = editing.merge_mention(self.annotations, mention, target)
        return self._run(f"merge {mention.span.text!r} into {target.name!r}", changes)

    def split_mention(self, mention_id: str) -> Command | None:
        """Give a mention an entity of its own."""
        self._check_writable()
        mention = self._one(mention_id, Mention)
        return self._run(
            f"split {mention.span.text!r}", editing.split_mention(self.annotations, mention)
        )

    def add_claim(
        self,
        cue: tuple[int, int],
        content: Sequence[tuple[int, int]],
        source: tuple[int, int] | None = None,
        kind: str = "indirect",
    ) -> Claim:
        self._check_writable()
        claim = editing.new_claim(self.annotations, self.document.text, cue, content, source, kind)
        self._run(f"new claim {claim.cue.text!r}", [Change(None, claim)])
        return self._get(claim.id, Claim)  # type: ignore[return-value]

    def add_event(
        self,
        subtype: str,
        trigger: tuple[int, int],
        *,
        actors: Sequence[tuple[int, int]] = (),
        targets: Sequence[tuple[int, int]] = (),
        location: Sequence[tuple[int, int]] = (),
        time: Sequence[tuple[int, int]] = (),
    ) -> Event:
        self._check_writable()
        sub = self.codebook.subtype(subtype)
        if sub is None:
            raise ValueError(f"unknown event subtype {subtype!r}")
        event = editing.new_event(
            self.annotations,
            self.document.text,
            sub.event_type,
            sub.name,
            trigger,
            actors,
            targets,
            location,
            time,
        )
        self._run(f"new event {event.trigger.text!r}", [Change(None, event)])
        return self._get(event.id, Event)  # type: ignore[return-value]

    def edit(self, item_id: str, **fields: object) -> Command | None:
        """Replace fields of a claim or event (spans as Span/Ref values), undoably."""
        self._check_writable()
        item = self._suggestion(item_id)
        if isinstance(item, Mention):
            raise KeyError(item_id)
        try:
            new = replace(item, **fields)  # type: ignore[arg-type]
        except TypeError as exc:
            raise ValueError(str(exc)) from None
        if new.status == "suggested":
            new = replace(new, status="accepted")  # an edited suggestion is the reviewer's now
        return self._run(f"edit {item_id}", [Change(item, new)])

    def undo(self) -> str | None:
        """Undo the last command; its label, or None when there is nothing to undo."""
        self._check_writable()
        command = self._history.undo()
        if command is None:
            return None
        self._commit(command)
        return command.label

    def redo(self) -> str | None:
        self._check_writable()
        command = self._history.redo()
        if command is None:
            return None
        self._commit(command)
        return command.label
