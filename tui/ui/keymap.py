"""Every bindable action of the reader, in one place.

Each Binding has an ``id``: the config file's ``keymap`` section maps ids to keys
and the app applies it with ``App.set_keymap``. The help screen and the command
palette are generated from these same bindings, so they cannot drift apart.
Review commands (verdicts 1..5/0, a/x/A, c, t, v, C/V, m, u/ctrl+r) live in
REVIEW_BINDINGS on the same screen; selection mode's keys (w b h l W B t enter
C V f escape) belong to the selection bar, which has the focus while a selection
is open.
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

REVIEW_BINDINGS: list[Binding] = [
    # Verdicts by position on the codebook's scale, so a replaced scale keeps its keys.
    *(
        Binding(
            str(n),
            f"verdict({n})",
            "Verdict" if n == 1 else f"Verdict {n}",
            id=f"verdict-{n}",
            show=n == 1,
            key_display="1-5" if n == 1 else None,
        )
        for n in range(1, 6)
    ),
    Binding("0", "verdict(0)", "Clear verdict", id="verdict-clear", show=False),
    Binding("a", "accept", "Accept", id="accept"),
    Binding("x", "reject", "Reject", id="reject"),
    Binding("A", "accept_all", "Accept all in view", id="accept-all", show=False),
    Binding("c", "note", "Note", id="note"),
    Binding("t", "retype", "Entity type", id="retype", show=False),
    Binding("v", "select", "Select", id="select"),
    Binding("m", "merge", "Merge/split entity", id="merge", show=False),
    Binding("C", "new_claim", "New claim", id="new-claim", show=False),
    Binding("V", "new_event", "New event", id="new-event", show=False),
    Binding("u", "undo", "Undo", id="undo"),
    Binding("ctrl+r", "redo", "Redo", id="redo", show=False),
    Binding("U", "filter_unreviewed", "Only unreviewed claims", id="filter-unreviewed", show=False),
    Binding(
        "exclamation_mark",
        "needs_attention",
        "Needs attention",
        id="needs-attention",
        key_display="!",
        show=False,
    ),
]

SELECTION_BINDINGS: list[Binding] = [
    Binding("w", "extend_word(1)", "Extend by a word", id="selection-word-more"),
    Binding("b", "extend_word(-1)", "Shrink by a word", id="selection-word-less"),
    Binding("l", "extend_char(1)", "Extend by a character", id="selection-char-more"),
    Binding("h", "extend_char(-1)", "Shrink by a character", id="selection-char-less"),
    Binding("W", "shift_word(1)", "Move to the next word", id="selection-next-word", show=False),
    Binding(
        "B", "shift_word(-1)", "Move to the previous word", id="selection-prev-word", show=False
    ),
    Binding("t", "make_mention", "New entity mention", id="selection-mention"),
    Binding("enter", "adjust_mention", "Set mention span", id="selection-adjust"),
    Binding("C", "make_claim", "New claim", id="selection-claim"),
    Binding("V", "make_event", "New event", id="selection-event"),
    Binding("f", "set_field", "Set a field of the claim/event", id="selection-field"),
    Binding("escape", "leave", "Leave selection", id="selection-leave"),
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
    *REVIEW_BINDINGS,
    *SELECTION_BINDINGS,
    *ARTICLE_BINDINGS,
    *LIST_BINDINGS,
)
BINDING_IDS: frozenset[str] = frozenset(b.id for b in ALL_BINDINGS if b.id)
