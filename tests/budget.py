"""How many examples a property test tries: few on every run, many in the nightly one.

The whole suite must stay under 40 s on 2 cores, so every run uses the "quick" profile
(tests/conftest.py) and the counts written in the tests. ``pytest --hypothesis-profile
thorough`` multiplies them by ten (and gives 1,000 to tests that name no count): run it
nightly, or after touching a parser, an emitter or the anchoring.
"""

from __future__ import annotations

from hypothesis import settings

THOROUGH = "thorough"
FACTOR = 10


def examples(quick: int) -> int:
    """``quick`` examples on an ordinary run, ten times as many under the thorough profile."""
    return quick * FACTOR if settings.get_current_profile_name() == THOROUGH else quick
