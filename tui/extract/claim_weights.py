"""A compact file for learned weights: named float32 tables behind a small JSON header,
read lazily so that opening it costs next to nothing.

Layout: ``MGCW2\\n``, a 4-byte little-endian length and that many bytes of JSON
(``{"meta": {...}, "tables": [{"name", "dims", "count", "block", "blocks"}]}``), then per
table, each part behind a 4-byte length: the first name of every block of ``block``
sorted feature names, joined by newlines (the fences); ``blocks + 1`` little-endian uint32
byte offsets of the blocks in the names part; the names themselves, joined by newlines
(blocks joined by a newline too); then ``count * dims`` float32 values, little-endian.

Why blocks: a table holds ~10^5 names, and turning them all into one dict took ~40 ms of
every start, for a first text that reads a few hundred of them. A name is looked up by
bisecting the fences (a few thousand short strings, split at load) and its block's names
join the table's dict on first use; later lookups are one dict access, as before. A long
text ends up reading most blocks, which costs what the eager dict did, spread over it.
"""

from __future__ import annotations

import json
import struct
import sys
from array import array
from bisect import bisect_right
from collections.abc import Mapping, Sequence

MAGIC = b"MGCW2\n"
BLOCK = 64  # names per block: about 10 µs to open one
ABSENT = -1  # the row remembered for a name the table does not hold
_ABSENT_LIMIT = 200_000  # names remembered as absent, at most (memory stays bounded)


def _le(values: array) -> bytes:
    if sys.byteorder != "little":
        values = array(values.typecode, values)
        values.byteswap()
    return values.tobytes()


def dumps(meta: Mapping, tables: Mapping[str, Mapping[str, Sequence[float]]]) -> bytes:
    """Bytes of a weights file holding ``meta`` (JSON-able) and the named ``tables``
    (deterministic: the same tables give the same bytes)."""
    listed: list[dict] = []
    head = {"meta": meta, "tables": listed}
    body = bytearray()
    for name, table in tables.items():
        keys = sorted(table)
        dims = len(next(iter(table.values()))) if table else 1
        if any("\n" in k for k in keys):
            raise ValueError(f"{name}: a feature name holds a newline")
        blocks = [keys[i : i + BLOCK] for i in range(0, len(keys), BLOCK)]
        parts = [("\n".join(b)).encode("utf-8") for b in blocks]
        offsets = array("I", [0])
        for p in parts:
            offsets.append(offsets[-1] + len(p) + 1)
        fences = "\n".join(b[0] for b in blocks).encode("utf-8")
        names = b"\n".join(parts)
        values = array("f", [float(x) for k in keys for x in table[k]])
        for part in (fences, _le(offsets), names):
            body += struct.pack("<I", len(part)) + part
        body += _le(values)
        listed.append(
            {"name": name, "dims": dims, "count": len(keys), "block": BLOCK, "blocks": len(blocks)}
        )
    header = json.dumps(head, sort_keys=True, separators=(",", ":")).encode("utf-8")
    return MAGIC + struct.pack("<I", len(header)) + header + bytes(body)


class Table:
    """One table: feature name -> row, and ``dims`` float32 values per row.

    ``rows`` holds the names looked up so far (``ABSENT`` for those the table lacks);
    :meth:`find` resolves any other name. Hot loops read ``rows`` first and call
    :meth:`find` only when a name is not there yet.
    """

    __slots__ = ("rows", "values", "dims", "_fences", "_offsets", "_names", "_block", "_open")

    def __init__(
        self,
        rows: dict[str, int],
        values: array,
        dims: int,
        fences: list[str] | None = None,
        offsets: array | None = None,
        names: bytes = b"",
        block: int = BLOCK,
    ) -> None:
        self.rows = rows
        self.values = values
        self.dims = dims
        self._fences = fences or []
        self._offsets = offsets if offsets is not None else array("I", [0])
        self._names = names
        self._block = block
        self._open = bytearray(len(self._fences))  # 1 once a block's names are in rows

    @classmethod
    def of(cls, table: Mapping[str, Sequence[float]], dims: int = 3) -> Table:
        """A table built in memory, every name already in ``rows`` (training uses it
        before anything is saved)."""
        names = sorted(table)
        values = array("f", [float(x) for k in names for x in table[k]])
        return cls({k: n for n, k in enumerate(names)}, values, dims)

    def find(self, name: str) -> int:
        """The row of ``name``, or ``ABSENT``; opens the block it would sit in."""
        rows = self.rows
        r = rows.get(name)
        if r is not None:
            return r
        b = bisect_right(self._fences, name) - 1
        if b >= 0 and not self._open[b]:
            lo, hi = self._offsets[b], self._offsets[b + 1] - 1
            block = self._names[lo:hi].decode("utf-8").split("\n")
            first = b * self._block
            rows.update(zip(block, range(first, first + len(block)), strict=True))
            self._open[b] = 1
            r = rows.get(name)
            if r is not None:
                return r
        if len(rows) < _ABSENT_LIMIT:
            rows[name] = ABSENT
        return ABSENT

    def row(self, name: str) -> tuple[float, ...] | None:
        r = self.find(name)
        return None if r < 0 else tuple(self.values[r * self.dims : (r + 1) * self.dims])

    def __len__(self) -> int:
        return len(self.values) // self.dims

    def names(self) -> list[str]:
        """Every name of the table, in row order."""
        if not self._fences:
            return sorted(self.rows, key=self.rows.__getitem__)
        return self._names.decode("utf-8").split("\n") if self._names else []

    def scalars(self) -> dict[str, float]:
        """A one-column table as a plain name -> value mapping (every name read)."""
        return dict(zip(self.names(), self.values, strict=True))


def _part(raw: bytes, pos: int) -> tuple[bytes, int]:
    if pos + 4 > len(raw):
        raise ValueError("weights file is truncated or damaged")
    (n,) = struct.unpack_from("<I", raw, pos)
    pos += 4
    if pos + n > len(raw):
        raise ValueError("weights file is truncated or damaged")
    return raw[pos : pos + n], pos + n


def loads(data: bytes) -> tuple[dict, dict[str, Table]]:
    """``(meta, tables)`` from the bytes of a weights file; ValueError when it is not one."""
    raw = data
    if not raw.startswith(MAGIC):
        raise ValueError("not a weights file (bad magic)")
    head_bytes, pos = _part(raw, len(MAGIC))
    head = json.loads(head_bytes)
    tables: dict[str, Table] = {}
    for t in head["tables"]:
        fences_bytes, pos = _part(raw, pos)
        offsets_bytes, pos = _part(raw, pos)
        names, pos = _part(raw, pos)
        dims, count, blocks = t["dims"], t["count"], t["blocks"]
        fences = fences_bytes.decode("utf-8").split("\n") if blocks else []
        chunk = raw[pos : pos + 4 * dims * count]
        if len(chunk) != 4 * dims * count or len(offsets_bytes) != 4 * (blocks + 1):
            raise ValueError("weights file is truncated or damaged")
        offsets = array("I")
        offsets.frombytes(offsets_bytes)
        values = array("f")
        values.frombytes(chunk)
        pos += len(chunk)
        if sys.byteorder != "little":
            offsets.byteswap()
            values.byteswap()
        if (
            len(values) != dims * count
            or len(fences) != blocks
            or len(offsets) != blocks + 1
            or offsets[-1] != len(names) + (1 if blocks else 0)
        ):
            raise ValueError("weights file is truncated or damaged")
        tables[t["name"]] = Table({}, values, dims, fences, offsets, names, t["block"])
    return head["meta"], tables
