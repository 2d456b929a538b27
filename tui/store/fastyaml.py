"""A fast reader for the YAML subset our own emitter writes.

PyYAML builds Python objects in Python even with libyaml: ~1.6 s for a sidecar
of 5,000 items. Sidecars are almost always written by ``emit.dump``, whose shape
is narrow: block mappings and lists, ``[]``/``{}``, plain scalars, double-quoted
scalars on one line. This reads exactly that and returns None for anything else
(comments after the header, single quotes, flow collections, anchors, tabs,
multi-line scalars...), so the caller falls back to ``yaml.safe_load``. Plain
scalars are typed with PyYAML's own resolver, so the result always equals
``yaml.safe_load`` of the same text (a property test checks it).
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from tui.store.emit import _MAYBE_TYPED, _PLAIN, _RESOLVER, _STR

_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_FLOAT = re.compile(r"[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+][0-9]+)?")
_ESCAPE = re.compile(r'\\(?:x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|([\\"nrt0/ ]))')
_SIMPLE_ESCAPES = {
    "\\": "\\",
    '"': '"',
    "n": "\n",
    "r": "\r",
    "t": "\t",
    "0": "\x00",
    "/": "/",
    " ": " ",
}
_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_]*):(?: (.*))?$")


_STRING_KEYS: set[str] = set()  # keys already known to read back as themselves


class _NotOurs(Exception):
    """The text leaves the subset; the caller uses the full YAML parser."""


def _plain(s: str) -> Any:
    if s.isdigit() and (len(s) == 1 or s[0] != "0") and s.isascii():
        return int(s)  # offsets: by far the most common scalar
    if _INT.fullmatch(s) or _FLOAT.fullmatch(s):
        tag = _RESOLVER.resolve(yaml.ScalarNode, s, (True, False))
        if tag == "tag:yaml.org,2002:int":
            return int(s)
        if tag == "tag:yaml.org,2002:float":
            return float(s)
        if tag == _STR:
            return s
        raise _NotOurs
    if not _PLAIN.fullmatch(s) or s[-1] in " :":
        raise _NotOurs
    if s[0] not in _MAYBE_TYPED:
        return s
    tag = _RESOLVER.resolve(yaml.ScalarNode, s, (True, False))
    if tag == _STR:
        return s
    if tag == "tag:yaml.org,2002:null":
        return None
    if tag == "tag:yaml.org,2002:bool":
        return s.lower() in ("yes", "true", "on", "y")
    if tag == "tag:yaml.org,2002:int" and _INT.fullmatch(s):
        return int(s)
    if tag == "tag:yaml.org,2002:float" and _FLOAT.fullmatch(s):
        return float(s)
    raise _NotOurs  # hex, octal, sexagesimal, .inf, timestamps: let PyYAML decide


def _quoted(s: str) -> str:
    body = s[1:-1]
    if len(s) < 2 or s[-1] != '"' or re.search(r'(?<!\\)(?:\\\\)*"', body):
        raise _NotOurs

    def unescape(m: re.Match[str]) -> str:
        code = m.group(1) or m.group(2) or m.group(3)
        return chr(int(code, 16)) if code else _SIMPLE_ESCAPES[m.group(4)]

    if "\\" in body:
        rest = _ESCAPE.sub("", body)
        if "\\" in rest:
            raise _NotOurs  # an escape we do not write
        body = _ESCAPE.sub(unescape, body)
    return body


def _scalar(s: str) -> Any:
    if not s:
        return None
    if s == "[]":
        return []
    if s == "{}":
        return {}
    if s[0] == '"':
        return _quoted(s)
    return _plain(s)


class _Lines:
    def __init__(self, text: str) -> None:
        self.items: list[tuple[int, str]] = []
        lines = text.split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        started = False
        for line in lines:
            if not started and line.startswith("#"):
                continue  # the header comment
            started = True
            stripped = line.lstrip(" ")
            if not stripped or "\t" in line or stripped.startswith("#") or line.endswith(" "):
                raise _NotOurs
            self.items.append((len(line) - len(stripped), stripped))
        self.i = 0

    def peek(self) -> tuple[int, str] | None:
        return self.items[self.i] if self.i < len(self.items) else None


def _block(lines: _Lines, indent: int) -> Any:
    nxt = lines.peek()
    if nxt is None or nxt[0] != indent:
        raise _NotOurs
    if nxt[1] == "-" or nxt[1].startswith("- "):
        return _sequence(lines, indent)
    return _mapping(lines, indent, None)


def _value_after_key(lines: _Lines, indent: int, rest: str | None) -> Any:
    if rest is not None:
        return _scalar(rest)
    nxt = lines.peek()
    if nxt is not None and (
        nxt[0] > indent or (nxt[0] == indent and (nxt[1] == "-" or nxt[1].startswith("- ")))
    ):
        return _block(lines, nxt[0])
    return None  # "key:" with nothing below is null


def _mapping(lines: _Lines, indent: int, first: str | None) -> dict[str, Any]:
    out: dict[str, Any] = {}
    while True:
        if first is not None:
            content, first = first, None
        else:
            nxt = lines.peek()
            if nxt is None or nxt[0] != indent or nxt[1].startswith("- ") or nxt[1] == "-":
                if nxt is not None and nxt[0] > indent:
                    raise _NotOurs
                return out
            content = nxt[1]
            lines.i += 1
        m = _KEY.match(content)
        if m is None:
            raise _NotOurs
        key = m.group(1)
        if key not in _STRING_KEYS:
            if _plain(key) != key:
                raise _NotOurs  # a key YAML would read as something else ("no", "null")
            _STRING_KEYS.add(key)
        out[key] = _value_after_key(lines, indent, m.group(2))


def _sequence(lines: _Lines, indent: int) -> list[Any]:
    out: list[Any] = []
    while True:
        nxt = lines.peek()
        if nxt is None or nxt[0] != indent or not (nxt[1] == "-" or nxt[1].startswith("- ")):
            if nxt is not None and nxt[0] > indent:
                raise _NotOurs
            return out
        lines.i += 1
        item = nxt[1][2:]
        if not item:
            raise _NotOurs
        if _KEY.match(item):
            out.append(_mapping(lines, indent + 2, item))
        elif item.startswith("- "):
            raise _NotOurs
        else:
            out.append(_scalar(item))


def parse(text: str) -> Any | None:
    """What ``yaml.safe_load(text)`` gives, or None when the text is not in our subset."""
    try:
        lines = _Lines(text)
        if not lines.items:
            return None
        data = _block(lines, 0)
        if lines.peek() is not None:
            return None
        return data
    except (_NotOurs, ValueError, RecursionError):
        return None
