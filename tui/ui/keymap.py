"""Every bindable action of the reader, in one place.

Each Binding has an ``id``: the config file's ``keymap`` section maps ids to keys
and the app applies it with ``App.set_keymap``. The help screen and the command
palette are generated from these same bindings, so they cannot drift apart. Every
binding of every screen and widget of the reader is here, modal ones included
(a test checks that no ``Binding`` is made anywhere else in ``tui/ui``).

The reader's own keys (READER_BINDINGS, REVIEW_BINDINGS) and selection mode's are
*priority* bindings: Textual runs them as the key arrives, before the keys typed
after it are routed, so a note editor, picker or search box that a key opens gets
every key typed after it, in order. The screen turns them off while a text box or
the selection bar has the focus (``ReaderScreen.check_action``).
"""

from __future__ import annotations

from textual.binding import Binding

APP_BINDINGS: list[Binding] = [
    Binding("q", "quit", "Quit", id="quit"),
    Binding("question_mark,f1", "help", "Help", id="help", key_display="?"),
]

READER_BINDINGS: list[Binding] = [
    Binding("J", "step('claim', 1)", "Next claim", id="next-claim", priority=True),
    Binding("K", "step('claim', -1)", "Prev claim", id="prev-claim", priority=True),
    Binding(
        "right_square_bracket",
        "step('event', 1)",
        "Next event",
        id="next-event",
        priority=True,
        key_display="]",
    ),
    Binding(
        "left_square_bracket",
        "step('event', -1)",
        "Prev event",
        id="prev-event",
        priority=True,
        key_display="[",
    ),
    Binding("e", "step('mention', 1)", "Next entity", id="next-mention", priority=True),
    Binding(
        "E", "step('mention', -1)", "Prev entity", id="prev-mention", priority=True, show=False
    ),
    Binding(
        "asterisk",
        "same_entity",
        "Same entity",
        id="same-entity",
        priority=True,
        key_display="*",
        show=False,
    ),
    Binding("slash", "search", "Search", id="search", priority=True, key_display="/"),
    Binding("n", "search_next", "Next match", id="search-next", priority=True, show=False),
    Binding("N", "search_prev", "Prev match", id="search-prev", priority=True, show=False),
    Binding("tab", "focus_pane(1)", "Switch pane", id="next-pane", priority=True, show=False),
    Binding(
        "shift+tab", "focus_pane(-1)", "Switch pane back", id="prev-pane", priority=True, show=False
    ),
    Binding(
        "backslash",
        "toggle_sidebar",
        "Sidebar",
        id="toggle-sidebar",
        priority=True,
        key_display="\\",
    ),
    Binding("escape", "clear", "Clear marks", id="clear", priority=True, show=False),
]

REVIEW_BINDINGS: list[Binding] = [
    # Verdicts by position on the codebook's scale, so a replaced scale keeps its keys.
    *(
        Binding(
            str(n),
            f"review('verdict', {n})",
            "Verdict" if n == 1 else f"Verdict {n}",
            id=f"verdict-{n}",
            priority=True,
            show=n == 1,
            key_display="1-5" if n == 1 else None,
        )
        for n in range(1, 6)
    ),
    Binding(
        "0", "review('verdict', 0)", "Clear verdict", id="verdict-clear", priority=True, show=False
    ),
    Binding("a", "review('accept')", "Accept", id="accept", priority=True),
    Binding("x", "review('reject')", "Reject", id="reject", priority=True),
    Binding(
        "A",
        "review('accept_all')",
        "Accept all in view",
        id="accept-all",
        priority=True,
        show=False,
    ),
    Binding("c", "review('note')", "Note", id="note", priority=True),
    Binding("t", "review('retype')", "Entity type", id="retype", priority=True, show=False),
    Binding("v", "review('select')", "Select", id="select", priority=True),
    Binding("m", "review('merge')", "Merge/split entity", id="merge", priority=True, show=False),
    Binding("C", "review('new_claim')", "New claim", id="new-claim", priority=True, show=False),
    Binding("V", "review('new_event')", "New event", id="new-event", priority=True, show=False),
    Binding("u", "review('undo')", "Undo", id="undo", priority=True),
    Binding("ctrl+r", "review('redo')", "Redo", id="redo", priority=True, show=False),
    Binding(
        "U",
        "review('filter_unreviewed')",
        "Only unreviewed claims",
        id="filter-unreviewed",
        priority=True,
        show=False,
    ),
    Binding(
        "exclamation_mark",
        "review('needs_attention')",
        "Needs attention",
        id="needs-attention",
        priority=True,
        key_display="!",
        show=False,
    ),
]

SELECTION_BINDINGS: list[Binding] = [
    Binding("w", "extend_word(1)", "Extend by a word", id="selection-word-more", priority=True),
    Binding("b", "extend_word(-1)", "Shrink by a word", id="selection-word-less", priority=True),
    Binding(
        "l", "extend_char(1)", "Extend by a character", id="selection-char-more", priority=True
    ),
    Binding(
        "h", "extend_char(-1)", "Shrink by a character", id="selection-char-less", priority=True
    ),
    Binding(
        "W",
        "shift_word(1)",
        "Move to the next word",
        id="selection-next-word",
        priority=True,
        show=False,
    ),
    Binding(
        "B",
        "shift_word(-1)",
        "Move to the previous word",
        id="selection-prev-word",
        priority=True,
        show=False,
    ),
    Binding("escape", "leave", "Leave selection", id="selection-leave", priority=True),
]

# What a selection is made into: the screen's keys, live only while the selection bar
# has the focus (see ReaderScreen.check_action), so the picker they open is up before
# the next key is routed.
SELECTION_COMMAND_BINDINGS: list[Binding] = [
    Binding(
        "t", "selection('mention')", "New entity mention", id="selection-mention", priority=True
    ),
    Binding(
        "enter", "selection('adjust')", "Set mention span", id="selection-adjust", priority=True
    ),
    Binding("C", "selection('claim')", "New claim", id="selection-claim", priority=True),
    Binding("V", "selection('event')", "New event", id="selection-event", priority=True),
    Binding(
        "f",
        "selection('field')",
        "Set a field of the claim/event",
        id="selection-field",
        priority=True,
    ),
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

SEARCH_BINDINGS: list[Binding] = [
    Binding("escape", "close", "Close the search box", id="search-close"),
]

NOTE_BINDINGS: list[Binding] = [
    # Priority: the text area has the focus and would otherwise take these keys. Saving
    # reads the text only once the area has taken every key typed before ctrl+s.
    Binding("ctrl+s", "save", "Save note", id="note-save", priority=True),
    Binding("escape", "cancel", "Cancel", id="note-cancel", priority=True),
]

PICKER_BINDINGS: list[Binding] = [
    Binding("escape", "cancel", "Cancel", id="picker-cancel"),
]

FUZZY_PICKER_BINDINGS: list[Binding] = [
    *PICKER_BINDINGS,
    Binding("down", "move(1)", "Next", id="picker-down", show=False, priority=True),
    Binding("up", "move(-1)", "Previous", id="picker-up", show=False, priority=True),
]

CONFIRM_BINDINGS: list[Binding] = [
    Binding("y,enter", "answer(True)", "Yes", id="confirm-yes"),
    Binding("n,escape", "answer(False)", "No", id="confirm-no"),
]

CONFLICT_BINDINGS: list[Binding] = [
    Binding("r", "choose('reload')", "Reload from disk", id="conflict-reload"),
    Binding("k", "choose('keep')", "Keep mine", id="conflict-keep"),
]

ATTENTION_BINDINGS: list[Binding] = [
    Binding("escape,q,exclamation_mark", "close", "Close", id="attention-close"),
]

# The library (a folder of articles: marginalia --library FOLDER).
LIBRARY_TABLE_BINDINGS: list[Binding] = [
    Binding("j,down", "cursor(1)", "Row down", id="library-down", show=False),
    Binding("k,up", "cursor(-1)", "Row up", id="library-up", show=False),
    Binding("space,pagedown", "page(1)", "Page down", id="library-page-down", show=False),
    Binding("b,pageup", "page(-1)", "Page up", id="library-page-up", show=False),
    Binding("g,home", "first", "First article", id="library-top", show=False),
    Binding("G,end", "last", "Last article", id="library-bottom", show=False),
]

LIBRARY_BINDINGS: list[Binding] = [
    Binding("enter", "open", "Open", id="library-open"),
    Binding("slash", "filter", "Filter", id="library-filter", key_display="/"),
    Binding("U", "unfinished", "Only unfinished", id="library-unfinished"),
    Binding("s", "sort", "Sort", id="library-sort"),
    Binding("ctrl+f", "search", "Search all", id="library-search"),
    Binding("ctrl+l", "rescan", "Rescan folder", id="library-rescan", show=False),
]

LIBRARY_FILTER_BINDINGS: list[Binding] = [
    Binding("escape", "clear_filter", "Clear filter", id="library-filter-clear"),
    Binding("enter,down", "done_filter", "Back to the list", id="library-filter-done"),
]

LIBRARY_SEARCH_BINDINGS: list[Binding] = [
    Binding("escape", "cancel", "Close search", id="library-search-close"),
    Binding("down", "to_results", "To the results", id="library-search-results", show=False),
]

ARTICLE_STEP_BINDINGS: list[Binding] = [
    Binding(
        "greater_than_sign", "step_article(1)", "Next article", id="next-article", key_display=">"
    ),
    Binding(
        "less_than_sign", "step_article(-1)", "Previous article", id="prev-article", key_display="<"
    ),
]

# The adjudication screen (two reviews settled into a merged one): on top of the
# reader's keys, J/K step through the differences instead of the claims.
ADJUDICATE_BINDINGS: list[Binding] = [
    Binding("J", "difference(1)", "Next difference", id="next-difference", priority=True),
    Binding("K", "difference(-1)", "Prev difference", id="prev-difference", priority=True),
    Binding("H", "take('A')", "Take A's", id="take-a", priority=True),
    Binding("L", "take('B')", "Take B's", id="take-b", priority=True),
]

ALL_BINDINGS: tuple[Binding, ...] = (
    *ADJUDICATE_BINDINGS,
    *LIBRARY_TABLE_BINDINGS,
    *LIBRARY_BINDINGS,
    *LIBRARY_FILTER_BINDINGS,
    *LIBRARY_SEARCH_BINDINGS,
    *ARTICLE_STEP_BINDINGS,
    *HELP_BINDINGS,
    *SEARCH_BINDINGS,
    *NOTE_BINDINGS,
    *FUZZY_PICKER_BINDINGS,
    *CONFIRM_BINDINGS,
    *CONFLICT_BINDINGS,
    *ATTENTION_BINDINGS,
    *APP_BINDINGS,
    *READER_BINDINGS,
    *REVIEW_BINDINGS,
    *SELECTION_BINDINGS,
    *SELECTION_COMMAND_BINDINGS,
    *ARTICLE_BINDINGS,
    *LIST_BINDINGS,
)
BINDING_IDS: frozenset[str] = frozenset(b.id for b in ALL_BINDINGS if b.id)
