"""A compact file for learned weights: named float32 tables behind a small JSON header.

Layout (the whole file zlib-compressed): ``MGCW1\\n``, a 4-byte little-endian length and
that many bytes of JSON (``{"meta": {...}, "tables": [{"name", "dims", "count"}]}``),
then per table a 4-byte length and the feature names joined by newlines, followed by
``count * dims`` float32 values, little-endian. Reading is one decompression, one split
per table and one ``array.frombytes``: milliseconds, where JSON of the same weights
takes a parse of every number.
"""

from __future__ import annotations

import json
import struct
import sys
import zlib
from array import array
from collections.abc import Mapping, Sequence

MAGIC = b"MGCW1\n"


def dumps(meta: Mapping, tables: Mapping[str, Mapping[str, Sequence[float]]]) -> bytes:
    """Bytes of a weights file holding ``meta`` (JSON-able) and the named ``tables``."""
    head = {"meta": meta, "tables": []}
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
        head["tables"].append({"name": name, "dims": dims, "count": len(keys)})
    header = json.dumps(head, sort_keys=True, separators=(",", ":")).encode("utf-8")
    raw = MAGIC + struct.pack("<I", len(header)) + header + bytes(body)
    return zlib.compress(raw, 9)


def loads(data: bytes) -> tuple[dict, dict[str, dict[str, tuple[float, ...]]]]:
    """``(meta, tables)`` from the bytes of a weights file; ValueError when it is not one."""
    try:
        raw = zlib.decompress(data)
    except zlib.error as e:
        raise ValueError(f"not a weights file: {e}") from None
    if not raw.startswith(MAGIC):
        raise ValueError("not a weights file (bad magic)")
    pos = len(MAGIC)
    (n,) = struct.unpack_from("<I", raw, pos)
    pos += 4
    head = json.loads(raw[pos : pos + n])
    pos += n
    tables: dict[str, dict[str, tuple[float, ...]]] = {}
    for t in head["tables"]:
        (n,) = struct.unpack_from("<I", raw, pos)
        pos += 4
        names = raw[pos : pos + n].decode("utf-8").split("\n") if n else []
        pos += n
        dims, count = t["dims"], t["count"]
        values = array("f")
        values.frombytes(raw[pos : pos + 4 * dims * count])
        if sys.byteorder != "little":
            values.byteswap()
        pos += 4 * dims * count
        if dims == 1:
            tables[t["name"]] = dict(zip(names, values, strict=True))
        else:
            rows = [tuple(values[k : k + dims]) for k in range(0, dims * count, dims)]
            tables[t["name"]] = dict(zip(names, rows, strict=True))
    return head["meta"], tables
