"""A fast reader for the YAML subset our own emitter writes.

PyYAML builds Python objects in Python even with libyaml (~23 ms for a reviewed
article's 33 KB sidecar). Sidecars are almost always written by ``emit.dump``,
whose shape is narrow: block mappings and lists, ``[]``/``{}``, plain scalars,
double-quoted scalars on one line. This reads exactly that and returns None for
anything else (comments after the header, single quotes, flow collections,
anchors, tabs, blank lines, multi-line scalars...), so the caller falls back to
``yaml.safe_load``. Plain scalars that could be typed are typed with PyYAML's own
resolver, so the result always equals ``yaml.safe_load`` of the same text
(property tests check it).

How it stays fast: one regular expression (C code) splits every line into
indent, dash, key and value and refuses any line outside the subset, so the
Python loop that builds the containers does no scanning of its own and only a
few operations per line.
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

# Characters that never appear raw in what the emitter writes: control characters
# other than the line break (tabs among them), YAML's other line breaks, the BOM,
# surrogates and non-characters. A text holding one is left to PyYAML, and so the
# line pattern below need not exclude them character by character.
_BAD = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff]")
# One line: indent, "- ", "key:", then one of these values (or none after a key):
# 1. text: a plain scalar that cannot be typed (its first character cannot start a
#    number, bool or null, see emit._MAYBE_TYPED) with no ":" or "#" in it;
# 2. quoted: a double-quoted scalar with no quote inside (escaped or not; the group
#    keeps the opening quote so that "" is told from no value);
# 3. typed: a plain scalar that may be typed (the resolver decides), no ":" or "#";
# 4. "[]"; 5. "{}";
# 6. other: anything else, checked fully in Python (rare: a quote or ":" inside).
# Trailing spaces and blank lines are refused before (see parse).
_LINE = re.compile(
    r"^( *)(- )?(?:([A-Za-z_][A-Za-z0-9_]*):(?: |$))?"
    r"(?:([^\s\-?:,\[\]{}#&*!|>'\"%@`yYnNtTfFoO+0-9.<~=][^:#\n]*)"
    r'|("[^"\n]*)"'
    r"|([yYnNtTfFoO+0-9.<~=][^:#\n]*|[-+][0-9.][0-9.eE+\-]*)"
    r"|(\[\])|(\{\})|(\S[^\n]*))?$",
    re.MULTILINE,
)
# A whole double-quoted scalar on one line (every backslash escapes something).
_QUOTED = re.compile(r'"(?:[^"\\\n]|\\.)*"')

_STRING_KEYS: set[str] = set()  # keys already known to read back as themselves
_TYPED: dict[str, Any] = {}  # plain scalars that might be typed -> their value (bounded)
_DIGITS = frozenset("0123456789")


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


def _typed(s: str) -> Any:
    """A plain scalar that may be a number, bool or null (types repeat: remembered)."""
    if s[0] in _DIGITS and s.isdigit() and (len(s) == 1 or s[0] != "0") and s.isascii():
        return int(s)  # offsets: too many distinct ones to remember
    try:
        return _TYPED[s]
    except KeyError:
        pass
    value = _plain(s)
    if len(_TYPED) >= 4096:
        _TYPED.clear()
    _TYPED[s] = value
    return value


def _unescape(m: re.Match[str]) -> str:
    code = m.group(1) or m.group(2) or m.group(3)
    return chr(int(code, 16)) if code else _SIMPLE_ESCAPES[m.group(4)]


def _quoted(q: str) -> str:
    """The value of a double-quoted scalar (``q`` is it without its closing quote)."""
    body = q[1:]
    if "\\" in body:
        if "\\" in _ESCAPE.sub("", body):
            raise _NotOurs  # an escape we do not write
        body = _ESCAPE.sub(_unescape, body)
    return body


def _other(value: str) -> Any:
    """A value outside the common shapes: a quoted scalar with quotes inside, or a plain
    scalar with ":" or "#" inside (or one PyYAML must read)."""
    if value[0] == '"':
        if not _QUOTED.fullmatch(value):
            raise _NotOurs
        return _quoted(value[:-1])
    return _plain(value)


def _scalar(text: str, quoted: str, typed: str, empty_list: str, empty_map: str, other: str) -> Any:
    if text:
        return text
    if quoted:
        return _quoted(quoted)
    if typed:
        return _typed(typed)
    if empty_list:
        return []
    if empty_map:
        return {}
    if other:
        return _other(other)
    raise _NotOurs


def _body(text: str) -> str:
    """The text after the header comment, ending with a line break."""
    start = 0
    while text.startswith("#", start):
        end = text.find("\n", start)
        if end < 0:
            return ""
        start = end + 1
    body = text[start:] if start else text
    if body and not body.endswith("\n"):
        body += "\n"
    return body


Row = tuple[str, str, str, str, str, str, str, str, str]


def _build(rows: list[Row]) -> Any:
    """The containers the rows describe; _NotOurs where the nesting leaves the subset."""
    first_indent, first_dash = rows[0][0], rows[0][1]
    if first_indent:
        raise _NotOurs
    root: Any = [] if first_dash else {}
    # the open container, the column of its lines, and "- " if it is a list
    cur: Any = root
    cur_col = 0
    cur_dash = first_dash
    stack: list[tuple[Any, int, str]] = []
    pending: dict[str, Any] | None = None  # a mapping whose last key had no value on its line
    pending_key = ""
    pending_col = 0
    string_keys = _STRING_KEYS
    # The loop runs once per line of every sidecar read: values are built inline.
    for indent, dash, key, text, quoted, typed, empty_list, empty_map, other in rows:
        col = len(indent)
        if pending is not None:
            # "key:" then deeper lines (or a list at the key's own column) is a block
            if col > pending_col or (col == pending_col and dash):
                new: Any = [] if dash else {}
                pending[pending_key] = new
                stack.append((cur, cur_col, cur_dash))
                cur, cur_col, cur_dash = new, col, dash
            else:
                pending[pending_key] = None  # "key:" with nothing below is null
            pending = None
        if col != cur_col or dash != cur_dash:
            # back out to the container this line belongs to
            while col < cur_col or (col == cur_col and dash != cur_dash):
                if not stack:
                    raise _NotOurs
                cur, cur_col, cur_dash = stack.pop()
            if col != cur_col:
                raise _NotOurs  # deeper than any open container: a continuation line
        if dash:
            if not key:
                cur.append(_scalar(text, quoted, typed, empty_list, empty_map, other))
                continue
            item: dict[str, Any] = {}
            cur.append(item)
            stack.append((cur, cur_col, dash))
            cur, cur_col, cur_dash = item, col + 2, ""
        elif not key:
            raise _NotOurs  # a bare scalar inside a mapping
        if key not in string_keys:
            if _plain(key) != key:
                raise _NotOurs  # a key YAML would read as something else ("no", "null")
            string_keys.add(key)
        if text:
            cur[key] = text
        elif quoted:
            cur[key] = _quoted(quoted) if "\\" in quoted else quoted[1:]
        elif typed:
            cur[key] = _typed(typed)
        elif empty_list:
            cur[key] = []
        elif empty_map:
            cur[key] = {}
        elif other:
            cur[key] = _other(other)
        else:
            pending, pending_key, pending_col = cur, key, cur_col
    if pending is not None:
        pending[pending_key] = None
    return root


def parse(text: str) -> Any | None:
    """What ``yaml.safe_load(text)`` gives, or None when the text is not in our subset."""
    body = _body(text)
    if not body or body[0] == "\n" or "\n\n" in body or " \n" in body or _BAD.search(body):
        return None  # blank lines, trailing spaces, characters the emitter escapes
    rows = _LINE.findall(body, 0, len(body) - 1)  # not the empty "line" after the last break
    if len(rows) != body.count("\n"):
        return None  # some line is outside the subset
    try:
        return _build(rows)
    except (_NotOurs, ValueError):
        return None
