"""Keys typed ahead of the box they are meant for.

Textual hands each key to the widget focused when the key *arrives*, and runs a binding
only once the key has bubbled up to the app. So "/truce" then enter, typed in one burst
(a fast typist, a paste, a busy machine), all reach the library's table before "/" has
shown the filter box: the letters were lost and enter opened the article under the
cursor, not the one filtered to. The library therefore opens the box (or the search)
as soon as the table sees the key, and hands on what follows until the box has the focus.
"""

from __future__ import annotations

from textual import events
from textual.dom import DOMNode
from textual.widgets import Input


def bound_action(node: DOMNode, key: str) -> str | None:
    """The action ``node``'s own bindings give ``key`` (the user's keymap applied), if any."""
    bindings = node._bindings.copy()
    keymap = node.app._keymap
    if keymap:
        bindings.apply_keymap(keymap)
    for binding in bindings.key_to_bindings.get(key, ()):
        return binding.action
    return None


def type_into(box: Input, event: events.Key) -> bool:
    """Edit ``box`` as if it had the focus: a character, or backspace. False for other keys."""
    if event.key == "backspace":
        box.action_delete_left()
    elif event.is_printable and event.character:
        box.insert_text_at_cursor(event.character)
    else:
        return False
    return True
