"""What the reader looks like: the seed with hand-made annotations, two themes, two sizes.

Update after an intended change with ``pytest tests/ui/test_snapshots.py --snapshot-update``.
"""

from __future__ import annotations

import pytest

from tests.ui.test_reader import make_app


@pytest.mark.parametrize("theme", ["dark", "light"])
@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
def test_seed(snap_compare, theme, size):
    # J shows the first claim's marks (source, cue, content) and the claim card.
    assert snap_compare(make_app(theme=theme), press=["J"], terminal_size=size)


def test_seed_event_and_search(snap_compare):
    press = ["right_square_bracket", "slash", *"rebel", "enter"]
    assert snap_compare(make_app(theme="okabe-ito"), press=press, terminal_size=(120, 40))
