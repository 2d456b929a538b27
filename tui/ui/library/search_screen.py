"""SearchScreen: search every article of the library (ctrl+f), enter opens one at the item.

The query language is tui.corpus.query's (words, "phrases", field:value, unreviewed);
searching runs in a thread as you type, so a slow disk never holds a key back.
"""

from __future__ import annotations

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from tui.corpus.index import CorpusIndex
from tui.corpus.query import QueryError
from tui.corpus.search import Hit, SearchResult, search
from tui.corpus.visible import visible
from tui.ui.keymap import LIBRARY_SEARCH_BINDINGS
from tui.ui.library.typeahead import bound_action, type_into

HELP = (
    'words, "phrases", word*  ·  source: cue: content: type: actor: place: entity: '
    "verdict: note: text: kind:claim|event|entity|text  ·  unreviewed"
)
# What enter gives back: the article (relative path), the item id (or None), the offset.
Opened = tuple[str, str | None, int]


def hit_text(hit: Hit) -> Text:
    head = Text.assemble(
        (visible(hit.title), "bold"),
        "  ",
        (f"{hit.kind} {hit.item}".strip(), "italic"),
        "  ",
        visible(hit.label),
    )
    return Text.assemble(head, "\n   ", (visible(hit.sentence), "dim"))


class SearchScreen(ModalScreen[Opened | None]):
    """A query box over a list of results."""

    BINDINGS = [*LIBRARY_SEARCH_BINDINGS]

    def __init__(self, index: CorpusIndex, query: str = "") -> None:
        super().__init__()
        self.index = index
        self.initial = query
        self.hits: tuple[Hit, ...] = ()
        # Enters typed ahead (before the box had the focus): the first goes to the results
        # once they are in, the second opens the first of them.
        self._enters = 0
        # Dismissed: a search still running has nowhere to show. Not `_closed`: that is
        # Textual's own (the message pump's), and setting it made the screen refuse every
        # message after escape, the Prune that removes it included: the app froze.
        self._dismissed = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="modal-box search-box"):
            yield Static(Text("Search the library", style="bold"))
            yield Input(value=self.initial, placeholder=HELP, id="library-query")
            yield OptionList(id="library-hits")
            yield Static(id="library-search-status", classes="modal-foot")

    def on_mount(self) -> None:
        boxes = self.query(Input)
        if self._dismissed or not boxes:
            return  # escape typed with ctrl+f dismissed it before it was mounted
        box = boxes.first()
        self.set_focus(box)
        if box.value:  # the query it started with, and keys typed ahead since
            self._search(box.value)

    def on_key(self, event: events.Key) -> None:
        # Nothing focused yet: the key came straight to the screen, typed ahead of the box.
        if self.focused is None and self.type_ahead(event):
            event.stop()
            event.prevent_default()

    def type_ahead(self, event: events.Key) -> bool:
        """A key typed for this screen before its box had the focus (it reached the
        library's table, or this screen itself): handled as the box would have. False
        once the search is closed: keys typed after escape are the library's again."""
        if self._dismissed:
            return False
        action = bound_action(self, event.key)
        if action == "cancel":
            # Closed now, not once the app comes round to it: ctrl+f typed right after
            # escape opens a fresh search instead of reaching this closing one. (Only
            # the screen on top can be popped; under another one it waits its turn.)
            if self.app.screen is self:
                self.action_cancel()
            else:
                self.app.call_later(self.action_cancel)
            return True
        if event.key == "enter":
            self._enters += 1
            self._replay_enters()
            return True
        boxes = self.query(Input)
        if boxes:
            type_into(boxes.first(), event)
        elif event.key == "backspace":  # not composed yet: the box will start with this
            self.initial = self.initial[:-1]
        elif event.is_printable and event.character:
            self.initial += event.character
        return True

    def _replay_enters(self) -> None:
        if not self._enters or not self.hits:
            return
        self._enters -= 1
        self.action_to_results()
        if self._enters:
            self._enters = 0
            hits = self.query_one(OptionList)
            self._chosen_index(hits.highlighted or 0)

    @on(Input.Changed, "#library-query")
    def _changed(self, event: Input.Changed) -> None:
        self._search(event.value)

    @on(Input.Submitted, "#library-query")
    def _submitted(self) -> None:
        self.action_to_results()

    @work(thread=True, exclusive=True, group="search")
    def _search(self, query: str) -> None:
        try:
            result = search(self.index, query)
        except QueryError as exc:
            self.app.call_from_thread(self._show, None, str(exc), query)
            return
        self.app.call_from_thread(self._show, result, "", query)

    def _show(self, result: SearchResult | None, error: str, query: str) -> None:
        box = next(iter(self.query(Input)), None)
        hits = next(iter(self.query(OptionList)), None)
        status = next(iter(self.query("#library-search-status").results(Static)), None)
        if self._dismissed or box is None or hits is None or status is None:
            return  # closed, or its widgets going as the app quits: nowhere to show
        if query != box.value:
            return  # typed on since: a newer search is coming
        if result is None:
            status.update(Text(visible(error)))
            return
        self.hits = result.hits
        hits.clear_options()
        hits.add_options([Option(hit_text(h)) for h in result.hits])
        count = f"{len(result.hits)}{'+' if result.more else ''} results"
        line = f"{count} · enter opens · escape closes" if query.strip() else HELP
        if result.unannotated:
            line += f" · {result.unannotated_note()}"
        status.update(Text(line))
        # as a message of this screen's, as a key would be: dismissing from the search
        # thread's callback could leave the screen half-popped
        self.call_later(self._replay_enters)

    def action_to_results(self) -> None:
        if self.hits:
            hits = self.query_one(OptionList)
            hits.highlighted = hits.highlighted or 0
            hits.focus()

    @on(OptionList.OptionSelected, "#library-hits")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self._chosen_index(event.option_index)

    def _chosen_index(self, index: int) -> None:
        hit = self.hits[index]
        self._dismissed = True
        self.dismiss((hit.path, hit.item or None, hit.start))

    def action_cancel(self) -> None:
        if not self._dismissed:
            self._dismissed = True
            self.dismiss(None)
