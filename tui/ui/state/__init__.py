"""What the reader screen knows, apart from how it draws it. No textual here.

See :class:`tui.ui.state.reader.ReaderState`.
"""

from tui.ui.state.entity_types import ACTOR, PLACE, SOURCE, EntityType, EntityTypes
from tui.ui.state.index import Index
from tui.ui.state.reader import CardMode, ReaderState, StateChange
from tui.ui.state.status import Activity, status_line

__all__ = [
    "ACTOR",
    "PLACE",
    "SOURCE",
    "Activity",
    "CardMode",
    "EntityType",
    "EntityTypes",
    "Index",
    "ReaderState",
    "StateChange",
    "status_line",
]
