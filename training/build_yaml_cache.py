"""Build ``tui/data/yaml_cache.txt``: the packaged YAML word lists as JSON.

    python -m training.build_yaml_cache [--check]

One line per ``tui/data/*.yaml`` file: the sha256 of its text, a tab, the JSON of what
it parses to (see ``tui/data/__init__.py``). A file whose value JSON cannot hold
exactly (a non-string key, a date) is left out and stays parsed as YAML. Same bytes for
the same files. ``--check`` exits 1 when the shipped cache misses a file or differs.
"""

from __future__ import annotations

import argparse
import json
import sys

from training.paths import ROOT
from tui.data import YAML_CACHE, parse_yaml, yaml_key

DATA = ROOT / "tui" / "data"
OUT = DATA / YAML_CACHE


def build() -> tuple[bytes, list[str]]:
    """The cache's bytes, and the files left out."""
    lines = []
    left_out = []
    for path in sorted(DATA.glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        value = parse_yaml(text)
        encoded = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        if json.loads(encoded) != value:
            left_out.append(path.name)
            continue
        lines.append(f"{yaml_key(text)}\t{encoded}")
    return ("\n".join(sorted(lines)) + "\n").encode("utf-8"), left_out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args(argv)
    data, left_out = build()
    if args.check:
        same = OUT.exists() and OUT.read_bytes() == data
        print(f"{OUT.name}: {'up to date' if same else 'out of date'}")
        sys.exit(0 if same else 1)
    OUT.write_bytes(data)
    print(json.dumps({"file": OUT.name, "bytes": len(data), "left_out": left_out}))


if __name__ == "__main__":
    main()
