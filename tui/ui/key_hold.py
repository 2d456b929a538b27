"""Keys typed before the article's annotations are ready, kept in order for later.

A key that needs the annotations (J, a verdict, a note) cannot run yet; it is held,
and so is every key after it, so that they all run in the order typed once the
annotations are final. Quit and help are the exception, so ``q`` always quits at
once, except after a held key that opens a box (a note, a search, a picker): the
keys after that one are what the user typed into the box, so a ``q`` among them is
text, not a command.
"""

from __future__ import annotations

from textual import events

# Actions that need the annotations: held, in order, until they are ready.
NEEDS_ANNOTATIONS = frozenset({"step", "same_entity", "review", "selection"})
# Held actions whose next keys go into a box or a prompt they open.
OPENS_BOX = (
    "search",
    *(
        f"review('{name}'"
        for name in ("note", "retype", "merge", "new_claim", "new_event", "select")
    ),
    "review('accept_all'",
    "review('needs_attention'",
)


class KeyHold:
    """The keys held while the annotations are not ready, and what they need."""

    def __init__(self) -> None:
        self.open = True  # holding: nothing is ready yet
        self.shown = False  # the text is on screen: keys that need only it may run
        self.keys: list[events.Key] = []
        self.typing = False  # a held key opens a box: the keys after it are its text

    def live(self, action: str) -> bool:
        """May ``action`` run now? Not before the text is shown, not while holding one
        that needs annotations, nor anything after a held key (the order is kept)."""
        if not self.open:
            return True
        return self.shown and not self.keys and action not in NEEDS_ANNOTATIONS

    def add(self, key: events.Key, action: str) -> None:
        """Hold ``key``, bound to ``action`` (a binding's action string, or "")."""
        self.keys.append(key)
        self.typing = self.typing or action.startswith(OPENS_BOX)

    def labels(self) -> tuple[str, ...]:
        return tuple(k.character or k.key for k in self.keys)

    def release(self) -> list[events.Key]:
        self.open = False
        self.typing = False
        keys, self.keys = self.keys, []
        return keys
