"""Two costs every Pilot test pays that say nothing about the app (tests/ui/conftest.py).

Measured on the UI tests in one process (a loaded 2-core machine): a new App parses every
widget's CSS afresh, twice (once as written, once with the theme's variables), ~10% of the
tests' CPU; and Pilot paces every key with two idle checks that each sleep at least 20 ms,
849 checks in all, 17 s of a quiet run spent asleep.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual import _wait
from textual.css.stylesheet import Stylesheet

# Textual's own window is 1/50 s, idle meaning under 1/20 of it busy: the same ratio over a
# window a quarter as long. A key's own work (bindings, messages, the screen update) is what
# `_wait_for_screen` waits for, before and whatever this says; background threads are
# waited for by tests/waiting.py on what they produce, never by Pilot's idle guess.
IDLE_WINDOW = 1 / 200


def share_parsed_css() -> None:
    """Parse each CSS source once per process, not once per App.

    A Stylesheet caches parsed rules only for its own life, so every App (hundreds in a
    run) parses the same DEFAULT_CSS again. The rules depend only on the CSS text, where it
    came from, its rank and scope and the variables (the theme); all of them make the key, so
    a theme test still parses its own. Rules are only read once parsed. Errors are raised
    before anything is stored, and CSS with errors raises again each time it is applied.
    """
    original: Callable[..., Any] = Stylesheet._parse_rules
    if getattr(original, "shared_by_tests", False):
        return
    cache: dict[tuple[object, ...], Any] = {}

    def parse_rules(
        self: Stylesheet,
        css: str,
        read_from: Any,
        is_default_rules: bool = False,
        tie_breaker: int = 0,
        scope: str = "",
    ) -> Any:
        variables = tuple(sorted(self._variables.items()))
        key = (css, read_from, is_default_rules, tie_breaker, scope, variables)
        rules = cache.get(key)
        if rules is None:
            rules = original(self, css, read_from, is_default_rules, tie_breaker, scope)
            cache[key] = rules
        return rules

    parse_rules.shared_by_tests = True  # type: ignore[attr-defined]
    Stylesheet._parse_rules = parse_rules  # type: ignore[method-assign]


def shorter_idle_window() -> None:
    """Pilot's idle check samples over IDLE_WINDOW instead of 1/50 s (read at each call)."""
    _wait.SLEEP_GRANULARITY = IDLE_WINDOW
    _wait.SLEEP_IDLE = IDLE_WINDOW / 20
