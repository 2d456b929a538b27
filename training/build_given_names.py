"""Build ``tui/data/given_names.txt``: common English given names (the tagger's "given"
feature).

    python -m training.build_given_names [--check]

The first names of the 1990 US Census (the ``names`` package, MIT; the census lists are
public domain), needed here only: 5,000-odd names, title case, sorted, one a line after
a header line naming the source and the sha256 of its files. A name the training corpora
never show is still known as a given name ("Gloria", "Eunice"; not "Dries").
``--check`` exits 1 when the shipped file differs from a fresh build.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from importlib import resources

from training.paths import ROOT
from tui.extract.gazetteer import GIVEN_FILE

OUT = ROOT / "tui" / "data" / GIVEN_FILE
SOURCES = ("dist.female.first", "dist.male.first")


def build() -> str:
    """The file's text: a header line, then the names."""
    files = resources.files("names")
    names: set[str] = set()
    digest = hashlib.sha256()
    for source in SOURCES:
        raw = files.joinpath(source).read_bytes()
        digest.update(raw)
        for line in raw.decode("ascii").splitlines():
            if line.strip():
                names.add(line.split()[0].title())
    header = f"# US Census 1990 first names (names package, MIT) sha256 {digest.hexdigest()}"
    return "\n".join([header, *sorted(names)]) + "\n"


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--check", action="store_true", help="compare with the shipped file")
    args = ap.parse_args(argv)
    text = build()
    if args.check:
        same = OUT.is_file() and OUT.read_text(encoding="utf-8") == text
        print("given names: " + ("up to date" if same else "differ from a fresh build"))
        sys.exit(0 if same else 1)
    OUT.write_text(text, encoding="utf-8")
    print(f"{OUT.name}: {text.count(chr(10)) - 1} names")


if __name__ == "__main__":
    main()
