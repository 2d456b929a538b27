"""Every bindable action of the reader, in one place.

Each Binding has an ``id``: the config file's ``keymap`` section maps ids to keys
and the app applies it with ``App.set_keymap``. The help screen and the command
palette are generated from these same bindings, so they cannot drift apart.
Review commands (verdicts 1..5/0, a/x/A, c, t, v, C/V, m, u/ctrl+r) join the
reader's bindings in the next issue, with ids of the same form.
"""

from __future__ import annotations

from textual.binding import Binding

APP_BINDINGS: list[Binding] = [
    Binding("q", "quit", "Quit", id="quit"),
    Binding("question_mark,f1", "help", "Help", id="help", key_display="?"),
]

READER_BINDINGS: list[Binding] = [
    Binding("J", "next_claim", "Next claim", id="next-claim"),
    Binding("K", "prev_claim", "Prev claim", id="prev-claim"),
    Binding("right_square_bracket", "next_event", "Next event", id="next-event", key_display="]"),
    Binding("left_square_bracket", "prev_event", "Prev event", id="prev-event", key_display="["),
    Binding("e", "next_mention", "Next entity", id="next-mention"),
    Binding("E", "prev_mention", "Prev entity", id="prev-mention", show=False),
    Binding(
        "asterisk", "same_entity", "Same entity", id="same-entity", key_display="*", show=False
    ),
    Binding("slash", "search", "Search", id="search", key_display="/"),
    Binding("n", "search_next", "Next match", id="search-next", show=False),
    Binding("N", "search_prev", "Prev match", id="search-prev", show=False),
    Binding("tab", "focus_pane(1)", "Switch pane", id="next-pane", show=False),
    Binding("shift+tab", "focus_pane(-1)", "Switch pane back", id="prev-pane", show=False),
    Binding("backslash", "toggle_sidebar", "Sidebar", id="toggle-sidebar", key_display="\\"),
    Binding("escape", "clear", "Clear marks", id="clear", show=False),
]

ARTICLE_BINDINGS: list[Binding] = [
    Binding("j,down", "line_down", "Line down", id="line-down", show=False),
    Binding("k,up", "line_up", "Line up", id="line-up", show=False),
    Binding("space,pagedown", "page_down", "Page down", id="page-down", show=False),
    Binding("b,pageup", "page_up", "Page up", id="page-up", show=False),
    Binding("g,home", "top", "Top", id="top", show=False),
    Binding("G,end", "bottom", "Bottom", id="bottom", show=False),
]

LIST_BINDINGS: list[Binding] = [
    Binding("j,down", "cursor(1)", "Row down", id="list-down", show=False),
    Binding("k,up", "cursor(-1)", "Row up", id="list-up", show=False),
    Binding("space,pagedown", "page(1)", "Rows page down", id="list-page-down", show=False),
    Binding("b,pageup", "page(-1)", "Rows page up", id="list-page-up", show=False),
    Binding("g,home", "first", "First row", id="list-top", show=False),
    Binding("G,end", "last", "Last row", id="list-bottom", show=False),
    Binding("enter", "choose", "Show in article", id="list-choose", show=False),
]

HELP_BINDINGS: list[Binding] = [
    Binding("escape,q,question_mark,f1", "dismiss", "Close", id="help-close"),
]

ALL_BINDINGS: tuple[Binding, ...] = (
    *HELP_BINDINGS,
    *APP_BINDINGS,
    *READER_BINDINGS,
    *ARTICLE_BINDINGS,
    *LIST_BINDINGS,
)
BINDING_IDS: frozenset[str] = frozenset(b.id for b in ALL_BINDINGS if b.id)
