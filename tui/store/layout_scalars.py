"""What one value on a sidecar line means, for :mod:`tui.store.layout_reader`.

Only values whose YAML meaning is plain are read here (an unquoted string that cannot
be typed, a double-quoted string, a decimal integer, ``digits.digits``, ``null``);
anything else raises :class:`_Decline`, and the general path reads the whole file.
"""

from __future__ import annotations

from tui.store import fastyaml

# An unquoted value starting with one of these may be typed, an indicator, or need a
# closer look: it goes through fastyaml's full plain-scalar check.
_CAREFUL_FIRST = frozenset(" -?:,[]{}#&*!|>'\"%@`yYnNtTfFoO+0123456789.<~=")
# Letters that start YAML 1.1's typed words (bools like "yes", "Off", nulls like
# "NULL"); none is longer than five letters.
_WORDY = frozenset("yYnNtTfFoO")


class _Decline(Exception):
    """Not the exact layout (or a value to look at closely): the general path reads it."""


def _slow_str(v: str) -> str:
    if not v:
        raise _Decline  # "key:" alone is null (or a block below)
    if v[0] == '"':
        if len(v) < 2 or v[-1] != '"':
            raise _Decline
        inner = v[1:-1]
        if '"' not in inner:
            backslashes = inner.count("\\")
            if not backslashes:
                return inner
            if backslashes == inner.count("\\n"):  # every escape a line break (common)
                return inner.replace("\\n", "\n")
        if not fastyaml._QUOTED.fullmatch(v):
            raise _Decline
        return fastyaml._quoted(v[:-1])
    value = fastyaml._typed(v)  # fastyaml's plain-scalar rules (remembered: they repeat)
    if type(value) is not str:
        raise _Decline  # typed (a number, a bool): the general path decides what it means
    return value


def _str(v: str) -> str:
    """The string a value on a line means (only string values are accepted)."""
    if v and ":" not in v and "#" not in v:
        first = v[0]
        if first not in _CAREFUL_FIRST or (first in _WORDY and len(v) > 5):
            return v  # a plain scalar that cannot be typed: itself
    return _slow_str(v)


def _opt_str(v: str) -> str | None:
    return None if v == "null" else _str(v)


def _int(v: str) -> int:
    if v.isdigit() and v.isascii() and (v[0] != "0" or len(v) == 1):
        return int(v)
    raise _Decline  # signs, octal, underscores...: YAML 1.1 rules, the general path's


def _opt_int(v: str) -> int | None:
    return None if v == "null" else _int(v)


def _float(v: str) -> float:
    whole, dot, frac = v.partition(".")
    if dot and whole.isdigit() and frac.isdigit() and v.isascii():
        return float(v)
    raise _Decline


def _verdict(v: str) -> str | None:
    if v in ("false", "true"):  # a hand-written boolean names the verdict (as decoded)
        return v
    return _opt_str(v)
