"""A compact file for learned weights: named float32 tables behind a small JSON header.

Layout: ``MGCW1\\n``, a 4-byte little-endian length and
that many bytes of JSON (``{"meta": {...}, "tables": [{"name", "dims", "count"}]}``),
then per table a 4-byte length and the feature names joined by newlines, followed by
``count * dims`` float32 values, little-endian. Reading is one split per table, one
``dict(zip(...))`` and one ``array.frombytes``: milliseconds, where JSON of the same
weights takes a parse of every number (and zlib would add a decompression to every
start for a smaller wheel).
"""

from __future__ import annotations

import json
import struct
import sys
from array import array
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

MAGIC = b"MGCW1\n"


def dumps(meta: Mapping, tables: Mapping[str, Mapping[str, Sequence[float]]]) -> bytes:
    """Bytes of a weights file holding ``meta`` (JSON-able) and the named ``tables``."""
    listed: list[dict] = []
    head = {"meta": meta, "tables": listed}
    body = bytearray()
    for name, table in tables.items():
        keys = sorted(table)
        dims = len(next(iter(table.values()))) if table else 1
        if any("\n" in k for k in keys):
            raise ValueError(f"{name}: a feature name holds a newline")
        blob = "\n".join(keys).encode("utf-8")
        values = array("f", [float(x) for k in keys for x in table[k]])
        if sys.byteorder != "little":
            values.byteswap()
        body += struct.pack("<I", len(blob)) + blob + values.tobytes()
        listed.append({"name": name, "dims": dims, "count": len(keys)})
    header = json.dumps(head, sort_keys=True, separators=(",", ":")).encode("utf-8")
    return MAGIC + struct.pack("<I", len(header)) + header + bytes(body)


@dataclass(frozen=True, slots=True)
class Table:
    """One table: feature name -> row, and ``dims`` float32 values per row."""

    rows: dict[str, int]
    values: array
    dims: int

    @classmethod
    def of(cls, table: Mapping[str, Sequence[float]], dims: int = 3) -> Table:
        """A table built in memory (training uses it before anything is saved)."""
        names = sorted(table)
        values = array("f", [float(x) for k in names for x in table[k]])
        return cls({k: n for n, k in enumerate(names)}, values, dims)

    def row(self, name: str) -> tuple[float, ...] | None:
        r = self.rows.get(name)
        return None if r is None else tuple(self.values[r * self.dims : (r + 1) * self.dims])

    def scalars(self) -> dict[str, float]:
        """A one-column table as a plain name -> value mapping."""
        return dict(zip(self.rows, self.values, strict=True))


def loads(data: bytes) -> tuple[dict, dict[str, Table]]:
    """``(meta, tables)`` from the bytes of a weights file; ValueError when it is not one."""
    raw = data
    if not raw.startswith(MAGIC):
        raise ValueError("not a weights file (bad magic)")
    pos = len(MAGIC)
    (n,) = struct.unpack_from("<I", raw, pos)
    pos += 4
    head = json.loads(raw[pos : pos + n])
    pos += n
    tables: dict[str, Table] = {}
    for t in head["tables"]:
        (n,) = struct.unpack_from("<I", raw, pos)
        pos += 4
        names = raw[pos : pos + n].decode("utf-8").split("\n") if n else []
        pos += n
        dims, count = t["dims"], t["count"]
        chunk = raw[pos : pos + 4 * dims * count]
        if len(chunk) != 4 * dims * count:
            raise ValueError("weights file is truncated or damaged")
        values = array("f")
        values.frombytes(chunk)
        if sys.byteorder != "little":
            values.byteswap()
        pos += 4 * dims * count
        if len(values) != dims * count or len(names) != count:
            raise ValueError("weights file is truncated or damaged")
        tables[t["name"]] = Table(dict(zip(names, range(count), strict=True)), values, dims)
    return head["meta"], tables
